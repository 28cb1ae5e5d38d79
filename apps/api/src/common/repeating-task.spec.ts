import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { RepeatingTask } from './repeating-task.js';

describe('RepeatingTask', () => {
  beforeEach(() => {
    jest.useFakeTimers();
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('runs at start and at each interval, never two runs at once, and stop waits for the run under way', async () => {
    let runs = 0;
    let finish: () => void = () => undefined;
    const task = new RepeatingTask(
      () => {
        runs++;
        return new Promise<void>((resolve) => (finish = resolve));
      },
      () => undefined,
    );
    task.start(60);
    expect(runs).toBe(1);
    jest.advanceTimersByTime(120_000); // two ticks while the first run is still going: skipped
    expect(runs).toBe(1);
    finish();
    await Promise.resolve();
    await Promise.resolve();
    jest.advanceTimersByTime(60_000);
    expect(runs).toBe(2);
    let stopped = false;
    const stopping = task.stop().then(() => (stopped = true));
    await Promise.resolve();
    expect(stopped).toBe(false);
    finish();
    await stopping;
    jest.advanceTimersByTime(600_000);
    expect(runs).toBe(2);
  });

  it('reports a failed run and runs again at the next tick; 0 never runs', async () => {
    const errors: unknown[] = [];
    let runs = 0;
    const failing = new RepeatingTask(
      async () => {
        runs++;
        throw new Error('database down');
      },
      (error) => errors.push(error),
    );
    failing.start(10);
    await jest.advanceTimersByTimeAsync(10_000);
    expect(runs).toBe(2);
    expect(errors.map(String)).toEqual(['Error: database down', 'Error: database down']);
    await failing.stop();

    const never = new RepeatingTask(
      async () => runs++,
      () => undefined,
    );
    never.start(0);
    await jest.advanceTimersByTimeAsync(60_000);
    expect(runs).toBe(2);
  });
});
