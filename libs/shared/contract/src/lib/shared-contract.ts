export function sharedContract(): string {
  return 'shared-contract';
}
