import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fail, fakeFetch, ok, on } from '../test/fakeFetch';
import { renderAt } from '../test/render';
import { StudentUploadsPage } from './StudentUploadsPage';
import { UploadDetailPage } from './UploadDetailPage';

const detail = {
  fileId: 'f1', fileName: 'GX010042.MP4', studentEmail: 'sue@student.example', studentName: 'Sue Student',
  sessionDate: '2026-05-14', uploadDate: '2026-05-14T17:02:11Z', fileSize: 4_800_000_123, emailSent: true,
  downloadCount: 0, status: 'AVAILABLE', emailStatus: 'SENT', expiresAt: '2026-06-13T17:02:11Z',
  completedAt: '2026-05-14T17:05:00Z', emailSentAt: '2026-05-14T17:05:02Z', linksRevoked: false, remindersEnabled: true,
};
const state = (over: Record<string, unknown> = {}) => ({
  fileId: 'f1', status: 'COMPLETED', expiresAt: '2026-06-13T17:02:11Z', linkGeneration: 1, linksRevoked: false,
  linksRevokedAt: null, remindersEnabled: true, ...over,
});
const page = () => renderAt('/uploads/f1', [{ path: '/uploads/:fileId', element: <UploadDetailPage /> }]);
const actions = async () => within((await screen.findByRole('heading', { name: 'Actions' })).closest('section')!);

describe('the actions on an upload', () => {
  it('should resend the email, then explain the limit with when to try again', async () => {
    let resends = 0;
    const { calls } = fakeFetch(
      on('POST', /\/f1\/resend$/, () => (++resends === 1 ? ok(state())
        : { ...fail(429, 'RESEND_LIMIT_REACHED', 'The email was already resent 3 times in the last hour; try again later'), headers: { 'Retry-After': '600' } })),
      on('GET', /\/api\/v1\/uploads\/f1$/, ok(detail)),
    );
    page();
    const panel = await actions();
    await userEvent.click(panel.getByRole('button', { name: 'Resend email' }));
    expect(await panel.findByText('The email is on its way to the student again, with a fresh link.')).toBeInTheDocument();
    await userEvent.click(panel.getByRole('button', { name: 'Resend email' }));
    expect(await panel.findByText(/already resent 3 times/)).toBeInTheDocument();
    expect(panel.getByText('You can resend again in 10 minutes.')).toBeInTheDocument();
    expect(calls.filter((c) => c.url.endsWith('/resend')).map((c) => c.method)).toEqual(['POST', 'POST']);
  });

  it('should revoke and delete only after confirmation', async () => {
    const { calls } = fakeFetch(
      on('POST', /\/f1\/revoke$/, ok(state({ linksRevoked: true, linksRevokedAt: '2026-05-20T10:00:00Z' }))),
      on('POST', /\/f1\/delete$/, ok(state({ status: 'DELETED', linksRevoked: true }))),
      on('GET', /\/api\/v1\/uploads\/f1$/, ok(detail)),
    );
    page();
    const panel = await actions();
    await userEvent.click(panel.getByRole('button', { name: 'Revoke link' }));
    await userEvent.click(panel.getByRole('button', { name: 'Cancel' }));
    expect(calls.some((c) => c.url.endsWith('/revoke'))).toBe(false);
    await userEvent.click(panel.getByRole('button', { name: 'Revoke link' }));
    await userEvent.click(panel.getByRole('button', { name: 'Yes, revoke the link' }));
    expect(await panel.findAllByText('The link was revoked: it no longer works.')).not.toHaveLength(0);
    expect(panel.getByRole('button', { name: 'Resend email' })).toBeDisabled();
    await userEvent.click(panel.getByRole('button', { name: 'Delete upload' }));
    expect(panel.getByRole('alertdialog')).toHaveTextContent('This cannot be undone');
    await userEvent.click(panel.getByRole('button', { name: 'Yes, delete the upload' }));
    expect(await panel.findByText(/The upload was deleted/)).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.url)).toEqual(['/api/v1/uploads/f1/revoke', '/api/v1/uploads/f1/delete']);
  });

  it('should change the address and show the service\'s field errors', async () => {
    const { calls } = fakeFetch(
      on('POST', /\/f1\/student-address$/, (call) => ((call.body as { studentEmail: string }).studentEmail.includes('@')
        ? ok(state({ linkGeneration: 2 }))
        : fail(400, 'VALIDATION_FAILED', 'Invalid request: studentEmail', [{ field: 'studentEmail', message: 'must be a valid email address' }]))),
      on('GET', /\/api\/v1\/uploads\/f1$/, ok(detail)),
    );
    page();
    const panel = await actions();
    await userEvent.click(panel.getByRole('button', { name: 'Change address' }));
    const email = panel.getByLabelText('Student email');
    await userEvent.clear(email);
    await userEvent.type(email, 'sue-at-student');
    await userEvent.click(panel.getByRole('button', { name: 'Send to this address' }));
    expect(await panel.findByText('must be a valid email address')).toBeInTheDocument();
    expect(panel.getByLabelText('Student email')).toHaveAttribute('aria-invalid', 'true');
    await userEvent.clear(panel.getByLabelText('Student email'));
    await userEvent.type(panel.getByLabelText('Student email'), 'sue@student.example.org');
    await userEvent.click(panel.getByRole('button', { name: 'Send to this address' }));
    expect(await panel.findByText(/A new email with a new link went to sue@student.example.org/)).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST').at(-1)!.body).toEqual({ studentEmail: 'sue@student.example.org', studentName: 'Sue Student' });
  });

  it('should change the expiry as an instant and show an out-of-range refusal on the field', async () => {
    const { calls } = fakeFetch(
      on('PUT', /\/f1\/expiry$/, fail(400, 'VALIDATION_FAILED', 'Invalid request: expiresAt',
        [{ field: 'expiresAt', message: 'must be between 2026-05-20T11:00:00Z and 2026-06-19T10:00:00Z' }])),
      on('GET', /\/api\/v1\/uploads\/f1$/, ok(detail)),
    );
    page();
    const panel = await actions();
    await userEvent.click(panel.getByRole('button', { name: 'Change expiry' }));
    const input = panel.getByLabelText('Link works until');
    await userEvent.clear(input);
    await userEvent.type(input, '2026-09-01T12:00');
    await userEvent.click(panel.getByRole('button', { name: 'Save expiry' }));
    expect(await panel.findByText(/must be between/)).toBeInTheDocument();
    const sent = (calls.find((c) => c.method === 'PUT')!.body as { expiresAt: string }).expiresAt;
    expect(new Date(sent).getTime()).toBe(new Date('2026-09-01T12:00').getTime());
  });

  it('should switch the reminder off', async () => {
    const { calls } = fakeFetch(
      on('PUT', /\/f1\/reminders$/, ok(state({ remindersEnabled: false }))),
      on('GET', /\/api\/v1\/uploads\/f1$/, ok(detail)),
    );
    page();
    const panel = await actions();
    const box = panel.getByRole('checkbox', { name: /Remind the student once/ });
    expect(box).toBeChecked();
    await userEvent.click(box);
    expect(await panel.findByText('No reminder will be sent.')).toBeInTheDocument();
    expect(panel.getByRole('checkbox', { name: /Remind the student once/ })).not.toBeChecked();
    expect(calls.find((c) => c.method === 'PUT')!.body).toEqual({ enabled: false });
  });

  it('should offer no actions on an expired upload', async () => {
    fakeFetch(on('GET', /\/api\/v1\/uploads\/f1$/, ok({ ...detail, status: 'EXPIRED' })));
    page();
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('GX010042.MP4');
    expect(screen.queryByRole('heading', { name: 'Actions' })).not.toBeInTheDocument();
  });
});

describe('a student\'s page', () => {
  it('should list every upload of the student with their totals, linked from the upload', async () => {
    const { calls } = fakeFetch(
      on('GET', /\/api\/v1\/students\//, ok({
        student: { studentEmail: 'sue+ride@student.example', studentName: 'Sue Student', uploads: 2, downloads: 3,
          notDownloaded: 1, firstSessionDate: '2026-04-01', lastSessionDate: '2026-05-14', lastUploadDate: '2026-05-14T17:02:11Z' },
        uploads: [{ ...detail, fileId: 'f2', fileName: 'NEW.MP4' }, { ...detail, fileName: 'OLD.MP4', linksRevoked: true }],
        page: { limit: 20, hasMore: false, nextCursor: null },
      })),
    );
    renderAt('/students/sue%2Bride%40student.example', [{ path: '/students/:email', element: <StudentUploadsPage /> }]);
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('Sue Student');
    expect(screen.getByText('sue+ride@student.example')).toBeInTheDocument();
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('link').textContent)).toEqual(['NEW.MP4', 'OLD.MP4']);
    expect(within(rows[1]).getByText('(link revoked)')).toBeInTheDocument();
    expect(calls[0].url).toBe('/api/v1/students/sue%2Bride%40student.example/uploads?limit=20');
  });

  it('should say so when the trainer has no upload for the address', async () => {
    fakeFetch(on('GET', /\/api\/v1\/students\//, fail(404, 'STUDENT_NOT_FOUND', 'You have no uploads for this student')));
    renderAt('/students/nobody%40student.example', [{ path: '/students/:email', element: <StudentUploadsPage /> }]);
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('No uploads for this student');
  });
});
