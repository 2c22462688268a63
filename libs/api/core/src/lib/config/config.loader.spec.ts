import { AuthConfig } from './auth.config';
import { AppConfig } from './app.config';
import { loadConfig } from './config.loader';
import { validateAllConfig } from './config.module';

const secret = 'x'.repeat(32);

describe('loadConfig', () => {
  it('applies defaults and converts numbers', () => {
    const config = loadConfig(AppConfig, { PORT: '8080' });
    expect(config.PORT).toBe(8080);
    expect(config.WEB_ORIGIN).toBe('http://localhost:4200');
  });

  it('names the variable that is missing', () => {
    expect(() => loadConfig(AuthConfig, {})).toThrow(/JWT_SECRET \(missing\)/);
  });

  it('names a variable with a bad value and what it got', () => {
    expect(() => loadConfig(AppConfig, { PORT: 'eighty' })).toThrow(/PORT \(got "NaN"\)|PORT \(got "eighty"\)/);
    expect(() => loadConfig(AuthConfig, { JWT_SECRET: 'short' })).toThrow(/JWT_SECRET .*longer than or equal to 32/);
    expect(() => loadConfig(AppConfig, { LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL \(got "loud"\)/);
  });

  it('reads the admin list', () => {
    expect(loadConfig(AuthConfig, { JWT_SECRET: secret, ADMIN_EMAILS: 'A@x.io, b@y.io' }).adminEmails()).toEqual(['a@x.io', 'b@y.io']);
    expect(() => loadConfig(AuthConfig, { JWT_SECRET: secret, ADMIN_EMAILS: 'not an email' })).toThrow(/ADMIN_EMAILS/);
  });

  it('reports every bad variable of every concern at once', () => {
    expect(() => validateAllConfig({ PORT: '70000', MONGODB_URI: 'postgres://x', REDIS_URL: 'http://x' })).toThrow(
      /PORT.*MONGODB_URI.*REDIS_URL.*JWT_SECRET/,
    );
    expect(() => validateAllConfig({ JWT_SECRET: secret })).not.toThrow();
  });
});
