import { CampaignMembershipRepository, RecordMemberChannelStatusUseCase } from '@cadence/api-campaign';
import { CampaignContact, CampaignContactSchema, ChannelDeliveryStatus as S, Contact, ContactSchema, ContactSource } from '@cadence/api-contact';
import { startTestInfrastructure, TestInfrastructure } from '@cadence/api-testing';
import { getModelToken, MongooseModule } from '@nestjs/mongoose';
import { Test, TestingModule } from '@nestjs/testing';
import { Model, Types } from 'mongoose';

describe("a member's channel progress under concurrent sends and webhooks (embedded MongoDB)", () => {
  let infrastructure: TestInfrastructure;
  let module: TestingModule;
  let record: RecordMemberChannelStatusUseCase;
  let memberships: Model<CampaignContact>;
  let contacts: Model<Contact>;
  const userId = new Types.ObjectId();
  const tenant = { userId: userId.toHexString(), teamId: null };
  const campaignId = new Types.ObjectId();

  beforeAll(async () => {
    infrastructure = await startTestInfrastructure();
    module = await Test.createTestingModule({
      imports: [
        MongooseModule.forRoot(infrastructure.urls.mongoUrl),
        MongooseModule.forFeature([
          { name: CampaignContact.name, schema: CampaignContactSchema },
          { name: Contact.name, schema: ContactSchema },
        ]),
      ],
      providers: [CampaignMembershipRepository, RecordMemberChannelStatusUseCase],
    }).compile();
    record = module.get(RecordMemberChannelStatusUseCase);
    memberships = module.get(getModelToken(CampaignContact.name));
    contacts = module.get(getModelToken(Contact.name));
  }, 60_000);

  afterAll(async () => {
    await module?.close();
    await infrastructure?.stop();
  });

  async function member(owner = userId): Promise<Types.ObjectId> {
    const contactId = new Types.ObjectId();
    await contacts.collection.insertOne({ _id: contactId, userId: owner, firstName: 'Ann', dedupeKeys: [`phone:${contactId.toHexString()}`], campaignHistory: { lastContactedAt: null } });
    await memberships.create({ userId: owner, campaignId, contactId, source: ContactSource.Manual, addedAt: new Date('2026-03-01T00:00:00Z') });
    return contactId;
  }
  const sms = async (contactId: Types.ObjectId) => (await memberships.findOne({ campaignId, contactId }).lean<CampaignContact>().exec())?.channels.sms;
  const at = (minute: number) => new Date(Date.UTC(2026, 2, 10, 19, minute));

  it('ends at the furthest state whatever order 40 concurrent transitions land in, each stamp written once', async () => {
    const contactId = await member();
    const steps: [S, number][] = [
      [S.Queued, 0],
      [S.Deferred, 1],
      [S.Queued, 2],
      [S.Sent, 3],
      [S.Delivered, 4],
      [S.Opened, 5],
      [S.Clicked, 6],
      // A later step queued, and a stale receipt, after the delivery.
      [S.Queued, 7],
      [S.Sent, 3],
    ];
    const burst = Array.from({ length: 40 }, (_, i) => steps[(i * 7) % steps.length]);
    await Promise.all(burst.map(([status, minute]) => record.execute(tenant, { campaignId, contactIds: [contactId], channel: 'sms', status, at: at(minute) })));
    const progress = await sms(contactId);
    expect(progress).toMatchObject({ status: S.Clicked, reasonCode: null });
    // A state overtaken before it landed (a click before its delivery receipt) leaves its stamp empty, never a wrong time.
    expect([null, at(3).getTime()]).toContain(progress?.sentAt?.getTime() ?? null);
    expect([null, at(4).getTime()]).toContain(progress?.deliveredAt?.getTime() ?? null);
    expect([at(5).getTime(), at(6).getTime()]).toContain(progress?.engagedAt?.getTime());
    const contact = await contacts.findById(contactId).lean<Contact>().exec();
    expect(contact?.campaignHistory.lastContactedAt).toEqual(at(3));
  });

  it('stamps every state of an in-order send, and keeps the first engagement time when a click follows the open', async () => {
    const contactId = await member();
    for (const [status, minute] of [[S.Queued, 0], [S.Sent, 1], [S.Delivered, 2], [S.Opened, 3], [S.Clicked, 4], [S.Delivered, 5]] as [S, number][]) {
      await record.execute(tenant, { campaignId, contactIds: [contactId], channel: 'sms', status, at: at(minute) });
    }
    expect(await sms(contactId)).toMatchObject({ status: S.Clicked, sentAt: at(1), deliveredAt: at(2), engagedAt: at(3), statusAt: at(4) });
  });

  it('writes a batch in one update, keeping members already further along, and only for the caller', async () => {
    const [fresh, delivered, other] = [await member(), await member(), await member(new Types.ObjectId())];
    await record.execute(tenant, { campaignId, contactIds: [delivered], channel: 'sms', status: S.Delivered, at: at(1) });
    const moved = await record.execute(tenant, { campaignId, contactIds: [fresh, delivered, other], channel: 'sms', status: S.Skipped, at: at(2), reasonCode: 'no_consent', reason: 'No SMS consent on record' });
    expect(moved).toBe(1);
    expect(await sms(fresh)).toMatchObject({ status: S.Skipped, reasonCode: 'no_consent', reason: 'No SMS consent on record', statusAt: at(2) });
    expect(await sms(delivered)).toMatchObject({ status: S.Delivered, reasonCode: null });
    expect(await sms(other)).toMatchObject({ status: S.NotStarted });
  });

  it('keeps an opt-out final, and marks the member responded on the first responding channel', async () => {
    const contactId = await member();
    await record.execute(tenant, { campaignId, contactIds: [contactId], channel: 'sms', status: S.Responded, at: at(1) });
    await record.execute(tenant, { campaignId, contactIds: [contactId], channel: 'sms', status: S.OptedOut, at: at(2), reasonCode: 'opted_out', reason: 'STOP' });
    expect(await record.execute(tenant, { campaignId, contactIds: [contactId], channel: 'sms', status: S.Responded, at: at(3) })).toBe(0);
    const doc = await memberships.findOne({ campaignId, contactId }).lean<CampaignContact>().exec();
    expect(doc?.channels.sms).toMatchObject({ status: S.OptedOut, respondedAt: at(1), reason: 'STOP' });
    expect(doc?.engagement).toMatchObject({ responded: true, responseChannel: 'sms' });
  });
});
