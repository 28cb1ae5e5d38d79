import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Failed sign-ins allowed in the window, per account and per address. */
export const LOGIN_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 30;

/** Counts failed sign-ins in Postgres, so the limit holds across API instances. */
@Injectable()
export class LoginThrottleService {
  constructor(private readonly dataSource: DataSource) {}

  async isLimited(email: string, address: string): Promise<boolean> {
    const [row] = (await this.dataSource.query(
      `SELECT
         (SELECT count(*) FROM login_attempts WHERE NOT succeeded AND email = $1
            AND attempted_at > now() - make_interval(mins => $3))::int AS by_email,
         (SELECT count(*) FROM login_attempts WHERE NOT succeeded AND address = $2
            AND attempted_at > now() - make_interval(mins => $3))::int AS by_address`,
      [email, address, LOGIN_WINDOW_MINUTES],
    )) as Array<{ by_email: number; by_address: number }>;
    return (row?.by_email ?? 0) >= MAX_FAILURES_PER_ACCOUNT || (row?.by_address ?? 0) >= MAX_FAILURES_PER_ADDRESS;
  }

  async record(email: string, address: string, succeeded: boolean): Promise<void> {
    await this.dataSource.query(`INSERT INTO login_attempts (email, address, succeeded) VALUES ($1, $2, $3)`, [
      email,
      address,
      succeeded,
    ]);
  }
}
