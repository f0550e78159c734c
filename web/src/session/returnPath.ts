import { SIGN_IN_PATH } from '../api/session';

const RETURN_KEY = 'apexshare.returnTo';

/** Sign-in is a full-page trip through the gateway to the identity provider; the page comes back to where it was. */
export function signIn(): void {
  try {
    sessionStorage.setItem(RETURN_KEY, window.location.pathname + window.location.search);
  } catch {
    // private mode without storage: the trainer lands on the dashboard
  }
  window.location.assign(SIGN_IN_PATH);
}

/** Where the trainer was before signing in (read once). */
export function takeReturnPath(): string | undefined {
  try {
    const path = sessionStorage.getItem(RETURN_KEY) ?? undefined;
    sessionStorage.removeItem(RETURN_KEY);
    return path && path.startsWith('/') && !path.startsWith('//') ? path : undefined;
  } catch {
    return undefined;
  }
}
