import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/http';
import { useStudentUploads } from '../api/queries';
import { Alert } from '../ui/Alert';
import { EmailStateBadge, UploadStateBadge } from '../ui/badges';
import { formatBytes, formatDate, formatDateTime } from '../ui/format';
import { PageHeading } from '../ui/PageHeading';

/** One student across sessions: every upload of the trainer for that address, newest first, with the totals. */
export function StudentUploadsPage() {
  const { email = '' } = useParams();
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors.at(-1);
  const query = useStudentUploads(email, cursor);

  if (query.isPending) {
    return <main id="main" className="page" aria-busy="true"><p>Loading the student's uploads…</p></main>;
  }
  if (query.isError) {
    const notFound = query.error instanceof ApiError && query.error.status === 404;
    return (
      <main id="main" className="page page--narrow">
        <BackLink />
        <PageHeading title={notFound ? 'No uploads for this student' : 'Student not available'}>
          {notFound ? 'No uploads for this student' : 'This student could not be loaded'}
        </PageHeading>
        {notFound
          ? <p>You have no uploads for {email}. Their uploads may have been removed after their retention period.</p>
          : <Alert><p>{query.error.message}</p><button type="button" className="button" onClick={() => void query.refetch()}>Try again</button></Alert>}
      </main>
    );
  }
  const { student, uploads, page } = query.data;
  const title = student.studentName ?? student.studentEmail;
  return (
    <main id="main" className="page">
      <BackLink />
      <PageHeading title={title}>{title}</PageHeading>
      <section aria-labelledby="student-heading" className="panel">
        <h2 id="student-heading">Student</h2>
        <dl className="facts">
          <dt>Email</dt><dd>{student.studentEmail}</dd>
          <dt>Uploads</dt><dd>{student.uploads}</dd>
          <dt>Downloads</dt><dd>{student.downloads}</dd>
          <dt>Not downloaded yet</dt><dd>{student.notDownloaded}</dd>
          <dt>Sessions</dt><dd>{formatDate(student.firstSessionDate)} – {formatDate(student.lastSessionDate)}</dd>
        </dl>
      </section>
      <table className="uploads">
        <caption className="visually-hidden">Uploads for {title}, newest first</caption>
        <thead>
          <tr><th scope="col">Video</th><th scope="col">Session</th><th scope="col">Size</th><th scope="col">State</th>
            <th scope="col">Email</th><th scope="col">Downloads</th><th scope="col">Link expires</th></tr>
        </thead>
        <tbody>
          {uploads.map((u) => (
            <tr key={u.fileId}>
              <td><Link to={`/uploads/${u.fileId}`}>{u.fileName}</Link>{u.linksRevoked && <span className="muted"> (link revoked)</span>}</td>
              <td>{formatDate(u.sessionDate)}</td>
              <td>{formatBytes(u.fileSize)}</td>
              <td><UploadStateBadge status={u.status} /></td>
              <td><EmailStateBadge emailStatus={u.emailStatus} uploadStatus={u.status} /></td>
              <td>{u.downloadCount}</td>
              <td>{formatDateTime(u.expiresAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="pager">
        <button type="button" className="button" disabled={cursors.length === 0} onClick={() => setCursors(cursors.slice(0, -1))}>Newer</button>
        <button type="button" className="button" disabled={!page.hasMore || !page.nextCursor}
          onClick={() => page.nextCursor && setCursors([...cursors, page.nextCursor])}>Older</button>
      </div>
    </main>
  );
}

function BackLink() {
  return <p><Link to="/uploads" className="back-link">← All uploads</Link></p>;
}
