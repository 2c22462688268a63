import { textStrategy } from '../../testing/fixtures';
import { sequenceOutline, sequenceSummary } from './sequence-summary';

const base = textStrategy().steps[0].variants[0];
const sequence = textStrategy({
  steps: [
    { delayDays: 0, variants: [{ ...base, weight: 60 }, { ...base, key: 'B', weight: 20 }] },
    { delayDays: 3, variants: [base] },
    { delayDays: 0, variants: [base] },
  ],
});

describe('sequence summary', () => {
  it('says nothing about a single message', () => {
    expect(sequenceSummary(textStrategy())).toBe('');
    expect(sequenceOutline(textStrategy())).toBe('');
  });

  it('sums up the steps, their timing and the A/B split', () => {
    expect(sequenceSummary(sequence)).toBe('3 steps over 3 days, A/B on step 1');
    expect(sequenceOutline(sequence)).toBe('Step 1 at launch (A 75% / B 25%) → step 2 after 3 days → step 3 the same day');
  });
});
