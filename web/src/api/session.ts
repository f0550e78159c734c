import { ApiError, request } from './http';
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
  /**
   * Ends the gateway session. Asked for JSON, the gateway answers where to go next (the identity provider's logout,
   * or `/`), since a script cannot follow a cross-origin redirect itself.
   */
  async logout(): Promise<string> {
    try {
      const data = await request<{ redirectUrl?: string } | undefined>('POST', '/logout');
      return data?.redirectUrl ?? '/';
    } catch {
      return '/';
    }
  },
};

export function displayName(me: Me): string {
  return me.name ?? me.preferred_username ?? me.email ?? 'Trainer';
}

export function subjectOf(me: Me): string {
  return me.sub ?? me.subject ?? me.email ?? 'trainer';
}
