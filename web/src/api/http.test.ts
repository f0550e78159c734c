import { afterEach, describe, expect, it, vi } from 'vitest';
import { fail, fakeFetch, ok, on } from '../test/fakeFetch';
import { ApiError, buildUrl, call, onUnauthenticated, readCookie, request } from './http';

describe('the API client', () => {
  afterEach(() => {
    document.cookie = 'XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
  });

  it('should unwrap the success envelope', async () => {
    fakeFetch(on('GET', /\/api\/v1\/uploads\/recent\?limit=5/, ok({ uploads: [] })));
    await expect(request('GET', '/api/v1/uploads/recent', { query: { limit: 5, offset: undefined } })).resolves.toEqual({ uploads: [] });
  });

  it('should turn the error body into an ApiError with its field errors', async () => {
    fakeFetch(on('POST', /initiate/, fail(400, 'VALIDATION_FAILED', 'Invalid', [
      { field: 'studentEmail', message: 'must be a valid email address' },
      { field: 'parts[3].eTag', message: 'missing' },
    ])));
    const error = await request('POST', '/api/v1/uploads/initiate', { body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const e = error as ApiError;
    expect([e.status, e.code, e.message]).toEqual([400, 'VALIDATION_FAILED', 'Invalid']);
    expect(e.fieldMessages('studentEmail')).toEqual(['must be a valid email address']);
    expect(e.fieldMessages('parts')).toEqual(['missing']);
    expect(e.transient).toBe(false);
  });

  it('should send the CSRF cookie back as a header on state-changing calls only', async () => {
    document.cookie = 'XSRF-TOKEN=abc%3D123; path=/';
    const { calls } = fakeFetch(() => ok({}));
    await request('POST', '/api/v1/uploads/x/abort', { body: {} });
    await request('GET', '/api/v1/me');
    expect(calls[0].headers['X-XSRF-TOKEN']).toBe('abc=123');
    expect(calls[1].headers['X-XSRF-TOKEN']).toBeUndefined();
  });

  it('should tell listeners when the session has ended (401)', async () => {
    fakeFetch(() => ({ status: 401, body: undefined }));
    const listener = vi.fn();
    const stop = onUnauthenticated(listener);
    await expect(request('GET', '/api/v1/uploads')).rejects.toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    stop();
    expect(listener).toHaveBeenCalledOnce();
  });

  it('should report an unreachable server as a transient network error', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('Failed to fetch'); }));
    await expect(request('GET', '/api/v1/me')).rejects.toMatchObject({ status: 0, code: 'NETWORK_ERROR', transient: true });
  });

  it('should answer a 503 without a body as a transient error with Retry-After', async () => {
    fakeFetch(() => ({ status: 503, body: undefined, headers: { 'Retry-After': '5' } }));
    await expect(request('GET', '/x')).rejects.toMatchObject({ status: 503, transient: true, retryAfterSeconds: 5 });
  });

  it('should give the server time of the answer (for presigned URL lifetimes)', async () => {
    fakeFetch(() => ({ status: 200, body: { success: true, data: 1 }, headers: { Date: 'Thu, 14 May 2026 10:00:00 GMT' } }));
    const answer = await call('GET', '/x');
    expect(answer.serverDate).toBe(Date.parse('2026-05-14T10:00:00Z'));
  });

  it('should read cookies and build query strings', () => {
    expect(readCookie('b', 'a=1; b=two%20words; c=3')).toBe('two words');
    expect(readCookie('z', 'a=1')).toBeUndefined();
    expect(buildUrl('/p', { a: 1, b: '', c: null, d: 'x y' })).toBe('/p?a=1&d=x+y');
  });
});
