import { describe, expect, it } from 'vitest';
import { contentTypeOf, isVideo, localDate, sameFile } from './files';

describe('picked files', () => {
  it('should declare the media type from the browser or from the extension', () => {
    expect(contentTypeOf({ name: 'GX010042.MP4', type: '' })).toBe('video/mp4');
    expect(contentTypeOf({ name: 'clip.MOV', type: '' })).toBe('video/quicktime');
    expect(contentTypeOf({ name: 'x.mkv', type: 'application/octet-stream' })).toBe('video/x-matroska');
    expect(contentTypeOf({ name: 'a.webm', type: 'video/webm' })).toBe('video/webm');
    expect(isVideo({ name: 'notes.txt', type: 'text/plain' })).toBe(false);
  });

  it('should take the session date from the local calendar day of the file', () => {
    const lateEvening = new Date(2026, 4, 14, 23, 30).getTime();
    expect(localDate(lateEvening)).toBe('2026-05-14');
  });

  it('should recognise the same file picked again', () => {
    const a = { name: 'GX01.MP4', size: 4_000_000_000, lastModified: 1 };
    expect(sameFile(a, { ...a })).toBe(true);
    expect(sameFile(a, { ...a, size: 1 })).toBe(false);
    expect(sameFile(a, { ...a, lastModified: 2 })).toBe(false);
    expect(sameFile({ name: 'GX01.MP4', size: 4_000_000_000 }, a)).toBe(true);
  });
});
