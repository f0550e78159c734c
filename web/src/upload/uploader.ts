import AwsS3 from '@uppy/aws-s3';
import Uppy from '@uppy/core';
import type { State, UppyFile } from '@uppy/core';
import GoldenRetriever from '@uppy/golden-retriever';
import { ApiError } from '../api/http';
import type { Answer } from '../api/http';
import type { Initiation, UploadMode } from '../api/types';
import { uploadsApi } from '../api/uploads';
import { sameFile } from './files';
import { PartUrlCache, usableUntil } from './partUrls';
import { secondsLeft, TransferMeter } from './transfer';

/**
 * The browser's upload engine: Uppy 5 core with its S3 plugin driven by the upload service's own API (the backend
 * callbacks), and Golden Retriever to survive a reload or a crash. The upload page only renders {@link UploadsSnapshot}s
 * and calls the methods below.
 *
 * Choices that matter:
 * - The page initiates each upload itself (to show field errors next to the fields) before the file reaches Uppy, so
 *   Uppy's chunk size is the service's `partSize` for that upload from the start.
 * - Multipart files always start through Uppy's resume path (ListParts first): a retry or a resume after a reload sends
 *   only the parts S3 does not have, and Uppy never aborts a server-side upload because one attempt failed. Only the
 *   trainer's Cancel aborts.
 * - Presigned URLs stay in memory (never in localStorage); a 403 from S3 drops the URL and the retry fetches a new one.
 */

/** Per-file facts kept in Uppy's meta (and so in Golden Retriever's localStorage): no URL, no email. */
export interface UploadMeta {
  [key: string]: unknown;
  fileId?: string;
  uploadMode?: UploadMode;
  partSize?: number;
  partCount?: number;
  studentName?: string;
  sessionDate?: string;
  lastModified?: number;
}

type Body = Record<string, never>;
type File_ = UppyFile<UploadMeta, Body>;

export type UploadPhase =
  | 'queued' | 'uploading' | 'paused' | 'retrying' | 'failed' | 'done' | 'needs-file' | 'restored';

export interface UploadView {
  id: string;
  fileId?: string;
  name: string;
  size: number;
  bytesUploaded: number;
  phase: UploadPhase;
  error?: string;
  /** When the next automatic attempt starts (ms since epoch), in phase `retrying`. */
  retryAt?: number;
  studentName?: string;
  sessionDate?: string;
  rate?: number;
  secondsLeft?: number;
}

export interface UploadsSnapshot {
  uploads: UploadView[];
  totals: { bytes: number; uploaded: number; rate?: number; secondsLeft?: number; active: number };
  notices: string[];
}

export interface UploadDetails {
  studentName: string;
  sessionDate: string;
}

export interface UploaderOptions {
  api?: typeof uploadsApi;
  /** Called when an upload is complete (the dashboard refreshes). */
  onFinished?: (fileId: string) => void;
  /** Requests in flight at once (part PUTs, URL batches, ListParts, complete), shared by all files. */
  limit?: number;
  retryDelays?: number[];
  /** Whole-file attempts after a transient failure, with these pauses (ms). */
  fileRetryDelays?: number[];
  now?: () => number;
  /** Longest delay between a change and the page hearing of it. */
  notifyDelayMs?: number;
  /** Golden Retriever off (unit tests without IndexedDB). */
  persist?: boolean;
}

const DEFAULT_FILE_RETRY_DELAYS = [2_000, 5_000, 15_000, 30_000, 60_000];

export class Uploader {
  readonly uppy: Uppy<UploadMeta, Body>;
  readonly #api: typeof uploadsApi;
  readonly #onFinished?: (fileId: string) => void;
  readonly #now: () => number;
  readonly #fileRetryDelays: number[];
  readonly #partUrls = new Map<string, PartUrlCache>();
  readonly #singlePut = new Map<string, { url: string; headers: Record<string, string>; usableUntil: number }>();
  readonly #singlePutUrls = new Map<string, string>();
  readonly #meters = new Map<string, TransferMeter>();
  readonly #totalMeter = new TransferMeter();
  readonly #errors = new Map<string, string>();
  readonly #retries = new Map<string, { attempt: number; at: number; timer?: ReturnType<typeof setTimeout> }>();
  readonly #cancelled = new Set<string>();
  readonly #listeners = new Set<() => void>();
  #notices: string[] = [];
  #snapshot: UploadsSnapshot | undefined;
  #lastState: State<UploadMeta, Body> | undefined;
  #notifyTimer: ReturnType<typeof setTimeout> | undefined;
  readonly #notifyDelayMs: number;

  constructor(storeKey: string, options: UploaderOptions = {}) {
    this.#api = options.api ?? uploadsApi;
    this.#onFinished = options.onFinished;
    this.#now = options.now ?? Date.now;
    this.#fileRetryDelays = options.fileRetryDelays ?? DEFAULT_FILE_RETRY_DELAYS;
    this.#notifyDelayMs = options.notifyDelayMs ?? 200;
    this.uppy = new Uppy<UploadMeta, Body>({
      id: storeKey,
      autoProceed: false,
      allowMultipleUploadBatches: true,
      // One Uppy file per service upload: the same video may go to two students at once. (A restored ghost gets its
      // bytes back through attachPicked, not through addFile.)
      onBeforeFileAdded: (file) => (file.meta.fileId ? { ...file, id: `upload-${file.meta.fileId}` } : false),
    });
    this.uppy.use(AwsS3<UploadMeta, Body>, {
      limit: options.limit ?? 6,
      retryDelays: options.retryDelays ?? [0, 1_000, 3_000, 5_000, 10_000, 20_000],
      shouldUseMultipart: (file) => file.meta.uploadMode === 'MULTIPART',
      getChunkSize: (data) => this.#partSizeOf(data),
      createMultipartUpload: (file) => {
        const fileId = requireFileId(file);
        return { uploadId: fileId, key: fileId };
      },
      signPart: async (file, { partNumber }) => ({ method: 'PUT', url: await this.#partUrl(file, partNumber) }),
      listParts: (file) => this.#listParts(file),
      completeMultipartUpload: (file, { parts }) => this.#completeMultipart(file, parts),
      // Uppy calls this when a fresh upload fails; only the trainer's Cancel ends a server-side upload (see cancel()).
      abortMultipartUpload: () => undefined,
      getUploadParameters: (file) => this.#singlePutParameters(file),
      uploadPartBytes: (args) => this.#uploadBytes(args),
    });
    if (options.persist !== false) {
      this.uppy.use(GoldenRetriever<UploadMeta, Body>, { expires: 24 * 60 * 60 * 1000 });
    }
    this.uppy.on('restored', () => this.#onRestored());
    this.uppy.on('upload-progress', (file, progress) => {
      if (!file) return;
      this.#meter(file.id).record(progress.bytesUploaded ?? 0, this.#now());
      this.#totalMeter.record(this.#sumUploaded(), this.#now());
    });
    this.uppy.on('upload-success', (file) => {
      if (!file) return;
      this.#errors.delete(file.id);
      this.#retries.delete(file.id);
      this.#meters.delete(file.id);
      const fileId = file.meta.fileId;
      if (fileId) {
        this.#partUrls.delete(fileId);
        this.#singlePut.delete(fileId);
        this.#onFinished?.(fileId);
      }
    });
    // Progress resets the count of whole-file attempts: only failures in a row give up.
    this.uppy.on('s3-multipart:part-uploaded', (file) => {
      const retry = file && this.#retries.get(file.id);
      if (retry && !retry.timer) this.#retries.delete(file.id);
    });
    this.uppy.on('upload-error', (file, error) => {
      if (file) this.#onError(file.id, error);
    });
    this.uppy.on('file-removed', (file) => {
      this.#meters.delete(file.id);
      this.#errors.delete(file.id);
      const retry = this.#retries.get(file.id);
      if (retry?.timer) clearTimeout(retry.timer);
      this.#retries.delete(file.id);
    });
    this.uppy.store.subscribe(() => this.#changed());
  }

  // ---- what the page calls ----

  /**
   * Hands an initiated upload to Uppy and starts it.
   *
   * @returns Uppy's id of the file (the page's key for it)
   */
  start(file: File, answer: Answer<Initiation>, details: UploadDetails): string {
    const initiation = answer.data;
    const meta: UploadMeta = {
      fileId: initiation.fileId,
      uploadMode: initiation.uploadMode,
      partSize: initiation.multipart?.partSize,
      partCount: initiation.multipart?.partCount,
      studentName: details.studentName,
      sessionDate: details.sessionDate,
      lastModified: file.lastModified,
    };
    if (initiation.uploadMode === 'MULTIPART' && initiation.multipart) {
      const cache = this.#cacheFor(initiation.fileId, initiation.multipart.partCount);
      cache.seed(initiation.multipart.parts, initiation.expiresAt, answer.receivedAt, answer.serverDate);
    } else if (initiation.uploadUrl) {
      this.#rememberSinglePut(initiation.fileId, initiation.uploadUrl, initiation.fields,
        usableUntil(initiation.expiresAt, answer.receivedAt, answer.serverDate));
    }
    const id = this.uppy.addFile({ name: file.name, type: file.type || undefined, data: file, meta, source: 'picker' });
    this.#run(id);
    return id;
  }

  /** The trainer picked a file again: if it is the bytes of a restored upload, that upload continues. */
  attachPicked(file: File): boolean {
    const waiting = this.uppy.getFiles().find((f) => !f.progress.uploadComplete && (f.isGhost || f.data == null)
      && sameFile({ name: f.name ?? '', size: f.size ?? -1, lastModified: f.meta.lastModified }, file));
    if (!waiting) return false;
    this.uppy.setFileState(waiting.id, { data: file, isGhost: false });
    this.#run(waiting.id);
    return true;
  }

  /** Continues a restored upload whose bytes the browser kept (small files). */
  resume(id: string): void {
    const file = this.uppy.getFile(id);
    if (!file || file.isGhost || file.data == null) return;
    this.#run(id);
  }

  pauseResume(id: string): void {
    const file = this.uppy.getFile(id);
    if (!file) return;
    if (file.error || !this.#isRunning(id)) {
      this.retry(id);
      return;
    }
    this.uppy.pauseResume(id);
  }

  pauseAll(): void {
    this.uppy.pauseAll();
  }

  resumeAll(): void {
    for (const f of this.uppy.getFiles()) {
      if (f.progress.uploadComplete || f.isGhost) continue;
      if (f.isPaused && this.#isRunning(f.id)) this.uppy.pauseResume(f.id);
      else if (!this.#isRunning(f.id) && f.data != null) this.#run(f.id);
    }
  }

  retry(id: string): void {
    const retry = this.#retries.get(id);
    if (retry?.timer) clearTimeout(retry.timer);
    this.#retries.delete(id);
    this.#errors.delete(id);
    this.#run(id);
  }

  /** Stops the upload and tells the service to abort it (S3 drops the parts). */
  async cancel(id: string): Promise<void> {
    const file = this.uppy.getFile(id);
    if (!file) return;
    const fileId = file.meta.fileId;
    this.uppy.removeFile(id);
    if (!fileId) return;
    this.#cancelled.add(fileId);
    this.#partUrls.delete(fileId);
    this.#singlePut.delete(fileId);
    try {
      await this.#api.abort(fileId);
    } catch (e) {
      if (e instanceof ApiError && (e.code === 'UPLOAD_ALREADY_COMPLETED' || e.status === 404)) return;
      this.#notice(`The service could not be told to cancel ${file.name}; it drops unfinished uploads after a day.`);
    }
  }

  /** Takes a finished (or hopeless) row off the list; does not touch the upload on the server. */
  dismiss(id: string): void {
    if (this.uppy.getFile(id)) this.uppy.removeFile(id);
  }

  dismissNotices(): void {
    this.#notices = [];
    this.#changed(true);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  getSnapshot = (): UploadsSnapshot => {
    if (!this.#snapshot) this.#snapshot = this.#buildSnapshot();
    return this.#snapshot;
  };

  destroy(): void {
    for (const r of this.#retries.values()) if (r.timer) clearTimeout(r.timer);
    if (this.#notifyTimer !== undefined) clearTimeout(this.#notifyTimer);
    this.uppy.destroy();
  }

  // ---- Uppy's backend callbacks ----

  #partSizeOf(data: { size: number }): number {
    const file = this.uppy.getFiles().find((f) => f.data === data);
    const partSize = file?.meta.partSize;
    // Uppy's chunks must be exactly the service's parts: every part URL signs one Content-Length.
    if (!partSize) throw new Error('The part size of this upload is unknown');
    return partSize;
  }

  #cacheFor(fileId: string, partCount: number): PartUrlCache {
    let cache = this.#partUrls.get(fileId);
    if (!cache) {
      cache = new PartUrlCache((numbers) => this.#api.partUrls(fileId, numbers), partCount, { now: this.#now });
      this.#partUrls.set(fileId, cache);
    }
    return cache;
  }

  async #partUrl(file: File_, partNumber: number): Promise<string> {
    const fileId = requireFileId(file);
    const current = this.uppy.getFile(file.id) ?? file;
    const cache = this.#cacheFor(fileId, current.meta.partCount ?? partNumber);
    return cache.get(partNumber);
  }

  async #listParts(file: File_) {
    const fileId = requireFileId(file);
    const answer = await this.#api.parts(fileId);
    if (answer.status === 'COMPLETED') throw new AlreadyCompleted();
    if (answer.status === 'ABORTED') throw new ApiError(409, 'UPLOAD_ABORTED', 'This upload was cancelled.');
    const cache = this.#cacheFor(fileId, answer.partCount ?? 1);
    cache.markUploaded(answer.uploadedParts.map((p) => p.partNumber));
    return answer.uploadedParts.map((p) => ({ PartNumber: p.partNumber, ETag: p.eTag, Size: p.size }));
  }

  async #completeMultipart(file: File_, parts: { PartNumber?: number; ETag?: string }[]) {
    const fileId = requireFileId(file);
    const body = parts
      .map((p) => ({ partNumber: p.PartNumber ?? 0, eTag: p.ETag ?? '' }))
      .sort((a, b) => a.partNumber - b.partNumber);
    try {
      await this.#api.complete(fileId, body);
    } catch (e) {
      if (!(e instanceof ApiError && e.code === 'UPLOAD_ALREADY_COMPLETED')) throw e;
    }
    return {};
  }

  #rememberSinglePut(fileId: string, url: string, headers: Record<string, string>, until: number): void {
    this.#singlePut.set(fileId, { url, headers, usableUntil: until });
    this.#singlePutUrls.set(url, fileId);
  }

  async #singlePutParameters(file: File_) {
    const fileId = requireFileId(file);
    let entry = this.#singlePut.get(fileId);
    if (!entry || entry.usableUntil <= this.#now()) {
      const answer = await this.#api.singlePutUrl(fileId);
      this.#rememberSinglePut(fileId, answer.data.uploadUrl, answer.data.fields,
        usableUntil(answer.data.expiresAt, answer.receivedAt, answer.serverDate));
      entry = this.#singlePut.get(fileId)!;
    }
    // One attempt per URL: a retry after a failure asks for a fresh one.
    this.#singlePut.delete(fileId);
    return { method: 'PUT' as const, url: entry.url, headers: entry.headers };
  }

  async #uploadBytes(args: Parameters<typeof AwsS3.uploadPartBytes>[0]) {
    const url = args.signature.url;
    try {
      const result = await AwsS3.uploadPartBytes(args);
      const singlePutOf = this.#singlePutUrls.get(url);
      if (singlePutOf) {
        this.#singlePutUrls.delete(url);
        // A single PUT has no CompleteMultipartUpload: the service hears of it here.
        try {
          await this.#api.complete(singlePutOf);
        } catch (e) {
          if (!(e instanceof ApiError && e.code === 'UPLOAD_ALREADY_COMPLETED')) throw e;
        }
      }
      return result;
    } catch (e) {
      const status = (e as { source?: { status?: number } }).source?.status;
      if (status === 403) {
        // Expired (15 min) or otherwise refused: forget this URL so that the retry signs a fresh one.
        for (const cache of this.#partUrls.values()) {
          const n = cache.partNumberOf(url);
          if (n !== undefined) cache.invalidate(n);
        }
        const expired = new Error('Request has expired') as Error & { source?: unknown };
        expired.source = { status: 403 };
        throw expired;
      }
      throw e;
    }
  }

  // ---- failures, retries, restore ----

  #onError(id: string, error: unknown): void {
    if (error instanceof AlreadyCompleted) {
      this.#markDone(id);
      return;
    }
    const file = this.uppy.getFile(id);
    if (!file) return;
    this.#errors.set(id, describe(error));
    const attempt = (this.#retries.get(id)?.attempt ?? 0) + 1;
    if (isTransient(error) && attempt <= this.#fileRetryDelays.length) {
      const delay = this.#fileRetryDelays[attempt - 1];
      const at = this.#now() + delay;
      const timer = setTimeout(() => {
        const entry = this.#retries.get(id);
        if (entry) entry.timer = undefined;
        this.#run(id);
      }, delay);
      this.#retries.set(id, { attempt, at, timer });
    } else {
      this.#retries.delete(id);
    }
    this.#changed(true);
  }

  #markDone(id: string): void {
    const file = this.uppy.getFile(id);
    if (!file) return;
    this.uppy.setFileState(id, {
      error: null,
      progress: { ...file.progress, uploadComplete: true, percentage: 100, bytesUploaded: file.size ?? 0 } as File_['progress'],
    });
    this.#errors.delete(id);
    this.#retries.delete(id);
    if (file.meta.fileId) this.#onFinished?.(file.meta.fileId);
  }

  #run(id: string): void {
    const file = this.uppy.getFile(id);
    if (!file || file.data == null) return;
    this.#errors.delete(id);
    this.#meter(id).reset();
    if (file.meta.uploadMode === 'MULTIPART' && file.meta.fileId) {
      // Always the resume path: ListParts first, so that only missing parts are sent (see the class comment).
      this.uppy.setFileState(id, { s3Multipart: { uploadId: file.meta.fileId, key: file.meta.fileId } } as Partial<File_>);
    }
    this.uppy.retryUpload(id).catch((e: unknown) => this.#onError(id, e));
  }

  #onRestored(): void {
    // Golden Retriever brings back files, not running requests: each restored upload continues when the trainer says
    // so (or picks its file again), after the service confirms where it stands.
    this.uppy.setState({ currentUploads: {}, recoveredState: null });
    for (const file of this.uppy.getFiles()) {
      if (file.progress.uploadComplete || !file.meta.fileId) this.uppy.removeFile(file.id);
      else void this.#verify(file);
    }
  }

  async #verify(file: File_): Promise<void> {
    const fileId = file.meta.fileId!;
    try {
      const parts = await this.#api.parts(fileId);
      if (parts.status === 'COMPLETED') {
        this.#markDone(file.id);
      } else if (parts.status === 'ABORTED') {
        this.uppy.removeFile(file.id);
        this.#notice(`The upload of ${file.name} was cancelled.`);
      } else {
        const uploaded = parts.uploadedParts.reduce((n, p) => n + p.size, 0);
        if (parts.partCount) this.#cacheFor(fileId, parts.partCount).markUploaded(parts.uploadedParts.map((p) => p.partNumber));
        const current = this.uppy.getFile(file.id);
        if (current) {
          const total = current.size ?? parts.fileSize;
          this.uppy.setFileState(file.id, {
            progress: {
              ...current.progress, bytesUploaded: uploaded, percentage: total ? Math.floor((uploaded / total) * 100) : 0,
            } as File_['progress'],
          });
        }
      }
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) {
        this.uppy.removeFile(file.id);
        this.#notice(`The upload of ${file.name} no longer exists on the server.`);
      }
      // Anything else (offline, signed out): the row stays; resuming will try again.
    }
  }

  // ---- snapshot ----

  #meter(id: string): TransferMeter {
    let meter = this.#meters.get(id);
    if (!meter) {
      meter = new TransferMeter();
      this.#meters.set(id, meter);
    }
    return meter;
  }

  #isRunning(id: string): boolean {
    return Object.values(this.uppy.getState().currentUploads).some((u) => u.fileIDs.includes(id));
  }

  #sumUploaded(): number {
    return this.uppy.getFiles().reduce((n, f) => n + (typeof f.progress.bytesUploaded === 'number' ? f.progress.bytesUploaded : 0), 0);
  }

  #notice(text: string): void {
    this.#notices = [...this.#notices, text];
    this.#changed(true);
  }

  #changed(force = false): void {
    const state = this.uppy.getState();
    if (!force && state === this.#lastState) return;
    this.#lastState = state;
    // Progress events arrive many times a second per part: the page re-renders a few times a second at most.
    if (this.#notifyTimer !== undefined) return;
    this.#notifyTimer = setTimeout(() => {
      this.#notifyTimer = undefined;
      this.#snapshot = undefined;
      for (const l of this.#listeners) l();
    }, this.#notifyDelayMs);
  }

  #buildSnapshot(): UploadsSnapshot {
    const now = this.#now();
    const uploads = this.uppy.getFiles().map((f): UploadView => {
      const size = f.size ?? 0;
      const bytesUploaded = typeof f.progress.bytesUploaded === 'number' ? f.progress.bytesUploaded : 0;
      const phase = this.#phaseOf(f);
      const rate = phase === 'uploading' ? this.#meters.get(f.id)?.rate(now) : undefined;
      return {
        id: f.id,
        fileId: f.meta.fileId,
        name: f.name ?? 'video',
        size,
        bytesUploaded: phase === 'done' ? size : bytesUploaded,
        phase,
        error: phase === 'failed' || phase === 'retrying' ? this.#errors.get(f.id) ?? (f.error ?? undefined) : undefined,
        retryAt: phase === 'retrying' ? this.#retries.get(f.id)?.at : undefined,
        studentName: f.meta.studentName,
        sessionDate: f.meta.sessionDate,
        rate,
        secondsLeft: phase === 'uploading' ? secondsLeft(size - bytesUploaded, rate) : undefined,
      };
    });
    const unfinished = uploads.filter((u) => u.phase !== 'done');
    const bytes = unfinished.reduce((n, u) => n + u.size, 0);
    const uploaded = unfinished.reduce((n, u) => n + u.bytesUploaded, 0);
    const active = uploads.filter((u) => u.phase === 'uploading').length;
    const rate = active > 0 ? this.#totalMeter.rate(now) : undefined;
    return {
      uploads,
      totals: { bytes, uploaded, rate, secondsLeft: active > 0 ? secondsLeft(bytes - uploaded, rate) : undefined, active },
      notices: this.#notices,
    };
  }

  #phaseOf(f: File_): UploadPhase {
    if (f.progress.uploadComplete) return 'done';
    if (f.isGhost || f.data == null) return 'needs-file';
    if (this.#retries.get(f.id)?.timer) return 'retrying';
    if (f.error || this.#errors.has(f.id)) return 'failed';
    if (!this.#isRunning(f.id)) return f.isRestored ? 'restored' : 'queued';
    if (f.isPaused) return 'paused';
    return 'uploading';
  }
}

class AlreadyCompleted extends Error {
  constructor() {
    super('This upload is already complete.');
  }
}

function requireFileId(file: File_): string {
  const fileId = file.meta.fileId;
  if (!fileId) throw new Error('This file was not initiated with the upload service');
  return fileId;
}

function isTransient(error: unknown): boolean {
  if (error instanceof ApiError) return error.transient;
  const status = (error as { source?: { status?: number } } | undefined)?.source?.status;
  if (status === undefined) return true;
  return status === 0 || status === 403 || status === 429 || status >= 500;
}

function describe(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  const status = (error as { source?: { status?: number } } | undefined)?.source?.status;
  if (status === 0) return 'The connection to the storage was lost.';
  if (status !== undefined) return `The storage refused a part (HTTP ${status}).`;
  return error instanceof Error ? error.message : 'The upload failed.';
}
