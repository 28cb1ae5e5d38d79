import pg from 'pg';

/**
 * The API's login on each read replica. A standby is a physical copy of the primary, so it has the
 * same roles and passwords: a replica URL without a user name gets the API login's (APP_DATABASE_URL's
 * or the derived `itb_app`'s), and one without a database name gets the primary's.
 */
export function replicaLoginUrls(appUrl: string, replicaUrls: string[]): string[] {
  const app = new URL(appUrl);
  return replicaUrls.map((raw) => {
    const url = new URL(raw);
    if (!url.username) {
      url.username = app.username;
      url.password = app.password;
    }
    if (url.pathname === '' || url.pathname === '/') url.pathname = app.pathname;
    return url.toString();
  });
}

/** host:port of a URL, for logs (never its credentials). */
export const replicaName = (url: string) => new URL(url).host;

export type ReplicaNotice = (msg: string, details: Record<string, unknown>) => void;

/**
 * The replicas that answer now. TypeORM opens a connection to every replica when the data source starts
 * and fails if one is down, so a replica that cannot be reached at start-up is left out (with a
 * warning) rather than keeping the API from starting: its reads go to the others, or to the primary,
 * until the instance restarts. One that is reachable but not a standby serves anyway, with a warning.
 */
export async function reachableReplicas(urls: string[], notice: ReplicaNotice, timeoutMs = 5000): Promise<string[]> {
  const checked = await Promise.all(
    urls.map(async (url) => {
      const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
      try {
        await client.connect();
        const [row] = (await client.query<{ standby: boolean }>('SELECT pg_is_in_recovery() AS standby')).rows;
        if (!row?.standby)
          notice('read replica is not a standby: it serves stale reads anyway', { replica: replicaName(url) });
        return url;
      } catch (error) {
        notice('read replica unreachable at start-up: its reads go elsewhere until restart', {
          replica: replicaName(url),
          error: (error as { code?: string }).code ?? (error as Error).message,
        });
        return null;
      } finally {
        await client.end().catch(() => undefined);
      }
    }),
  );
  return checked.filter((url): url is string => url !== null);
}
