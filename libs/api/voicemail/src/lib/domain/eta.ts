/** Seconds left at this run's pace; null until something was processed in this run. */
export function etaSeconds(input: { total: number; processed: number; processedAtRunStart: number; runStartedAt: Date | null; now: Date }): number | null {
  const doneThisRun = input.processed - input.processedAtRunStart;
  if (!input.runStartedAt || doneThisRun <= 0) return null;
  const elapsed = (input.now.getTime() - input.runStartedAt.getTime()) / 1000;
  return Math.max(0, Math.round((elapsed / doneThisRun) * (input.total - input.processed)));
}
