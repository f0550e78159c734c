import { describe, expect, it } from 'vitest';
import type { UploadDetail } from '../api/types';
import { buildTimeline, deviceLabel } from './timeline';

const base: UploadDetail = {
  fileId: 'f', fileName: 'GX01.MP4', studentEmail: 'sue@x.example', studentName: 'Sue', sessionDate: '2026-05-14',
  uploadDate: '2026-05-14T10:00:00Z', fileSize: 1, emailSent: true, downloadCount: 2, status: 'AVAILABLE',
  emailStatus: 'SENT', completedAt: '2026-05-14T10:05:00Z', emailSentAt: '2026-05-14T10:05:02Z',
  lastDownloadAt: '2026-05-15T08:00:00Z', expiresAt: '2026-06-13T10:00:00Z',
};

describe('the upload timeline', () => {
  it('should tell the story oldest first, with each download and its device', () => {
    const events = buildTimeline(base, [
      { downloadId: 'b', downloadedAt: '2026-05-15T08:00:00Z', userAgentFamily: 'curl' },
      { downloadId: 'a', downloadedAt: '2026-05-14T20:00:00Z', userAgentFamily: 'Safari' },
    ]);
    expect(events.map((e) => [e.title, e.detail ?? ''])).toEqual([
      ['Upload started', ''], ['Upload complete', ''], ['Email sent', 'to sue@x.example'],
      ['Downloaded', 'with Safari'], ['Downloaded', 'with curl'],
    ]);
  });

  it('should fall back to the last download while the catalog lists no downloads', () => {
    const events = buildTimeline(base, null);
    expect(events.at(-1)).toMatchObject({ title: 'Last download', at: '2026-05-15T08:00:00Z' });
  });

  it('should show a failed email and an expiry', () => {
    const events = buildTimeline({
      ...base, emailStatus: 'FAILED', emailSentAt: null, emailFailureReason: 'Mailbox unavailable', status: 'EXPIRED',
      deletedAt: '2026-06-13T10:01:00Z', lastDownloadAt: null,
    }, []);
    expect(events.map((e) => e.title)).toEqual(['Upload started', 'Upload complete', 'Email failed', 'Expired: video and link removed']);
    expect(events[2]).toMatchObject({ detail: 'Mailbox unavailable', tone: 'bad' });
  });

  it('should show what became of the email after it was sent', () => {
    const events = buildTimeline({
      ...base, lastDownloadAt: null, delivery: { state: 'BOUNCED', at: '2026-05-14T10:06:00Z', bounceType: 'HARD' },
    }, []);
    expect(events.map((e) => e.title)).toEqual(['Upload started', 'Upload complete', 'Email sent', 'Email bounced']);
    expect(events[3]).toMatchObject({ tone: 'bad', detail: 'The address does not exist or accepts no mail; correct the address' });
    expect(buildTimeline({ ...base, delivery: { state: 'SENT', at: base.emailSentAt ?? null } }, []).map((e) => e.key))
      .not.toContain('delivery');
  });

  it('should describe devices', () => {
    expect(deviceLabel('Chrome')).toBe('with Chrome');
    expect(deviceLabel('Other')).toBe('on another app or device');
  });
});
