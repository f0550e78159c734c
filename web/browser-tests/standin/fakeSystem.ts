/**
 * STAND-IN ONLY. A small Node fake of the gateway, the four services' HTTP APIs and S3, so that the browser tests can
 * run the built app today (layout, accessibility, screenshots, and the app's side of the flows). It implements the
 * contract web/README.md describes — including the catalog and download-service additions this app asks for — and
 * checks what S3 would check for the app's requests (part sizes, URL expiry, CORS, CSRF header). It is not the
 * system: the run that counts is `npm run test:browser` against the real one (APEXSHARE_URL).
 */
import { randomBytes, randomUUID, createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

export interface StandinOptions {
  staticDir: string;
  /** Part size for multipart uploads (the real service uses 16 MiB and more; smaller keeps tests quick). */
  partSize?: number;
  singlePutMaxSize?: number;
  /** Lifetime of presigned part URLs. */
  urlLifetimeMs?: number;
  /** S3 reads each PUT at most this fast (bytes/s per request), like a slow uplink; 0 = as fast as possible. */
  s3BytesPerSecond?: number;
}

interface Upload {
  fileId: string;
  trainer: string;
  studentEmail: string;
  studentName: string;
  trainerName: string;
  sessionDate: string;
  notes?: string;
  fileName: string;
  fileSize: number;
  contentType: string;
  mode: 'SINGLE_PUT' | 'MULTIPART';
  partSize: number;
  partCount: number;
  parts: Map<number, { eTag: string; data: Buffer }>;
  object?: Buffer;
  session: 'IN_PROGRESS' | 'COMPLETED' | 'ABORTED';
  status: 'INITIATED' | 'AVAILABLE' | 'DELETED' | 'EXPIRED';
  emailStatus: 'PENDING' | 'SENT' | 'FAILED';
  uploadDate: string;
  completedAt?: string;
  emailSentAt?: string;
  deletedAt?: string;
  expiresAt: string;
  downloads: { downloadId: string; downloadedAt: string; userAgentFamily: string; channel: string; visitId?: string }[];
}

export interface Mail {
  to: string;
  subject: string;
  link: string;
}

const TRAINER = { sub: 'trainer@apexshare.local', name: 'Demo Trainer', email: 'trainer@apexshare.local' };

export class FakeSystem {
  readonly uploads = new Map<string, Upload>();
  readonly mails: Mail[] = [];
  /** The most PUTs S3 was reading at the same time. */
  maxConcurrentPuts = 0;
  #concurrentPuts = 0;
  /** UploadPart requests S3 answered 200, per fileId. */
  readonly uploadPartRequests = new Map<string, number>();
  readonly tokens = new Map<string, { fileId: string; state: 'OK' | 'EXPIRED' | 'REMOVED' }>();
  readonly #options: Required<StandinOptions>;
  #app?: http.Server;
  #s3?: http.Server;
  appUrl = '';
  s3Url = '';
  readonly #sessions = new Set<string>();

  constructor(options: StandinOptions) {
    this.#options = {
      partSize: 8 * 1024 * 1024,
      singlePutMaxSize: 16 * 1024 * 1024,
      urlLifetimeMs: 15 * 60_000,
      s3BytesPerSecond: 0,
      ...options,
    };
  }

  async start(): Promise<void> {
    this.#s3 = http.createServer((req, res) => void this.#handleS3(req, res).catch((e) => fail(res, e)));
    this.#app = http.createServer((req, res) => void this.#handleApp(req, res).catch((e) => fail(res, e)));
    await listen(this.#s3);
    await listen(this.#app);
    this.s3Url = `http://127.0.0.1:${(this.#s3.address() as AddressInfo).port}`;
    this.appUrl = `http://127.0.0.1:${(this.#app.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await Promise.all([this.#app, this.#s3].map((s) => new Promise<void>((resolve) => {
      if (!s) return resolve();
      s.closeAllConnections();
      s.close(() => resolve());
    })));
  }

  /** The CSP the gateway is asked to send (web/README.md), with this fake S3 as the storage origin. */
  csp(): string {
    return [
      "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self'", "font-src 'self'",
      `connect-src 'self' ${this.s3Url}`, `media-src 'self' ${this.s3Url}`, "object-src 'none'", "base-uri 'none'",
      "frame-ancestors 'none'", "form-action 'self'",
    ].join('; ');
  }

  /** Seeds a finished, emailed upload and returns its link token. */
  seedAvailable(fields: Partial<Upload> & { bytes: Buffer; fileName: string }, tokenState: 'OK' | 'EXPIRED' | 'REMOVED' = 'OK'): string {
    const fileId = randomUUID();
    const now = new Date();
    const upload: Upload = {
      fileId, trainer: TRAINER.sub, studentEmail: 'sue@student.example', studentName: 'Sue Rider',
      trainerName: TRAINER.name, sessionDate: now.toISOString().slice(0, 10), notes: 'Watch your line in turn 3.',
      fileSize: fields.bytes.length, contentType: 'video/mp4', mode: 'SINGLE_PUT', partSize: fields.bytes.length,
      partCount: 1, parts: new Map(), object: fields.bytes, session: 'COMPLETED', status: 'AVAILABLE',
      emailStatus: 'SENT', uploadDate: now.toISOString(), completedAt: now.toISOString(), emailSentAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + 30 * 86_400_000).toISOString(), downloads: [],
      ...fields,
    };
    if (tokenState === 'REMOVED') {
      upload.status = 'DELETED';
      upload.deletedAt = now.toISOString();
    }
    if (tokenState === 'EXPIRED') upload.status = 'EXPIRED';
    this.uploads.set(fileId, upload);
    const token = randomBytes(32).toString('base64url');
    this.tokens.set(token, { fileId, state: tokenState });
    return token;
  }

  seedUpload(partial: Partial<Upload>): Upload {
    const fileId = randomUUID();
    const now = new Date();
    const upload: Upload = {
      fileId, trainer: TRAINER.sub, studentEmail: 'alex@student.example', studentName: 'Alex Rider',
      trainerName: TRAINER.name, sessionDate: '2026-05-14', fileName: 'GX010042.MP4', fileSize: 4_294_967_296,
      contentType: 'video/mp4', mode: 'MULTIPART', partSize: 16 * 1024 * 1024, partCount: 256, parts: new Map(),
      session: 'COMPLETED', status: 'AVAILABLE', emailStatus: 'SENT', uploadDate: now.toISOString(),
      completedAt: now.toISOString(), emailSentAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + 30 * 86_400_000).toISOString(), downloads: [],
      ...partial,
    };
    this.uploads.set(upload.fileId, upload);
    return upload;
  }

  // ---------------------------------------------------------------- the gateway, the services

  async #handleApp(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.appUrl);
    const p = url.pathname;
    const method = req.method ?? 'GET';
    const signedIn = this.#signedIn(req);

    if (p === '/oauth2/authorization/apexshare' || p === '/login') {
      const sid = randomUUID();
      this.#sessions.add(sid);
      res.writeHead(302, {
        Location: '/',
        'Set-Cookie': [`SESSION=${sid}; Path=/; HttpOnly; SameSite=Lax`, `XSRF-TOKEN=${randomUUID()}; Path=/; SameSite=Lax`],
      });
      return void res.end();
    }
    if (p === '/logout' && method === 'POST') {
      if (!this.#csrfOk(req)) return json(res, 403, error(403, 'CSRF', 'Missing or wrong CSRF token'));
      const sid = cookie(req, 'SESSION');
      if (sid) this.#sessions.delete(sid);
      // Like the gateway: asked for JSON, it says where to go (the identity provider's logout, here just /).
      res.writeHead(200, { 'Set-Cookie': 'SESSION=; Path=/; Max-Age=0', 'Content-Type': 'application/json' });
      return void res.end(JSON.stringify({ success: true, data: { redirectUrl: '/' } }));
    }
    if (p.startsWith('/api/')) return this.#api(req, res, url, signedIn);

    const token = /^\/d\/([A-Za-z0-9_-]+)$/.exec(p)?.[1];
    const wantsHtml = (req.headers.accept ?? '').includes('text/html');
    if (token && !wantsHtml) {
      // curl -L <link>: today's redirect to the presigned URL, counted unless HEAD.
      const link = this.tokens.get(token);
      if (!link) return json(res, 404, error(404, 'LINK_NOT_FOUND', 'This download link is not valid.'));
      if (link.state !== 'OK') return json(res, 410, error(410, link.state === 'EXPIRED' ? 'LINK_EXPIRED' : 'VIDEO_REMOVED', 'Gone'));
      if (method !== 'HEAD') this.#recordDownload(link.fileId, req, 'REDIRECT');
      res.writeHead(302, { Location: this.#objectUrl(link.fileId), 'Cache-Control': 'no-store' });
      return void res.end();
    }
    return this.#static(res, p);
  }

  async #static(res: http.ServerResponse, p: string): Promise<void> {
    const root = this.#options.staticDir;
    const file = path.normalize(path.join(root, p));
    const headers = {
      'Content-Security-Policy': this.csp(), 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer',
    };
    if (file.startsWith(root) && p !== '/' && (await stat(file).then((s) => s.isFile(), () => false))) {
      res.writeHead(200, { ...headers, 'Content-Type': contentType(file), 'Cache-Control': p.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache' });
      return void res.end(await readFile(file));
    }
    if (p.startsWith('/assets/')) {
      res.writeHead(404, headers);
      return void res.end();
    }
    // The app's routes: index.html (the real gateway does the same for /, /upload, /uploads/**, and /d/** as HTML).
    res.writeHead(200, { ...headers, 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' });
    res.end(await readFile(path.join(root, 'index.html')));
  }

  async #api(req: http.IncomingMessage, res: http.ServerResponse, url: URL, signedIn: boolean): Promise<void> {
    const p = url.pathname;
    const method = req.method ?? 'GET';
    const body = method === 'POST' ? await readJson(req) : undefined;

    // ---- download-service (public) ----
    const dl = /^\/api\/v1\/downloads\/([^/]+)(\/info|\/start)?$/.exec(p);
    if (dl) return this.#downloads(req, res, dl[1], dl[2] ?? '', body);

    if (p === '/api/v1/me') {
      return signedIn
        ? ok(res, { subject: TRAINER.sub, name: TRAINER.name, email: TRAINER.email, roles: ['trainer'], signedIn: true })
        : json(res, 401, error(401, 'UNAUTHORIZED', 'Sign in first'));
    }
    if (!signedIn) return json(res, 401, error(401, 'UNAUTHENTICATED', 'Sign in first'));
    if (method !== 'GET' && !this.#csrfOk(req)) return json(res, 403, error(403, 'CSRF', 'Missing or wrong CSRF token'));

    // ---- upload-service ----
    if (p === '/api/v1/uploads/initiate' && method === 'POST') return this.#initiate(res, body as Record<string, unknown>);
    const up = /^\/api\/v1\/uploads\/([^/]+)\/(parts|parts\/urls|complete|abort)$/.exec(p);
    if (up) {
      const upload = this.uploads.get(up[1]);
      if (!upload) return json(res, 404, error(404, 'UPLOAD_NOT_FOUND', 'No such upload'));
      return this.#uploadStep(res, upload, up[2], method, body as Record<string, unknown> | undefined);
    }

    // ---- catalog-service ----
    const mine = [...this.uploads.values()].filter((u) => u.trainer === TRAINER.sub)
      .sort((a, b) => b.uploadDate.localeCompare(a.uploadDate) || b.fileId.localeCompare(a.fileId));
    if (p === '/api/v1/uploads/recent') {
      const limit = Number(url.searchParams.get('limit') ?? 10);
      const offset = Number(url.searchParams.get('offset') ?? 0);
      const page = mine.slice(offset, offset + limit);
      return ok(res, { uploads: page.map(item), pagination: { total: mine.length, limit, offset, hasMore: offset + limit < mine.length } });
    }
    if (p === '/api/v1/uploads') {
      const limit = Number(url.searchParams.get('limit') ?? 20);
      const cursor = url.searchParams.get('cursor');
      const email = url.searchParams.get('studentEmail')?.toLowerCase();
      const from = url.searchParams.get('sessionDateFrom');
      const to = url.searchParams.get('sessionDateTo');
      const status = url.searchParams.get('status');
      const filtered = mine.filter((u) => (!email || u.studentEmail.toLowerCase() === email)
        && (!from || u.sessionDate >= from) && (!to || u.sessionDate <= to) && (!status || u.status === status));
      const start = cursor ? Number(Buffer.from(cursor, 'base64url').toString()) : 0;
      const page = filtered.slice(start, start + limit);
      const hasMore = start + limit < filtered.length;
      return ok(res, { uploads: page.map(item), page: { limit, hasMore, nextCursor: hasMore ? Buffer.from(String(start + limit)).toString('base64url') : null } });
    }
    const detail = /^\/api\/v1\/uploads\/([^/]+)(\/downloads)?$/.exec(p);
    if (detail && method === 'GET') {
      const u = this.uploads.get(detail[1]);
      if (!u || u.trainer !== TRAINER.sub) return json(res, 404, error(404, 'UPLOAD_NOT_FOUND', 'No such upload'));
      if (detail[2]) {
        const downloads = [...u.downloads].reverse().map(({ visitId: _v, ...d }) => d);
        return ok(res, { downloads, page: { limit: 100, hasMore: false, nextCursor: null } });
      }
      return ok(res, {
        ...item(u), originalFileName: u.fileName, contentType: u.contentType, trainerName: u.trainerName, notes: u.notes ?? null,
        completedAt: u.completedAt ?? null, emailSentAt: u.emailSentAt ?? null, emailFailureReason: null, deletedAt: u.deletedAt ?? null,
      });
    }
    return json(res, 404, error(404, 'NOT_FOUND', `No endpoint ${method} ${p}`));
  }

  #initiate(res: http.ServerResponse, b: Record<string, unknown>) {
    const fields: { field: string; message: string }[] = [];
    const str = (k: string) => (typeof b[k] === 'string' ? (b[k] as string) : '');
    if (!str('studentEmail')) fields.push({ field: 'studentEmail', message: 'must not be blank' });
    else if (!/^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$/.test(str('studentEmail'))) fields.push({ field: 'studentEmail', message: 'must be a valid email address' });
    if (!str('studentName')) fields.push({ field: 'studentName', message: 'must not be blank' });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(str('sessionDate'))) fields.push({ field: 'sessionDate', message: 'must be a date (YYYY-MM-DD)' });
    if (str('notes').length > 4000) fields.push({ field: 'notes', message: 'must be at most 4000 characters' });
    if (!str('contentType').startsWith('video/')) fields.push({ field: 'contentType', message: 'must be a video type' });
    const size = b.fileSize;
    if (typeof size !== 'number' || !Number.isInteger(size) || size < 1) fields.push({ field: 'fileSize', message: 'must be a positive whole number' });
    if (fields.length) {
      return json(res, 400, error(400, 'VALIDATION_FAILED', `Invalid upload: ${fields.map((f) => `${f.field} ${f.message}`).join(', ')}`, fields));
    }
    const fileSize = size as number;
    const multipart = fileSize > this.#options.singlePutMaxSize;
    const partSize = multipart ? this.#options.partSize : fileSize;
    const now = new Date();
    const upload: Upload = {
      fileId: randomUUID(), trainer: TRAINER.sub, studentEmail: str('studentEmail'), studentName: str('studentName'),
      trainerName: str('trainerName') || TRAINER.name, sessionDate: str('sessionDate'), notes: str('notes') || undefined,
      fileName: str('fileName'), fileSize, contentType: str('contentType'), mode: multipart ? 'MULTIPART' : 'SINGLE_PUT',
      partSize, partCount: multipart ? Math.ceil(fileSize / partSize) : 1, parts: new Map(), session: 'IN_PROGRESS',
      status: 'INITIATED', emailStatus: 'PENDING', uploadDate: now.toISOString(),
      expiresAt: new Date(now.getTime() + 30 * 86_400_000).toISOString(), downloads: [],
    };
    this.uploads.set(upload.fileId, upload);
    const expiresAt = new Date(Date.now() + this.#options.urlLifetimeMs).toISOString();
    if (!multipart) {
      return json(res, 201, { success: true, data: {
        fileId: upload.fileId, uploadMode: 'SINGLE_PUT', uploadUrl: this.#putUrl(upload), fields: { 'Content-Type': upload.contentType },
        expiresAt, multipart: null } });
    }
    const first = Array.from({ length: Math.min(upload.partCount, 100) }, (_, i) => i + 1);
    return json(res, 201, { success: true, data: {
      fileId: upload.fileId, uploadMode: 'MULTIPART', uploadUrl: null, fields: {}, expiresAt,
      multipart: { uploadId: `mpu-${upload.fileId}`, partSize, partCount: upload.partCount, parts: first.map((n) => ({ partNumber: n, url: this.#putUrl(upload, n) })) } } });
  }

  #uploadStep(res: http.ServerResponse, u: Upload, step: string, method: string, body?: Record<string, unknown>) {
    const expiresAt = new Date(Date.now() + this.#options.urlLifetimeMs).toISOString();
    if (step === 'parts' && method === 'GET') {
      return ok(res, {
        fileId: u.fileId, uploadMode: u.mode, status: u.session, partSize: u.mode === 'MULTIPART' ? u.partSize : null,
        partCount: u.mode === 'MULTIPART' ? u.partCount : null, fileSize: u.fileSize,
        uploadedParts: [...u.parts].sort(([a], [b]) => a - b).map(([partNumber, p]) => ({ partNumber, eTag: p.eTag, size: p.data.length })),
      });
    }
    if (u.session === 'ABORTED') return json(res, 409, error(409, 'UPLOAD_ABORTED', 'This upload was aborted'));
    if (step === 'parts/urls' && method === 'POST') {
      if (u.session === 'COMPLETED') return json(res, 409, error(409, 'UPLOAD_ALREADY_COMPLETED', 'Already complete'));
      if (u.mode === 'SINGLE_PUT') return ok(res, { uploadUrl: this.#putUrl(u), fields: { 'Content-Type': u.contentType }, expiresAt });
      const numbers = (body?.partNumbers as number[] | undefined) ?? [];
      if (!numbers.length || numbers.length > 1000 || numbers.some((n) => n < 1 || n > u.partCount)) {
        return json(res, 400, error(400, 'VALIDATION_FAILED', 'bad part numbers', [{ field: 'partNumbers', message: 'must be 1…1000 numbers within the part count' }]));
      }
      return ok(res, { parts: numbers.map((n) => ({ partNumber: n, url: this.#putUrl(u, n) })), expiresAt });
    }
    if (step === 'complete' && method === 'POST') {
      if (u.session !== 'COMPLETED') {
        if (u.mode === 'MULTIPART') {
          const parts = (body?.parts as { partNumber: number; eTag: string }[] | undefined) ?? [];
          const missing = parts.length !== u.partCount || parts.some((p) => u.parts.get(p.partNumber)?.eTag.replaceAll('"', '') !== p.eTag.replaceAll('"', ''));
          if (missing) return json(res, 409, error(409, 'UPLOAD_INCOMPLETE', 'Parts are missing'));
          u.object = Buffer.concat([...u.parts].sort(([a], [b]) => a - b).map(([, p]) => p.data));
        } else if (!u.object) {
          return json(res, 409, error(409, 'UPLOAD_INCOMPLETE', 'The object is missing'));
        }
        u.session = 'COMPLETED';
        u.status = 'AVAILABLE';
        u.completedAt = new Date().toISOString();
        this.#email(u);
      }
      return ok(res, { fileId: u.fileId, status: 'COMPLETED', size: u.fileSize, eTag: 'etag' });
    }
    if (step === 'abort' && method === 'POST') {
      if (u.session === 'COMPLETED') return json(res, 409, error(409, 'UPLOAD_ALREADY_COMPLETED', 'Already complete'));
      u.session = 'ABORTED';
      u.status = 'DELETED';
      u.deletedAt = new Date().toISOString();
      u.parts.clear();
      return ok(res, { fileId: u.fileId, status: 'ABORTED' });
    }
    return json(res, 405, error(405, 'METHOD_NOT_ALLOWED', 'Method not allowed'));
  }

  #email(u: Upload) {
    const token = randomBytes(32).toString('base64url');
    this.tokens.set(token, { fileId: u.fileId, state: 'OK' });
    u.emailStatus = 'SENT';
    u.emailSentAt = new Date().toISOString();
    this.mails.push({ to: u.studentEmail, subject: `Your riding session video from ${u.trainerName} is ready`, link: `${this.appUrl}/d/${token}` });
  }

  #downloads(req: http.IncomingMessage, res: http.ServerResponse, token: string, action: string, body: unknown) {
    const link = this.tokens.get(token);
    if (!link) return json(res, 404, error(404, 'LINK_NOT_FOUND', 'This download link is not valid.'));
    if (link.state === 'EXPIRED') return json(res, 410, error(410, 'LINK_EXPIRED', 'This link has expired.'));
    if (link.state === 'REMOVED') return json(res, 410, error(410, 'VIDEO_REMOVED', 'This video was removed.'));
    const u = this.uploads.get(link.fileId)!;
    const videoInfo = {
      fileName: u.fileName, fileSize: u.fileSize, contentType: u.contentType, sessionDate: u.sessionDate,
      trainerName: u.trainerName, notes: u.notes ?? null, expiresAt: u.expiresAt,
    };
    if (action === '/info') return ok(res, { videoInfo });
    const urlAnswer = () => ({ downloadUrl: this.#objectUrl(u.fileId), downloadUrlExpiresAt: new Date(Date.now() + 5 * 60_000).toISOString(), videoInfo });
    if (action === '/start') {
      const visitId = (body as { visitId?: string } | undefined)?.visitId;
      if (!visitId) return json(res, 400, error(400, 'VALIDATION_FAILED', 'visitId required', [{ field: 'visitId', message: 'must not be blank' }]));
      const counted = !u.downloads.some((d) => d.visitId === visitId);
      if (counted) this.#recordDownload(u.fileId, req, 'API', visitId);
      return ok(res, { ...urlAnswer(), counted });
    }
    if (req.method !== 'HEAD') this.#recordDownload(u.fileId, req, 'API');
    return ok(res, urlAnswer());
  }

  #recordDownload(fileId: string, req: http.IncomingMessage, channel: string, visitId?: string) {
    const u = this.uploads.get(fileId)!;
    const ua = req.headers['user-agent'] ?? '';
    const family = /curl\//.test(ua) ? 'curl' : /Chrome\//.test(ua) ? 'Chrome' : 'Other';
    u.downloads.push({ downloadId: randomUUID(), downloadedAt: new Date().toISOString(), userAgentFamily: family, channel, visitId });
  }

  #signedIn(req: http.IncomingMessage): boolean {
    const sid = cookie(req, 'SESSION');
    return !!sid && this.#sessions.has(sid);
  }

  #csrfOk(req: http.IncomingMessage): boolean {
    const c = cookie(req, 'XSRF-TOKEN');
    return !!c && req.headers['x-xsrf-token'] === c;
  }

  // ---------------------------------------------------------------- S3

  #sign(parts: string): string {
    return createHash('sha256').update(`standin-secret:${parts}`).digest('hex').slice(0, 32);
  }

  #putUrl(u: Upload, partNumber?: number): string {
    const expires = Date.now() + this.#options.urlLifetimeMs;
    const length = partNumber ? Math.min(u.partSize, u.fileSize - (partNumber - 1) * u.partSize) : u.fileSize;
    const q = new URLSearchParams({ fileId: u.fileId, expires: String(expires), length: String(length) });
    if (partNumber) q.set('partNumber', String(partNumber));
    q.set('sig', this.#sign(q.toString()));
    return `${this.s3Url}/apexshare-videos/videos/${u.fileId}?${q}`;
  }

  #objectUrl(fileId: string): string {
    const q = new URLSearchParams({ fileId, expires: String(Date.now() + 5 * 60_000), get: '1' });
    q.set('sig', this.#sign(q.toString()));
    return `${this.s3Url}/apexshare-videos/videos/${fileId}?${q}`;
  }

  async #handleS3(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.s3Url);
    const cors = {
      'Access-Control-Allow-Origin': this.appUrl, 'Access-Control-Expose-Headers': 'ETag, Content-Length, Content-Range, Accept-Ranges',
      Vary: 'Origin',
    };
    if (req.method === 'OPTIONS') {
      res.writeHead(200, { ...cors, 'Access-Control-Allow-Methods': 'GET, PUT, HEAD', 'Access-Control-Allow-Headers': req.headers['access-control-request-headers'] ?? '*', 'Access-Control-Max-Age': '600' });
      return void res.end();
    }
    const sig = url.searchParams.get('sig') ?? '';
    const q = new URLSearchParams(url.searchParams);
    q.delete('sig');
    if (this.#sign(q.toString()) !== sig) return s3Error(res, cors, 403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match');
    if (Number(q.get('expires')) < Date.now()) return s3Error(res, cors, 403, 'AccessDenied', 'Request has expired');
    const u = this.uploads.get(q.get('fileId') ?? '');
    if (!u) return s3Error(res, cors, 404, 'NoSuchKey', 'The specified key does not exist.');

    if (req.method === 'PUT') {
      this.#concurrentPuts++;
      this.maxConcurrentPuts = Math.max(this.maxConcurrentPuts, this.#concurrentPuts);
      const data = await readBody(req, this.#options.s3BytesPerSecond).finally(() => this.#concurrentPuts--);
      if (data.length !== Number(q.get('length'))) return s3Error(res, cors, 403, 'SignatureDoesNotMatch', 'Content-Length differs from the signed one');
      if (u.session === 'ABORTED') return s3Error(res, cors, 404, 'NoSuchUpload', 'The upload was aborted');
      const eTag = `"${createHash('md5').update(data).digest('hex')}"`;
      const partNumber = q.get('partNumber');
      if (partNumber) {
        u.parts.set(Number(partNumber), { eTag, data });
        this.uploadPartRequests.set(u.fileId, (this.uploadPartRequests.get(u.fileId) ?? 0) + 1);
      } else {
        u.object = data;
      }
      res.writeHead(200, { ...cors, ETag: eTag });
      return void res.end();
    }
    if ((req.method === 'GET' || req.method === 'HEAD') && q.get('get') && u.object) {
      const total = u.object.length;
      const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
      const headers = {
        ...cors, 'Content-Type': u.contentType, 'Accept-Ranges': 'bytes', ETag: '"object"',
        'Content-Disposition': `attachment; filename="${u.fileName}"`,
      };
      if (range) {
        const start = range[1] ? Number(range[1]) : total - Number(range[2]);
        const end = range[1] && range[2] ? Math.min(Number(range[2]), total - 1) : total - 1;
        if (start >= total) {
          res.writeHead(416, { ...headers, 'Content-Range': `bytes */${total}` });
          return void res.end();
        }
        res.writeHead(206, { ...headers, 'Content-Range': `bytes ${start}-${end}/${total}`, 'Content-Length': String(end - start + 1) });
        return void res.end(req.method === 'HEAD' ? undefined : u.object.subarray(start, end + 1));
      }
      res.writeHead(200, { ...headers, 'Content-Length': String(total) });
      return void res.end(req.method === 'HEAD' ? undefined : u.object);
    }
    return s3Error(res, cors, 405, 'MethodNotAllowed', 'Not supported by the stand-in');
  }
}

function item(u: Upload) {
  return {
    fileId: u.fileId, fileName: u.fileName, studentEmail: u.status === 'EXPIRED' ? null : u.studentEmail,
    studentName: u.status === 'EXPIRED' ? null : u.studentName, sessionDate: u.sessionDate, uploadDate: u.uploadDate,
    fileSize: u.fileSize, emailSent: u.emailStatus === 'SENT', downloadCount: u.downloads.length, status: u.status,
    emailStatus: u.emailStatus, lastDownloadAt: u.downloads.at(-1)?.downloadedAt ?? null, expiresAt: u.expiresAt,
  };
}

function error(status: number, code: string, message: string, fields: { field: string; message: string }[] = []) {
  return { success: false, error: { status, code, message, fields } };
}

function ok(res: http.ServerResponse, data: unknown) {
  json(res, 200, { success: true, data });
}

function json(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

function s3Error(res: http.ServerResponse, cors: Record<string, string>, status: number, code: string, message: string) {
  res.writeHead(status, { ...cors, 'Content-Type': 'application/xml' });
  res.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`);
}

function fail(res: http.ServerResponse, e: unknown) {
  if (!res.headersSent) json(res, 500, error(500, 'INTERNAL_ERROR', String(e)));
  else res.destroy();
}

function cookie(req: http.IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

async function readBody(req: http.IncomingMessage, bytesPerSecond = 0): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const started = Date.now();
  let received = 0;
  for await (const c of req) {
    chunks.push(c as Buffer);
    received += (c as Buffer).length;
    // Pacing (TCP backpressure does the rest): a slow uplink, so that progress, rate and time left can be seen.
    const ahead = bytesPerSecond > 0 ? (received / bytesPerSecond) * 1000 - (Date.now() - started) : 0;
    if (ahead > 0) await new Promise((resolve) => setTimeout(resolve, ahead));
  }
  return Buffer.concat(chunks);
}

async function readJson(req: http.IncomingMessage): Promise<unknown> {
  const text = (await readBody(req)).toString();
  return text ? JSON.parse(text) : undefined;
}

function listen(server: http.Server): Promise<void> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
}

function contentType(file: string): string {
  const ext = path.extname(file);
  return ({ '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png' } as Record<string, string>)[ext] ?? 'application/octet-stream';
}
