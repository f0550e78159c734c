import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { fail, fakeFetch, ok, on } from '../test/fakeFetch';
import { renderAt } from '../test/render';
import { Uploader } from './uploader';
import { UploaderContext } from './UploaderContext';
import { UploadPage } from './UploadPage';

let uploader: Uploader | undefined;
afterEach(() => uploader?.destroy());

function renderPage() {
  uploader = new Uploader('test-uploads', { persist: false, notifyDelayMs: 0 });
  return renderAt('/upload', [{
    path: '/upload',
    element: <UploaderContext.Provider value={uploader}><UploadPage /></UploaderContext.Provider>,
  }]);
}

const video = (name: string, day: number) => new File([new Uint8Array(2048)], name, { type: 'video/mp4', lastModified: new Date(2026, 4, day, 10).getTime() });

describe('the upload page', () => {
  it('should describe each picked video, offer earlier students, and show the service\'s field errors next to their fields', async () => {
    const { calls } = fakeFetch(
      on('GET', /\/api\/v1\/me$/, ok({ sub: 't', name: 'Sam Coach' })),
      on('GET', /\/recent/, ok({ uploads: [{ fileId: 'x', fileName: 'a', studentEmail: 'alex@student.example', studentName: 'Alex Rider', sessionDate: null, uploadDate: null, fileSize: 1, emailSent: true, downloadCount: 0 }], pagination: { total: 1, limit: 100, offset: 0, hasMore: false } })),
      on('POST', /initiate/, (call) => ((call.body as { fileName: string }).fileName === 'GX010042.MP4'
        ? fail(400, 'VALIDATION_FAILED', 'Invalid', [{ field: 'studentEmail', message: 'must be a valid email address' }])
        : fail(400, 'VALIDATION_FAILED', 'Invalid', [{ field: 'contentType', message: 'must be one of video/mp4' }]))),
    );
    renderPage();
    await userEvent.upload(screen.getByLabelText('Choose videos'), [video('GX010042.MP4', 14), video('GX010043.MP4', 15)]);
    const groups = screen.getAllByRole('group');
    expect(groups).toHaveLength(2);
    expect(within(groups[0]).getByLabelText('Session date')).toHaveValue('2026-05-14');
    expect(within(groups[1]).getByLabelText('Session date')).toHaveValue('2026-05-15');

    await userEvent.type(within(groups[0]).getByLabelText('Student email'), 'alex@student.example');
    // A known student's name is filled in from the earlier uploads.
    expect(within(groups[0]).getByLabelText('Student name')).toHaveValue('Alex Rider');
    await userEvent.click(screen.getByRole('button', { name: 'Use this student for all videos' }));
    expect(within(groups[1]).getByLabelText('Student email')).toHaveValue('alex@student.example');
    await userEvent.click(screen.getByRole('button', { name: 'Upload 2 videos' }));

    const email = within(groups[0]).getByLabelText('Student email');
    await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true');
    const describedBy = email.getAttribute('aria-describedby')!;
    expect(document.getElementById(describedBy)).toHaveTextContent('must be a valid email address');
    expect(within(groups[1]).getByRole('alert')).toHaveTextContent('File type: must be one of video/mp4');

    const initiates = calls.filter((c) => c.url.endsWith('/initiate')).map((c) => c.body);
    expect(initiates).toContainEqual({
      studentEmail: 'alex@student.example', studentName: 'Alex Rider', trainerName: 'Sam Coach', sessionDate: '2026-05-14',
      fileName: 'GX010042.MP4', fileSize: 2048, contentType: 'video/mp4',
    });
  });

  it('should ask for missing required fields before calling the service', async () => {
    const { calls } = fakeFetch(on('GET', /\/api\/v1\/me$/, ok({ sub: 't' })), on('GET', /\/recent/, ok({ uploads: [], pagination: { total: 0, limit: 100, offset: 0, hasMore: false } })));
    renderPage();
    await userEvent.upload(screen.getByLabelText('Choose videos'), [video('GX1.MP4', 1)]);
    await userEvent.click(screen.getByRole('button', { name: 'Upload 1 video' }));
    expect(await screen.findByText('Enter the student’s email address.')).toBeInTheDocument();
    expect(calls.some((c) => c.url.endsWith('/initiate'))).toBe(false);
  });

  it('should refuse files that are not videos', async () => {
    fakeFetch(on('GET', /\/api\/v1\/me$/, ok({ sub: 't' })));
    renderPage();
    await userEvent.upload(screen.getByLabelText('Choose videos'), [new File(['x'], 'notes.txt', { type: 'text/plain' })], { applyAccept: false });
    expect(await screen.findByRole('alert')).toHaveTextContent('Not a video, so not added: notes.txt.');
  });
});
