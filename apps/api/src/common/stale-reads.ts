import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager, type QueryRunner } from 'typeorm';
import { isDatabaseUnavailable } from './database-unavailable.js';
import { requestContext } from './request-context.js';

/** After a replica could not be reached, stale reads go to the primary for this long before trying again. */
export const REPLICA_RETRY_MS = 30_000;

/** A standby cancelled the statement to apply WAL it conflicted with (40001), or broke a lock for it (40P01). */
const RECOVERY_CONFLICT_STATES = new Set(['40001', '40P01']);

const sqlStateOf = (error: unknown): string | undefined =>
  (error as { driverError?: { code?: string }; code?: string }).driverError?.code ?? (error as { code?: string }).code;

/**
 * The moment a read's data is as of: `now()` on the primary; on a standby, the commit time of the last
 * transaction it replayed, when that is earlier (what it shows is the primary's state at that commit).
 * The refill queue's cursor keeps it, so a later page knows which pumps changed after the first.
 */
export const SNAPSHOT_TIME_SQL =
  '(CASE WHEN pg_is_in_recovery() THEN least(now(), pg_last_xact_replay_timestamp()) ELSE now() END)';

/**
 * Runs independent reads together on the primary's pool (a connection each), or one after another on
 * a single connection (a replica's: node-postgres would only queue them, and is dropping that).
 */
export async function readAll<T extends readonly (() => Promise<unknown>)[]>(
  m: EntityManager,
  reads: T,
): Promise<{ -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
  type Results = { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> };
  if (!m.queryRunner) return (await Promise.all(reads.map((read) => read()))) as Results;
  const results: unknown[] = [];
  for (const read of reads) results.push(await read());
  return results as Results;
}

/**
 * The seam for reads that may be a moment old: the refill queue, the overdue report and its patient
 * lists, a patient's timeline, patient search. With DATABASE_REPLICA_URLS, `run` hands the read an
 * EntityManager on one connection to a read replica (TypeORM's 'slave' query runner), released when the
 * read ends; without replicas it hands over the primary's manager, exactly as before.
 *
 * Everything else stays on the primary: writes, every read inside a write (a write's answer is built
 * from its own transaction), sessions, and the hourly flag pass. A read that must see what the user
 * just wrote does not come here; and a client that wrote within the last minute reads here only from a
 * replica that has replayed its write (read-your-writes.interceptor.ts), else from the primary.
 *
 * A replica that cannot be reached (refused, timed out, shut down) sends the read to the primary, and
 * the next REPLICA_RETRY_MS of stale reads with it; a statement a standby cancelled for a recovery
 * conflict is read again on the primary. The reads are plain SELECTs, so reading again is safe.
 */
@Injectable()
export class StaleReads {
  private readonly logger = new Logger(StaleReads.name);
  private primaryOnlyUntil = 0;

  constructor(private readonly dataSource: DataSource) {}

  /** True when at least one replica was configured and reachable at start-up. */
  get hasReplicas(): boolean {
    // PostgresDriver's replication state: the replicas' pools, made when the data source started.
    const driver = this.dataSource.driver as unknown as { isReplicated: boolean; slaves: unknown[] };
    return driver.isReplicated && driver.slaves.length > 0;
  }

  /**
   * `asOf`: the moment an earlier page of the same list was read as of (a cursor's); a replica that
   * has not replayed that far is passed over for the primary, so a later page never goes back in time.
   */
  async run<T>(read: (m: EntityManager) => Promise<T>, options: { asOf?: string } = {}): Promise<T> {
    if (!this.hasReplicas || Date.now() < this.primaryOnlyUntil) return read(this.dataSource.manager);
    const runner = this.dataSource.createQueryRunner('slave');
    try {
      let isUsable: boolean;
      try {
        await runner.connect();
        isUsable = await this.isFreshEnough(runner, options.asOf);
      } catch (error) {
        if (!this.isReplicaFailure(error)) throw error;
        isUsable = false;
      }
      if (!isUsable) return await read(this.dataSource.manager);
      try {
        return await read(runner.manager);
      } catch (error) {
        if (!this.isReplicaFailure(error)) throw error;
        return await read(this.dataSource.manager);
      }
    } finally {
      await runner.release();
    }
  }

  /**
   * Read-your-writes: a client that wrote lately reads on a replica only once it has replayed that
   * write; a later page only on a replica that has replayed as far as the first page's moment.
   */
  private async isFreshEnough(runner: QueryRunner, asOf: string | undefined): Promise<boolean> {
    const wroteAt = requestContext.get()?.wroteAtLsn;
    if (!wroteAt && !asOf) return true;
    const [row] = (await runner.query(
      `SELECT ($1::pg_lsn IS NULL OR coalesce(pg_last_wal_replay_lsn() >= $1::pg_lsn, false))
          AND ($2::timestamptz IS NULL OR coalesce(pg_last_xact_replay_timestamp() >= $2::timestamptz, false)) AS ok`,
      [wroteAt ?? null, asOf ?? null],
    )) as [{ ok: boolean }];
    return row.ok;
  }

  /** A replica that cannot serve now (and the primary will): logs it, and keeps unreachable ones out a while. */
  private isReplicaFailure(error: unknown): boolean {
    if (isDatabaseUnavailable(error)) {
      this.primaryOnlyUntil = Date.now() + REPLICA_RETRY_MS;
      this.logger.warn({
        msg: 'read replica unavailable: stale reads go to the primary',
        retryInSeconds: REPLICA_RETRY_MS / 1000,
        error: sqlStateOf(error) ?? (error as Error).message,
      });
      return true;
    }
    if (RECOVERY_CONFLICT_STATES.has(sqlStateOf(error) ?? '')) {
      this.logger.warn({ msg: 'read cancelled by a recovery conflict on the replica: read again on the primary' });
      return true;
    }
    return false;
  }
}
