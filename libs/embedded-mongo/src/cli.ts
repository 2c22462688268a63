import { startEmbeddedMongo } from './lib/server';

/**
 * `embedded-mongo [--port N] [--host H] [--dbpath DIR]`: prints `embedded-mongo listening <uri>` once it
 * accepts connections (tools parse that line) and stops cleanly on SIGINT/SIGTERM.
 */
function parseArgs(argv: string[]): { port: number; host?: string; dbPath?: string } {
  const args: { port: number; host?: string; dbPath?: string } = { port: 27017 };
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    switch (argv[i]) {
      case '--port':
        args.port = Number(value);
        if (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535) fail(`--port must be 0..65535, got ${value}`);
        i++;
        break;
      case '--host':
      case '--bind_ip':
        args.host = value;
        i++;
        break;
      case '--dbpath':
        args.dbPath = value;
        i++;
        break;
      default:
        fail(`unknown argument ${argv[i]} (expected --port N, --host H, --dbpath DIR)`);
    }
  }
  return args;
}

function fail(message: string): never {
  process.stderr.write(`embedded-mongo: ${message}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const server = await startEmbeddedMongo(args);
  if (server.recovery?.droppedTailBytes) {
    process.stderr.write(`embedded-mongo: dropped a torn journal tail of ${server.recovery.droppedTailBytes} bytes\n`);
  }
  process.stdout.write(`embedded-mongo listening ${server.uri}\n`);
  const shutdown = (): void => {
    server.stop().then(() => process.exit(0), (error: unknown) => {
      process.stderr.write(`embedded-mongo: ${String(error)}\n`);
      process.exit(1);
    });
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
