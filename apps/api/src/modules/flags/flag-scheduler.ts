import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { RepeatingTask } from '../../common/repeating-task.js';
import { type AppConfig, AppConfigToken } from '../../config/app-config.provider.js';
import { type EvaluationResult, FlagEvaluator } from './flag-evaluator.js';

export const FLAG_EVALUATION_JOB = 'flag-evaluation';
const TICK_MS = 3_600_000;

/** The hour a moment belongs to: the tick the scheduled pass for that moment is filed under. */
export const tickOf = (now: Date) => new Date(Math.floor(now.getTime() / TICK_MS) * TICK_MS);

/**
 * The hourly evaluation of every pump, safe with several API instances. Each instance checks every
 * minute whether the current hour's tick has run; claiming it inserts the (job, tick) row in a
 * transaction held for the whole pass. A second instance's insert waits on that row and then finds it
 * taken, so a tick runs once; a crash rolls the claim back and another instance takes it (the pass's
 * batches commit on their own, each whole: the retry writes only what is still different).
 * After downtime the first check runs the current hour's tick: the rules read state, not events, so
 * one pass raises every flag that came due while nothing ran.
 */
@Injectable()
export class FlagScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(FlagScheduler.name);
  private readonly instance = randomUUID();
  private readonly repeating = new RepeatingTask(
    () => this.runDueTick(),
    (error) => this.logger.error({ msg: 'scheduled flag evaluation failed', error: String(error) }),
  );

  constructor(
    private readonly dataSource: DataSource,
    private readonly evaluator: FlagEvaluator,
    private readonly clock: Clock,
    @Inject(AppConfigToken) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.repeating.start(this.config.flagCheckIntervalSeconds);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.repeating.stop();
  }

  /** Runs the current hour's evaluation unless an instance already has; null when it was taken. */
  async runDueTick(): Promise<EvaluationResult | null> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (m) => {
      const claimed = (await m.query(
        `INSERT INTO job_ticks (job, tick_at, instance) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING tick_at`,
        [FLAG_EVALUATION_JOB, tickOf(now), this.instance],
      )) as unknown[];
      if (claimed.length === 0) return null;
      const result = await this.evaluator.evaluateAll(m, now, {
        actorId: null,
        reason: 'Condition cleared (hourly check)',
      });
      await m.query(
        `UPDATE job_ticks SET finished_at = clock_timestamp(), pumps_evaluated = $3, flags_raised = $4, flags_resolved = $5
         WHERE job = $1 AND tick_at = $2`,
        [FLAG_EVALUATION_JOB, tickOf(now), result.pumpsEvaluated, result.raised + result.escalated, result.resolved],
      );
      if (result.raised + result.escalated + result.resolved > 0) {
        this.logger.log({ msg: 'flags evaluated', tick: tickOf(now).toISOString(), ...result });
      }
      return result;
    });
  }
}
