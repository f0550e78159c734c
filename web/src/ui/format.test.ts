import { describe, expect, it } from 'vitest';
import { emailStateLabel, uploadStateLabel } from './badges';
import { formatBytes, formatDate, formatDuration, humanize } from './format';

describe('display formats', () => {
  it('should format sizes, durations and dates', () => {
    expect(formatBytes(4_800_000_123)).toBe('4.80 GB');
    expect(formatBytes(40_000_000)).toBe('40.0 MB');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(null)).toBe('—');
    expect(formatDuration(42)).toBe('42 s');
    expect(formatDuration(3_725)).toBe('1 h 02 min');
    expect(formatDuration(undefined)).toBe('—');
    expect(formatDate('2026-05-14')).toBe('14 May 2026');
  });

  it('should name states in the trainer\'s words and show unknown ones as they come', () => {
    expect(uploadStateLabel('INITIATED')).toBe('Uploading');
    expect(uploadStateLabel('DELETED')).toBe('Removed');
    expect(uploadStateLabel('QUARANTINED')).toBe('Quarantined');
    expect(emailStateLabel('PENDING', 'AVAILABLE')).toBe('Queued');
    expect(emailStateLabel('PENDING', 'INITIATED')).toBe('After upload');
    expect(emailStateLabel('PENDING', 'DELETED')).toBe('Not sent');
    expect(emailStateLabel('SENT', 'EXPIRED')).toBe('Sent');
    expect(emailStateLabel('DELIVERED')).toBe('Delivered');
    expect(emailStateLabel('SOFT_BOUNCE')).toBe('Soft bounce');
    expect(humanize('LINK_EXPIRED')).toBe('Link expired');
  });
});
