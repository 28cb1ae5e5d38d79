import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Logger } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { requestContext } from './request-context.js';
import { StaleReads } from './stale-reads.js';

/** A data source with one replica whose runner's connect and first query can be made to fail. */
function fakeDataSource(replica: { connectError?: unknown; replayedEnough?: boolean } = {}) {
  const primary = { name: 'primary' } as unknown as EntityManager;
  const replicaManager = { name: 'replica', queryRunner: {} } as unknown as EntityManager;
  const log = { runners: 0, released: 0, checks: [] as (string | null)[][] };
  const dataSource = {
    driver: { isReplicated: true, slaves: [{}] },
    manager: primary,
    createQueryRunner: (mode: string) => {
      expect(mode).toBe('slave');
      log.runners += 1;
      return {
        manager: replicaManager,
        connect: async () => {
          if (replica.connectError) throw replica.connectError;
        },
        query: async (_sql: string, params: (string | null)[]) => {
          log.checks.push(params);
          return [{ ok: replica.replayedEnough ?? true }];
        },
        release: async () => {
          log.released += 1;
        },
      };
    },
  } as unknown as DataSource;
  return { dataSource, log };
}

const where = (m: EntityManager) => (m as unknown as { name: string }).name;
const conflict = Object.assign(new Error('canceling statement due to conflict with recovery'), {
  driverError: { code: '40001' },
});
const refused = Object.assign(new Error('connect ECONNREFUSED 10.0.0.2:5432'), { code: 'ECONNREFUSED' });

describe('StaleReads routing', () => {
  // The fallbacks log warnings by design; keep them out of the test output.
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(['log', 'error', 'warn', 'debug', 'verbose', 'fatal']));

  it('reads on the replica and releases its connection', async () => {
    const { dataSource, log } = fakeDataSource();
    expect(await new StaleReads(dataSource).run(async (m) => where(m))).toBe('replica');
    expect(log).toEqual({ runners: 1, released: 1, checks: [] });
  });

  it('reads on the primary without replicas, making no replica runner', async () => {
    const { dataSource, log } = fakeDataSource();
    (dataSource.driver as unknown as { isReplicated: boolean }).isReplicated = false;
    expect(await new StaleReads(dataSource).run(async (m) => where(m))).toBe('primary');
    expect(log.runners).toBe(0);
  });

  it('reads again on the primary after a recovery conflict, and tries the replica next time', async () => {
    const { dataSource, log } = fakeDataSource();
    const reads = new StaleReads(dataSource);
    const seen: string[] = [];
    const answer = await reads.run(async (m) => {
      seen.push(where(m));
      if (where(m) === 'replica') throw conflict;
      return 'ok';
    });
    expect([answer, seen]).toEqual(['ok', ['replica', 'primary']]);
    expect(await reads.run(async (m) => where(m))).toBe('replica');
    expect(log.released).toBe(2);
  });

  it('sends this and the next 30 s of reads to the primary when the replica refuses connections', async () => {
    const { dataSource, log } = fakeDataSource({ connectError: refused });
    const reads = new StaleReads(dataSource);
    expect(await reads.run(async (m) => where(m))).toBe('primary');
    expect(await reads.run(async (m) => where(m))).toBe('primary');
    // The second read did not try the replica again.
    expect(log).toEqual({ runners: 1, released: 1, checks: [] });
  });

  it('passes on any other error without reading again', async () => {
    const { dataSource } = fakeDataSource();
    const seen: string[] = [];
    await expect(
      new StaleReads(dataSource).run(async (m) => {
        seen.push(where(m));
        throw new Error('Patient not found');
      }),
    ).rejects.toThrow('Patient not found');
    expect(seen).toEqual(['replica']);
  });

  it("reads a recent writer's request on the replica only once it has replayed the write", async () => {
    const behind = fakeDataSource({ replayedEnough: false });
    const asWriter = (reads: StaleReads) =>
      requestContext.run({ requestId: 'r1', wroteAtLsn: '0/3000148' }, () => reads.run(async (m) => where(m)));
    expect(await asWriter(new StaleReads(behind.dataSource))).toBe('primary');
    expect(behind.log).toEqual({ runners: 1, released: 1, checks: [['0/3000148', null]] });
    const caughtUp = fakeDataSource({ replayedEnough: true });
    expect(await asWriter(new StaleReads(caughtUp.dataSource))).toBe('replica');
  });

  it("reads a later page on the replica only once it has replayed as far as the first page's moment", async () => {
    const asOf = '2026-12-01T10:00:00.000Z';
    const behind = fakeDataSource({ replayedEnough: false });
    expect(await new StaleReads(behind.dataSource).run(async (m) => where(m), { asOf })).toBe('primary');
    expect(behind.log.checks).toEqual([[null, asOf]]);
    const caughtUp = fakeDataSource({ replayedEnough: true });
    expect(await new StaleReads(caughtUp.dataSource).run(async (m) => where(m), { asOf })).toBe('replica');
  });
});
