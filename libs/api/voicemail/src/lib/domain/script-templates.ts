import { optOutLine, SenderIdentity } from './compliance';

export enum ScriptTemplateKind {
  SphereOfInfluence = 'sphere_of_influence',
  PastClients = 'past_clients',
  NeighborhoodExpireds = 'neighborhood_expireds',
  HighEquity = 'high_equity',
  Prospecting = 'prospecting',
  FollowUp = 'follow_up',
}

/** Everything a script may mention about one contact and campaign. */
export interface ScriptFields {
  sender: SenderIdentity;
  contact: {
    firstName: string;
    lastName: string;
    propertyAddress: string | null;
    city: string | null;
    listingStatus: string | null;
    daysOnMarket: number | null;
    estimatedEquity: number | null;
    saleYear: number | null;
  };
  campaign: { name: string; type: string; neighborhood: string | null };
}

interface TemplateDefinition {
  label: string;
  /** What the LLM is asked to do for this kind of list. */
  guidance: string;
  /** The offline writer's script body between the greeting and the callback line. */
  body: (f: ScriptFields) => string;
}

const place = (f: ScriptFields) => f.contact.propertyAddress ?? (f.contact.city ? `your home in ${f.contact.city}` : 'your home');
const area = (f: ScriptFields) => f.campaign.neighborhood ?? f.contact.city ?? 'your neighborhood';
const money = (n: number) => (n >= 1_000_000 ? `${(n / 1_000_000).toFixed(1).replace(/\.0$/, '')} million dollars` : `${Math.round(n / 1000)} thousand dollars`);

export const SCRIPT_TEMPLATES: Record<ScriptTemplateKind, TemplateDefinition> = {
  [ScriptTemplateKind.SphereOfInfluence]: {
    label: 'Sphere of influence',
    guidance: 'The contact knows the agent personally. Sound like a friend checking in, mention the local market briefly, and ask them to think of the agent if anyone they know is buying or selling.',
    body: (f) =>
      `I was just thinking about you and wanted to check in and see how everything is going. The market around ${area(f)} has been moving quite a bit lately, and I have been helping a few friends make sense of it. If you or anyone you know is even thinking about buying or selling this year, I would be really glad to help or just answer a quick question.`,
  },
  [ScriptTemplateKind.PastClients]: {
    label: 'Past clients',
    guidance: 'The agent helped the contact buy or sell before. Thank them, reference their home, offer a free updated value estimate, and ask for referrals softly.',
    body: (f) =>
      `It has been a while since we worked together${f.contact.saleYear ? ` back in ${f.contact.saleYear}` : ''}, and I hope you are still enjoying ${place(f)}. Homes nearby have changed in value, so I would be happy to put together a free updated estimate for you, no strings attached. And if a friend or neighbor ever needs help, I would be honored if you passed my name along.`,
  },
  [ScriptTemplateKind.NeighborhoodExpireds]: {
    label: 'Neighborhood expireds',
    guidance: 'The contact\'s listing expired without selling. Be empathetic, mention the property and days on market if known, and offer a different approach without criticising the previous agent.',
    body: (f) =>
      `I noticed that the listing for ${place(f)} came off the market${f.contact.daysOnMarket ? ` after ${f.contact.daysOnMarket} days` : ''}, and I know how frustrating that can be. I work a lot in ${area(f)}, and I have a few specific ideas on pricing and marketing that have helped similar homes sell. If you still want to move, I would love to share them with you, with no pressure at all.`,
  },
  [ScriptTemplateKind.HighEquity]: {
    label: 'High equity',
    guidance: 'The contact has owned their home a long time and has substantial equity. Explain that equity creates options (move up, downsize, invest) and offer a quick, free equity review.',
    body: (f) =>
      `Homes like ${place(f)} have gained a lot of value over the years${f.contact.estimatedEquity ? `, and yours may have around ${money(f.contact.estimatedEquity)} in equity` : ''}. That can open up real options, whether that means moving up, downsizing, or simply planning ahead. I put together short equity reviews for owners in ${area(f)}, and I would be glad to walk you through yours for free whenever it suits you.`,
  },
  [ScriptTemplateKind.Prospecting]: {
    label: 'Prospecting',
    guidance: 'A cold introduction to a homeowner in the agent\'s farm area. Introduce the agent, share one relevant market fact, and offer a free home valuation.',
    body: (f) =>
      `I specialize in homes around ${area(f)}, and I am reaching out to a few owners near ${place(f)} because buyers are actively asking about your area right now. If you have ever wondered what your home might sell for in today's market, I would be happy to prepare a free, no obligation valuation for you. It only takes a few minutes of your time.`,
  },
  [ScriptTemplateKind.FollowUp]: {
    label: 'Follow-up',
    guidance: 'A second touch after an earlier message or conversation. Reference the previous contact briefly, add one new piece of value, and invite a reply.',
    body: (f) =>
      `I am following up on my earlier message about ${place(f)}. Since then I have seen a couple of new sales nearby that may interest you, and I put together a short summary of what they could mean for your home. I would be glad to send it over or talk it through whenever you have a few minutes this week.`,
  },
};

/** The offline writer: our own template, filled in, with the compliance lines in place. */
export function fillTemplate(kind: ScriptTemplateKind, f: ScriptFields): string {
  const s = f.sender;
  const greeting = `Hi ${f.contact.firstName || 'there'}, this is ${s.agentName} with ${s.brokerage}.`;
  const callback = `Give me a call back at ${s.callbackNumber} whenever it is convenient.`;
  return `${greeting} ${SCRIPT_TEMPLATES[kind].body(f)} ${callback} ${optOutLine(s)}`;
}

export const SYSTEM_PROMPT =
  'You write voicemail scripts for real estate agents. Answer with the script text only: no title, no quotes, no markdown, no stage directions, no notes.';

/** The user message sent to the LLM (seed 004's prompt plus the compliance and length rules). */
export function buildPrompt(kind: ScriptTemplateKind, f: ScriptFields, customPrompt?: string | null): string {
  const c = f.contact;
  const s = f.sender;
  const lines = [
    "You are creating a personalized voicemail script for a real estate agent's campaign.",
    '',
    'Agent Information:',
    `- Name: ${s.agentName}`,
    `- Brokerage: ${s.brokerage}`,
    `- Phone: ${s.callbackNumber}`,
    '',
    'Contact Information:',
    `- Name: ${`${c.firstName} ${c.lastName}`.trim() || 'unknown'}`,
    `- Property Address: ${c.propertyAddress ?? 'unknown'}`,
    `- City: ${c.city ?? 'unknown'}`,
    `- Listing Status: ${c.listingStatus ?? 'unknown'}`,
    `- Days on Market: ${c.daysOnMarket ?? 'unknown'}`,
    ...(c.estimatedEquity ? [`- Estimated Equity: ${c.estimatedEquity}`] : []),
    '',
    `Campaign: ${f.campaign.name} (${SCRIPT_TEMPLATES[kind].label}${f.campaign.neighborhood ? `, neighborhood ${f.campaign.neighborhood}` : ''})`,
    `Approach: ${SCRIPT_TEMPLATES[kind].guidance}`,
    '',
    'Create a natural, conversational 30-45 second voicemail script (75 to 115 words) that:',
    `1. Starts by saying it is ${s.agentName} with ${s.brokerage}`,
    '2. References the specific property or situation',
    '3. Provides a clear value proposition',
    `4. Gives the callback number ${s.callbackNumber}`,
    `5. Ends with exactly this opt-out sentence: "${optOutLine(s)}"`,
    '6. Sounds human and authentic (not salesy)',
    ...(customPrompt?.trim() ? ['', `Additional instructions from the agent: ${customPrompt.trim()}`] : []),
    '',
    'Return only the script text, no additional formatting or meta-commentary.',
  ];
  return lines.join('\n');
}
