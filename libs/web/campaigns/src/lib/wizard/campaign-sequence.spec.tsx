import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { apiError, installFakeApi, json } from '../../testing/fake-api';
import { CAMPAIGN_ID, plan, STRATEGY_ID, textStrategy } from '../../testing/fixtures';
import { renderPage, renderWithProviders } from '../../testing/render';
import { CampaignWizardPage } from './campaign-wizard-page';
import { PlanReview } from './plan-review';
import { click, draftRoutes } from '../../testing/wizard-routes';

const BASE = `/api/v1/campaigns/${CAMPAIGN_ID}`;
const SETUP = '/campaigns/:campaignId/setup';
const CONFIGURE = `/campaigns/${CAMPAIGN_ID}/setup?step=configure&channels=text`;

const step = (n: number) => screen.getByRole('region', { name: `Step ${n}` });
const variant = (n: number, key: string) => within(step(n)).getByRole('group', { name: `Variant ${key}` });
const type = (element: HTMLElement, value: string) => fireEvent.change(element, { target: { value } });

/** A two-step sequence whose first step is an A/B test, as the API stores it after the save below. */
const savedSequence = () => {
  const base = textStrategy().steps[0].variants[0];
  return textStrategy({
    steps: [
      { delayDays: 0, variants: [{ ...base, weight: 70, body: 'Hi {{firstName|there}}, homes near you are selling.' }, { ...base, key: 'B', weight: 30, body: 'Quick question, {{firstName|there}}' }] },
      { delayDays: 3, variants: [{ ...base, body: 'Still thinking of selling?' }] },
    ],
  });
};

describe('campaign wizard: sequences and A/B variants', () => {
  it('writes a two-step sequence with an A/B test, checks it, sends it whole and previews the variant a contact gets', async () => {
    let saved = false;
    const api = installFakeApi(
      draftRoutes({
        [`GET ${BASE}/strategies`]: () => json(200, { items: saved ? [savedSequence()] : [] }),
        [`POST ${BASE}/strategies`]: () => {
          saved = true;
          return json(201, savedSequence());
        },
        [`GET ${BASE}/strategies/${STRATEGY_ID}/preview`]: (r) =>
          json(200, {
            contactId: r.query.get('contactId'),
            steps: [
              { step: 0, variant: 'B', sms: { body: 'Quick question, Maria\nReply STOP to opt out', segments: { encoding: 'GSM-7', segments: 1, units: 43, nonGsmCharacters: [] } } },
              { step: 1, variant: 'A', sms: { body: 'Still thinking of selling?', segments: { encoding: 'GSM-7', segments: 1, units: 26, nonGsmCharacters: [] } } },
            ],
          }),
      }),
    );
    renderPage(SETUP, <CampaignWizardPage />, CONFIGURE);

    type(await within(await screen.findByRole('region', { name: 'Step 1' })).findByRole('textbox', { name: 'Message' }), 'Hi {{firstName|there}}, homes near you are selling.');
    expect(within(step(1)).getByTestId('step-title').textContent).toBe('Step 1 — sent at launch');

    await click(screen.getByRole('button', { name: 'Add a follow-up step' }));
    expect(within(step(2)).getByTestId('step-title').textContent).toBe('Step 2 — 3 days after step 1');
    type(within(step(2)).getByRole('textbox', { name: 'Days after step 1' }), '4');
    expect(within(step(2)).getByTestId('step-title').textContent).toBe('Step 2 — 4 days after step 1');
    // Follow-ups do not repeat the opt-out line, so their segment count leaves it out.
    type(within(step(2)).getByRole('textbox', { name: 'Message' }), 'Still thinking of selling?');
    expect(within(step(2)).getByTestId('sms-segment-count').textContent).not.toContain('Reply STOP');

    await click(within(step(1)).getByRole('button', { name: 'Add variant B (A/B test)' }));
    expect(within(variant(1, 'A')).getByRole('textbox', { name: 'Weight' })).toHaveProperty('value', '50');
    expect(within(variant(1, 'B')).getByText('50% of contacts')).toBeTruthy();
    type(within(variant(1, 'B')).getByRole('textbox', { name: 'Message' }), 'Quick question, {{firstName|there}}');

    type(within(variant(1, 'A')).getByRole('textbox', { name: 'Weight' }), '0');
    type(within(step(2)).getByRole('textbox', { name: 'Days after step 1' }), '400');
    await click(screen.getByRole('button', { name: 'Save and preview' }));
    expect(within(variant(1, 'A')).getByText('A whole number from 1 to 100.')).toBeTruthy();
    expect(within(step(2)).getByText('A whole number of days from 0 to 365.')).toBeTruthy();
    expect(api.to(`POST ${BASE}/strategies`)).toHaveLength(0);

    type(within(variant(1, 'A')).getByRole('textbox', { name: 'Weight' }), '70');
    type(within(variant(1, 'B')).getByRole('textbox', { name: 'Weight' }), '30');
    expect(within(variant(1, 'A')).getByText('70% of contacts')).toBeTruthy();
    type(within(step(2)).getByRole('textbox', { name: 'Days after step 1' }), '3');
    await click(screen.getByRole('button', { name: 'Save and preview' }));

    await waitFor(() => expect(api.to(`POST ${BASE}/strategies`)).toHaveLength(1));
    expect(api.to(`POST ${BASE}/strategies`)[0].body).toEqual({
      type: 'text',
      name: 'Text message',
      steps: [
        {
          delayDays: 0,
          variants: [
            { key: 'A', weight: 70, body: 'Hi {{firstName|there}}, homes near you are selling.' },
            { key: 'B', weight: 30, body: 'Quick question, {{firstName|there}}' },
          ],
        },
        { delayDays: 3, variants: [{ key: 'A', weight: 1, body: 'Still thinking of selling?' }] },
      ],
    });

    const first = await screen.findByRole('article', { name: 'Preview of step 1' });
    expect(within(first).getByTestId('preview-variant').textContent).toBe('Gets variant B of 2');
    expect(within(first).getByTestId('sms-preview').textContent).toBe('Quick question, Maria\nReply STOP to opt out');
    const second = screen.getByRole('article', { name: 'Preview of step 2' });
    expect(second.textContent).toContain('Step 2 — 3 days after step 1');
    expect(within(second).queryByTestId('preview-variant')).toBeNull();
  });

  it("shows the API's refusal on the variant and field it is about", async () => {
    installFakeApi(
      draftRoutes({
        [`POST ${BASE}/strategies`]: () =>
          apiError(400, 'STRATEGY_UNKNOWN_MERGE_FIELD', 'Unknown merge field: agentCell', { fields: ['agentCell'], occurrences: [{ step: 0, variant: 'B', part: 'body', name: 'agentCell' }] }),
      }),
    );
    renderPage(SETUP, <CampaignWizardPage />, CONFIGURE);

    type(await within(await screen.findByRole('region', { name: 'Step 1' })).findByRole('textbox', { name: 'Message' }), 'Hello');
    await click(screen.getByRole('button', { name: 'Add variant B (A/B test)' }));
    type(within(variant(1, 'B')).getByRole('textbox', { name: 'Message' }), 'Hello again');
    await click(screen.getByRole('button', { name: 'Save and continue' }));

    expect((await screen.findByRole('alert')).textContent).toContain('STRATEGY_UNKNOWN_MERGE_FIELD');
    expect(within(variant(1, 'B')).getByText('Unknown merge field: {{agentCell}}.')).toBeTruthy();
    expect(within(variant(1, 'A')).queryByText(/agentCell/)).toBeNull();
  });

  it('forgets errors once the step they were about has moved', async () => {
    installFakeApi(draftRoutes());
    renderPage(SETUP, <CampaignWizardPage />, CONFIGURE);

    await screen.findByRole('region', { name: 'Step 1' });
    await click(screen.getByRole('button', { name: 'Add a follow-up step' }));
    type(within(step(2)).getByRole('textbox', { name: 'Message' }), 'Later');
    await click(screen.getByRole('button', { name: 'Save and preview' }));
    expect(within(step(1)).getByText('Write the text message.')).toBeTruthy();

    await click(screen.getByRole('button', { name: 'Move step 2 up' }));
    expect(within(step(1)).getByRole('textbox', { name: 'Message' })).toHaveProperty('value', 'Later');
    expect(screen.queryByText('Write the text message.')).toBeNull();
  });

  it('removes a step and a variant, and moves a message up while the timing stays', async () => {
    const api = installFakeApi(
      draftRoutes({
        [`GET ${BASE}/strategies`]: () => json(200, { items: [savedSequence()] }),
        [`PATCH ${BASE}/strategies/${STRATEGY_ID}`]: () => json(200, savedSequence()),
        [`GET ${BASE}/strategies/${STRATEGY_ID}/preview`]: () => json(200, { contactId: 'c1', steps: [] }),
      }),
    );
    renderPage(SETUP, <CampaignWizardPage />, CONFIGURE);

    await screen.findByRole('region', { name: 'Step 2' });
    expect(within(variant(1, 'B')).getByRole('textbox', { name: 'Weight' })).toHaveProperty('value', '30');
    await click(screen.getByRole('button', { name: 'Move step 2 up' }));
    expect(within(step(1)).getByRole('textbox', { name: 'Message' })).toHaveProperty('value', 'Still thinking of selling?');
    expect(within(step(2)).getByTestId('step-title').textContent).toBe('Step 2 — 3 days after step 1');
    expect(within(step(2)).getAllByRole('group').map((g) => g.getAttribute('aria-label'))).toEqual(['Variant A', 'Variant B']);

    await click(within(step(2)).getByRole('button', { name: 'Remove variant A' }));
    expect(within(step(2)).getAllByRole('group').map((g) => g.getAttribute('aria-label'))).toEqual(['Variant B']);
    await click(screen.getByRole('button', { name: 'Remove step 1' }));
    expect(screen.queryByRole('region', { name: 'Step 2' })).toBeNull();
    expect(within(step(1)).getByTestId('step-title').textContent).toBe('Step 1 — sent at launch');
    expect(within(step(1)).getByRole('textbox', { name: 'Message' })).toHaveProperty('value', 'Quick question, {{firstName|there}}');

    await click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(api.to(`PATCH ${BASE}/strategies/${STRATEGY_ID}`)).toHaveLength(1));
    expect(api.to(`PATCH ${BASE}/strategies/${STRATEGY_ID}`)[0].body).toEqual({
      name: 'Text message',
      steps: [{ delayDays: 0, variants: [{ key: 'B', weight: 1, body: 'Quick question, {{firstName|there}}' }] }],
      emailSender: null,
    });
  });
});

describe('plan review of a sequence', () => {
  it("lists every step of a contact's sequence under their name, with the variant each step uses", async () => {
    const base = plan().items[0];
    const items = [
      { ...base, step: 0, variant: 'B' },
      { ...base, step: 1, variant: 'A', plannedAt: '2026-12-04T09:00:00.000-05:00', estimatedCostUsd: 0.0079 },
      { ...plan().items[1], step: 0 },
      { ...plan().items[1], step: 1 },
    ];
    installFakeApi({ [`GET ${BASE}/plan`]: () => json(200, plan({ items })) });
    renderWithProviders(<PlanReview campaignId={CAMPAIGN_ID} strategies={[savedSequence()]} />);

    await screen.findByTestId('plan-contacts');
    const rows = within(screen.getByRole('table', { name: 'Plan per contact' })).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell').map((c) => c.textContent))).toEqual([
      ['Maria Gonzalez', 'SMS · step 1 of 2', 'B', 'Dec 1, 2026, 9:00 AM (America/New_York)', '$0.0079', ''],
      ['SMS · step 2 of 2', 'A', 'Dec 4, 2026, 9:00 AM (America/New_York)', '$0.0079', ''],
      ['James Carter', 'SMS · step 1 of 2', 'A', 'Not sent', '—', 'No recorded consent for text messages'],
      ['SMS · step 2 of 2', 'A', 'Not sent', '—', 'No recorded consent for text messages'],
    ]);
    expect(within(rows[0]).getAllByRole('cell')[0].getAttribute('rowspan')).toBe('2');
  });
});
