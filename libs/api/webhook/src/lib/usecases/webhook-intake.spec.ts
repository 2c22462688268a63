import type { Queue } from 'bull';
import { Types } from 'mongoose';
import type { NewWebhookEvent, WebhookEventRepository } from '../repositories/webhook-event.repository';
import { WebhookIntake } from './webhook-intake';

/** A store that refuses an event id it holds already, like the unique index. */
function fakeStore() {
  const held = new Set<string>();
  const inserts: number[] = [];
  const repository = {
    insertNew: async (events: NewWebhookEvent[]) => {
      inserts.push(events.length);
      const fresh: Types.ObjectId[] = [];
      for (const e of events) {
        if (held.has(e.eventId)) continue;
        held.add(e.eventId);
        fresh.push(e._id);
      }
      return fresh;
    },
  } as unknown as WebhookEventRepository;
  return { repository, inserts };
}

const event = (eventId: string) => ({ provider: 'sendgrid', eventId, event: {}, raw: {}, receivedAt: new Date(), expiresAt: new Date() });

describe('WebhookIntake', () => {
  it('stores concurrent requests in one insert and one job, and tells each request how many of its events were new', async () => {
    const { repository, inserts } = fakeStore();
    const jobs: { eventIds: string[] }[] = [];
    const queue = { add: async (_name: string, data: { eventIds: string[] }) => jobs.push(data) } as unknown as Queue;
    const intake = new WebhookIntake(repository, queue);

    await intake.submit([event('a')]);
    const [first, second, third] = await Promise.all([intake.submit([event('b'), event('c')]), intake.submit([event('a'), event('d')]), intake.submit([event('b')])]);

    expect([first, second, third]).toEqual([2, 1, 0]);
    expect(inserts).toEqual([1, 5]);
    expect(jobs.map((j) => j.eventIds.length)).toEqual([1, 3]);
  });

  it('fails every waiting request when the store fails, so each provider retries', async () => {
    const repository = { insertNew: async () => Promise.reject(new Error('mongo down')) } as unknown as WebhookEventRepository;
    const intake = new WebhookIntake(repository, { add: jest.fn() } as unknown as Queue);
    await expect(Promise.all([intake.submit([event('x')]), intake.submit([event('y')])])).rejects.toThrow('mongo down');
  });
});
