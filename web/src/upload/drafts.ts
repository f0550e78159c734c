import { ApiError } from '../api/http';
import type { InitiateRequest } from '../api/types';
import { contentTypeOf, localDate } from './files';

/** A picked file the trainer is still describing (nothing sent yet). */
export interface Draft {
  key: string;
  file: File;
  studentEmail: string;
  studentName: string;
  sessionDate: string;
  notes: string;
  submitting: boolean;
  /** Field → messages: ours (required fields) or the service's (400 VALIDATION_FAILED). */
  fieldErrors: Record<string, string[]>;
  /** A failure that concerns no form field (file type, size, service down…). */
  error?: string;
}

export const FORM_FIELDS = ['studentEmail', 'studentName', 'sessionDate', 'notes'] as const;
export type FormField = (typeof FORM_FIELDS)[number];

let counter = 0;

export function newDraft(file: File, previous?: Pick<Draft, 'studentEmail' | 'studentName'>): Draft {
  counter += 1;
  return {
    key: `draft-${counter}`,
    file,
    studentEmail: previous?.studentEmail ?? '',
    studentName: previous?.studentName ?? '',
    // A GoPro file's last change is when the ride was filmed.
    sessionDate: localDate(file.lastModified || Date.now()),
    notes: '',
    submitting: false,
    fieldErrors: {},
  };
}

/** Required fields, before asking the service (which checks everything else and answers field by field). */
export function missingFields(draft: Draft): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  if (!draft.studentEmail.trim()) errors.studentEmail = ['Enter the student’s email address.'];
  if (!draft.studentName.trim()) errors.studentName = ['Enter the student’s name.'];
  if (!draft.sessionDate) errors.sessionDate = ['Enter the date of the session.'];
  return errors;
}

export function initiateRequest(draft: Draft, trainerName?: string): InitiateRequest {
  return {
    studentEmail: draft.studentEmail.trim(),
    studentName: draft.studentName.trim(),
    trainerName: trainerName || undefined,
    sessionDate: draft.sessionDate,
    notes: draft.notes.trim() || undefined,
    fileName: draft.file.name,
    fileSize: draft.file.size,
    contentType: contentTypeOf(draft.file),
  };
}

const FILE_FIELD_LABELS: Record<string, string> = {
  fileName: 'File name',
  fileSize: 'File size',
  contentType: 'File type',
  trainerName: 'Your name',
};

/**
 * Splits a failed initiate into what goes next to the form's fields and what is said about the file as a whole
 * (fields the trainer cannot edit here, or no field at all).
 */
export function applyInitiateError(draft: Draft, error: unknown): Draft {
  if (!(error instanceof ApiError)) {
    return { ...draft, submitting: false, error: 'The upload could not be started. Try again.' };
  }
  const fieldErrors: Record<string, string[]> = {};
  const other: string[] = [];
  for (const f of error.fields) {
    const field = f.field.split(/[.[]/)[0];
    if ((FORM_FIELDS as readonly string[]).includes(field)) {
      (fieldErrors[field] ??= []).push(f.message);
    } else {
      other.push(`${FILE_FIELD_LABELS[field] ?? field}: ${f.message}`);
    }
  }
  const hasFieldErrors = Object.keys(fieldErrors).length > 0;
  let message: string | undefined;
  if (other.length) message = other.join(' ');
  else if (!hasFieldErrors) message = error.message;
  return { ...draft, submitting: false, fieldErrors, error: message };
}
