import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, startStack } from '../stack/start-stack';

/**
 * `npm start`: builds what changed (Nx caches the rest), then runs MongoDB, Redis, the API, the
 * worker and the SPA together until Ctrl-C.
 */
async function main(): Promise<void> {
  const started = Date.now();
  const build = spawnSync(process.execPath, [require.resolve('nx/bin/nx', { paths: [ROOT] }), 'run-many', '-t', 'build', '-p', 'api', 'worker', 'web', '--output-style=static'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NX_DAEMON: 'false', NX_TUI: 'false', NX_NO_CLOUD: 'true' },
  });
  if (build.status !== 0) process.exit(build.status ?? 1);

  const stack = await startStack({ log: 'inherit' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    [
      '',
      `Cadence is running (ready in ${seconds} s):`,
      `  App        ${stack.webUrl}`,
      `  API        ${stack.apiUrl}/api`,
      `  API docs   ${stack.apiUrl}/api/docs`,
      `  Queues     ${stack.apiUrl}/api/admin/queues (admins)`,
      `  MongoDB    ${stack.mongoUrl}`,
      `  Redis      ${stack.redisUrl}`,
      'Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );

  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    process.stdout.write('\nStopping…\n');
    stack.stop().then(() => process.exit(0), () => process.exit(1));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error: Error) => {
  process.stderr.write(`npm start failed: ${error.message}\n`);
  process.exit(1);
});
