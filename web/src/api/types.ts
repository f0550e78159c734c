/** The services' JSON shapes, as their READMEs specify them (see web/README.md, "API contract"). */

// ---- upload-service ----
export type UploadMode = 'SINGLE_PUT' | 'MULTIPART';

export interface InitiateRequest {
  studentEmail: string;
  studentName: string;
  trainerName?: string;
  sessionDate: string;
  notes?: string;
  fileName: string;
  fileSize: number;
  contentType: string;
}

export interface PartUrl {
  partNumber: number;
  url: string;
}

export interface Initiation {
  fileId: string;
  uploadMode: UploadMode;
  uploadUrl: string | null;
  fields: Record<string, string>;
  expiresAt: string;
  multipart: { uploadId: string; partSize: number; partCount: number; parts: PartUrl[] } | null;
}

export interface PartUrls {
  parts: PartUrl[];
  expiresAt: string;
}

export interface SinglePutUrl {
  uploadUrl: string;
  fields: Record<string, string>;
  expiresAt: string;
}

export type SessionStatus = 'IN_PROGRESS' | 'COMPLETED' | 'ABORTED';

export interface UploadedPart {
  partNumber: number;
  eTag: string;
  size: number;
}

export interface UploadParts {
  fileId: string;
  uploadMode: UploadMode;
  status: SessionStatus;
  partSize: number | null;
  partCount: number | null;
  fileSize: number;
  uploadedParts: UploadedPart[];
}

export interface Completion {
  fileId: string;
  status: SessionStatus;
  size: number;
  eTag: string;
}

// ---- catalog-service ----
/** Known today: INITIATED, AVAILABLE, DELETED, EXPIRED. Any other value is shown as it comes. */
export type UploadStatus = string;
/** Known today: PENDING, SENT, FAILED. Whether a sent email arrived is in `delivery`. */
export type EmailStatus = string;

/**
 * Did the student's email arrive (catalog `delivery`): SENT (accepted, nothing reported since), DELAYED, DELIVERED,
 * BOUNCED, COMPLAINED (marked as spam), REJECTED (the provider refused it) or SUPPRESSED (not sent: the address
 * bounced or complained before). Any other value is shown as it comes.
 */
export type DeliveryState = 'SENT' | 'DELAYED' | 'DELIVERED' | 'BOUNCED' | 'COMPLAINED' | 'REJECTED' | 'SUPPRESSED' | (string & {});
export type BounceType = 'HARD' | 'SOFT' | 'UNDETERMINED';

export interface EmailDelivery {
  state: DeliveryState;
  /** When that happened (ISO-8601). */
  at: string | null;
  /** Set for BOUNCED (and for SUPPRESSED after a hard bounce). */
  bounceType?: BounceType | null;
}

export interface UploadItem {
  fileId: string;
  fileName: string;
  studentEmail: string | null;
  studentName: string | null;
  sessionDate: string | null;
  uploadDate: string | null;
  fileSize: number | null;
  emailSent: boolean;
  downloadCount: number;
  status?: UploadStatus;
  emailStatus?: EmailStatus;
  lastDownloadAt?: string | null;
  expiresAt?: string | null;
  /** The trainer revoked the links (issue 16). */
  linksRevoked?: boolean;
  /** Null until the email was sent (or suppressed). */
  delivery?: EmailDelivery | null;
}

export interface RecentUploads {
  uploads: UploadItem[];
  pagination: { total: number; limit: number; offset: number; hasMore: boolean };
}

export interface UploadPage {
  uploads: UploadItem[];
  page: { limit: number; hasMore: boolean; nextCursor: string | null };
}

export interface UploadFilter {
  studentEmail?: string;
  sessionDateFrom?: string;
  sessionDateTo?: string;
  status?: string;
}

export interface UploadDetail extends UploadItem {
  originalFileName?: string | null;
  contentType?: string | null;
  trainerName?: string | null;
  notes?: string | null;
  completedAt?: string | null;
  emailSentAt?: string | null;
  emailFailedAt?: string | null;
  emailFailureReason?: string | null;
  deletedAt?: string | null;
  /** ABORTED, TRAINER_DELETED, RETENTION_EXPIRED or OTHER once deleted. */
  deletionReason?: string | null;
  /** 1 until the trainer first corrects the student's address. */
  linkGeneration?: number;
  linksRevokedAt?: string | null;
  /** Whether the one reminder email may go out (default on). */
  remindersEnabled?: boolean;
  reminderSentAt?: string | null;
  lastResentAt?: string | null;
}

// ---- the trainer's actions (upload-service, issue 16) ----
/** What every action answers: where the upload stands afterwards. */
export interface ActionState {
  fileId: string;
  /** COMPLETED, or DELETED after a delete. */
  status: string;
  expiresAt: string;
  linkGeneration: number;
  linksRevoked: boolean;
  linksRevokedAt: string | null;
  remindersEnabled: boolean;
}

/** `GET /api/v1/students/{email}/uploads` (catalog-service). */
export interface StudentSummary {
  studentEmail: string;
  studentName: string | null;
  uploads: number;
  downloads: number;
  notDownloaded: number;
  firstSessionDate: string | null;
  lastSessionDate: string | null;
  lastUploadDate: string | null;
}

export interface StudentUploads {
  student: StudentSummary;
  uploads: UploadItem[];
  page: { limit: number; hasMore: boolean; nextCursor: string | null };
}

/** Proposed catalog addition: `GET /api/v1/uploads/{fileId}/downloads` (web/README.md). */
export interface DownloadRecord {
  downloadId: string;
  downloadedAt: string;
  userAgentFamily: string;
  channel?: string;
}

export interface DownloadRecords {
  downloads: DownloadRecord[];
  page: { limit: number; hasMore: boolean; nextCursor: string | null };
}

// ---- download-service ----
export interface VideoInfo {
  fileName: string;
  fileSize: number | null;
  contentType?: string | null;
  sessionDate: string | null;
  trainerName: string | null;
  notes: string | null;
  expiresAt: string | null;
}

/** Proposed: `GET /api/v1/downloads/{token}/info` (no URL, not counted). */
export interface LinkInfo {
  videoInfo: VideoInfo;
}

/** Today's `GET /api/v1/downloads/{token}` and the proposed `POST …/start`. */
export interface StartedDownload {
  downloadUrl: string;
  downloadUrlExpiresAt?: string | null;
  videoInfo: VideoInfo;
  /** Proposed: whether this call recorded the visit's one `Downloaded` (false when the visit already counted). */
  counted?: boolean;
}

// ---- gateway ----
export interface Me {
  name?: string;
  email?: string;
  sub?: string;
  subject?: string;
  preferred_username?: string;
}
