import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { deliveryNeedsAttention, deliveryState, EmailStateBadge } from './badges';

describe('the email badge with a delivery state', () => {
  it('should answer "delivered?" in words, with a hint that is also read out', () => {
    render(<EmailStateBadge emailStatus="SENT" uploadStatus="AVAILABLE" delivery={{ state: 'DELIVERED', at: '2026-05-14T17:06:00Z' }} />);
    const badge = screen.getByText(/^Delivered/);
    expect(badge).toHaveClass('badge--good');
    expect(badge).toHaveAttribute('title', "Accepted by the student's mail server");
    expect(badge).toHaveTextContent("Delivered: Accepted by the student's mail server");
  });

  it('should tell a hard bounce from a soft one and name the suppressed and spam cases', () => {
    expect(deliveryState({ state: 'BOUNCED', at: null, bounceType: 'HARD' })).toMatchObject({ label: 'Bounced', tone: 'bad' });
    expect(deliveryState({ state: 'BOUNCED', at: null, bounceType: 'SOFT' }).label).toBe('Bounced (temporary)');
    expect(deliveryState({ state: 'SUPPRESSED', at: null, bounceType: 'HARD' }).label).toBe('Not sent');
    expect(deliveryState({ state: 'COMPLAINED', at: null }).label).toBe('Marked as spam');
    expect(deliveryState({ state: 'DELAYED', at: null }).tone).toBe('progress');
    expect(deliveryState({ state: 'SOMETHING_NEW', at: null }).label).toBe('Something new');
  });

  it('should ask the trainer to act only when the address is wrong, blocked or the email refused', () => {
    expect(deliveryNeedsAttention({ state: 'BOUNCED', at: null, bounceType: 'HARD' })).toBe(true);
    expect(deliveryNeedsAttention({ state: 'SUPPRESSED', at: null })).toBe(true);
    expect(deliveryNeedsAttention({ state: 'COMPLAINED', at: null })).toBe(true);
    expect(deliveryNeedsAttention({ state: 'BOUNCED', at: null, bounceType: 'SOFT' })).toBe(false);
    expect(deliveryNeedsAttention({ state: 'DELIVERED', at: null })).toBe(false);
    expect(deliveryNeedsAttention(null)).toBe(false);
  });

  it('should keep showing the send state while no delivery is known', () => {
    render(<EmailStateBadge emailStatus="PENDING" uploadStatus="INITIATED" delivery={null} />);
    expect(screen.getByText('After upload')).toHaveClass('badge--muted');
  });
});
