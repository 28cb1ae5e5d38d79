import { Injectable } from '@nestjs/common';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import { AppError } from '../../common/app-error.js';

/** One address may ask for this many addresses that are not feeds per window before it is refused. */
export const FEED_MISSES_PER_ADDRESS = 50;
export const FEED_MISS_WINDOW_SECONDS = 15 * 60;
/**
 * One feed may be fetched this often per hour: a calendar app polls every 15 minutes to a day, and a
 * user may subscribe on a few devices; a leaked address polled in a loop is cut off.
 */
export const FEED_FETCHES_PER_HOUR = 60;

/**
 * The feeds' limits, on the same rate-limiter-flexible Postgres store (`login_limits`, by key prefix) as
 * the sign-in limits, so they hold across API instances. Misses are counted by address; good fetches by
 * feed, as the calendar services of large providers fetch many users' feeds from shared addresses.
 */
@Injectable()
export class CalendarFeedLimits {
  private readonly missesByAddress: RateLimiterPostgres;
  private readonly fetchesByFeed: RateLimiterPostgres;

  constructor(dataSource: DataSource) {
    const pool = (dataSource.driver as PostgresDriver).master as object;
    const store = { storeClient: pool, storeType: 'pool', tableName: 'login_limits', tableCreated: true };
    this.missesByAddress = new RateLimiterPostgres({
      ...store,
      keyPrefix: 'calendar_miss',
      points: FEED_MISSES_PER_ADDRESS,
      duration: FEED_MISS_WINDOW_SECONDS,
    });
    this.fetchesByFeed = new RateLimiterPostgres({
      ...store,
      keyPrefix: 'calendar_fetch',
      points: FEED_FETCHES_PER_HOUR,
      duration: 3600,
    });
  }

  /**
   * Counts a request for an address that is no feed; past the limit the address gets 429 instead of
   * 404. Only misses are refused: a good feed fetched from the same address (a calendar service's shared
   * fetchers) is never held up by someone else's misses.
   */
  async missed(address: string): Promise<void> {
    try {
      await this.missesByAddress.consume(address);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const wait = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      throw AppError.rateLimited(`Too many requests from this network. Try again in ${wait} second(s).`, wait);
    }
  }

  async admitFeed(feedId: string): Promise<void> {
    try {
      await this.fetchesByFeed.consume(feedId);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const wait = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      throw AppError.rateLimited(`This calendar was fetched too often. Try again in ${wait} second(s).`, wait);
    }
  }
}
