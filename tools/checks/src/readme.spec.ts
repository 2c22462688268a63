import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../../..');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : filesUnder(path);
    return path.endsWith('.config.ts') ? [path] : [];
  });
}

describe('README', () => {
  const readme = readFileSync(resolve(root, 'README.md'), 'utf8');

  it('documents every environment variable the config classes read', () => {
    // Every config class of every API library (core, channel, import, …).
    const configs = filesUnder(resolve(root, 'libs/api'));
    const variables = configs.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/^\s+([A-Z][A-Z0-9_]+)[!?]?(?::| =)/gm)].map((m) => m[1]));
    expect(variables.length).toBeGreaterThan(10);
    const undocumented = variables.filter((v) => !readme.includes(`\`${v}\``));
    expect(undocumented).toEqual([]);
  });

  it('gives the start and test commands CI and a new user run', () => {
    expect(readme).toContain('npm start');
    expect(readme).toContain('npm test');
    const ci = readFileSync(resolve(root, '.ci/run'), 'utf8');
    // CI runs exactly the README test command (its output may be piped to a log).
    expect(ci).toMatch(/^npm test( |$)/m);
  });
});
