import { createHash } from 'node:crypto';
import { type EntityManager, QueryFailedError, QueryRunnerAlreadyReleasedError } from 'typeorm';

interface PgClient {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

const names = new Map<string, string>();

/** A statement's name on every connection: the same text always gets the same name. */
function nameOf(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `itb_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
    names.set(text, name);
  }
  return name;
}

/**
 * Runs a statement that every write (or every request) sends, as a named prepared statement: each
 * connection parses it once, and PostgreSQL may keep its plan, where an unnamed statement (what
 * `EntityManager.query` sends) is parsed and planned on every call — for the larger ones that costs
 * more than running them. The statement's text must not depend on the values (they go in `values`).
 *
 * It runs on the manager's connection (inside its transaction), or on a primary connection of its own
 * when the manager has none, like `EntityManager.query`; a failure is the same `QueryFailedError`.
 * Answers the rows (for an UPDATE or INSERT, those it returned).
 */
export async function queryPrepared<T>(m: EntityManager, text: string, values: unknown[]): Promise<T[]> {
  const runner = m.queryRunner ?? m.connection.createQueryRunner('master');
  const isOwnRunner = !m.queryRunner;
  if (runner.isReleased) throw new QueryRunnerAlreadyReleasedError();
  try {
    const client = (await runner.connect()) as PgClient;
    try {
      return (await client.query({ name: nameOf(text), text, values })).rows as T[];
    } catch (error) {
      throw new QueryFailedError(text, values, error as Error);
    }
  } finally {
    if (isOwnRunner) await runner.release();
  }
}
