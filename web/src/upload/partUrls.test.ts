import { describe, expect, it, vi } from 'vitest';
import type { Answer } from '../api/http';
import type { PartUrls } from '../api/types';
import { PartUrlCache, usableUntil } from './partUrls';

const MIN = 60_000;

function answer(numbers: number[], now: number, lifetime = 15 * MIN): Answer<PartUrls> {
  return {
    data: { parts: numbers.map((n) => ({ partNumber: n, url: `https://s3/part-${n}-${now}` })), expiresAt: new Date(now + lifetime).toISOString() },
    receivedAt: now,
    serverDate: now,
  };
}

describe('the part URL cache', () => {
  it('should hand out the URLs of the initiate answer without asking again', async () => {
    const fetch = vi.fn();
    const cache = new PartUrlCache(fetch, 300, { now: () => 1_000 });
    const seed = answer([1, 2, 3], 1_000);
    cache.seed(seed.data.parts, seed.data.expiresAt, 1_000, 1_000);
    await expect(cache.get(2)).resolves.toBe('https://s3/part-2-1000');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('should fetch one batch for parts that miss at the same time, skipping parts S3 already has', async () => {
    const now = 5_000;
    const fetch = vi.fn(async (numbers: number[]) => answer(numbers, now));
    const cache = new PartUrlCache(fetch, 250, { batchSize: 100, now: () => now });
    cache.markUploaded([102, 103]);
    const urls = await Promise.all([cache.get(101), cache.get(104), cache.get(150)]);
    expect(urls).toEqual(['https://s3/part-101-5000', 'https://s3/part-104-5000', 'https://s3/part-150-5000']);
    expect(fetch).toHaveBeenCalledTimes(1);
    const asked = fetch.mock.calls[0][0];
    expect(asked[0]).toBe(101);
    expect(asked).not.toContain(102);
    expect(asked).toHaveLength(100);
    expect(Math.max(...asked)).toBe(202);
  });

  it('should refresh URLs in their last minute, judged by the server clock', async () => {
    let now = 0;
    const fetch = vi.fn(async (numbers: number[]) => answer(numbers, now));
    // The laptop's clock is an hour behind the server: lifetimes still come out right.
    const serverNow = 3_600_000;
    const cache = new PartUrlCache(fetch, 10, { now: () => now });
    cache.seed([{ partNumber: 1, url: 'old' }], new Date(serverNow + 15 * MIN).toISOString(), 0, serverNow);
    now = 13 * MIN;
    await expect(cache.get(1)).resolves.toBe('old');
    now = 14 * MIN + 1;
    await expect(cache.get(1)).resolves.toBe(`https://s3/part-1-${now}`);
  });

  it('should sign a fresh URL after S3 refused one', async () => {
    const fetch = vi.fn(async (numbers: number[]) => answer(numbers, 7));
    const cache = new PartUrlCache(fetch, 10, { now: () => 7 });
    cache.seed([{ partNumber: 4, url: 'refused' }], new Date(7 + 15 * MIN).toISOString(), 7, 7);
    expect(cache.partNumberOf('refused')).toBe(4);
    cache.invalidate(4);
    await expect(cache.get(4)).resolves.toBe('https://s3/part-4-7');
  });

  it('should refuse part numbers outside the upload', async () => {
    const cache = new PartUrlCache(vi.fn(), 3);
    await expect(cache.get(4)).rejects.toThrow(RangeError);
  });

  it('should keep a safety minute off the URL lifetime', () => {
    expect(usableUntil('1970-01-01T00:15:00Z', 0, undefined)).toBe(14 * MIN);
  });
});
