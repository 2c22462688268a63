export const WIZARD_STEPS = [
  { key: 'basics', label: 'Basics' },
  { key: 'contacts', label: 'Contacts' },
  { key: 'strategies', label: 'Channels' },
  { key: 'configure', label: 'Messages' },
  { key: 'schedule', label: 'Schedule & budget' },
  { key: 'review', label: 'Review & launch' },
] as const;

export type WizardStep = (typeof WIZARD_STEPS)[number]['key'];

export function stepIndex(step: WizardStep): number {
  return WIZARD_STEPS.findIndex((s) => s.key === step);
}

export function readStep(value: string | null): WizardStep {
  return WIZARD_STEPS.find((s) => s.key === value)?.key ?? 'contacts';
}
