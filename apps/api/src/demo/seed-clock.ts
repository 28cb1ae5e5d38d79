import { Clock } from '../common/clock.js';

/**
 * The clock the demo seed runs its services on: it stands at each historical moment as the history is
 * written, so validations, projections and flags see the time the record describes. Used only by the
 * seeding application context; the serving application keeps the real clock.
 */
export class SeedClock extends Clock {
  private at: Date | null = null;

  override now(): Date {
    return this.at ? new Date(this.at) : new Date();
  }

  travelTo(at: Date | number | null): void {
    this.at = at === null ? null : new Date(at);
  }
}
