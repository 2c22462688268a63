import { checkCompliance, enforceCompliance, SenderIdentity } from './compliance';
import { fillTemplate, ScriptFields, ScriptTemplateKind } from './script-templates';

const sender: SenderIdentity = { agentName: 'Dana Reyes', brokerage: 'Desert Sun Realty', callbackNumber: '(760) 555-0142', optOutNumber: '1-800-555-0199' };

function fields(overrides: Partial<ScriptFields['contact']> = {}): ScriptFields {
  return {
    sender,
    contact: { firstName: 'Maria', lastName: 'Lopez', propertyAddress: '74 Palm Drive', city: 'Palm Desert', listingStatus: 'expired', daysOnMarket: 94, estimatedEquity: 420_000, saleYear: 2019, ...overrides },
    campaign: { name: 'PDCC Expireds', type: 'neighborhood_expireds', neighborhood: 'PDCC' },
  };
}

describe('offline templates', () => {
  const sparse = { propertyAddress: null, city: null, daysOnMarket: null, estimatedEquity: null, saleYear: null, firstName: '' };
  it.each(Object.values(ScriptTemplateKind))('%s names agent and brokerage, gives the callback number and opt-out, 75–115 words', (kind) => {
    for (const f of [fields(), fields(sparse)]) {
      const script = fillTemplate(kind, f);
      expect(checkCompliance(script, sender)).toEqual({ ok: true, problems: [] });
      expect(script.startsWith('Hi ')).toBe(true);
    }
  });
});

describe('compliance', () => {
  it('names each missing element', () => {
    expect(checkCompliance('Hi Maria, just checking in about your home.', sender).problems).toEqual(['agent_name_missing', 'brokerage_missing', 'callback_number_missing', 'opt_out_missing', 'too_short']);
  });

  it('recognises a callback number written differently', () => {
    const text = `${fillTemplate(ScriptTemplateKind.Prospecting, fields())}`.replace('(760) 555-0142', '760.555.0142');
    expect(checkCompliance(text, sender).problems).not.toContain('callback_number_missing');
  });

  it('adds identity, callback number and opt-out line when an LLM left them out, and then passes', () => {
    const bare =
      'Hi Maria, I noticed your home on Palm Drive came off the market after ninety four days, and I know how frustrating that can be. I work a lot in the neighborhood and have a few specific ideas on pricing and marketing that have helped similar homes sell quickly. I would love to share them with you.';
    const fixed = enforceCompliance(bare, sender);
    expect(fixed).toMatch(/^This is Dana Reyes with Desert Sun Realty\./);
    expect(fixed).toContain('(760) 555-0142');
    expect(fixed).toContain('call 1-800-555-0199 to opt out');
    expect(checkCompliance(fixed, sender).problems).toEqual([]);
    expect(enforceCompliance(fixed, sender)).toBe(fixed);
  });
});
