import { SuppressAddressUseCase } from '@cadence/api-anti-spam';
import { RecordCampaignCountersUseCase } from '@cadence/api-campaign';
import { DeliveryEvent, DeliveryStatus } from '@cadence/api-channel';
import { Types } from 'mongoose';
import { MemberProgress } from '../pipeline/member-progress';
import { ExecutionRepository } from '../repositories/execution.repository';
import { Execution, ExecutionChannel } from '../schemas/execution.schema';
import { ApplyDeliveryEventUseCase } from './apply-delivery-event.usecase';

/** The repository's two compare-and-set methods over one in-memory execution. */
class OneExecution {
  constructor(readonly execution: Execution) {}

  findForDeliveryEvent = async () => ({ ...this.execution, appliedEventIds: [...this.execution.appliedEventIds] });

  advanceDelivery = async (_id: Types.ObjectId, current: string | null, next: string | null, eventId: string) => {
    if (this.execution.deliveryStatus !== current || this.execution.appliedEventIds.includes(eventId)) return false;
    if (next) this.execution.deliveryStatus = next;
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
  const event = (id: string, status: DeliveryStatus | null, optedOut = false): DeliveryEvent => ({
    provider: 'twilio',
    channel: 'sms',
    providerEventId: id,
    executionId: store.execution._id.toHexString(),
    status,
    optedOut,
    optedIn: false,
    occurredAt: new Date(),
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
});
