import { SuppressAddressUseCase } from '@cadence/api-anti-spam';
import { RecordCampaignCountersUseCase } from '@cadence/api-campaign';
import { DeliveryEvent, DeliveryStatus } from '@cadence/api-channel';
import { Types } from 'mongoose';
import { MemberProgress } from '../pipeline/member-progress';
import { ExecutionRepository } from '../repositories/execution.repository';
import { DeliveryTimestampField, Execution, ExecutionChannel } from '../schemas/execution.schema';
import { ApplyDeliveryEventUseCase } from './apply-delivery-event.usecase';

/** The repository's two compare-and-set methods over one in-memory execution. */
class OneExecution {
  constructor(readonly execution: Execution) {}

  findForDeliveryEvent = async () => ({ ...this.execution, appliedEventIds: [...this.execution.appliedEventIds] });

  advanceDelivery = async (_id: Types.ObjectId, current: string | null, next: string | null, eventId: string, reached: { field: DeliveryTimestampField; at: Date } | null = null) => {
    if (this.execution.deliveryStatus !== current || this.execution.appliedEventIds.includes(eventId)) return false;
    if (next) this.execution.deliveryStatus = next;
    // MongoDB's $min on an absent field sets it, otherwise keeps the earlier date.
    const before = reached ? this.execution[reached.field] : undefined;
    if (reached && (!before || reached.at < before)) this.execution[reached.field] = reached.at;
    this.execution.appliedEventIds.push(eventId);
    return true;
  };
}

function setup() {
  const store = new OneExecution({
    _id: new Types.ObjectId(),
    userId: new Types.ObjectId(),
    teamId: null,
    campaignId: new Types.ObjectId(),
    channel: ExecutionChannel.Sms,
    address: '+14155550100',
    deliveryStatus: 'queued',
    appliedEventIds: [],
  } as unknown as Execution);
  const counters = { execute: jest.fn().mockResolvedValue(null) };
  const suppress = { execute: jest.fn().mockResolvedValue(undefined) };
  const memberProgress = { deliveryAdvanced: jest.fn().mockResolvedValue(undefined), optedOut: jest.fn().mockResolvedValue(undefined) };
  const useCase = new ApplyDeliveryEventUseCase(
    store as unknown as ExecutionRepository,
    counters as unknown as RecordCampaignCountersUseCase,
    suppress as unknown as SuppressAddressUseCase,
    memberProgress as unknown as MemberProgress,
  );
  const event = (id: string, status: DeliveryStatus | null, optedOut = false, occurredAt = new Date()): DeliveryEvent => ({
    provider: 'twilio',
    channel: 'sms',
    providerEventId: id,
    executionId: store.execution._id.toHexString(),
    status,
    optedOut,
    optedIn: false,
    occurredAt,
    raw: {},
  });
  return { store, counters, suppress, memberProgress, useCase, event };
}

describe('ApplyDeliveryEventUseCase', () => {
  it('moves only forward whatever order events arrive in, and counts each state once', async () => {
    const { store, counters, useCase, event } = setup();
    expect(await useCase.execute(event('e-delivered', 'delivered'))).toBe(true);
    expect(await useCase.execute(event('e-sent', 'sent'))).toBe(false);
    expect(store.execution.deliveryStatus).toBe('delivered');
    expect(counters.execute).toHaveBeenCalledTimes(1);
    expect(counters.execute).toHaveBeenCalledWith(expect.anything(), store.execution.campaignId, 'sms', { delivered: 1 });
  });

  it('applies a redelivered event once', async () => {
    const { counters, useCase, event } = setup();
    await useCase.execute(event('e1', 'delivered'));
    expect(await useCase.execute(event('e1', 'delivered'))).toBe(false);
    expect(counters.execute).toHaveBeenCalledTimes(1);
  });

  it('keeps a failure terminal and suppresses an address the provider reports opted out', async () => {
    const { store, counters, suppress, useCase, event } = setup();
    await useCase.execute(event('e-failed', 'undelivered', true));
    await useCase.execute(event('e-late', 'delivered'));
    expect(store.execution.deliveryStatus).toBe('undelivered');
    expect(counters.execute).toHaveBeenCalledWith(expect.anything(), store.execution.campaignId, 'sms', { failed: 1 });
    expect(suppress.execute).toHaveBeenCalledWith(expect.anything(), 'sms', '+14155550100', expect.any(String));
  });

  it("tells the campaign member's channel progress each state the execution reached, once, and an opt-out", async () => {
    const { store, memberProgress, useCase, event } = setup();
    await useCase.execute(event('e-delivered', 'delivered'));
    await useCase.execute(event('e-delivered', 'delivered'));
    await useCase.execute(event('e-sent', 'sent'));
    expect(memberProgress.deliveryAdvanced).toHaveBeenCalledTimes(1);
    expect(memberProgress.deliveryAdvanced).toHaveBeenCalledWith(expect.anything(), expect.objectContaining({ _id: store.execution._id }), 'delivered', expect.any(Date), undefined);
    await useCase.execute(event('e-stop', null, true));
    expect(memberProgress.optedOut).toHaveBeenCalledTimes(1);
  });

  describe('per-state timestamps', () => {
    const at = (minute: number) => new Date(Date.UTC(2026, 2, 10, 19, minute));

    it('keeps the delivery time of a "delivered" that arrives after "opened", without moving the status back', async () => {
      const { store, counters, useCase, event } = setup();
      store.execution.channel = ExecutionChannel.Email;
      expect(await useCase.execute(event('e-open', 'opened', false, at(5)))).toBe(true);
      expect(await useCase.execute(event('e-delivered', 'delivered', false, at(1)))).toBe(false);
      expect(store.execution).toMatchObject({ deliveryStatus: 'opened', openedAt: at(5), deliveredAt: at(1) });
      expect(counters.execute).toHaveBeenCalledTimes(1);
    });

    it('keeps the earliest time of a state reported twice, and ignores a redelivered event', async () => {
      const { store, useCase, event } = setup();
      await useCase.execute(event('e-open-2', 'opened', false, at(9)));
      await useCase.execute(event('e-open-1', 'opened', false, at(4)));
      await useCase.execute(event('e-open-3', 'opened', false, at(7)));
      await useCase.execute(event('e-open-1', 'opened', false, at(2)));
      expect(store.execution.openedAt).toEqual(at(4));
    });

    it('records a clicked → delivered → sent sequence with each time, status clicked', async () => {
      const { store, useCase, event } = setup();
      await useCase.execute(event('e-click', 'clicked', false, at(8)));
      await useCase.execute(event('e-delivered', 'delivered', false, at(2)));
      await useCase.execute(event('e-sent', 'sent', false, at(1)));
      expect(store.execution).toMatchObject({ deliveryStatus: 'clicked', clickedAt: at(8), deliveredAt: at(2) });
      expect(store.execution.openedAt).toBeUndefined();
    });

    it('records a failure time even when a terminal state was already reached first', async () => {
      const { store, useCase, event } = setup();
      await useCase.execute(event('e-undelivered', 'undelivered', false, at(3)));
      await useCase.execute(event('e-failed', 'failed', false, at(6)));
      expect(store.execution).toMatchObject({ deliveryStatus: 'undelivered', undeliveredAt: at(3), failedAt: at(6) });
    });

    it('writes no time for an event without a state (a bare opt-out)', async () => {
      const { store, useCase, event } = setup();
      await useCase.execute(event('e-stop', null, true, at(3)));
      expect(Object.keys(store.execution).filter((k) => k.endsWith('edAt'))).toEqual([]);
    });
  });
});
