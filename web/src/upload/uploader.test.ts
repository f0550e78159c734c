import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/http';
import type { Answer } from '../api/http';
import type { Initiation, PartUrls, UploadParts } from '../api/types';
import type { uploadsApi } from '../api/uploads';
import { Uploader } from './uploader';

/**
 * The uploader with Uppy's real S3 plugin and real XHRs (jsdom's, CORS included) against a small HTTP server playing
 * S3; the upload service's API is a test double. The browser tests run the same against a whole (stand-in) system.
 */
// S3's smallest part (Uppy enforces it too); the service's part size is never below.
const PART = 5 * 1024 * 1024;

interface Put { partNumber?: number; size: number }
let server: http.Server;
let s3: string;
const puts: Put[] = [];
/** Part numbers whose next PUT is refused as S3 refuses an expired URL. */
const expireOnce = new Set<number>();
/** When set, PUT answers wait until this many are in flight at once (or 20 s): proves parts go in parallel. */
let barrier: { size: number; open: Promise<void>; release: () => void } | undefined;
let inFlight = 0;
let maxInFlight = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const cors = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': 'ETag', 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Allow-Headers': '*' };
    if (req.method === 'OPTIONS') return void res.writeHead(200, cors).end();
    const chunks: Buffer[] = [];
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    if (barrier && inFlight >= barrier.size) barrier.release();
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      if (barrier) await Promise.race([barrier.open, new Promise((r) => setTimeout(r, 20_000))]);
      inFlight--;
      const url = new URL(req.url ?? '/', 'http://s3');
      const partNumber = url.searchParams.get('partNumber') ? Number(url.searchParams.get('partNumber')) : undefined;
      const body = Buffer.concat(chunks);
      if (partNumber && expireOnce.delete(partNumber)) {
        res.writeHead(403, { ...cors, 'Content-Type': 'application/xml' });
        return void res.end('<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>');
      }
      if (url.searchParams.get('length') && Number(url.searchParams.get('length')) !== body.length) {
        return void res.writeHead(403, cors).end('<Error><Message>SignatureDoesNotMatch</Message></Error>');
      }
      puts.push({ partNumber, size: body.length });
      res.writeHead(200, { ...cors, ETag: `"${createHash('md5').update(body).digest('hex')}"` }).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  s3 = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

let uploader: Uploader | undefined;
afterEach(() => {
  uploader?.destroy();
  uploader = undefined;
  puts.length = 0;
  expireOnce.clear();
  barrier = undefined;
  maxInFlight = 0;
});

function fakeService(fileSize: number) {
  const partCount = Math.ceil(fileSize / PART);
  const uploaded = new Map<number, string>();
  const partUrl = (n: number) => `${s3}/bucket/key?partNumber=${n}&length=${Math.min(PART, fileSize - (n - 1) * PART)}&v=${Math.random()}`;
  const expiresAt = () => new Date(Date.now() + 15 * 60_000).toISOString();
  let completeFailures = 0;
  const api = {
    initiate: vi.fn(),
    partUrls: vi.fn(async (_: string, numbers: number[]): Promise<Answer<PartUrls>> => ({
      data: { parts: numbers.map((n) => ({ partNumber: n, url: partUrl(n) })), expiresAt: expiresAt() }, receivedAt: Date.now(),
    })),
    singlePutUrl: vi.fn(),
    parts: vi.fn(async (fileId: string): Promise<UploadParts> => ({
      fileId, uploadMode: 'MULTIPART', status: 'IN_PROGRESS', partSize: PART, partCount, fileSize,
      uploadedParts: [...uploaded].map(([partNumber, eTag]) => ({ partNumber, eTag, size: Math.min(PART, fileSize - (partNumber - 1) * PART) })),
    })),
    complete: vi.fn(async (fileId: string, parts?: { partNumber: number; eTag: string }[]) => {
      if (completeFailures-- > 0) throw new ApiError(503, 'EVENTS_UNAVAILABLE', 'Try again shortly');
      return { fileId, status: 'COMPLETED' as const, size: fileSize, eTag: String(parts?.length) };
    }),
    abort: vi.fn(async (fileId: string) => ({ fileId, status: 'ABORTED' })),
  };
  const initiation: Answer<Initiation> = {
    data: {
      fileId: 'file-1', uploadMode: 'MULTIPART', uploadUrl: null, fields: {}, expiresAt: expiresAt(),
      multipart: { uploadId: 'u', partSize: PART, partCount, parts: [1, 2].map((n) => ({ partNumber: n, url: partUrl(n) })) },
    },
    receivedAt: Date.now(),
  };
  return {
    api, initiation, partCount,
    failNextCompletes: (n: number) => { completeFailures = n; },
    recordUploaded: () => {
      for (const p of puts) if (p.partNumber) uploaded.set(p.partNumber, 'etag');
    },
  };
}

function start(service: ReturnType<typeof fakeService>, bytes: number, options: { fileRetryDelays?: number[] } = {}) {
  const finished: string[] = [];
  uploader = new Uploader('test', {
    api: service.api as unknown as typeof uploadsApi, persist: false, notifyDelayMs: 0, retryDelays: [0, 10, 20],
    fileRetryDelays: options.fileRetryDelays ?? [10, 10], onFinished: (id) => finished.push(id),
  });
  const file = new File([new Uint8Array(bytes).map((_, i) => i % 251)], 'GX010042.MP4', { type: 'video/mp4', lastModified: 1 });
  const id = uploader.start(file, service.initiation, { studentName: 'Sue', sessionDate: '2026-05-14' });
  return { id, finished };
}

describe('the uploader', { timeout: 90_000 }, () => {
  it('should send parts of exactly the service\'s part size, several at once, then complete with every ETag in order', async () => {
    const size = 3 * PART + 1000;
    const service = fakeService(size);
    let release = () => undefined as void;
    barrier = { size: 4, open: new Promise<void>((r) => { release = r; }), release: () => release() };
    const { finished } = start(service, size);
    await vi.waitFor(() => expect(finished).toEqual(['file-1']), { timeout: 60_000 });
    expect(puts.map((p) => p.size).sort((a, b) => a - b)).toEqual([1000, PART, PART, PART]);
    expect(maxInFlight).toBe(4);
    const [, parts] = service.api.complete.mock.calls[0];
    expect(parts!.map((p) => p.partNumber)).toEqual([1, 2, 3, 4]);
    expect(parts!.every((p) => /^"[0-9a-f]{32}"$/.test(p.eTag))).toBe(true);
    // Parts 1 and 2 came with the initiate answer; the rest in one batch.
    expect(service.api.partUrls).toHaveBeenCalledTimes(1);
    expect(service.api.partUrls.mock.calls[0][1]).toEqual([3, 4]);
    expect(uploader!.getSnapshot().uploads[0].phase).toBe('done');
  });

  it('should sign a fresh URL when S3 says the URL expired, and send that part once more only', async () => {
    const size = 3 * PART;
    const service = fakeService(size);
    expireOnce.add(2);
    const { finished } = start(service, size);
    await vi.waitFor(() => expect(finished).toEqual(['file-1']), { timeout: 60_000 });
    expect(puts.map((p) => p.partNumber).sort()).toEqual([1, 2, 3]);
    expect(service.api.partUrls.mock.calls.map((c) => c[1][0])).toContain(2);
  });

  it('should retry a failed completion by itself, sending no part again', async () => {
    const size = 3 * PART;
    const service = fakeService(size);
    service.failNextCompletes(1);
    service.api.parts.mockImplementation(async (fileId: string) => {
      service.recordUploaded();
      return fakeService(size).api.parts(fileId).then((answer) => ({
        ...answer,
        uploadedParts: puts.filter((p) => p.partNumber).map((p) => ({ partNumber: p.partNumber!, eTag: 'etag', size: p.size })),
      }));
    });
    const { finished } = start(service, size);
    await vi.waitFor(() => expect(finished).toEqual(['file-1']), { timeout: 60_000 });
    expect(service.api.complete).toHaveBeenCalledTimes(2);
    expect(puts).toHaveLength(3);
    expect(service.api.abort).not.toHaveBeenCalled();
  });

  it('should stop after a refusal that retrying cannot fix, and say why', async () => {
    const size = 2 * PART;
    const service = fakeService(size);
    service.api.complete.mockRejectedValue(new ApiError(422, 'SIZE_MISMATCH', 'The stored file is not the declared size.'));
    start(service, size);
    await vi.waitFor(() => expect(uploader!.getSnapshot().uploads[0].phase).toBe('failed'), { timeout: 60_000 });
    expect(uploader!.getSnapshot().uploads[0].error).toBe('The stored file is not the declared size.');
    expect(service.api.complete).toHaveBeenCalledTimes(1);
  });

  it('should abort on the server when the trainer cancels', async () => {
    const size = 2 * PART;
    const service = fakeService(size);
    service.api.parts.mockReturnValue(new Promise(() => undefined));
    const { id } = start(service, size);
    await uploader!.cancel(id);
    expect(service.api.abort).toHaveBeenCalledWith('file-1');
    expect(uploader!.getSnapshot().uploads).toEqual([]);
  });
});
