/** A repeating background task whose period can change at run time (setParameter ttlMonitorSleepSecs). */
export class Housekeeping {
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly task: () => void,
    private period: number,
  ) {
    this.schedule();
  }

  get periodMs(): number {
    return this.period;
  }

  set periodMs(value: number) {
    this.period = value;
    this.schedule();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    this.stop();
    this.timer = setInterval(this.task, this.period);
    this.timer.unref();
  }
}
