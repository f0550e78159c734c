import { useId, useState } from 'react';
import { Link } from 'react-router';
import { formatBytes, formatDate, formatDuration, formatPercent, formatRate } from '../ui/format';
import { ACCEPT } from './files';
import type { UploadView } from './uploader';
import { useUploader } from './UploaderContext';

const PHASE_LABELS: Record<UploadView['phase'], string> = {
  queued: 'Waiting',
  uploading: 'Uploading',
  paused: 'Paused',
  retrying: 'Connection trouble, retrying',
  failed: 'Stopped',
  done: 'Uploaded — the student gets an email',
  'needs-file': 'Pick the file again to continue',
  restored: 'Ready to continue',
};

export function UploadList({ uploads }: { uploads: UploadView[] }) {
  return (
    <ul className="upload-list">
      {uploads.map((u) => <UploadRow key={u.id} upload={u} />)}
    </ul>
  );
}

function UploadRow({ upload }: { upload: UploadView }) {
  const uploader = useUploader();
  const [confirming, setConfirming] = useState(false);
  const [mismatch, setMismatch] = useState<string>();
  const pickId = useId();
  const fraction = upload.size ? upload.bytesUploaded / upload.size : 0;
  const canPause = upload.phase === 'uploading' || upload.phase === 'paused';
  const unfinished = upload.phase !== 'done';

  return (
    <li className={`upload upload--${upload.phase}`}>
      <div className="upload__head">
        <span className="upload__name">{upload.name}</span>
        <span className="upload__who">
          {upload.studentName ?? 'Student'}{upload.sessionDate ? ` · ${formatDate(upload.sessionDate)}` : ''}
        </span>
      </div>
      <progress max={upload.size || 1} value={upload.bytesUploaded} aria-label={`Upload of ${upload.name}`} />
      <p className="upload__status">
        <span className="upload__phase">{PHASE_LABELS[upload.phase]}</span>
        {' · '}
        {formatBytes(upload.bytesUploaded)} of {formatBytes(upload.size)} ({formatPercent(fraction)})
        {upload.phase === 'uploading' && (
          <> · {formatRate(upload.rate)} · {formatDuration(upload.secondsLeft)} left</>
        )}
      </p>
      {upload.error && <p className="upload__error">{upload.error}</p>}
      {mismatch && <p className="upload__error" role="alert">{mismatch}</p>}
      <div className="upload__actions">
        {upload.phase === 'needs-file' && (
          <>
            <input
              id={pickId}
              type="file"
              accept={ACCEPT}
              className="visually-hidden file-input"
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (file && !uploader.attachPicked(file)) {
                  setMismatch(`${file.name} is not ${upload.name} (${formatBytes(upload.size)}). Pick the same file again.`);
                } else {
                  setMismatch(undefined);
                }
              }}
            />
            <label htmlFor={pickId} className="button file-label">
              Pick {upload.name} again
            </label>
          </>
        )}
        {upload.phase === 'restored' && (
          <button type="button" className="button" onClick={() => uploader.resume(upload.id)}>
            Resume<span className="visually-hidden"> {upload.name}</span>
          </button>
        )}
        {canPause && (
          <button type="button" className="button button--quiet" onClick={() => uploader.pauseResume(upload.id)}>
            {upload.phase === 'paused' ? 'Resume' : 'Pause'}<span className="visually-hidden"> {upload.name}</span>
          </button>
        )}
        {(upload.phase === 'failed' || upload.phase === 'retrying') && (
          <button type="button" className="button" onClick={() => uploader.retry(upload.id)}>
            Retry now<span className="visually-hidden"> {upload.name}</span>
          </button>
        )}
        {upload.phase === 'done' && upload.fileId && (
          <>
            <Link className="button button--quiet" to={`/uploads/${upload.fileId}`}>
              Details<span className="visually-hidden"> of {upload.name}</span>
            </Link>
            <button type="button" className="button button--quiet" onClick={() => uploader.dismiss(upload.id)}>
              Clear<span className="visually-hidden"> {upload.name}</span>
            </button>
          </>
        )}
        {unfinished && !confirming && (
          <button type="button" className="button button--quiet" onClick={() => setConfirming(true)}>
            Cancel<span className="visually-hidden"> {upload.name}</span>
          </button>
        )}
        {unfinished && confirming && (
          <span className="confirm" role="group" aria-label={`Cancel the upload of ${upload.name}?`}>
            <span>Cancel this upload? The parts sent so far are deleted.</span>
            <button type="button" className="button button--danger" onClick={() => void uploader.cancel(upload.id)}>
              Yes, cancel
            </button>
            <button type="button" className="button button--quiet" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </span>
        )}
      </div>
    </li>
  );
}
