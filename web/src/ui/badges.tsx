import type { EmailDelivery } from '../api/types';
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

/** What became of a sent email, in the trainer's words; `hint` is read out and shown as the badge's tooltip. */
const DELIVERY_STATES: Record<string, { label: string; tone: string; hint?: string }> = {
  SENT: { label: 'Sent', tone: 'good', hint: 'Accepted by the mail provider; no delivery report yet' },
  DELAYED: { label: 'Delayed', tone: 'progress', hint: "The student's mail server has not taken it yet; still trying" },
  DELIVERED: { label: 'Delivered', tone: 'good', hint: "Accepted by the student's mail server" },
  COMPLAINED: { label: 'Marked as spam', tone: 'bad', hint: 'The student reported the email as spam; no more emails go to this address' },
  REJECTED: { label: 'Rejected', tone: 'bad', hint: 'The mail provider refused to send it' },
  SUPPRESSED: { label: 'Not sent', tone: 'bad', hint: 'This address bounced or reported spam before; correct the address' },
};

/** The delivery state's label and hint; a hard bounce means the address is wrong, a soft one that it may recover. */
export function deliveryState(delivery: EmailDelivery): { label: string; tone: string; hint?: string } {
  if (delivery.state === 'BOUNCED') {
    return delivery.bounceType === 'HARD'
      ? { label: 'Bounced', tone: 'bad', hint: 'The address does not exist or accepts no mail; correct the address' }
      : { label: 'Bounced (temporary)', tone: 'bad', hint: "The student's mail server did not take it (e.g. mailbox full)" };
  }
  return DELIVERY_STATES[delivery.state] ?? { label: humanize(delivery.state), tone: 'neutral' };
}

/** Whether the trainer has to act: the address is wrong, blocked or the email was refused. */
export function deliveryNeedsAttention(delivery: EmailDelivery | null | undefined): boolean {
  if (!delivery) return false;
  return ['COMPLAINED', 'REJECTED', 'SUPPRESSED'].includes(delivery.state)
    || (delivery.state === 'BOUNCED' && delivery.bounceType === 'HARD');
}

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

/**
 * The email column: the delivery state once there is one (sent, delivered, bounced, …), else the send state
 * (queued, failed, after upload). The label is text, never colour alone; the hint is also read out.
 */
export function EmailStateBadge({ emailStatus, uploadStatus, delivery }: { emailStatus?: string; uploadStatus?: string; delivery?: EmailDelivery | null }) {
  if (delivery) {
    const state = deliveryState(delivery);
    return (
      <span className={`badge badge--${state.tone}`} title={state.hint}>
        {state.label}
        {state.hint && <span className="visually-hidden">: {state.hint}</span>}
      </span>
    );
  }
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
