import { createHash } from 'node:crypto';

const names = new Map<string, string>();

/**
 * `text` as a named prepared statement, passed where TypeORM takes SQL: `m.query(named(sql), params)`.
 * node-postgres then parses it once per connection and runs it by name afterwards, so PostgreSQL skips
 * parsing and analysing it on every call; a statement whose best plan does not depend on its parameters
 * (the session lookup) keeps its plan too. For the hot statements of every request only: a connection
 * keeps what it prepared until it closes. The name is the text's hash, so two texts never share one.
 */
export function named(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `itb_${createHash('sha256').update(text).digest('hex').slice(0, 32)}`;
    names.set(text, name);
  }
  // A String (so code that reads the SQL still can) carrying node-postgres's query config; a fresh one
  // each call, as node-postgres writes the call's values onto it.
  return Object.assign(new String(text), { name, text }) as unknown as string;
}
