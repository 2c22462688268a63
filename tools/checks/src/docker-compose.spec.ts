import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';

const root = resolve(__dirname, '../../..');

function composeConfig(): { services: Record<string, { environment?: Record<string, string>; depends_on?: Record<string, { condition: string }> }> } {
  // Debian's docker-compose validates and renders the file without a Docker engine.
  const out = execFileSync('docker-compose', ['-f', 'docker-compose.yml', 'config'], {
    cwd: root,
    env: { ...process.env, JWT_SECRET: 'x'.repeat(32) },
    encoding: 'utf8',
  });
  return parse(out);
}

describe('docker-compose.yml', () => {
  it('is valid for docker-compose', () => {
    expect(() =>
      execFileSync('docker-compose', ['-f', 'docker-compose.yml', 'config', '-q'], { cwd: root, env: { ...process.env, JWT_SECRET: 'x'.repeat(32) }, stdio: 'pipe' }),
    ).not.toThrow();
  });

  it('refuses to render without a JWT secret', () => {
    const env = { ...process.env };
    delete env['JWT_SECRET'];
    expect(() => execFileSync('docker-compose', ['-f', 'docker-compose.yml', 'config', '-q'], { cwd: root, env, stdio: 'pipe' })).toThrow();
  });

  it('has every service the README names, with MongoDB and Redis gating the app', () => {
    const { services } = composeConfig();
    const readme = readFileSync(resolve(root, 'README.md'), 'utf8');
    const named = [...readme.matchAll(/compose\s+service\s+`([a-z-]+)`/g)].map((m) => m[1]);
    expect(named.sort()).toEqual(['api', 'mongo', 'redis', 'web', 'worker']);
    for (const name of named) expect(services[name]).toBeDefined();
    for (const app of ['api', 'worker']) {
      expect(services[app].depends_on?.['mongo']?.condition).toBe('service_healthy');
      expect(services[app].environment?.['MONGODB_URI']).toBe('mongodb://mongo:27017/cadence');
    }
  });

  it('builds non-root, multi-stage images', () => {
    const dockerfile = readFileSync(resolve(root, 'docker/Dockerfile'), 'utf8');
    expect(dockerfile.match(/^FROM /gm)?.length).toBeGreaterThan(3);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/nginx-unprivileged/);
  });
});
