/**
 * Transfer rate and time left from progress samples over a sliding window, so a pause, a stall or a burst after a
 * resume shows up within seconds instead of being averaged over the whole upload.
 */
const WINDOW_MS = 10_000;

interface Sample {
  at: number;
  bytes: number;
}

export class TransferMeter {
  #samples: Sample[] = [];
  readonly #windowMs: number;

  constructor(windowMs = WINDOW_MS) {
    this.#windowMs = windowMs;
  }

  /** `bytes` is the running total sent so far (it may jump down after a retry re-sends a part). */
  record(bytes: number, at: number): void {
    const last = this.#samples[this.#samples.length - 1];
    if (last && bytes < last.bytes) this.#samples = [];
    this.#samples.push({ at, bytes });
    const cutoff = at - this.#windowMs;
    while (this.#samples.length > 2 && this.#samples[1].at <= cutoff) this.#samples.shift();
  }

  reset(): void {
    this.#samples = [];
  }

  /** Bytes per second over the window, or undefined until two samples at least 1 s apart exist. */
  rate(now: number): number | undefined {
    if (this.#samples.length < 2) return undefined;
    const first = this.#samples[0];
    const last = this.#samples[this.#samples.length - 1];
    const span = Math.max(now, last.at) - first.at;
    if (span < 1000) return undefined;
    return (last.bytes - first.bytes) / (span / 1000);
  }
}

/** Seconds left at `rate`, or undefined when nothing moves. */
export function secondsLeft(remainingBytes: number, rate: number | undefined): number | undefined {
  if (remainingBytes <= 0) return 0;
  if (!rate || rate <= 0) return undefined;
  return remainingBytes / rate;
}
