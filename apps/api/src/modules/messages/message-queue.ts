import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import PgBoss from 'pg-boss';
import type { EntityManager } from 'typeorm';
import { type AppConfig, AppConfigToken } from '../../config/app-config.provider.js';
import { APP_DATABASE_URL } from '../../database/app-database-url.js';
import { MESSAGE_QUEUE, PGBOSS_SCHEMA } from './message-queue.config.js';

export interface SendJob {
  messageId: string;
}

/**
 * The send queue: pg-boss on the API's own database and restricted role. Its tables are made by a
 * migration (`migrate: false` here), so an instance never needs more than read and write on them. A job
 * is queued in the transaction that writes its outbox row (`enqueue` runs on that transaction's
 * connection), so a message and its job land together or not at all. Each instance works the queue;
 * pg-boss hands a job to one of them (SKIP LOCKED) and retries a failed one with backoff.
 */
@Injectable()
export class MessageQueue implements OnApplicationShutdown {
  private readonly logger = new Logger(MessageQueue.name);
  private readonly boss: PgBoss;
  private started: Promise<unknown> | undefined;

  constructor(
    @Inject(AppConfigToken) private readonly config: AppConfig,
    @Inject(APP_DATABASE_URL) databaseUrl: string,
  ) {
    this.boss = new PgBoss({
      connectionString: databaseUrl,
      schema: PGBOSS_SCHEMA,
      max: 2,
      application_name: 'itb-clinic-queue',
      migrate: false,
      schedule: false,
      supervise: true,
    });
    this.boss.on('error', (error: unknown) => this.logger.error({ msg: 'message queue error', error: String(error) }));
  }

  /** Queues one outbox message on the caller's transaction. */
  async enqueue(m: EntityManager, messageId: string): Promise<void> {
    const db = {
      executeSql: async (text: string, values: unknown[]) => ({ rows: (await m.query(text, values)) as unknown[] }),
    };
    await this.boss.send(MESSAGE_QUEUE, { messageId } satisfies SendJob, { db });
  }

  /** Starts this instance's worker: `handle` throws to have pg-boss retry the job later. */
  async work(handle: (job: SendJob) => Promise<void>): Promise<void> {
    this.started ??= this.boss.start();
    await this.started;
    await this.boss.work<SendJob>(
      MESSAGE_QUEUE,
      { pollingIntervalSeconds: this.config.messagePollSeconds, batchSize: 1 },
      async ([job]) => {
        if (job) await handle(job.data);
      },
    );
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.started) return;
    await this.started.catch(() => undefined);
    await this.boss.stop({ graceful: true, wait: true, timeout: 5_000 });
  }
}
