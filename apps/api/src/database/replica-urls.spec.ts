import net from 'node:net';
import { describe, expect, it } from '@jest/globals';
import { reachableReplicas, replicaLoginUrls } from './replica-urls.js';

const APP_URL = 'postgres://itb_app:s3cret%2F@primary.internal:5432/itb';

describe('read replica logins', () => {
  it("gives a replica URL without a user the API login's user, password and database", () => {
    expect(replicaLoginUrls(APP_URL, ['postgres://replica-1:6432', 'postgresql://replica-2/other'])).toEqual([
      'postgres://itb_app:s3cret%2F@replica-1:6432/itb',
      'postgresql://itb_app:s3cret%2F@replica-2/other',
    ]);
  });

  it('keeps the user a replica URL names', () => {
    expect(replicaLoginUrls(APP_URL, ['postgres://reader:pw@replica-1:5432/itb'])).toEqual([
      'postgres://reader:pw@replica-1:5432/itb',
    ]);
  });

  it('leaves out a replica that refuses connections at start-up, saying which (never its password)', async () => {
    // A port nobody listens on: bind one, note it, close it.
    const port = await new Promise<number>((resolve) => {
      const server = net.createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = server.address() as net.AddressInfo;
        server.close(() => resolve(free));
      });
    });
    const notices: { msg: string; details: Record<string, unknown> }[] = [];
    const kept = await reachableReplicas([`postgres://itb_app:hunter2@127.0.0.1:${port}/itb`], (msg, details) =>
      notices.push({ msg, details }),
    );
    expect(kept).toEqual([]);
    expect(notices).toEqual([
      {
        msg: 'read replica unreachable at start-up: its reads go elsewhere until restart',
        details: { replica: `127.0.0.1:${port}`, error: 'ECONNREFUSED' },
      },
    ]);
    expect(JSON.stringify(notices)).not.toContain('hunter2');
  });
});
