/** What the upload page needs to know about a picked file before anything is sent. */

const TYPES_BY_EXTENSION: Record<string, string> = {
  mp4: 'video/mp4',
  m4v: 'video/mp4',
  mov: 'video/quicktime',
  avi: 'video/x-msvideo',
  mkv: 'video/x-matroska',
  webm: 'video/webm',
};

/** The accept attribute of the picker: GoPro MP4s first, the other types the upload service allows. */
export const ACCEPT = 'video/mp4,video/quicktime,video/x-msvideo,video/x-matroska,video/webm,.mp4,.m4v,.mov,.avi,.mkv,.webm';

/** The media type to declare: the browser's when it knows one, else from the extension (GoPro .MP4, .MOV, .LRV…). */
export function contentTypeOf(file: { name: string; type: string }): string {
  if (file.type && file.type.startsWith('video/')) return file.type;
  const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
  return TYPES_BY_EXTENSION[ext] ?? (file.type || 'application/octet-stream');
}

export function isVideo(file: { name: string; type: string }): boolean {
  return contentTypeOf(file).startsWith('video/');
}

/** The local calendar date of a timestamp, as YYYY-MM-DD: a GoPro file's last change is when the ride was filmed. */
export function localDate(epochMs: number): string {
  const d = new Date(epochMs);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export interface FileIdentity {
  name: string;
  size: number;
  lastModified?: number;
}

/** The same file picked again (after a reload, for a "ghost" whose bytes the browser could not keep). */
export function sameFile(a: FileIdentity, b: FileIdentity): boolean {
  if (a.name !== b.name || a.size !== b.size) return false;
  return a.lastModified === undefined || b.lastModified === undefined || a.lastModified === b.lastModified;
}
