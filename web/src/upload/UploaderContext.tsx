import { useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useState, useSyncExternalStore } from 'react';
import type { ReactNode } from 'react';
import { queryKeys } from '../api/queries';
import { Uploader } from './uploader';
import type { UploadsSnapshot } from './uploader';

export const UploaderContext = createContext<Uploader | null>(null);

/**
 * One uploader for the trainer's whole session in the app: uploads keep going while the trainer looks at the
 * dashboard. Its browser storage is per trainer, so a shared computer does not mix trainers' unfinished uploads.
 */
export function UploaderProvider({ trainer, children }: { trainer: string; children: ReactNode }) {
  const queryClient = useQueryClient();
  const [uploader, setUploader] = useState<Uploader | null>(null);
  useEffect(() => {
    const created = new Uploader(`apexshare-uploads-${trainer}`, {
      onFinished: () => void queryClient.invalidateQueries({ queryKey: queryKeys.uploads }),
    });
    setUploader(created);
    return () => created.destroy();
  }, [trainer, queryClient]);
  useEffect(() => {
    if (!uploader) return undefined;
    // Closing the tab stops the uploads (they can be resumed later): ask first.
    const warn = (event: BeforeUnloadEvent) => {
      if (uploader.getSnapshot().totals.active > 0) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [uploader]);
  if (!uploader) return null;
  return <UploaderContext.Provider value={uploader}>{children}</UploaderContext.Provider>;
}

export function useUploader(): Uploader {
  const uploader = useContext(UploaderContext);
  if (!uploader) throw new Error('useUploader outside UploaderProvider');
  return uploader;
}

export function useUploads(): UploadsSnapshot {
  const uploader = useUploader();
  return useSyncExternalStore(uploader.subscribe, uploader.getSnapshot);
}
