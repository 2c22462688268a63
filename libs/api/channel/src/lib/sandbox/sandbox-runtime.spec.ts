import { ManualSandboxScheduler, TimerSandboxScheduler } from './sandbox-runtime';

describe('sandbox schedulers', () => {
  it('runs timed tasks after their delay, and drops pending ones at shutdown', async () => {
    const scheduler = new TimerSandboxScheduler();
    const ran: string[] = [];
    scheduler.schedule(10, async () => void ran.push('soon'));
    scheduler.schedule(10_000, async () => void ran.push('late'));
    await scheduler.sleep(50);
    scheduler.onModuleDestroy();
    expect(ran).toEqual(['soon']);
  });

  it('runs virtual time in due order, including tasks scheduled by tasks, and reports the time', async () => {
    const seen: number[] = [];
    const scheduler = new ManualSandboxScheduler((elapsed) => seen.push(elapsed));
    const ran: string[] = [];
    scheduler.schedule(300, async () => void ran.push('c'));
    scheduler.schedule(100, async () => {
      ran.push('a');
      scheduler.schedule(100, async () => void ran.push('b'));
    });
    await scheduler.advance(150);
    expect(ran).toEqual(['a']);
    expect(scheduler.pending).toBe(2);
    await scheduler.runAll();
    expect(ran).toEqual(['a', 'b', 'c']);
    expect(seen).toEqual([100, 150, 200, 300]);
  });
});
