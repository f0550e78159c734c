import type { Answer } from '../api/http';
import type { PartUrl, PartUrls } from '../api/types';

/** URLs are not handed out in their last minute: a part of 16 MiB and more must be able to start in time. */
const SAFETY_MARGIN_MS = 60_000;
const DEFAULT_BATCH = 100;

interface Entry {
  url: string;
  /** Local-clock time after which the URL is no longer handed out. */
  usableUntil: number;
}

export type FetchPartUrls = (partNumbers: number[]) => Promise<Answer<PartUrls>>;

/**
 * How long an answer's URLs live, measured on the server's clock (its Date header) and applied to the local one, so a
 * trainer's laptop with a wrong clock still refreshes at the right time.
 */
export function usableUntil(expiresAt: string, receivedAt: number, serverDate: number | undefined): number {
  const lifetime = Date.parse(expiresAt) - (serverDate ?? receivedAt);
  return receivedAt + lifetime - SAFETY_MARGIN_MS;
}

/**
 * The presigned part URLs of one multipart upload. The initiate answer seeds the first ones; every miss fetches a
 * batch (the missing part and the next ones not yet known or uploaded) in one `POST …/parts/urls`, shared by all
 * parts that wait for it. A URL S3 refused (403, e.g. expired) is dropped, so the retry gets a fresh one.
 */
export class PartUrlCache {
  readonly #entries = new Map<number, Entry>();
  readonly #pending = new Map<number, Promise<void>>();
  readonly #uploaded = new Set<number>();
  readonly #fetch: FetchPartUrls;
  readonly #partCount: number;
  readonly #batchSize: number;
  readonly #now: () => number;

  constructor(fetch: FetchPartUrls, partCount: number, options: { batchSize?: number; now?: () => number } = {}) {
    this.#fetch = fetch;
    this.#partCount = partCount;
    this.#batchSize = options.batchSize ?? DEFAULT_BATCH;
    this.#now = options.now ?? Date.now;
  }

  seed(parts: PartUrl[], expiresAt: string, receivedAt: number, serverDate?: number): void {
    const until = usableUntil(expiresAt, receivedAt, serverDate);
    for (const p of parts) this.#entries.set(p.partNumber, { url: p.url, usableUntil: until });
  }

  /** Parts S3 already has (from ListParts): never asked for again. */
  markUploaded(partNumbers: Iterable<number>): void {
    for (const n of partNumbers) {
      this.#uploaded.add(n);
      this.#entries.delete(n);
    }
  }

  invalidate(partNumber: number): void {
    this.#entries.delete(partNumber);
  }

  /** The URL that matches `url`'s part, if it is one of ours (to drop it after a 403). */
  partNumberOf(url: string): number | undefined {
    for (const [n, e] of this.#entries) if (e.url === url) return n;
    return undefined;
  }

  async get(partNumber: number): Promise<string> {
    if (partNumber < 1 || partNumber > this.#partCount) throw new RangeError(`No part ${partNumber}`);
    for (let attempt = 0; attempt < 3; attempt++) {
      const fresh = this.#fresh(partNumber);
      if (fresh) return fresh;
      await (this.#pending.get(partNumber) ?? this.#fetchBatchFrom(partNumber));
    }
    const fresh = this.#fresh(partNumber);
    if (fresh) return fresh;
    throw new Error(`The service gave no usable URL for part ${partNumber}`);
  }

  #fresh(partNumber: number): string | undefined {
    const e = this.#entries.get(partNumber);
    if (e && e.usableUntil > this.#now()) return e.url;
    return undefined;
  }

  #fetchBatchFrom(first: number): Promise<void> {
    const numbers = [first];
    for (let n = first + 1; n <= this.#partCount && numbers.length < this.#batchSize; n++) {
      if (!this.#uploaded.has(n) && !this.#pending.has(n) && !this.#fresh(n)) numbers.push(n);
    }
    const batch = this.#fetch(numbers).then((answer) => {
      this.seed(answer.data.parts, answer.data.expiresAt, answer.receivedAt, answer.serverDate);
    }).finally(() => {
      for (const n of numbers) if (this.#pending.get(n) === batch) this.#pending.delete(n);
    });
    for (const n of numbers) this.#pending.set(n, batch);
    return batch;
  }
}
