import { request } from './http';
import type { ActionState } from './types';

/**
 * The trainer's actions on a completed upload (upload-service through the gateway, upload-service/README.md). Each
 * answers the upload's state afterwards; refusals are {@link ApiError}s: 404 UPLOAD_NOT_FOUND, 409 (UPLOAD_DELETED,
 * UPLOAD_EXPIRED, LINK_REVOKED, UPLOAD_NOT_COMPLETED), 400 with field errors, 429 RESEND_LIMIT_REACHED with
 * `retryAfterSeconds`.
 */
const id = (fileId: string) => `/api/v1/uploads/${encodeURIComponent(fileId)}`;

export const actionsApi = {
  resend(fileId: string): Promise<ActionState> {
    return request('POST', `${id(fileId)}/resend`, { body: {} });
  },
  changeAddress(fileId: string, studentEmail: string, studentName?: string): Promise<ActionState> {
    return request('POST', `${id(fileId)}/student-address`, {
      body: { studentEmail, studentName: studentName?.trim() ? studentName.trim() : undefined },
    });
  },
  changeExpiry(fileId: string, expiresAt: string): Promise<ActionState> {
    return request('PUT', `${id(fileId)}/expiry`, { body: { expiresAt } });
  },
  revoke(fileId: string): Promise<ActionState> {
    return request('POST', `${id(fileId)}/revoke`, { body: {} });
  },
  remove(fileId: string): Promise<ActionState> {
    return request('POST', `${id(fileId)}/delete`, { body: {} });
  },
  setReminders(fileId: string, enabled: boolean): Promise<ActionState> {
    return request('PUT', `${id(fileId)}/reminders`, { body: { enabled } });
  },
};
