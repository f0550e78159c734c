import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { actionsApi } from '../api/actions';
import { ApiError } from '../api/http';
import { queryKeys } from '../api/queries';
import type { ActionState, UploadDetail } from '../api/types';
import { Alert } from '../ui/Alert';
import { Field } from '../ui/Field';
import { formatDateTime } from '../ui/format';

type Confirming = 'revoke' | 'delete' | null;
type Form = 'address' | 'expiry' | null;

/**
 * The trainer's actions on a completed upload: resend, correct the address, change the expiry, the reminder switch,
 * revoke and delete (both confirmed first). Each answers where the upload stands at once; the catalog follows within
 * a moment (it learns of the action from its event), so the page refreshes the upload's queries afterwards.
 */
export function UploadActions({ upload }: { upload: UploadDetail }) {
  const client = useQueryClient();
  const [state, setState] = useState<ActionState | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [form, setForm] = useState<Form>(null);

  const revoked = state?.linksRevoked ?? upload.linksRevoked ?? false;
  const deleted = state?.status === 'DELETED';
  const remindersEnabled = state?.remindersEnabled ?? upload.remindersEnabled ?? true;
  const expiresAt = state?.expiresAt ?? upload.expiresAt ?? null;

  const action = useMutation({
    mutationFn: async ({ run }: { run: () => Promise<ActionState>; done: string }) => run(),
    onSuccess: (answer, { done }) => {
      setState(answer);
      setNotice(done);
      setConfirming(null);
      setForm(null);
      void client.invalidateQueries({ queryKey: queryKeys.uploads });
    },
  });
  const error = action.error instanceof ApiError ? action.error : null;
  const run = (fn: () => Promise<ActionState>, done: string) => {
    setNotice(null);
    action.mutate({ run: fn, done });
  };

  if (upload.status !== 'AVAILABLE' && !deleted) return null;
  if (deleted) {
    return (
      <section aria-labelledby="actions-heading" className="panel">
        <h2 id="actions-heading">Actions</h2>
        <Alert kind="success"><p>{notice}</p></Alert>
      </section>
    );
  }
  const fileId = upload.fileId;
  return (
    <section aria-labelledby="actions-heading" className="panel actions">
      <h2 id="actions-heading">Actions</h2>
      {notice && <Alert kind="success"><p>{notice}</p></Alert>}
      {error && !form && <ActionError error={error} />}
      <div className="actions__row">
        <button type="button" className="button" disabled={revoked || action.isPending}
          onClick={() => run(() => actionsApi.resend(fileId), 'The email is on its way to the student again, with a fresh link.')}>
          Resend email
        </button>
        <button type="button" className="button" disabled={revoked || action.isPending}
          aria-expanded={form === 'address'} onClick={() => { action.reset(); setForm(form === 'address' ? null : 'address'); }}>
          Change address
        </button>
        <button type="button" className="button" disabled={action.isPending}
          aria-expanded={form === 'expiry'} onClick={() => { action.reset(); setForm(form === 'expiry' ? null : 'expiry'); }}>
          Change expiry
        </button>
      </div>
      {form === 'address' && (
        <AddressForm upload={upload} error={error} pending={action.isPending} onCancel={() => setForm(null)}
          onSubmit={(email, name) => run(() => actionsApi.changeAddress(fileId, email, name),
            `A new email with a new link went to ${email}; the earlier link no longer works.`)} />
      )}
      {form === 'expiry' && (
        <ExpiryForm expiresAt={expiresAt} error={error} pending={action.isPending} onCancel={() => setForm(null)}
          onSubmit={(at) => run(() => actionsApi.changeExpiry(fileId, at),
            `The link now works until ${formatDateTime(at)}; the video is removed then.`)} />
      )}
      <div className="actions__row">
        <label className="checkbox">
          <input type="checkbox" checked={remindersEnabled} disabled={revoked || action.isPending}
            onChange={(e) => {
              const on = e.target.checked;
              run(() => actionsApi.setReminders(fileId, on),
                on ? 'The student will be reminded once if the video is not downloaded.' : 'No reminder will be sent.');
            }} />
          Remind the student once if the video is not downloaded within 48 hours
        </label>
        {upload.reminderSentAt && <span className="muted">Reminder sent {formatDateTime(upload.reminderSentAt)}</span>}
      </div>
      <div className="actions__row actions__row--danger">
        {revoked ? <p className="muted">The link was revoked: it no longer works.</p> : (
          <button type="button" className="button button--quiet" disabled={action.isPending}
            onClick={() => setConfirming('revoke')}>Revoke link</button>
        )}
        <button type="button" className="button button--danger" disabled={action.isPending}
          onClick={() => setConfirming('delete')}>Delete upload</button>
      </div>
      {confirming === 'revoke' && (
        <Confirm question="Revoke the link? It stops working at once and nothing more is sent to the student. This cannot be undone."
          yes="Yes, revoke the link" pending={action.isPending} onCancel={() => setConfirming(null)}
          onYes={() => run(() => actionsApi.revoke(fileId), 'The link was revoked: it no longer works.')} />
      )}
      {confirming === 'delete' && (
        <Confirm question="Delete this upload? The video is removed now and its link stops working. This cannot be undone."
          yes="Yes, delete the upload" pending={action.isPending} onCancel={() => setConfirming(null)}
          onYes={() => run(() => actionsApi.remove(fileId), 'The upload was deleted: the video is removed and its link no longer works.')} />
      )}
    </section>
  );
}

function ActionError({ error }: { error: ApiError }) {
  const minutes = error.retryAfterSeconds ? Math.ceil(error.retryAfterSeconds / 60) : undefined;
  return (
    <Alert>
      <p>{error.message}</p>
      {error.status === 429 && minutes !== undefined && (
        <p>You can resend again in {minutes} {minutes === 1 ? 'minute' : 'minutes'}.</p>
      )}
    </Alert>
  );
}

function Confirm({ question, yes, pending, onYes, onCancel }: {
  question: string; yes: string; pending: boolean; onYes: () => void; onCancel: () => void;
}) {
  return (
    <div role="alertdialog" aria-label={yes} className="confirm">
      <p>{question}</p>
      <div className="actions__row">
        <button type="button" className="button button--danger" disabled={pending} onClick={onYes}>{yes}</button>
        <button type="button" className="button button--quiet" onClick={onCancel}>Cancel</button>
      </div>
    </div>
  );
}

function AddressForm({ upload, error, pending, onSubmit, onCancel }: {
  upload: UploadDetail; error: ApiError | null; pending: boolean;
  onSubmit: (email: string, name: string) => void; onCancel: () => void;
}) {
  const [email, setEmail] = useState(upload.studentEmail ?? '');
  const [name, setName] = useState(upload.studentName ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit(email.trim(), name.trim());
  };
  const emailErrors = error?.fieldMessages('studentEmail') ?? [];
  const nameErrors = error?.fieldMessages('studentName') ?? [];
  return (
    <form className="actions__form" onSubmit={submit} aria-label="Change the student's address" noValidate>
      {error && emailErrors.length === 0 && nameErrors.length === 0 && <ActionError error={error} />}
      <Field label="Student email" errors={emailErrors}>
        {(p) => <input {...p} type="email" value={email} required onChange={(e) => setEmail(e.target.value)} />}
      </Field>
      <Field label="Student name" errors={nameErrors} hint="Leave as it is to keep the name.">
        {(p) => <input {...p} type="text" value={name} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <div className="actions__row">
        <button type="submit" className="button button--primary" disabled={pending}>Send to this address</button>
        <button type="button" className="button button--quiet" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}

/** `datetime-local` works in local time: shown and read as such, sent as an instant. */
function toLocalInput(instant: string | null): string {
  if (!instant) return '';
  const d = new Date(instant);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function ExpiryForm({ expiresAt, error, pending, onSubmit, onCancel }: {
  expiresAt: string | null; error: ApiError | null; pending: boolean;
  onSubmit: (expiresAt: string) => void; onCancel: () => void;
}) {
  const [value, setValue] = useState(toLocalInput(expiresAt));
  const [local, setLocal] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const at = new Date(value);
    if (!value || Number.isNaN(at.getTime())) {
      setLocal('Enter a date and time.');
      return;
    }
    setLocal(null);
    onSubmit(at.toISOString());
  };
  const errors = local ? [local] : error?.fieldMessages('expiresAt') ?? [];
  return (
    <form className="actions__form" onSubmit={submit} aria-label="Change the expiry" noValidate>
      {error && errors.length === 0 && <ActionError error={error} />}
      <Field label="Link works until" errors={errors} hint="At most 30 days from now; the video is removed then.">
        {(p) => <input {...p} type="datetime-local" value={value} onChange={(e) => setValue(e.target.value)} />}
      </Field>
      <div className="actions__row">
        <button type="submit" className="button button--primary" disabled={pending}>Save expiry</button>
        <button type="button" className="button button--quiet" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
