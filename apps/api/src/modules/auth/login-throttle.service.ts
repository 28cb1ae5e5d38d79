import { Injectable } from '@nestjs/common';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import { AppError } from '../../common/app-error.js';

/** One address may try this many times (failed or refused sign-ins, any accounts) per window. */
export const ADDRESS_ATTEMPTS = 50;
export const ADDRESS_WINDOW_SECONDS = 15 * 60;
/** How long an account's run of failures is remembered; a success clears it. */
export const FAILURE_MEMORY_SECONDS = 24 * 3600;
/** An account's password is checked by one request at a time; the hold lapses by itself if a check dies. */
export const CHECK_LEASE_SECONDS = 2;
export const MAX_BACKOFF_SECONDS = 15;

/**
 * The pause before an account's next password check after `failures` wrong ones in a row: none for
 * the first two (a typo), then doubling from 2 s (2, 4, 8 s) up to 15 s. Never a lockout: the
 * account's owner waits seconds, not minutes.
 */
export function backoffSeconds(failures: number): number {
  return failures < 3 ? 0 : Math.min(2 ** (failures - 2), MAX_BACKOFF_SECONDS);
}

/** The rows live in `login_limits` (migration 1764630000000), one key per limiter and subject. */
const TABLE = 'login_limits';

/**
 * Sign-in throttling on rate-limiter-flexible's Postgres store, so it holds across API instances and
 * every count is one atomic upsert:
 * - by address: at most ADDRESS_ATTEMPTS unsuccessful attempts per ADDRESS_WINDOW_SECONDS (successes are
 *   given back), bounding one address's guesses across accounts;
 * - by account: a gate that lets one password check run at a time (so concurrent guesses are refused,
 *   not checked) and stays shut for `backoffSeconds` after each failure, growing with the account's
 *   failures in a row; refused attempts neither count as failures nor lengthen the pause.
 */
@Injectable()
export class LoginThrottleService {
  private readonly byAddress: RateLimiterPostgres;
  private readonly accountGate: RateLimiterPostgres;
  private readonly accountFailures: RateLimiterPostgres;

  constructor(dataSource: DataSource) {
    const pool = (dataSource.driver as PostgresDriver).master as object;
    const store = { storeClient: pool, storeType: 'pool', tableName: TABLE, tableCreated: true };
    this.byAddress = new RateLimiterPostgres({
      ...store,
      keyPrefix: 'login_address',
      points: ADDRESS_ATTEMPTS,
      duration: ADDRESS_WINDOW_SECONDS,
    });
    this.accountGate = new RateLimiterPostgres({
      ...store,
      keyPrefix: 'login_gate',
      points: 1,
      duration: 1,
      clearExpiredByTimeout: false,
    });
    this.accountFailures = new RateLimiterPostgres({
      ...store,
      keyPrefix: 'login_failures',
      points: Number.MAX_SAFE_INTEGER,
      duration: FAILURE_MEMORY_SECONDS,
      clearExpiredByTimeout: false,
    });
  }

  /** Counts the attempt; throws RATE_LIMITED with Retry-After when it may not be checked now. */
  async admit(email: string, address: string): Promise<void> {
    try {
      await this.byAddress.consume(address);
    } catch (rejection) {
      const wait = retryAfter(rejection);
      throw AppError.rateLimited(
        `Too many sign-in attempts from this network. Try again in ${Math.ceil(wait / 60)} minute(s).`,
        wait,
      );
    }
    try {
      await this.accountGate.consume(email, 1, { customDuration: CHECK_LEASE_SECONDS });
    } catch (rejection) {
      const wait = retryAfter(rejection);
      throw AppError.rateLimited(
        `Too many sign-in attempts for this account. Wait ${wait} second(s) and try again.`,
        wait,
      );
    }
  }

  /** A wrong password: the gate stays shut for the account's backoff, or opens at once for a typo. */
  async failed(email: string): Promise<void> {
    const { consumedPoints: failures } = await this.accountFailures.penalty(email, 1);
    const pause = backoffSeconds(failures);
    if (pause > 0) await this.accountGate.block(email, pause);
    else await this.accountGate.delete(email);
  }

  /** The right password: the account starts afresh and the attempt is not held against the address. */
  async succeeded(email: string, address: string): Promise<void> {
    await Promise.all([
      this.accountFailures.delete(email),
      this.accountGate.delete(email),
      this.byAddress.reward(address, 1),
    ]);
  }
}

/** A limiter refuses with a RateLimiterRes; anything else (the database is down) is a real error. */
function retryAfter(rejection: unknown): number {
  if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
  throw rejection;
}
