import type { StrategyResponseDto, StrategyStepResponseDto } from '@cadence/web-api-client';

/** "2 steps over 3 days, A/B on step 1"; empty for a single message. */
export function sequenceSummary(strategy: StrategyResponseDto): string {
  const steps = strategy.steps;
  const days = steps.slice(1).reduce((sum, s) => sum + s.delayDays, 0);
  const tested = steps.flatMap((s, i) => (s.variants.length > 1 ? [i + 1] : []));
  const parts = [
    steps.length > 1 ? `${steps.length} steps over ${days} day${days === 1 ? '' : 's'}` : '',
    tested.length > 0 ? `A/B on step${tested.length > 1 ? 's' : ''} ${tested.join(', ')}` : '',
  ];
  return parts.filter(Boolean).join(', ');
}

function variantsOf(step: StrategyStepResponseDto): string {
  if (step.variants.length < 2) return '';
  const total = step.variants.reduce((sum, v) => sum + v.weight, 0);
  return ` (${step.variants.map((v) => `${v.key} ${Math.round((v.weight / total) * 100)}%`).join(' / ')})`;
}

/**
 * Each step with its timing and split, in one line: "Step 1 at launch (A 50% / B 50%) → step 2 after 3 days".
 * Empty for a single message, which needs no outline.
 */
export function sequenceOutline(strategy: StrategyResponseDto): string {
  const steps = strategy.steps;
  if (steps.length < 2 && (steps[0]?.variants.length ?? 0) < 2) return '';
  return steps
    .map((step, i) => {
      const when = step.delayDays ? `after ${step.delayDays} day${step.delayDays === 1 ? '' : 's'}` : i === 0 ? 'at launch' : 'the same day';
      return `${i === 0 ? 'Step' : 'step'} ${i + 1} ${when}${variantsOf(step)}`;
    })
    .join(' → ');
}
