import { ApiError, readCookie, request } from './http';
import type { Me } from './types';

/** The gateway's session endpoints (backend for frontend: the browser holds only a session cookie). */
export const SIGN_IN_PATH = '/oauth2/authorization/apexshare';

export const sessionApi = {
  /** The signed-in trainer, or null when nobody is signed in (401). */
  async me(signal?: AbortSignal): Promise<Me | null> {
    try {
      return await request<Me>('GET', '/api/v1/me', { signal });
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return null;
      throw e;
    }
  },
  /** Ends the gateway session. Redirects (e.g. to the identity provider's logout) are not followed here. */
  async logout(): Promise<void> {
    const token = readCookie('XSRF-TOKEN');
    await fetch('/logout', {
      method: 'POST',
      headers: token ? { 'X-XSRF-TOKEN': token } : {},
      credentials: 'same-origin',
      redirect: 'manual',
    }).catch(() => undefined);
  },
};

export function displayName(me: Me): string {
  return me.name ?? me.preferred_username ?? me.email ?? 'Trainer';
}

export function subjectOf(me: Me): string {
  return me.sub ?? me.subject ?? me.email ?? 'trainer';
}
