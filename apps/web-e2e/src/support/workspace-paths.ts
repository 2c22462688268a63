import Module from 'node:module';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const WORKSPACE_ROOT = resolve(__dirname, '../../../..');

interface ResolvingModule {
  _resolveFilename(request: string, ...rest: unknown[]): string;
}

/**
 * Jest loads globalSetup with plain `require`, outside its own resolver, so the `@cadence/*` aliases
 * of tsconfig.base.json (used by tools/stack) would not resolve there. This maps them the same way.
 */
export function registerWorkspacePaths(): void {
  const config = JSON.parse(readFileSync(resolve(WORKSPACE_ROOT, 'tsconfig.base.json'), 'utf8')) as {
    compilerOptions: { paths?: Record<string, string[]> };
  };
  const paths = config.compilerOptions.paths ?? {};
  const loader = Module as unknown as ResolvingModule;
  const original = loader._resolveFilename;
  loader._resolveFilename = function resolveWorkspacePath(this: unknown, request: string, ...rest: unknown[]) {
    const target = paths[request]?.[0];
    return original.call(this, target ? resolve(WORKSPACE_ROOT, target) : request, ...rest);
  };
}
