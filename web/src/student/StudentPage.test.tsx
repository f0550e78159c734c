import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fail, fakeFetch, ok, on } from '../test/fakeFetch';
import { renderAt } from '../test/render';
import { StudentPage } from './StudentPage';

const token = 'Jx3k0v1y2Kq8mZ4W3f3tW7Hn1c9b8aQ2rD5sE6gT7uA';
const videoInfo = {
  fileName: 'session-42.mp4', fileSize: 3_221_225_472, contentType: 'video/mp4', sessionDate: '2025-06-14',
  trainerName: 'Tom Trainer', notes: 'Watch your lines in turn 3', expiresAt: '2025-07-14T09:00:00Z',
};
const started = { downloadUrl: 'https://s3.example/v?sig=1', downloadUrlExpiresAt: new Date(Date.now() + 300_000).toISOString(), videoInfo, counted: true };

const page = () => renderAt(`/d/${token}`, [{ path: '/d/:token', element: <StudentPage /> }]);

describe('the student page', () => {
  beforeEach(() => {
    sessionStorage.clear();
    vi.spyOn(HTMLMediaElement.prototype, 'play').mockResolvedValue(undefined);
  });

  it('should show the trainer, session, notes, size and expiry without counting a download', async () => {
    const { calls } = fakeFetch(on('GET', /\/info$/, ok({ videoInfo })));
    page();
    expect(await screen.findByText('Tom Trainer')).toBeInTheDocument();
    expect(screen.getByText('Watch your lines in turn 3')).toBeInTheDocument();
    expect(screen.getByText('session-42.mp4 · 3.22 GB')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Your riding session video');
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([`GET /api/v1/downloads/${token}/info`]);
  });

  it('should start the player with one visit id and reuse the URL for Download', async () => {
    const { calls } = fakeFetch(on('GET', /\/info$/, ok({ videoInfo })), on('POST', /\/start$/, ok(started)));
    const assign = vi.fn();
    vi.stubGlobal('location', { ...window.location, assign });
    page();
    await userEvent.click(await screen.findByRole('button', { name: 'Play video' }));
    const video = await screen.findByLabelText('Video: session-42.mp4');
    await waitFor(() => expect((video as HTMLVideoElement).src).toBe(started.downloadUrl));
    await userEvent.click(screen.getByRole('button', { name: /^Download/ }));
    expect(assign).toHaveBeenCalledWith(started.downloadUrl);
    const starts = calls.filter((c) => c.url.endsWith('/start'));
    expect(starts).toHaveLength(1);
    expect(starts[0].body).toMatchObject({ purpose: 'PLAY', visitId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
  });

  it.each([
    [410, 'VIDEO_REMOVED', 'This video was removed'],
    [410, 'LINK_EXPIRED', 'This link has expired'],
    [410, 'LINK_REVOKED', 'This link was withdrawn'],
    [404, 'LINK_NOT_FOUND', 'Link not found'],
  ])('should explain a %s %s link', async (status, code, heading) => {
    fakeFetch(on('GET', /\/info$/, fail(status, code)));
    page();
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent(heading);
  });

  it('should work against today\'s download service (no info endpoint): details after the start, counted once per visit', async () => {
    const { calls } = fakeFetch(on('GET', new RegExp(`/api/v1/downloads/${token}$`), ok({ downloadUrl: started.downloadUrl, downloadUrlExpiresAt: started.downloadUrlExpiresAt, videoInfo })));
    vi.stubGlobal('location', { ...window.location, assign: vi.fn() });
    page();
    await userEvent.click(await screen.findByRole('button', { name: 'Play video' }));
    expect(await screen.findByText('Tom Trainer')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: /^Download/ }));
    expect(calls.filter((c) => c.method === 'GET' && c.url === `/api/v1/downloads/${token}`)).toHaveLength(1);
  });
});
