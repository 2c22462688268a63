/**
 * On SIGTERM or SIGINT: stop taking work, let what runs finish, close connections, exit 0. If that
 * takes longer than the timeout the process exits 1 rather than hang a deploy.
 */
export function onShutdownSignal(timeoutSeconds: number, close: () => Promise<void>): void {
  let closing = false;
  const handler = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    process.stderr.write(`${signal} received, shutting down\n`);
    setTimeout(() => {
      process.stderr.write(`shutdown took longer than ${timeoutSeconds}s, exiting\n`);
      process.exit(1);
    }, timeoutSeconds * 1000).unref();
    close().then(
      () => process.exit(0),
      (error: Error) => {
        process.stderr.write(`shutdown failed: ${error.message}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', handler);
  process.once('SIGINT', handler);
}
