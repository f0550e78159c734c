import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { queryKeys, useUploadSearch } from '../api/queries';
import type { UploadFilter, UploadItem } from '../api/types';
import { Alert } from '../ui/Alert';
import { EmailStateBadge, UPLOAD_STATE_FILTERS, UploadStateBadge } from '../ui/badges';
import { formatBytes, formatDate, formatDateTime } from '../ui/format';
import { PageHeading } from '../ui/PageHeading';

const PAGE_SIZE = 20;

/** The filter lives in the address, so Back, reload and a bookmark keep it. */
function useFilter(): [UploadFilter, (f: UploadFilter) => void] {
  const [params, setParams] = useSearchParams();
  const filter = useMemo<UploadFilter>(() => ({
    studentEmail: params.get('studentEmail') ?? undefined,
    sessionDateFrom: params.get('from') ?? undefined,
    sessionDateTo: params.get('to') ?? undefined,
    status: params.get('status') ?? undefined,
  }), [params]);
  const setFilter = (f: UploadFilter) => {
    const next = new URLSearchParams();
    if (f.studentEmail) next.set('studentEmail', f.studentEmail);
    if (f.sessionDateFrom) next.set('from', f.sessionDateFrom);
    if (f.sessionDateTo) next.set('to', f.sessionDateTo);
    if (f.status) next.set('status', f.status);
    setParams(next);
  };
  return [filter, setFilter];
}

export function DashboardPage() {
  const [filter, setFilter] = useFilter();
  const filterKey = JSON.stringify(filter);
  // Keyset paging: the cursors of the pages before this one, to go back.
  const [paging, setPaging] = useState<{ key: string; cursors: (string | undefined)[] }>({ key: filterKey, cursors: [undefined] });
  const cursors = paging.key === filterKey ? paging.cursors : [undefined];
  const cursor = cursors[cursors.length - 1];
  const query = useUploadSearch(filter, cursor, PAGE_SIZE);
  const queryClient = useQueryClient();
  const filtered = Object.values(filter).some(Boolean);

  return (
    <main id="main" className="page page--wide">
      <div className="page__title-row">
        <PageHeading title="Your uploads">Your uploads</PageHeading>
        <div className="page__tools">
          <button
            type="button"
            className="button"
            onClick={() => void queryClient.invalidateQueries({ queryKey: queryKeys.uploads })}
            disabled={query.isFetching}
          >
            {query.isFetching ? 'Refreshing…' : 'Refresh'}
          </button>
          <Link className="button button--primary" to="/upload">Upload videos</Link>
        </div>
      </div>

      <FilterForm filter={filter} onApply={setFilter} />

      {query.isError && (
        <Alert title="The uploads could not be loaded.">
          <p>{query.error.message}</p>
          <button type="button" className="button" onClick={() => void query.refetch()}>Try again</button>
        </Alert>
      )}
      {query.isPending && <p aria-busy="true">Loading your uploads…</p>}
      {query.data && (
        <>
          <UploadTable uploads={query.data.uploads} filtered={filtered} busy={query.isFetching} />
          <nav className="pager" aria-label="Pages">
            <button
              type="button"
              className="button"
              disabled={cursors.length <= 1}
              onClick={() => setPaging({ key: filterKey, cursors: cursors.slice(0, -1) })}
            >
              Newer
            </button>
            <span className="pager__where">Page {cursors.length}</span>
            <button
              type="button"
              className="button"
              disabled={!query.data.page.hasMore || !query.data.page.nextCursor}
              onClick={() => setPaging({ key: filterKey, cursors: [...cursors, query.data.page.nextCursor ?? undefined] })}
            >
              Older
            </button>
          </nav>
        </>
      )}
    </main>
  );
}

function FilterForm({ filter, onApply }: { filter: UploadFilter; onApply: (f: UploadFilter) => void }) {
  const [draft, setDraft] = useState(filter);
  const [shown, setShown] = useState(filter);
  if (shown !== filter) {
    // The address changed (Back, a link): show what is applied.
    setShown(filter);
    setDraft(filter);
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply({
      studentEmail: draft.studentEmail?.trim() || undefined,
      sessionDateFrom: draft.sessionDateFrom || undefined,
      sessionDateTo: draft.sessionDateTo || undefined,
      status: draft.status || undefined,
    });
  };
  return (
    <form role="search" aria-label="Filter uploads" className="filters" onSubmit={submit}>
      <div className="field">
        <label htmlFor="filter-email">Student email</label>
        <input
          id="filter-email"
          type="email"
          value={draft.studentEmail ?? ''}
          onChange={(e) => setDraft({ ...draft, studentEmail: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor="filter-from">Session from</label>
        <input id="filter-from" type="date" value={draft.sessionDateFrom ?? ''} onChange={(e) => setDraft({ ...draft, sessionDateFrom: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor="filter-to">Session to</label>
        <input id="filter-to" type="date" value={draft.sessionDateTo ?? ''} onChange={(e) => setDraft({ ...draft, sessionDateTo: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor="filter-status">State</label>
        <select id="filter-status" value={draft.status ?? ''} onChange={(e) => setDraft({ ...draft, status: e.target.value })}>
          {UPLOAD_STATE_FILTERS.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
      </div>
      <div className="filters__actions">
        <button type="submit" className="button button--primary">Search</button>
        <button type="button" className="button button--quiet" onClick={() => { setDraft({}); onApply({}); }}>Clear</button>
      </div>
    </form>
  );
}

export function UploadTable({ uploads, filtered, busy }: { uploads: UploadItem[]; filtered: boolean; busy?: boolean }) {
  if (uploads.length === 0) {
    return (
      <p className="empty">
        {filtered ? 'No upload matches this search.' : <>No uploads yet. <Link to="/upload">Upload your first video</Link>.</>}
      </p>
    );
  }
  return (
    <div className="table-wrap">
      <table className="uploads" aria-busy={busy || undefined}>
        <caption className="visually-hidden">Uploads, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Video</th>
            <th scope="col">Student</th>
            <th scope="col">Session</th>
            <th scope="col">Size</th>
            <th scope="col">State</th>
            <th scope="col">Email</th>
            <th scope="col">Downloads</th>
            <th scope="col">Expires</th>
          </tr>
        </thead>
        <tbody>
          {uploads.map((u) => (
            <tr key={u.fileId} data-file-id={u.fileId}>
              <th scope="row" data-label="Video">
                <Link to={`/uploads/${u.fileId}`}>{u.fileName}</Link>
                <span className="uploads__uploaded">{formatDateTime(u.uploadDate)}</span>
              </th>
              <td data-label="Student">
                {u.studentName ?? <span className="muted">(erased)</span>}
                {u.studentEmail && <span className="uploads__email">{u.studentEmail}</span>}
              </td>
              <td data-label="Session">{formatDate(u.sessionDate)}</td>
              <td data-label="Size">{formatBytes(u.fileSize)}</td>
              <td data-label="State"><UploadStateBadge status={u.status} /></td>
              <td data-label="Email"><EmailStateBadge emailStatus={u.emailStatus ?? (u.emailSent ? 'SENT' : undefined)} uploadStatus={u.status} delivery={u.delivery} /></td>
              <td data-label="Downloads" className="num">{u.downloadCount}</td>
              <td data-label="Expires">{formatDateTime(u.expiresAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
