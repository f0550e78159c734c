import { describe, expect, it } from 'vitest';
import { secondsLeft, TransferMeter } from './transfer';

describe('the transfer meter', () => {
  it('should measure the rate over the last window only', () => {
    const m = new TransferMeter(10_000);
    m.record(0, 0);
    m.record(50_000_000, 5_000); // 10 MB/s at first
    m.record(60_000_000, 15_000); // then 1 MB/s
    m.record(70_000_000, 25_000);
    expect(m.rate(25_000)).toBeCloseTo(1_000_000, -3);
  });

  it('should know nothing before a second has passed', () => {
    const m = new TransferMeter();
    m.record(0, 0);
    m.record(1000, 500);
    expect(m.rate(500)).toBeUndefined();
  });

  it('should start over when the total goes down (a part sent again)', () => {
    const m = new TransferMeter();
    m.record(100, 0);
    m.record(200, 2_000);
    m.record(50, 3_000);
    expect(m.rate(3_000)).toBeUndefined();
  });

  it('should slow down the rate while nothing moves', () => {
    const m = new TransferMeter(10_000);
    m.record(0, 0);
    m.record(2_000_000, 2_000);
    expect(m.rate(4_000)).toBeCloseTo(500_000);
  });

  it('should compute the time left', () => {
    expect(secondsLeft(10_000_000, 2_000_000)).toBe(5);
    expect(secondsLeft(0, undefined)).toBe(0);
    expect(secondsLeft(10, 0)).toBeUndefined();
  });
});
