import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeFetch, ok, on } from '../test/fakeFetch';
import { renderAt } from '../test/render';
import { DashboardPage } from './DashboardPage';
import { UploadDetailPage } from './UploadDetailPage';

const row = (over: Record<string, unknown>) => ({
  fileId: 'f1', fileName: 'GX010042.MP4', studentEmail: 'sue@student.example', studentName: 'Sue Student',
  sessionDate: '2026-05-14', uploadDate: '2026-05-14T17:02:11Z', fileSize: 4_800_000_123, emailSent: true,
  downloadCount: 2, status: 'AVAILABLE', emailStatus: 'SENT', lastDownloadAt: null, expiresAt: '2026-06-13T17:02:11Z',
  ...over,
});

describe('the dashboard', () => {
  it('should list uploads with their states, including states it does not know yet', async () => {
    fakeFetch(on('GET', /^\/api\/v1\/uploads\?/, ok({
      uploads: [row({}), row({ fileId: 'f2', fileName: 'GX2.MP4', status: 'INITIATED', emailStatus: 'PENDING' }),
        row({ fileId: 'f3', fileName: 'GX3.MP4', emailStatus: 'BOUNCED_SOFT' })],
      page: { limit: 20, hasMore: false, nextCursor: null },
    })));
    renderAt('/uploads', [{ path: '/uploads', element: <DashboardPage /> }]);
    const first = (await screen.findByRole('link', { name: 'GX010042.MP4' })).closest('tr')!;
    expect(within(first).getByText('Available')).toBeInTheDocument();
    expect(within(first).getByText('Sent')).toBeInTheDocument();
    expect(within(first).getByText('4.80 GB')).toBeInTheDocument();
    const uploading = screen.getByRole('link', { name: 'GX2.MP4' }).closest('tr')!;
    expect(within(uploading).getByText('Uploading')).toBeInTheDocument();
    expect(within(uploading).getByText('After upload')).toBeInTheDocument();
    expect(within(screen.getByRole('link', { name: 'GX3.MP4' }).closest('tr')!).getByText('Bounced soft')).toBeInTheDocument();
  });

  it('should answer "delivered?" in each row from the delivery state', async () => {
    fakeFetch(on('GET', /^\/api\/v1\/uploads\?/, ok({
      uploads: [row({ delivery: { state: 'DELIVERED', at: '2026-05-14T17:06:00Z', bounceType: null } }),
        row({ fileId: 'f2', fileName: 'GX2.MP4', delivery: { state: 'BOUNCED', at: '2026-05-14T17:07:00Z', bounceType: 'HARD' } }),
        row({ fileId: 'f3', fileName: 'GX3.MP4', emailSent: false, emailStatus: 'FAILED', delivery: { state: 'SUPPRESSED', at: '2026-05-14T17:08:00Z', bounceType: 'HARD' } })],
      page: { limit: 20, hasMore: false, nextCursor: null },
    })));
    renderAt('/uploads', [{ path: '/uploads', element: <DashboardPage /> }]);
    const delivered = (await screen.findByRole('link', { name: 'GX010042.MP4' })).closest('tr')!;
    expect(within(delivered).getByText(/^Delivered/)).toHaveClass('badge--good');
    const bounced = screen.getByRole('link', { name: 'GX2.MP4' }).closest('tr')!;
    expect(within(bounced).getByText(/^Bounced/)).toHaveTextContent('Bounced: The address does not exist or accepts no mail; correct the address');
    const suppressed = screen.getByRole('link', { name: 'GX3.MP4' }).closest('tr')!;
    expect(within(suppressed).getByText(/^Not sent/)).toHaveClass('badge--bad');
  });

  it('should search by email, date and state, and page with the cursor', async () => {
    const { calls } = fakeFetch(
      on('GET', /cursor=c2/, ok({ uploads: [row({ fileId: 'old', fileName: 'OLD.MP4' })], page: { limit: 20, hasMore: false, nextCursor: null } })),
      on('GET', /^\/api\/v1\/uploads\?/, ok({ uploads: [row({})], page: { limit: 20, hasMore: true, nextCursor: 'c2' } })),
    );
    const { router } = renderAt('/uploads', [{ path: '/uploads', element: <DashboardPage /> }]);
    await screen.findByRole('link', { name: 'GX010042.MP4' });
    await userEvent.type(screen.getByLabelText('Student email'), 'Sue@Student.example');
    await userEvent.selectOptions(screen.getByLabelText('State'), 'Expired');
    await userEvent.click(screen.getByRole('button', { name: 'Search' }));
    expect(router.state.location.search).toBe('?studentEmail=Sue%40Student.example&status=EXPIRED');
    await screen.findByRole('link', { name: 'GX010042.MP4' });
    expect(calls.at(-1)!.url).toBe('/api/v1/uploads?limit=20&studentEmail=Sue%40Student.example&status=EXPIRED');
    await userEvent.click(screen.getByRole('button', { name: 'Older' }));
    expect(await screen.findByRole('link', { name: 'OLD.MP4' })).toBeInTheDocument();
    expect(calls.at(-1)!.url).toContain('cursor=c2');
    await userEvent.click(screen.getByRole('button', { name: 'Newer' }));
    expect(await screen.findByRole('link', { name: 'GX010042.MP4' })).toBeInTheDocument();
  });
});

describe('an upload\'s page', () => {
  const detail = { ...row({}), trainerName: 'Sam', notes: 'Turn 3', completedAt: '2026-05-14T17:05:00Z', emailSentAt: '2026-05-14T17:05:02Z', lastDownloadAt: '2026-05-15T08:00:00Z' };

  it('should show the timeline with every download and its device', async () => {
    fakeFetch(
      on('GET', /\/f1\/downloads/, ok({ downloads: [{ downloadId: 'd1', downloadedAt: '2026-05-15T08:00:00Z', userAgentFamily: 'Safari', channel: 'API' }], page: { limit: 100, hasMore: false, nextCursor: null } })),
      on('GET', /\/api\/v1\/uploads\/f1$/, ok(detail)),
    );
    renderAt('/uploads/f1', [{ path: '/uploads/:fileId', element: <UploadDetailPage /> }]);
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('GX010042.MP4');
    const timeline = screen.getByRole('list');
    expect(await within(timeline).findByText('with Safari')).toBeInTheDocument();
    expect(within(timeline).getByText('Email sent')).toBeInTheDocument();
  });

  it('should tell the trainer when the email bounced and what to do', async () => {
    fakeFetch(on('GET', /\/api\/v1\/uploads\/f1$/, ok({ ...detail, delivery: { state: 'BOUNCED', at: '2026-05-14T17:06:00Z', bounceType: 'HARD' } })));
    renderAt('/uploads/f1', [{ path: '/uploads/:fileId', element: <UploadDetailPage /> }]);
    const notice = await screen.findByRole('status');
    expect(notice).toHaveTextContent('The email did not reach the student');
    expect(notice).toHaveTextContent('ApexShare sends nothing more to sue@student.example until the address is corrected.');
    expect(within(screen.getByRole('list')).getByText('Email bounced')).toBeInTheDocument();
  });

  it('should say so while the catalog cannot list downloads yet', async () => {
    fakeFetch(on('GET', /\/api\/v1\/uploads\/f1$/, ok(detail)));
    renderAt('/uploads/f1', [{ path: '/uploads/:fileId', element: <UploadDetailPage /> }]);
    expect(await screen.findByText(/Single downloads with their devices are not available yet: 2 downloads/)).toBeInTheDocument();
    expect(screen.getByText('Last download')).toBeInTheDocument();
  });

  it('should answer an unknown upload with a not-found page', async () => {
    fakeFetch(on('GET', /\/api\/v1\/uploads\/nope$/, { status: 404, body: { success: false, error: { status: 404, code: 'UPLOAD_NOT_FOUND', message: 'x', fields: [] } } }));
    renderAt('/uploads/nope', [{ path: '/uploads/:fileId', element: <UploadDetailPage /> }]);
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('Upload not found');
  });
});
