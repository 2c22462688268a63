import { assertChromiumInstalled } from './chromium';
import { clockOffsetIntoCallingHours } from './calling-hours';
import { registerWorkspacePaths } from './workspace-paths';

declare global {
  var __CADENCE_E2E_STACK__: { stop(): Promise<void> } | undefined;
}

/**
 * Starts the whole stack once for all browser tests (in-memory MongoDB, Redis, the built API and worker,
 * the built SPA with /api proxied) on free ports, so a running development stack does not get in the way.
 * E2E_BASE_URL set by hand skips this and tests a stack that is already running.
 */
export default async function globalSetup(): Promise<void> {
  assertChromiumInstalled();
  if (process.env['E2E_BASE_URL']) return;

  registerWorkspacePaths();
  // tools/stack belongs to no project (it is the workspace's own tooling, shared with `npm start`), so
  // the boundary rule has no tag to check it against; the browser tests are its intended user.
  // eslint-disable-next-line @nx/enforce-module-boundaries
  const { freePort, startStack } = await import('../../../../tools/stack/start-stack');
  // Sends happen only inside legal calling hours; the stack's clock is moved to New York midday when
  // the real hour is outside them, and the tests read the same offset.
  const offset = String(clockOffsetIntoCallingHours(new Date()));
  process.env['E2E_CLOCK_OFFSET_MINUTES'] = offset;
  const stack = await startStack({
    memory: true,
    apiPort: await freePort(),
    webPort: await freePort(),
    serveBuiltWeb: true,
    log: process.env['E2E_STACK_LOG'] === 'inherit' ? 'inherit' : 'silent',
    env: { CLOCK_OFFSET_MINUTES: offset },
  });
  globalThis.__CADENCE_E2E_STACK__ = stack;
  process.env['E2E_BASE_URL'] = stack.webUrl;
  process.env['E2E_API_URL'] = stack.apiUrl;
}
