import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The workspace root, where the benchmarks run the built apps and the embedded server from. */
export const WORKSPACE = resolve(__dirname, '../../..');

/** The value below which p percent of the values fall (nearest rank). */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Peak resident set size of a process (VmHWM), in MB. */
export function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

/**
 * The embedded server in a process of its own, as a real mongod would be: in the benchmark's process
 * its work would stall the event loop that measures. `nodeArgs` (e.g. --cpu-prof) profile it.
 */
export function startEmbeddedMongoProcess(nodeArgs: string[] = []): Promise<{ uri: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, [...nodeArgs, '-r', '@swc-node/register', 'libs/embedded-mongo/src/cli.ts', '--port', '0'], {
    cwd: WORKSPACE,
    env: { ...process.env, SWC_NODE_PROJECT: 'tools/tsconfig.tools.json' },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const stop = () => new Promise<void>((done) => (child.exitCode !== null ? done() : (child.once('exit', () => done()), child.kill('SIGTERM'))));
  return new Promise((ready, fail) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /embedded-mongo listening (\S+)/.exec(output);
      if (match) ready({ uri: match[1], stop });
    });
    child.once('exit', (code) => fail(new Error(`embedded-mongo exited with ${code}`)));
  });
}
