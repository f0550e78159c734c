import { call, request } from './http';
import type { Answer } from './http';
import type {
  Completion, InitiateRequest, Initiation, PartUrls, SinglePutUrl, UploadParts,
} from './types';

/** upload-service, through the gateway (upload-service/README.md). */
const base = '/api/v1/uploads';
const id = (fileId: string) => `${base}/${encodeURIComponent(fileId)}`;

export const uploadsApi = {
  initiate(body: InitiateRequest, signal?: AbortSignal): Promise<Answer<Initiation>> {
    return call<Initiation>('POST', `${base}/initiate`, { body, signal });
  },
  partUrls(fileId: string, partNumbers: number[], signal?: AbortSignal): Promise<Answer<PartUrls>> {
    return call<PartUrls>('POST', `${id(fileId)}/parts/urls`, { body: { partNumbers }, signal });
  },
  singlePutUrl(fileId: string, signal?: AbortSignal): Promise<Answer<SinglePutUrl>> {
    return call<SinglePutUrl>('POST', `${id(fileId)}/parts/urls`, { body: {}, signal });
  },
  parts(fileId: string, signal?: AbortSignal): Promise<UploadParts> {
    return request<UploadParts>('GET', `${id(fileId)}/parts`, { signal });
  },
  complete(fileId: string, parts?: { partNumber: number; eTag: string }[], signal?: AbortSignal): Promise<Completion> {
    return request<Completion>('POST', `${id(fileId)}/complete`, { body: parts ? { parts } : {}, signal });
  },
  abort(fileId: string): Promise<{ fileId: string; status: string }> {
    return request('POST', `${id(fileId)}/abort`, { body: {} });
  },
};
