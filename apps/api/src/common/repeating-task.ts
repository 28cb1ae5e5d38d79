/**
 * A task each API instance runs at start-up and then every `seconds` (0: never), one run at a time: a
 * tick that comes while the last run is still going is skipped. `stop()` clears the timer and waits for
 * the run under way, so shutdown never cuts a transaction short. The timer does not keep the process up.
 */
export class RepeatingTask {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    private readonly task: () => Promise<unknown>,
    private readonly onError: (error: unknown) => void,
  ) {}

  start(seconds: number): void {
    if (seconds === 0) return;
    const tick = () => {
      this.running ??= this.task()
        .catch(this.onError)
        .finally(() => (this.running = undefined));
    };
    tick();
    this.timer = setInterval(tick, seconds * 1000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
