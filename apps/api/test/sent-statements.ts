import { jest } from '@jest/globals';
import pg from 'pg';

export interface SentStatement {
  sql: string;
  params: unknown[];
}

type Sent = string | { text?: unknown; values?: unknown[] };

/**
 * The statements the API sends to PostgreSQL while `work` runs, as node-postgres receives them: plain
 * SQL (TypeORM), or a prepared statement's config (src/common/prepared-query.ts). Counted at the client,
 * so every statement shows, whichever way it was sent.
 */
export async function sentStatements(work: () => Promise<unknown>): Promise<SentStatement[]> {
  const sent: SentStatement[] = [];
  const original = pg.Client.prototype.query;
  const spy = jest.spyOn(pg.Client.prototype, 'query').mockImplementation(function (
    this: pg.Client,
    config: Sent,
    values?: unknown,
    ...rest: unknown[]
  ) {
    if (typeof config === 'string') sent.push({ sql: config, params: Array.isArray(values) ? values : [] });
    else if (typeof config?.text === 'string') sent.push({ sql: config.text, params: config.values ?? [] });
    return (original as (...args: unknown[]) => unknown).call(this, config, values, ...rest);
  } as unknown as typeof pg.Client.prototype.query);
  try {
    await work();
  } finally {
    spy.mockRestore();
  }
  return sent;
}
