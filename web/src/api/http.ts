/**
 * The one HTTP layer of the app: same-origin JSON calls through the gateway, which holds the trainer's session
 * (cookie) and relays tokens to the services. Unwraps the services' envelope `{"success", "data" | "error"}` and turns
 * every failure into an {@link ApiError}, so callers never look at a Response.
 */

export interface FieldError {
  field: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldError[];
  readonly retryAfterSeconds?: number;

  constructor(status: number, code: string, message: string, fields: FieldError[] = [], retryAfterSeconds?: number) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** The messages for one field (e.g. `studentEmail`), or for nested fields below it (`parts[3].eTag`). */
  fieldMessages(field: string): string[] {
    return this.fields
      .filter((f) => f.field === field || f.field.startsWith(`${field}.`) || f.field.startsWith(`${field}[`))
      .map((f) => f.message);
  }

  /** Worth trying again later: network failure, rate limit, server trouble. */
  get transient(): boolean {
    return this.status === 0 || this.status === 429 || this.status >= 500;
  }
}

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'HEAD';

export interface RequestOptions {
  body?: unknown;
  query?: Record<string, string | number | undefined | null>;
  signal?: AbortSignal;
}

export interface Answer<T> {
  data: T;
  /** Local clock when the answer arrived (ms). */
  receivedAt: number;
  /** The server's clock (Date header), to judge how long presigned URLs live without trusting the local clock. */
  serverDate?: number;
}

type Listener = (error: ApiError) => void;
const unauthenticatedListeners = new Set<Listener>();

/** Called whenever a call answers 401: the session ended (the UI offers to sign in again). */
export function onUnauthenticated(listener: Listener): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

const XSRF_COOKIE = 'XSRF-TOKEN';
const XSRF_HEADER = 'X-XSRF-TOKEN';

export function readCookie(name: string, cookies: string = typeof document === 'undefined' ? '' : document.cookie) {
  for (const part of cookies.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

export function buildUrl(path: string, query?: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

export async function call<T>(method: Method, path: string, options: RequestOptions = {}): Promise<Answer<T>> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD') {
    const token = readCookie(XSRF_COOKIE);
    if (token) headers[XSRF_HEADER] = token;
  }
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      cache: 'no-store',
      signal: options.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK_ERROR', 'The server could not be reached. Check your connection and try again.');
  }
  const receivedAt = Date.now();
  const dateHeader = response.headers.get('Date');
  const serverDate = dateHeader ? Date.parse(dateHeader) : undefined;
  const json = await readJson(response);

  if (!response.ok || (isEnvelope(json) && json.success === false)) {
    const error = toError(response, json);
    if (error.status === 401) unauthenticatedListeners.forEach((l) => l(error));
    throw error;
  }
  const data = (isEnvelope(json) ? json.data : json) as T;
  return { data, receivedAt, serverDate: Number.isFinite(serverDate) ? serverDate : undefined };
}

export async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  return (await call<T>(method, path, options)).data;
}

async function readJson(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const type = response.headers.get('Content-Type') ?? '';
  if (!type.includes('json')) return undefined;
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

interface Envelope {
  success: boolean;
  data?: unknown;
  error?: { status?: number; code?: string; message?: string; fields?: FieldError[] };
}

function isEnvelope(json: unknown): json is Envelope {
  return typeof json === 'object' && json !== null && typeof (json as Envelope).success === 'boolean';
}

const FALLBACK_MESSAGES: Record<number, string> = {
  401: 'You are signed out. Sign in again to continue.',
  403: 'You are not allowed to do this.',
  404: 'Not found.',
  429: 'Too many requests. Wait a moment and try again.',
};

function toError(response: Response, json: unknown): ApiError {
  const retryAfter = Number(response.headers.get('Retry-After'));
  const retryAfterSeconds = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined;
  if (isEnvelope(json) && json.error) {
    const e = json.error;
    return new ApiError(e.status ?? response.status, e.code ?? `HTTP_${response.status}`,
      e.message ?? FALLBACK_MESSAGES[response.status] ?? 'The request failed.',
      Array.isArray(e.fields) ? e.fields : [], retryAfterSeconds);
  }
  const status = response.status;
  const message = FALLBACK_MESSAGES[status]
    ?? (status >= 500 ? 'Something went wrong on our side. Try again in a moment.' : `The request failed (${status}).`);
  return new ApiError(status, status === 401 ? 'UNAUTHENTICATED' : `HTTP_${status}`, message, [], retryAfterSeconds);
}
