import { isMissingEndpoint } from './catalog';
import { ApiError, request } from './http';
import type { LinkInfo, StartedDownload } from './types';

/**
 * download-service, through the gateway (public: the link token is the credential).
 *
 * The page relies on the contract proposed in web/README.md: `GET …/{token}/info` describes the video without counting,
 * `POST …/{token}/start {visitId, purpose}` mints a presigned URL and records at most one `Downloaded` per visit. While
 * the service only has today's `GET …/{token}` (which counts every call), the page falls back to it, once per visit.
 */
const base = '/api/v1/downloads';
const LINK_NOT_FOUND = 'LINK_NOT_FOUND';

export type StartPurpose = 'PLAY' | 'DOWNLOAD';

export const downloadsApi = {
  /** null: the service has no info endpoint yet (the page shows the details once the video is started). */
  async info(token: string, signal?: AbortSignal): Promise<LinkInfo | null> {
    try {
      return await request<LinkInfo>('GET', `${base}/${encodeURIComponent(token)}/info`, { signal });
    } catch (e) {
      if (e instanceof ApiError && isMissingEndpoint(e, LINK_NOT_FOUND)) return null;
      throw e;
    }
  },
  async start(token: string, visitId: string, purpose: StartPurpose): Promise<StartedDownload> {
    try {
      return await request<StartedDownload>('POST', `${base}/${encodeURIComponent(token)}/start`,
        { body: { visitId, purpose } });
    } catch (e) {
      if (e instanceof ApiError && isMissingEndpoint(e, LINK_NOT_FOUND)) return downloadsApi.legacy(token);
      throw e;
    }
  },
  /** Today's endpoint: a fresh URL and the details; every call counts as a download. */
  legacy(token: string): Promise<StartedDownload> {
    return request<StartedDownload>('GET', `${base}/${encodeURIComponent(token)}`);
  },
};
