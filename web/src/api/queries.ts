import {
  keepPreviousData, QueryClient, useQuery,
} from '@tanstack/react-query';
import { catalogApi } from './catalog';
import { downloadsApi } from './downloads';
import { ApiError } from './http';
import { sessionApi } from './session';
import type { UploadFilter, UploadItem } from './types';

/**
 * The one query layer: every piece of server state the pages show comes from here, cached once under these keys.
 * Uploads in flight live in the uploader (Uppy's store), not here; when one finishes, the dashboard keys are
 * invalidated.
 */
export const queryKeys = {
  me: ['me'] as const,
  uploads: ['uploads'] as const,
  uploadSearch: (filter: UploadFilter, cursor: string | undefined) => ['uploads', 'search', filter, cursor ?? null] as const,
  recent: (limit: number) => ['uploads', 'recent', limit] as const,
  detail: (fileId: string) => ['uploads', 'detail', fileId] as const,
  downloads: (fileId: string) => ['uploads', 'downloads', fileId] as const,
  student: (email: string, cursor: string | undefined) => ['uploads', 'student', email.toLowerCase(), cursor ?? null] as const,
  link: (token: string) => ['link', token] as const,
};

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        retry: (failures, error) => failures < 2 && error instanceof ApiError && error.transient,
        refetchOnWindowFocus: true,
      },
    },
  });
}

const ACTIVE_REFRESH_MS = 3_000;
const IDLE_REFRESH_MS = 30_000;

/** Rows whose state will still change soon (upload running, email not out yet): refresh faster while they show. */
export function isSettling(item: UploadItem): boolean {
  if (item.status === 'INITIATED') return true;
  return item.status === 'AVAILABLE' && (item.emailStatus === 'PENDING' || item.emailStatus === undefined);
}

export function useMe() {
  return useQuery({ queryKey: queryKeys.me, queryFn: ({ signal }) => sessionApi.me(signal), staleTime: 60_000 });
}

export function useUploadSearch(filter: UploadFilter, cursor: string | undefined, limit = 20) {
  return useQuery({
    queryKey: queryKeys.uploadSearch(filter, cursor),
    queryFn: ({ signal }) => catalogApi.search(filter, cursor, limit, signal),
    placeholderData: keepPreviousData,
    refetchInterval: (query) =>
      (query.state.data?.uploads.some(isSettling) ? ACTIVE_REFRESH_MS : IDLE_REFRESH_MS),
  });
}

/** Earlier students of this trainer, for the upload form's suggestions (newest first, one per email). */
export function useKnownStudents() {
  return useQuery({
    queryKey: queryKeys.recent(100),
    queryFn: ({ signal }) => catalogApi.recent(100, 0, signal),
    staleTime: 60_000,
    select: (data) => {
      const seen = new Map<string, string>();
      for (const u of data.uploads) {
        if (!u.studentEmail) continue;
        const key = u.studentEmail.toLowerCase();
        if (!seen.has(key)) seen.set(key, u.studentName ?? '');
      }
      return [...seen].map(([email, name]) => ({ email, name }));
    },
  });
}

export function useUploadDetail(fileId: string) {
  return useQuery({
    queryKey: queryKeys.detail(fileId),
    queryFn: ({ signal }) => catalogApi.detail(fileId, signal),
    refetchInterval: (query) => (query.state.data && isSettling(query.state.data) ? ACTIVE_REFRESH_MS : IDLE_REFRESH_MS),
  });
}

/** One student's uploads across sessions. */
export function useStudentUploads(email: string, cursor: string | undefined) {
  return useQuery({
    queryKey: queryKeys.student(email, cursor),
    queryFn: ({ signal }) => catalogApi.student(email, cursor, 20, signal),
    placeholderData: keepPreviousData,
    refetchInterval: IDLE_REFRESH_MS,
  });
}

export function useUploadDownloads(fileId: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.downloads(fileId),
    queryFn: ({ signal }) => catalogApi.downloads(fileId, signal),
    enabled,
    refetchInterval: IDLE_REFRESH_MS,
  });
}

export function useLinkInfo(token: string) {
  return useQuery({
    queryKey: queryKeys.link(token),
    queryFn: ({ signal }) => downloadsApi.info(token, signal),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    retry: (failures, error) => failures < 2 && error instanceof ApiError && error.transient && error.status !== 429,
  });
}
