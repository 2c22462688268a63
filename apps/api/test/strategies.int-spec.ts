import request from 'supertest';
import { createTestApp, TestApp } from './create-test-app';

interface Agent {
  id: string;
  auth: { Authorization: string };
}

const emailSender = { fromEmail: 'Jane@DesertRealty.test', fromName: 'Jane Agent', postalAddress: '73-000 El Paseo, Palm Desert, CA 92260' };

describe('strategies (real app, embedded MongoDB, real Redis)', () => {
  let testApp: TestApp;
  let agent: Agent;
  let campaignId: string;
  let registered = 0;
  const http = () => request(testApp.app.getHttpServer());
  const base = (id = campaignId) => `/api/v1/campaigns/${id}/strategies`;

  async function registerAgent(): Promise<Agent> {
    registered += 1;
    const response = await http().post('/api/v1/auth/register').send({ email: `strategies${registered}@example.com`, password: 'correct horse battery', name: 'Agent' }).expect(201);
    return { id: response.body.user.id, auth: { Authorization: `Bearer ${response.body.accessToken}` } };
  }

  beforeAll(async () => {
    testApp = await createTestApp();
    agent = await registerAgent();
    campaignId = (await http().post('/api/v1/campaigns').set(agent.auth).send({ name: 'Strategy home' }).expect(201)).body.id;
  });
  afterAll(() => testApp.close());

  it('creates a text strategy with A/B variants and shows segments with the opt-out line on the first step', async () => {
    const created = await http()
      .post(base())
      .set(agent.auth)
      .send({ type: 'text', steps: [{ variants: [{ key: 'A', weight: 3, body: 'Hi {{firstName|there}}, thinking of selling?' }, { key: 'B', body: 'Hello {{firstName|there}}!' }] }, { delayDays: 3, variants: [{ key: 'A', body: 'Following up' }] }] })
      .expect(201);
    expect(created.body).toMatchObject({ name: 'Text messages', type: 'text', status: 'draft', campaignId });
    expect(created.body.steps[0].variants[0]).toMatchObject({ key: 'A', weight: 3, smsSegments: { segments: 1, encoding: 'GSM-7' } });
    expect(created.body.steps[0].variants[1].weight).toBe(1);
    const list = await http().get(base()).set(agent.auth).expect(200);
    expect(list.body.items.map((s: { id: string }) => s.id)).toContain(created.body.id);
  });

  it('refuses unknown merge fields at save, naming them', async () => {
    const response = await http().post(base()).set(agent.auth).send({ type: 'text', steps: [{ variants: [{ key: 'A', body: 'Hi {{firstname}} about {{petName}}' }] }] }).expect(400);
    expect(response.body).toMatchObject({ code: 'STRATEGY_UNKNOWN_MERGE_FIELD', details: { fields: ['firstname', 'petName'] } });
    const voicemail = await http().post(base()).set(agent.auth).send({ type: 'voicemail', steps: [{ variants: [{ key: 'A', voiceId: 'v1' }] }] }).expect(400);
    expect(voicemail.body.code).toBe('STRATEGY_INVALID_CONTENT');
    const email = await http().post(base()).set(agent.auth).send({ type: 'email', steps: [{ variants: [{ key: 'A', subject: 'Hi', html: '<p>Hi</p>', text: 'Hi' }] }] }).expect(400);
    expect(email.body.details.problems).toEqual([expect.stringContaining('emailSender')]);
  });

  it('previews each step per contact with a sticky variant, the email footer and voicemail TTS', async () => {
    const contact = (await http().post('/api/v1/contacts').set(agent.auth).send({ firstName: 'Ann', lastName: 'Lee', emails: ['ann@example.com'], propertyAddress: { street: '12 Palm Way', city: 'Palm Desert', state: 'CA', zip: '92260' } }).expect(201)).body;
    const email = (
      await http()
        .post(base())
        .set(agent.auth)
        .send({ type: 'email', emailSender, steps: [{ variants: [{ key: 'A', subject: 'About {{propertyAddress}}', html: '<p>Hi {{firstName}}</p>', text: 'Hi {{firstName}}' }, { key: 'B', weight: 2, subject: 'B for {{firstName}}', html: '<p>B</p>', text: 'B' }] }] })
        .expect(201)
    ).body;
    expect(email.emailSender).toEqual({ ...emailSender, fromEmail: 'jane@desertrealty.test', replyTo: null });
    const preview = await http().get(`${base()}/${email.id}/preview`).set(agent.auth).query({ contactId: contact.id }).expect(200);
    const again = await http().get(`${base()}/${email.id}/preview`).set(agent.auth).query({ contactId: contact.id }).expect(200);
    expect(again.body).toEqual(preview.body);
    const step = preview.body.steps[0];
    expect(['A', 'B']).toContain(step.variant);
    expect(step.email.subject).toBe(step.variant === 'A' ? 'About 12 Palm Way' : 'B for Ann');
    expect(step.email.html).toContain('73-000 El Paseo, Palm Desert, CA 92260');
    expect(step.email.text).toContain('Unsubscribe:');
    expect(step.email.from).toEqual({ email: 'jane@desertrealty.test', name: 'Jane Agent' });

    const voicemail = (await http().post(base()).set(agent.auth).send({ type: 'voicemail', steps: [{ variants: [{ key: 'A', voiceId: 'voice-1', ttsBody: 'Hi {{firstName}}, this is {{agentName|your agent}}.' }] }] }).expect(201)).body;
    const vm = await http().get(`${base()}/${voicemail.id}/preview`).set(agent.auth).query({ contactId: contact.id }).expect(200);
    expect(vm.body.steps[0].voicemail).toEqual({ voiceId: 'voice-1', ttsBody: 'Hi Ann, this is your agent.', recordingMediaId: null, characters: 27 });
  });

  it('edits drafts, refuses to pause a draft, deletes drafts', async () => {
    const { id } = (await http().post(base()).set(agent.auth).send({ type: 'text', name: 'Editable', steps: [{ variants: [{ key: 'A', body: 'One' }] }] }).expect(201)).body;
    const patched = await http().patch(`${base()}/${id}`).set(agent.auth).send({ name: 'Edited', steps: [{ variants: [{ key: 'A', body: 'Two {{lastName}}' }] }] }).expect(200);
    expect(patched.body).toMatchObject({ name: 'Edited', steps: [{ variants: [{ body: 'Two {{lastName}}' }] }] });
    expect((await http().patch(`${base()}/${id}`).set(agent.auth).send({ steps: [{ variants: [{ key: 'A', body: '{{nope}}' }] }] }).expect(400)).body.code).toBe('STRATEGY_UNKNOWN_MERGE_FIELD');
    expect((await http().post(`${base()}/${id}/pause`).set(agent.auth).expect(409)).body.code).toBe('STRATEGY_ILLEGAL_TRANSITION');
    await http().post(`${base()}/${id}/resume`).set(agent.auth).expect(409);
    await http().delete(`${base()}/${id}`).set(agent.auth).expect(204);
    expect((await http().patch(`${base()}/${id}`).set(agent.auth).send({ name: 'Gone' }).expect(404)).body.code).toBe('STRATEGY_NOT_FOUND');
  });

  it('copies strategies as drafts when the campaign is duplicated', async () => {
    const source = (await http().post('/api/v1/campaigns').set(agent.auth).send({ name: 'With strategies' }).expect(201)).body.id;
    await http().post(base(source)).set(agent.auth).send({ type: 'text', steps: [{ variants: [{ key: 'A', body: 'Copied' }] }] }).expect(201);
    const copy = (await http().post(`/api/v1/campaigns/${source}/duplicate`).set(agent.auth).expect(201)).body;
    expect(copy).toMatchObject({ status: 'draft', duplicatedFrom: source });
    const strategies = (await http().get(base(copy.id)).set(agent.auth).expect(200)).body.items;
    expect(strategies).toHaveLength(1);
    expect(strategies[0]).toMatchObject({ campaignId: copy.id, status: 'draft', steps: [{ variants: [{ body: 'Copied' }] }] });
  });

  it('hides another agent\'s strategies', async () => {
    const other = await registerAgent();
    const { id } = (await http().post(base()).set(agent.auth).send({ type: 'text', steps: [{ variants: [{ key: 'A', body: 'Mine' }] }] }).expect(201)).body;
    expect((await http().get(base()).set(other.auth).expect(404)).body.code).toBe('CAMPAIGN_NOT_FOUND');
    await http().patch(`${base()}/${id}`).set(other.auth).send({ name: 'Theirs' }).expect(404);
    await http().delete(`${base()}/${id}`).set(other.auth).expect(404);
    const otherCampaign = (await http().post('/api/v1/campaigns').set(other.auth).send({ name: 'Other' }).expect(201)).body.id;
    // A strategy id under a campaign it does not belong to is not found either.
    await http().patch(`${base(otherCampaign)}/${id}`).set(other.auth).send({ name: 'Theirs' }).expect(404);
  });
});
