import { ApiError, request } from './http';
import type {
  DownloadRecords, RecentUploads, StudentUploads, UploadDetail, UploadFilter, UploadPage,
} from './types';

/** catalog-service, through the gateway (catalog-service/README.md). */
const base = '/api/v1/uploads';

export const catalogApi = {
  recent(limit = 10, offset = 0, signal?: AbortSignal): Promise<RecentUploads> {
    return request('GET', `${base}/recent`, { query: { limit, offset }, signal });
  },
  search(filter: UploadFilter, cursor: string | undefined, limit = 20, signal?: AbortSignal): Promise<UploadPage> {
    return request('GET', base, { query: { limit, cursor, ...filter }, signal });
  },
  /** Every upload of the trainer for one student, newest first, with the student's totals. */
  student(email: string, cursor: string | undefined, limit = 20, signal?: AbortSignal): Promise<StudentUploads> {
    return request('GET', `/api/v1/students/${encodeURIComponent(email)}/uploads`, { query: { limit, cursor }, signal });
  },
  detail(fileId: string, signal?: AbortSignal): Promise<UploadDetail> {
    return request('GET', `${base}/${encodeURIComponent(fileId)}`, { signal });
  },
  /**
   * The upload's downloads, newest first (proposed catalog endpoint). Resolves to null while the catalog does not
   * offer it yet (404/405 with a code other than UPLOAD_NOT_FOUND), so the page can say so instead of failing.
   */
  async downloads(fileId: string, signal?: AbortSignal): Promise<DownloadRecords | null> {
    try {
      return await request<DownloadRecords>('GET', `${base}/${encodeURIComponent(fileId)}/downloads`,
        { query: { limit: 100 }, signal });
    } catch (e) {
      if (e instanceof ApiError && isMissingEndpoint(e, 'UPLOAD_NOT_FOUND')) return null;
      throw e;
    }
  },
};

/** An endpoint the service does not have yet: Spring's own 404/405/501, not the domain's "not found". */
export function isMissingEndpoint(e: ApiError, domainNotFoundCode: string): boolean {
  return (e.status === 404 && e.code !== domainNotFoundCode) || e.status === 405 || e.status === 501;
}
