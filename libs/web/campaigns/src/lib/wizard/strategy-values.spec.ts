import { ApiError } from '@cadence/web-api-client';
import { textStrategy } from '../../testing/fixtures';
import { strategyErrorsOf } from './strategy-api-errors';
import type { StrategyValues } from './strategy-values';
import { addStep, addVariant, evenWeights, moveStep, removeStep, removeVariant, sharesOf, strategyRequestOf, strategyValuesOf, timingOf, updateVariant, validateStrategy } from './strategy-values';
import { hasErrors } from './wizard-validation';

const withBody = (values: StrategyValues, step: number, variant: number, body: string) => updateVariant(values, step, variant, { ...values.steps[step].variants[variant], body });

describe('strategy values', () => {
  it('refuses an empty text and unknown merge fields before the API does', () => {
    const empty = strategyValuesOf('text', undefined);
    expect(validateStrategy('text', empty)['steps.0.variants.0.body']).toBe('Write the text message.');
    expect(validateStrategy('text', withBody(empty, 0, 0, 'Hi {{frstName}}'))['steps.0.variants.0.body']).toMatch(/^Unknown merge field: \{\{frstName\}\}/);
    expect(hasErrors(validateStrategy('text', withBody(empty, 0, 0, 'Hi {{firstName|there}}')))).toBe(false);
  });

  it('asks an email for the sender, postal address, subject, HTML and text', () => {
    const errors = validateStrategy('email', { ...strategyValuesOf('email', undefined), fromEmail: 'not-an-email', postalAddress: 'PO' });
    expect(Object.keys(errors).filter((k) => errors[k])).toEqual([
      'fromName',
      'fromEmail',
      'postalAddress',
      'steps.0.variants.0.subject',
      'steps.0.variants.0.html',
      'steps.0.variants.0.text',
    ]);
  });

  it('holds a text-to-speech script to 1,200 characters', () => {
    const values = strategyValuesOf('voicemail', undefined);
    const long = updateVariant(values, 0, 0, { ...values.steps[0].variants[0], voiceId: 'v1', ttsBody: 'a'.repeat(1201) });
    expect(validateStrategy('voicemail', long)['steps.0.variants.0.ttsBody']).toBe('Drop Cowboy reads at most 1,200 characters.');
    const fits = updateVariant(long, 0, 0, { ...long.steps[0].variants[0], ttsBody: 'a'.repeat(1200) });
    expect(validateStrategy('voicemail', fits)['steps.0.variants.0.ttsBody']).toBeUndefined();
  });

  it('builds a one-step strategy with weight 1 and the email sender only for email', () => {
    expect(strategyRequestOf('text', withBody(strategyValuesOf('text', undefined), 0, 0, 'Hi'))).toEqual({
      type: 'text',
      name: 'Text message',
      steps: [{ delayDays: 0, variants: [{ key: 'A', weight: 1, body: 'Hi' }] }],
    });
    const email = strategyRequestOf('email', { ...strategyValuesOf('email', undefined), fromName: ' Jane ', fromEmail: 'jane@x.com', postalAddress: '1 Main St' });
    expect(email.emailSender).toEqual({ fromName: 'Jane', fromEmail: 'jane@x.com', replyTo: null, postalAddress: '1 Main St' });
  });

  it('adds a follow-up three days later and a variant B that splits the contacts evenly', () => {
    let values = withBody(strategyValuesOf('text', undefined), 0, 0, 'Hi');
    values = addStep(values);
    values = withBody(values, 1, 0, 'Still thinking of selling?');
    values = addVariant(values, 0);
    values = withBody(values, 0, 1, 'Hello');
    expect(values.steps[0].variants.map((v) => `${v.key}:${v.weight}`)).toEqual(['A:50', 'B:50']);
    expect(strategyRequestOf('text', values).steps).toEqual([
      { delayDays: 0, variants: [{ key: 'A', weight: 50, body: 'Hi' }, { key: 'B', weight: 50, body: 'Hello' }] },
      { delayDays: 3, variants: [{ key: 'A', weight: 1, body: 'Still thinking of selling?' }] },
    ]);
    expect(evenWeights(3)).toEqual([34, 33, 33]);
  });

  it('keeps the letters of the remaining variants and the next free letter for a new one', () => {
    let values = addVariant(addVariant(strategyValuesOf('text', undefined), 0), 0);
    values = removeVariant(values, 0, 1);
    expect(values.steps[0].variants.map((v) => `${v.key}:${v.weight}`)).toEqual(['A:50', 'C:50']);
    expect(addVariant(values, 0).steps[0].variants.map((v) => v.key)).toEqual(['A', 'C', 'B']);
  });

  it('shows relative weights as the share of contacts they amount to', () => {
    const values = addVariant(strategyValuesOf('text', undefined), 0);
    const variants = values.steps[0].variants.map((v, i) => ({ ...v, weight: ['60', '20'][i] }));
    expect(sharesOf(variants)).toEqual([75, 25]);
    expect(sharesOf([{ ...variants[0], weight: '' }, variants[1]])).toEqual([null, null]);
  });

  it('refuses a weight or a delay the API would refuse, on the field', () => {
    let values = addStep(addVariant(strategyValuesOf('text', undefined), 0));
    values = updateVariant(values, 0, 1, { ...values.steps[0].variants[1], weight: '0' });
    values = { ...values, steps: values.steps.map((s, i) => (i === 1 ? { ...s, delayDays: '400' } : s)) };
    const errors = validateStrategy('text', values);
    expect(errors['steps.0.variants.1.weight']).toBe('A whole number from 1 to 100.');
    expect(errors['steps.0.variants.0.weight']).toBeUndefined();
    expect(errors['steps.1.delayDays']).toBe('A whole number of days from 0 to 365.');
  });

  it('moves messages between steps while the timeline stays put', () => {
    let values = addStep(withBody(strategyValuesOf('text', undefined), 0, 0, 'First'));
    values = withBody(values, 1, 0, 'Second');
    const moved = moveStep(values, 1, -1);
    expect(moved.steps.map((s) => `${s.delayDays}:${s.variants[0].body}`)).toEqual(['0:Second', '3:First']);
    expect(removeStep(values, 0).steps.map((s) => `${s.delayDays}:${s.variants[0].body}`)).toEqual(['0:Second']);
  });

  it('says when each step goes', () => {
    expect(timingOf(0, '0')).toBe('sent at launch');
    expect(timingOf(1, '3')).toBe('3 days after step 1');
    expect(timingOf(2, '1')).toBe('1 day after step 2');
    expect(timingOf(1, '0')).toBe('the same day as step 1');
  });

  it('reads a saved sequence back', () => {
    const saved = textStrategy({
      steps: [
        { ...textStrategy().steps[0], variants: [{ ...textStrategy().steps[0].variants[0], weight: 70 }, { ...textStrategy().steps[0].variants[0], key: 'B', weight: 30, body: 'B body' }] },
        { delayDays: 5, variants: [{ ...textStrategy().steps[0].variants[0], body: 'Later' }] },
      ],
    });
    const values = strategyValuesOf('text', saved);
    expect(values.steps.map((s) => [s.delayDays, s.variants.map((v) => `${v.key}:${v.weight}`)])).toEqual([
      ['0', ['A:70', 'B:30']],
      ['5', ['A:1']],
    ]);
  });

  it("places the API's refusals on the fields they are about", () => {
    const values = addStep(addVariant(strategyValuesOf('text', undefined), 0));
    const validation = new ApiError(400, 'VALIDATION_FAILED', 'x', [
      { field: 'steps.1.delayDays', messages: ['delayDays must not be greater than 365'] },
      { field: 'emailSender.fromEmail', messages: ['fromEmail must be an email'] },
    ]);
    expect(strategyErrorsOf(validation, values)).toEqual({ 'steps.1.delayDays': 'delayDays must not be greater than 365', fromEmail: 'fromEmail must be an email' });

    const unknown = new ApiError(400, 'STRATEGY_UNKNOWN_MERGE_FIELD', 'x', { fields: ['agentCell'], occurrences: [{ step: 0, variant: 'B', part: 'body', name: 'agentCell', suggestion: 'agentPhone' }] });
    expect(strategyErrorsOf(unknown, values)).toEqual({ 'steps.0.variants.1.body': 'Unknown merge field: {{agentCell}} (did you mean {{agentPhone}}?).' });

    const invalid = new ApiError(400, 'STRATEGY_INVALID_CONTENT', 'x', { problems: ['step 2 variant A: body is required', 'step 1: variant B appears twice', 'an email strategy needs emailSender'] });
    expect(strategyErrorsOf(invalid, values)).toEqual({ 'steps.1.variants.0.body': 'body is required', 'steps.0.variants': 'variant B appears twice' });
  });
});
