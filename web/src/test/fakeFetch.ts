import { vi } from 'vitest';

export interface Call {
  method: string;
  url: string;
  body?: unknown;
  headers: Record<string, string>;
}

type Reply = { status?: number; body?: unknown; headers?: Record<string, string> };
type Route = (call: Call) => Reply | undefined;

/**
 * Stands in for the gateway in component tests: answers `fetch` from a list of routes (first match wins) and records
 * every call. Unmatched calls answer 404 with Spring's body, like an endpoint a service does not have.
 */
export function fakeFetch(...routes: Route[]) {
  const calls: Call[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input.toString();
    const headers = Object.fromEntries(Object.entries((init?.headers ?? {}) as Record<string, string>));
    const call: Call = { method: init?.method ?? 'GET', url, headers, body: init?.body ? JSON.parse(String(init.body)) : undefined };
    calls.push(call);
    const reply = routes.map((r) => r(call)).find(Boolean)
      ?? { status: 404, body: { success: false, error: { status: 404, code: 'NOT_FOUND', message: 'No static resource', fields: [] } } };
    return new Response(reply.body === undefined ? null : JSON.stringify(reply.body), {
      status: reply.status ?? 200,
      headers: { 'Content-Type': 'application/json', Date: new Date().toUTCString(), ...reply.headers },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return { calls, fetchMock };
}

export function on(method: string, pattern: RegExp, reply: Reply | ((call: Call) => Reply)): Route {
  return (call) => (call.method === method && pattern.test(call.url) ? (typeof reply === 'function' ? reply(call) : reply) : undefined);
}

export const ok = (data: unknown): Reply => ({ status: 200, body: { success: true, data } });
export const fail = (status: number, code: string, message = code, fields: { field: string; message: string }[] = []): Reply => ({
  status, body: { success: false, error: { status, code, message, fields } },
});
