import type { DownloadRecord, UploadDetail } from '../api/types';
import { deliveryState } from '../ui/badges';

export interface TimelineEvent {
  key: string;
  at: string;
  title: string;
  detail?: string;
  tone: 'neutral' | 'good' | 'bad';
}

/**
 * The upload's story, oldest first, from the catalog's detail (initiated, completed, emailed, removed) and — once the
 * catalog offers it — its list of downloads (`downloads` null: not offered yet, only the last download is known).
 */
export function buildTimeline(u: UploadDetail, downloads: DownloadRecord[] | null): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  if (u.uploadDate) events.push({ key: 'initiated', at: u.uploadDate, title: 'Upload started', tone: 'neutral' });
  if (u.completedAt) events.push({ key: 'completed', at: u.completedAt, title: 'Upload complete', tone: 'good' });
  if (u.emailSentAt) {
    events.push({ key: 'emailed', at: u.emailSentAt, title: 'Email sent', detail: u.studentEmail ? `to ${u.studentEmail}` : undefined, tone: 'good' });
  }
  if (u.emailStatus === 'FAILED') {
    events.push({
      key: 'email-failed', at: u.emailFailedAt ?? u.completedAt ?? u.uploadDate ?? '', title: 'Email failed',
      detail: u.emailFailureReason ?? undefined, tone: 'bad',
    });
  }
  const d = u.delivery;
  if (d?.at && d.state !== 'SENT') {
    const title = deliveryState(d).label;
    events.push({ key: 'delivery', at: d.at, title: d.state === 'SUPPRESSED' ? 'Email not sent' : `Email ${title.toLowerCase()}`,
      detail: deliveryState(d).hint, tone: d.state === 'DELIVERED' ? 'good' : d.state === 'DELAYED' ? 'neutral' : 'bad' });
  }
  if (u.lastResentAt) events.push({ key: 'resent', at: u.lastResentAt, title: 'Email resent', detail: 'last time', tone: 'neutral' });
  if (u.reminderSentAt) events.push({ key: 'reminder', at: u.reminderSentAt, title: 'Reminder sent', tone: 'neutral' });
  if (u.linksRevokedAt) events.push({ key: 'revoked', at: u.linksRevokedAt, title: 'Link revoked', tone: 'bad' });
  if (downloads) {
    for (const d of downloads) {
      events.push({ key: `download-${d.downloadId}`, at: d.downloadedAt, title: 'Downloaded', detail: deviceLabel(d.userAgentFamily), tone: 'neutral' });
    }
  } else if (u.lastDownloadAt) {
    events.push({ key: 'last-download', at: u.lastDownloadAt, title: 'Last download', tone: 'neutral' });
  }
  if (u.status === 'EXPIRED') {
    events.push({ key: 'expired', at: u.deletedAt ?? u.expiresAt ?? '', title: 'Expired: video and link removed', tone: 'neutral' });
  } else if (u.status === 'DELETED' || u.deletedAt) {
    events.push({
      key: 'removed', at: u.deletedAt ?? '', tone: 'neutral',
      title: u.deletionReason === 'TRAINER_DELETED' ? 'Deleted by you' : 'Removed',
    });
  }
  return events
    .filter((e) => e.at)
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || order(a) - order(b));
}

const ORDER = ['initiated', 'completed', 'emailed', 'email-failed', 'delivery'];
function order(e: TimelineEvent): number {
  const i = ORDER.indexOf(e.key);
  return i === -1 ? ORDER.length : i;
}

/** The download service's user-agent family ("Chrome", "curl", "Other"…) as a device description. */
export function deviceLabel(family: string | undefined): string {
  if (!family || family === 'Other') return 'on another app or device';
  return `with ${family}`;
}
