/**
 * One visit = one browser tab on one link: playing and then downloading, or reloading the page, stays one visit
 * (one counted download). Kept in sessionStorage, which dies with the tab.
 */
const PREFIX = 'apexshare.visit.';

export function visitIdFor(token: string, storage: Storage | undefined = safeSessionStorage()): string {
  const key = PREFIX + token.slice(0, 16);
  const existing = storage?.getItem(key);
  if (existing && /^[0-9a-f-]{36}$/.test(existing)) return existing;
  const id = randomUuid();
  storage?.setItem(key, id);
  return id;
}

/** UUID v4; crypto.randomUUID exists only in secure contexts, getRandomValues everywhere. */
export function randomUuid(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function safeSessionStorage(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}
