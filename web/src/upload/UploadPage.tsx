import { useEffect, useId, useRef, useState } from 'react';
import type { DragEvent } from 'react';
import { Link } from 'react-router';
import { useKnownStudents, useMe } from '../api/queries';
import { displayName } from '../api/session';
import { uploadsApi } from '../api/uploads';
import { Alert } from '../ui/Alert';
import { Field } from '../ui/Field';
import { formatBytes, formatDuration, formatRate } from '../ui/format';
import { PageHeading } from '../ui/PageHeading';
import { applyInitiateError, initiateRequest, missingFields, newDraft } from './drafts';
import type { Draft, FormField } from './drafts';
import { ACCEPT, isVideo } from './files';
import { UploadList } from './UploadList';
import { useUploader, useUploads } from './UploaderContext';

/** The trainer's upload page: pick or drop videos, describe each, send them straight to S3. */
export function UploadPage() {
  const uploader = useUploader();
  const snapshot = useUploads();
  const me = useMe();
  const students = useKnownStudents();
  const [drafts, setDrafts] = useState<Draft[]>([]);
  const [rejected, setRejected] = useState<string[]>([]);
  const [announcement, setAnnouncement] = useState('');
  const formRef = useRef<HTMLFormElement>(null);
  const datalistId = useId();

  const addFiles = (files: File[]) => {
    const notVideos: string[] = [];
    const fresh: Draft[] = [];
    let resumed = 0;
    for (const file of files) {
      if (!isVideo(file)) {
        notVideos.push(file.name);
        continue;
      }
      if (uploader.attachPicked(file)) {
        resumed++;
        continue;
      }
      const duplicate = drafts.some((d) => d.file.name === file.name && d.file.size === file.size
        && d.file.lastModified === file.lastModified);
      if (!duplicate) fresh.push(newDraft(file, drafts[drafts.length - 1] ?? fresh[fresh.length - 1]));
    }
    setRejected(notVideos);
    if (fresh.length) setDrafts((current) => [...current, ...fresh]);
    const parts = [];
    if (fresh.length) parts.push(`${fresh.length} ${fresh.length === 1 ? 'video' : 'videos'} added: describe ${fresh.length === 1 ? 'it' : 'them'} below.`);
    if (resumed) parts.push(`${resumed} unfinished ${resumed === 1 ? 'upload continues' : 'uploads continue'}.`);
    setAnnouncement(parts.join(' '));
  };

  const update = (key: string, field: FormField, value: string) => {
    setDrafts((current) => current.map((d) => {
      if (d.key !== key) return d;
      const next: Draft = { ...d, [field]: value, fieldErrors: { ...d.fieldErrors, [field]: [] } };
      if (field === 'studentEmail' && !d.studentName) {
        const known = students.data?.find((s) => s.email === value.trim().toLowerCase());
        if (known?.name) next.studentName = known.name;
      }
      return next;
    }));
  };

  const copyStudentToAll = (from: Draft) => {
    setDrafts((current) => current.map((d) => (d.key === from.key ? d : {
      ...d, studentEmail: from.studentEmail, studentName: from.studentName, fieldErrors: {},
    })));
    setAnnouncement(`All videos are now for ${from.studentName || from.studentEmail}.`);
  };

  const submit = async () => {
    const trainerName = me.data ? displayName(me.data) : undefined;
    const checked = drafts.map((d) => ({ ...d, fieldErrors: missingFields(d), error: undefined }));
    const ready = checked.filter((d) => Object.keys(d.fieldErrors).length === 0);
    setDrafts(checked.map((d) => (ready.includes(d) ? { ...d, submitting: true } : d)));
    if (ready.length === 0) {
      focusFirstInvalid();
      return;
    }
    const results = await Promise.all(ready.map(async (draft) => {
      try {
        const answer = await uploadsApi.initiate(initiateRequest(draft, trainerName));
        uploader.start(draft.file, answer, { studentName: draft.studentName.trim(), sessionDate: draft.sessionDate });
        return { key: draft.key, started: true as const };
      } catch (error) {
        return { key: draft.key, started: false as const, failed: applyInitiateError(draft, error) };
      }
    }));
    const started = new Set(results.filter((r) => r.started).map((r) => r.key));
    const failed = new Map(results.flatMap((r) => (r.started ? [] : [[r.key, r.failed] as const])));
    setDrafts((current) => current.filter((d) => !started.has(d.key)).map((d) => failed.get(d.key) ?? d));
    setAnnouncement(started.size ? `${started.size} ${started.size === 1 ? 'upload' : 'uploads'} started.` : '');
    if (checked.length > started.size) focusFirstInvalid();
  };

  const focusFirstInvalid = () => {
    // After React has rendered the errors.
    requestAnimationFrame(() => {
      const target = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], .draft__error');
      target?.focus();
    });
  };

  // Screen readers hear when an upload finishes or stops, not every progress step.
  const phases = useRef(new Map<string, string>());
  useEffect(() => {
    const said: string[] = [];
    for (const u of snapshot.uploads) {
      const before = phases.current.get(u.id);
      if (before !== undefined && before !== u.phase) {
        if (u.phase === 'done') said.push(`${u.name} is uploaded.`);
        if (u.phase === 'failed') said.push(`${u.name} stopped: ${u.error ?? 'upload failed'}.`);
      }
      phases.current.set(u.id, u.phase);
    }
    if (said.length) setAnnouncement(said.join(' '));
  }, [snapshot]);

  const waiting = snapshot.uploads.filter((u) => u.phase === 'needs-file' || u.phase === 'restored');
  const running = snapshot.uploads.filter((u) => u.phase !== 'needs-file' && u.phase !== 'restored');
  const submitting = drafts.some((d) => d.submitting);

  return (
    <main id="main" className="page">
      <PageHeading title="Upload videos">Upload videos</PageHeading>
      <p className="lead">
        Videos go straight to storage; each student gets an email with a link once their video is in.
        Follow them on your <Link to="/uploads">dashboard</Link>.
      </p>
      <div className="visually-hidden" role="status" aria-live="polite">{announcement}</div>

      {snapshot.notices.length > 0 && (
        <Alert kind="info">
          {snapshot.notices.map((n) => <p key={n}>{n}</p>)}
          <button type="button" className="button button--quiet" onClick={() => uploader.dismissNotices()}>Dismiss</button>
        </Alert>
      )}

      {waiting.length > 0 && (
        <section aria-labelledby="unfinished-heading" className="panel">
          <h2 id="unfinished-heading">Unfinished uploads</h2>
          <p>
            These uploads stopped before they were complete. Pick the same file again (below or with the button next to
            it) and only the missing parts are sent.
          </p>
          <UploadList uploads={waiting} />
        </section>
      )}

      <DropZone onFiles={addFiles} />
      {rejected.length > 0 && (
        <Alert>Not a video, so not added: {rejected.join(', ')}.</Alert>
      )}

      {drafts.length > 0 && (
        <form
          ref={formRef}
          noValidate
          className="drafts"
          aria-label="Videos to upload"
          onSubmit={(e) => { e.preventDefault(); void submit(); }}
        >
          <datalist id={datalistId}>
            {students.data?.map((s) => <option key={s.email} value={s.email}>{s.name}</option>)}
          </datalist>
          {drafts.map((draft, index) => (
            <fieldset key={draft.key} className="draft" disabled={draft.submitting}>
              <legend>
                <span className="draft__name">{draft.file.name}</span>{' '}
                <span className="draft__size">{formatBytes(draft.file.size)}</span>
              </legend>
              {draft.error && (
                <p className="draft__error" role="alert" tabIndex={-1}>{draft.error}</p>
              )}
              <div className="draft__grid">
                <Field label="Student email" errors={draft.fieldErrors.studentEmail}>
                  {(props) => (
                    <input
                      {...props}
                      type="email"
                      autoComplete="off"
                      list={datalistId}
                      value={draft.studentEmail}
                      onChange={(e) => update(draft.key, 'studentEmail', e.target.value)}
                    />
                  )}
                </Field>
                <Field label="Student name" errors={draft.fieldErrors.studentName}>
                  {(props) => (
                    <input
                      {...props}
                      type="text"
                      autoComplete="off"
                      value={draft.studentName}
                      onChange={(e) => update(draft.key, 'studentName', e.target.value)}
                    />
                  )}
                </Field>
                <Field label="Session date" errors={draft.fieldErrors.sessionDate} hint="From the file; change it if needed.">
                  {(props) => (
                    <input
                      {...props}
                      type="date"
                      value={draft.sessionDate}
                      onChange={(e) => update(draft.key, 'sessionDate', e.target.value)}
                    />
                  )}
                </Field>
                <Field label="Notes for the student (optional)" errors={draft.fieldErrors.notes} className="draft__notes">
                  {(props) => (
                    <textarea
                      {...props}
                      rows={3}
                      maxLength={4000}
                      value={draft.notes}
                      onChange={(e) => update(draft.key, 'notes', e.target.value)}
                    />
                  )}
                </Field>
              </div>
              <div className="draft__actions">
                {drafts.length > 1 && index === 0 && (
                  <button type="button" className="button button--quiet" onClick={() => copyStudentToAll(draft)}>
                    Use this student for all videos
                  </button>
                )}
                <button
                  type="button"
                  className="button button--quiet"
                  onClick={() => setDrafts((current) => current.filter((d) => d.key !== draft.key))}
                >
                  Remove<span className="visually-hidden"> {draft.file.name}</span>
                </button>
              </div>
            </fieldset>
          ))}
          <div className="drafts__submit">
            <button type="submit" className="button button--primary" disabled={submitting}>
              {submitting ? 'Starting…' : `Upload ${drafts.length} ${drafts.length === 1 ? 'video' : 'videos'}`}
            </button>
          </div>
        </form>
      )}

      {running.length > 0 && (
        <section aria-labelledby="uploads-heading" className="panel">
          <div className="panel__header">
            <h2 id="uploads-heading">Uploads</h2>
            <div className="panel__tools">
              <button type="button" className="button button--quiet" onClick={() => uploader.pauseAll()}>Pause all</button>
              <button type="button" className="button button--quiet" onClick={() => uploader.resumeAll()}>Resume all</button>
            </div>
          </div>
          <Totals />
          <UploadList uploads={running} />
        </section>
      )}
    </main>
  );
}

function Totals() {
  const { totals } = useUploads();
  if (totals.bytes === 0) return null;
  return (
    <div className="totals">
      <progress max={totals.bytes} value={totals.uploaded} aria-label="All uploads" />
      <p className="totals__text">
        <strong>{formatBytes(totals.uploaded)}</strong> of {formatBytes(totals.bytes)}
        {totals.active > 0 && (
          <> · {formatRate(totals.rate)} · {formatDuration(totals.secondsLeft)} left</>
        )}
      </p>
    </div>
  );
}

function DropZone({ onFiles }: { onFiles: (files: File[]) => void }) {
  const [over, setOver] = useState(false);
  const inputId = useId();
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    onFiles([...e.dataTransfer.files]);
  };
  return (
    <div
      className={`dropzone${over ? ' dropzone--over' : ''}`}
      onDragOver={(e) => { e.preventDefault(); setOver(true); }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <p className="dropzone__title">Drop videos here — a whole GoPro card at once if you like</p>
      <p>or</p>
      <input
        id={inputId}
        className="visually-hidden file-input"
        type="file"
        multiple
        accept={ACCEPT}
        onChange={(e) => {
          onFiles([...(e.target.files ?? [])]);
          e.target.value = '';
        }}
      />
      <label htmlFor={inputId} className="button button--primary file-label">Choose videos</label>
    </div>
  );
}
