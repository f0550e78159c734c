import { Link, useParams } from 'react-router';
import { ApiError } from '../api/http';
import { useUploadDetail, useUploadDownloads } from '../api/queries';
import { Alert } from '../ui/Alert';
import { deliveryNeedsAttention, deliveryState, EmailStateBadge, UploadStateBadge } from '../ui/badges';
import { formatBytes, formatDate, formatDateTime } from '../ui/format';
import { PageHeading } from '../ui/PageHeading';
import { buildTimeline } from './timeline';
import { UploadActions } from './UploadActions';

export function UploadDetailPage() {
  const { fileId = '' } = useParams();
  const detail = useUploadDetail(fileId);
  const downloads = useUploadDownloads(fileId, detail.isSuccess);

  if (detail.isPending) {
    return <main id="main" className="page" aria-busy="true"><p>Loading the upload…</p></main>;
  }
  if (detail.isError) {
    const notFound = detail.error instanceof ApiError && detail.error.status === 404;
    return (
      <main id="main" className="page page--narrow">
        <BackLink />
        <PageHeading title={notFound ? 'Upload not found' : 'Upload not available'}>
          {notFound ? 'Upload not found' : 'This upload could not be loaded'}
        </PageHeading>
        {notFound
          ? <p>There is no upload of yours with this address. It may have been removed after its retention period.</p>
          : <Alert><p>{detail.error.message}</p><button type="button" className="button" onClick={() => void detail.refetch()}>Try again</button></Alert>}
      </main>
    );
  }
  const u = detail.data;
  const downloadList = downloads.data === undefined ? null : downloads.data?.downloads ?? null;
  const timeline = buildTimeline(u, downloadList);
  return (
    <main id="main" className="page">
      <BackLink />
      <PageHeading title={u.fileName}>{u.fileName}</PageHeading>
      {deliveryNeedsAttention(u.delivery) && (
        <Alert kind="info" title="The email did not reach the student">
          <p>
            {u.delivery && deliveryState(u.delivery).hint}.{' '}
            {u.delivery?.state === 'REJECTED'
              ? 'Sending it again will probably not help; please contact support.'
              : `ApexShare sends nothing more to ${u.studentEmail ?? 'this address'} until the address is corrected.`}
          </p>
        </Alert>
      )}
      <div className="detail">
        <section aria-labelledby="facts-heading" className="panel">
          <h2 id="facts-heading">Details</h2>
          <dl className="facts">
            <dt>Student</dt>
            <dd>
              {u.studentName ?? '(erased)'}
              {u.studentEmail && (
                <span className="facts__sub">
                  <Link to={`/students/${encodeURIComponent(u.studentEmail)}`}>{u.studentEmail}</Link>
                </span>
              )}
            </dd>
            <dt>Session</dt><dd>{formatDate(u.sessionDate)}</dd>
            <dt>Size</dt><dd>{formatBytes(u.fileSize)}</dd>
            <dt>State</dt><dd><UploadStateBadge status={u.status} /></dd>
            <dt>Email</dt><dd><EmailStateBadge emailStatus={u.emailStatus} uploadStatus={u.status} delivery={u.delivery} /></dd>
            <dt>Downloads</dt><dd>{u.downloadCount}</dd>
            <dt>Link expires</dt><dd>{formatDateTime(u.expiresAt)}{u.linksRevoked && ' (revoked)'}</dd>
            {u.originalFileName && u.originalFileName !== u.fileName && (<><dt>Original name</dt><dd>{u.originalFileName}</dd></>)}
            {u.notes && (<><dt>Notes</dt><dd className="notes">{u.notes}</dd></>)}
          </dl>
        </section>
        <UploadActions key={u.fileId} upload={u} />
        <section aria-labelledby="timeline-heading" className="panel">
          <h2 id="timeline-heading">Timeline</h2>
          <ol className="timeline">
            {timeline.map((e) => (
              <li key={e.key} className={`timeline__item timeline__item--${e.tone}`}>
                <span className="timeline__title">{e.title}</span>
                {e.detail && <span className="timeline__detail"> {e.detail}</span>}
                <time className="timeline__time" dateTime={e.at}>{formatDateTime(e.at)}</time>
              </li>
            ))}
          </ol>
          {downloads.isSuccess && downloads.data === null && u.downloadCount > 0 && (
            <p className="muted">
              Single downloads with their devices are not available yet: {u.downloadCount}{' '}
              {u.downloadCount === 1 ? 'download' : 'downloads'} so far.
            </p>
          )}
          {downloads.isError && <p className="muted">The list of downloads could not be loaded.</p>}
        </section>
      </div>
    </main>
  );
}

function BackLink() {
  return <p><Link to="/uploads" className="back-link">← All uploads</Link></p>;
}
