import { Clock } from './clock';

describe('Clock', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('runs on the real time by default', () => {
    delete process.env['CLOCK_OFFSET_MINUTES'];
    expect(Math.abs(new Clock().now().getTime() - Date.now())).toBeLessThan(1000);
  });

  it('moves "now" by CLOCK_OFFSET_MINUTES so demos and browser tests can sit inside calling hours', () => {
    process.env['CLOCK_OFFSET_MINUTES'] = '90';
    const shift = new Clock().now().getTime() - Date.now();
    expect(shift).toBeGreaterThan(90 * 60_000 - 1000);
    expect(shift).toBeLessThan(90 * 60_000 + 1000);
  });

  it('refuses an offset in production', () => {
    process.env['CLOCK_OFFSET_MINUTES'] = '60';
    process.env['NODE_ENV'] = 'production';
    expect(() => new Clock()).toThrow(/production/);
  });
});
