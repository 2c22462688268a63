export default async function globalTeardown(): Promise<void> {
  await globalThis.__CADENCE_E2E_STACK__?.stop();
  globalThis.__CADENCE_E2E_STACK__ = undefined;
}
