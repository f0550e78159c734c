import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/http';
import { applyInitiateError, initiateRequest, missingFields, newDraft } from './drafts';

const file = new File([new Uint8Array(10)], 'GX010042.MP4', { type: '', lastModified: new Date(2026, 4, 14, 9).getTime() });

describe('a video being described', () => {
  it('should default the session date from the file and keep the last student', () => {
    const d = newDraft(file, { studentEmail: 'sue@x.example', studentName: 'Sue' });
    expect(d.sessionDate).toBe('2026-05-14');
    expect([d.studentEmail, d.studentName]).toEqual(['sue@x.example', 'Sue']);
  });

  it('should ask for the required fields before asking the service', () => {
    expect(Object.keys(missingFields(newDraft(file)))).toEqual(['studentEmail', 'studentName']);
  });

  it('should build the initiate body from the form and the file', () => {
    const d = { ...newDraft(file), studentEmail: ' sue@x.example ', studentName: ' Sue ', notes: '  ' };
    expect(initiateRequest(d, 'Sam Coach')).toEqual({
      studentEmail: 'sue@x.example', studentName: 'Sue', trainerName: 'Sam Coach', sessionDate: '2026-05-14',
      notes: undefined, fileName: 'GX010042.MP4', fileSize: 10, contentType: 'video/mp4',
    });
  });

  it('should put the service\'s field errors next to the form fields and the rest on the file', () => {
    const error = new ApiError(400, 'VALIDATION_FAILED', 'Invalid upload', [
      { field: 'studentEmail', message: 'must be a valid email address' },
      { field: 'sessionDate', message: 'must be at most 2 days ahead' },
      { field: 'contentType', message: 'must be one of video/mp4, video/quicktime' },
    ]);
    const d = applyInitiateError({ ...newDraft(file), submitting: true }, error);
    expect(d.fieldErrors).toEqual({
      studentEmail: ['must be a valid email address'], sessionDate: ['must be at most 2 days ahead'],
    });
    expect(d.error).toBe('File type: must be one of video/mp4, video/quicktime');
    expect(d.submitting).toBe(false);
  });

  it('should show a failure without fields as a message on the file', () => {
    const d = applyInitiateError(newDraft(file), new ApiError(503, 'EVENTS_UNAVAILABLE', 'Try again shortly'));
    expect(d.error).toBe('Try again shortly');
    expect(d.fieldErrors).toEqual({});
  });
});
