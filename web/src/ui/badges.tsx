import { humanize } from './format';

/** The catalog's upload states in the trainer's words; unknown states are shown as they come. */
const UPLOAD_STATES: Record<string, { label: string; tone: string }> = {
  INITIATED: { label: 'Uploading', tone: 'progress' },
  AVAILABLE: { label: 'Available', tone: 'good' },
  EXPIRED: { label: 'Expired', tone: 'muted' },
  DELETED: { label: 'Removed', tone: 'muted' },
};

const EMAIL_STATES: Record<string, { label: string; tone: string }> = {
  PENDING: { label: 'Queued', tone: 'progress' },
  SENT: { label: 'Sent', tone: 'good' },
  FAILED: { label: 'Failed', tone: 'bad' },
  DELIVERED: { label: 'Delivered', tone: 'good' },
  BOUNCED: { label: 'Bounced', tone: 'bad' },
};

export function uploadStateLabel(status: string | undefined): string {
  if (!status) return 'Unknown';
  return UPLOAD_STATES[status]?.label ?? humanize(status);
}

/** An email that has not gone out: after the upload (still running), or never (the upload was removed). */
function notYet(emailStatus: string | undefined, uploadStatus: string | undefined): string | undefined {
  if (emailStatus !== 'PENDING' && emailStatus) return undefined;
  if (uploadStatus === 'INITIATED') return 'After upload';
  if (uploadStatus === 'DELETED' || uploadStatus === 'EXPIRED') return 'Not sent';
  return undefined;
}

export function emailStateLabel(emailStatus: string | undefined, uploadStatus?: string): string {
  const waiting = notYet(emailStatus, uploadStatus);
  if (waiting) return waiting;
  if (!emailStatus) return 'Unknown';
  return EMAIL_STATES[emailStatus]?.label ?? humanize(emailStatus);
}

export function UploadStateBadge({ status }: { status?: string }) {
  const tone = (status && UPLOAD_STATES[status]?.tone) ?? 'neutral';
  return <span className={`badge badge--${tone}`}>{uploadStateLabel(status)}</span>;
}

export function EmailStateBadge({ emailStatus, uploadStatus }: { emailStatus?: string; uploadStatus?: string }) {
  const waiting = notYet(emailStatus, uploadStatus) !== undefined;
  const tone = waiting ? 'muted' : (emailStatus && EMAIL_STATES[emailStatus]?.tone) ?? 'neutral';
  return <span className={`badge badge--${tone}`}>{emailStateLabel(emailStatus, uploadStatus)}</span>;
}

/** Filter choices of the dashboard (catalog `status` values). */
export const UPLOAD_STATE_FILTERS = [
  { value: '', label: 'Any state' },
  { value: 'INITIATED', label: 'Uploading' },
  { value: 'AVAILABLE', label: 'Available' },
  { value: 'EXPIRED', label: 'Expired' },
  { value: 'DELETED', label: 'Removed' },
];
