import { ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export type LogMode = 'inherit' | 'silent';

export interface ManagedProcess {
  name: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts a child with its output prefixed by its name, so several processes share one terminal. */
export function startProcess(name: string, command: string, args: string[], env: NodeJS.ProcessEnv, log: LogMode): ManagedProcess {
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const tail: string[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    createInterface({ input: stream }).on('line', (line) => {
      tail.push(line);
      if (tail.length > 40) tail.shift();
      if (log === 'inherit') process.stdout.write(`[${name}] ${line}\n`);
    });
  }
  let stopping = false;
  child.once('exit', (code, signal) => {
    // 143 = ended by our own SIGTERM: that is the normal end of a stop, not a failure.
    if (stopping && (code === 143 || signal === 'SIGTERM')) return;
    if (code !== 0 && code !== null && log === 'silent') process.stderr.write(`[${name}] exited with ${code}:\n${tail.join('\n')}\n`);
    else if (code !== 0 && code !== null) process.stderr.write(`[${name}] exited with ${code ?? signal}\n`);
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const force = setTimeout(() => child.kill('SIGKILL'), 15000);
      child.once('exit', () => {
        clearTimeout(force);
        resolve();
      });
      stopping = true;
      child.kill('SIGTERM');
    });
  return { name, child, stop };
}

export async function waitFor(description: string, check: () => Promise<boolean>, timeoutMs: number, processes: ManagedProcess[] = []): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const dead = processes.find((p) => p.child.exitCode !== null);
    if (dead) throw new Error(`${dead.name} exited with code ${dead.child.exitCode} while waiting for ${description}`);
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${description}`);
}
