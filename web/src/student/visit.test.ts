import { describe, expect, it } from 'vitest';
import { randomUuid, visitIdFor } from './visit';

describe('a visit', () => {
  it('should stay the same visit for a link in one tab, and differ between links', () => {
    const token = 'Jx3k0v1y2Kq8mZ4W3f3tW7Hn1c9b8aQ2rD5sE6gT7uA';
    const first = visitIdFor(token, sessionStorage);
    expect(visitIdFor(token, sessionStorage)).toBe(first);
    expect(visitIdFor('other-token-0000000000000000000000000000000', sessionStorage)).not.toBe(first);
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('should not keep the whole token in storage', () => {
    visitIdFor('SECRETSECRETSECRET-rest-of-the-token-000000', sessionStorage);
    expect(Object.keys(sessionStorage).some((k) => k.includes('rest-of-the-token'))).toBe(false);
  });

  it('should make random v4 ids', () => {
    expect(randomUuid()).not.toBe(randomUuid());
  });
});
