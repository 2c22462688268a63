import { canAdvance, isTerminalFailure } from './delivery-status';

describe('delivery status order', () => {
  it('moves forward along the happy path', () => {
    expect(canAdvance(null, 'queued')).toBe(true);
    expect(canAdvance('queued', 'sent')).toBe(true);
    expect(canAdvance('sent', 'delivered')).toBe(true);
    expect(canAdvance('delivered', 'opened')).toBe(true);
    expect(canAdvance('opened', 'clicked')).toBe(true);
    expect(canAdvance('clicked', 'responded')).toBe(true);
  });

  it('ignores late events that would move backwards', () => {
    expect(canAdvance('delivered', 'sent')).toBe(false);
    expect(canAdvance('opened', 'delivered')).toBe(false);
    expect(canAdvance('listened', 'opened')).toBe(false);
  });

  it('skips ahead when the middle events never came', () => {
    expect(canAdvance('queued', 'clicked')).toBe(true);
  });

  it('lets a failure end a message that was not yet engaged with, and nothing leaves a failure', () => {
    expect(canAdvance('sent', 'undelivered')).toBe(true);
    expect(canAdvance('delivered', 'bounced')).toBe(true);
    expect(canAdvance('opened', 'bounced')).toBe(false);
    expect(canAdvance('failed', 'delivered')).toBe(false);
    expect(canAdvance('bounced', 'opened')).toBe(false);
    expect(isTerminalFailure('undelivered')).toBe(true);
    expect(isTerminalFailure('delivered')).toBe(false);
  });
});
