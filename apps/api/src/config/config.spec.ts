import { describe, expect, it } from '@jest/globals';
import { loadConfig } from './config.js';

describe('configuration defaults that keep a fresh install closed', () => {
  it('listens on loopback, trusts no proxy and allows only the served origin unless told otherwise', () => {
    const config = loadConfig({});
    expect(config.host).toBe('127.0.0.1');
    expect(config.trustProxy).toBe(false);
    expect(config.allowedOrigins).toEqual([]);
  });

  it('reads HOST, the proxies TRUST_PROXY names, and ALLOWED_ORIGINS', () => {
    const config = loadConfig({
      HOST: '0.0.0.0',
      TRUST_PROXY: 'loopback, 10.0.0.0/8',
      ALLOWED_ORIGINS: 'https://a.example, https://b.example:8443',
    });
    expect(config.host).toBe('0.0.0.0');
    expect(config.trustProxy).toEqual(['loopback', '10.0.0.0/8']);
    expect(config.allowedOrigins).toEqual(['https://a.example', 'https://b.example:8443']);
  });

  it.each([['true'], ['*'], ['2']])('refuses TRUST_PROXY=%s, which would believe anyone', (value) => {
    expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(/TRUST_PROXY/);
  });

  it.each([['a.example'], ['https://a.example/path'], ['https://a.example/']])(
    'refuses ALLOWED_ORIGINS=%s, which is not an origin',
    (value) => {
      expect(() => loadConfig({ ALLOWED_ORIGINS: value })).toThrow(/ALLOWED_ORIGINS/);
    },
  );

  it('refuses a CURSOR_SECRET shorter than 32 characters', () => {
    expect(() => loadConfig({ CURSOR_SECRET: 'short' })).toThrow(/CURSOR_SECRET/);
  });

  it('takes an IANA DEMO_TIME_ZONE and refuses a made-up one', () => {
    expect(loadConfig({ DEMO_TIME_ZONE: 'Etc/GMT-3' }).demoTimeZone).toBe('Etc/GMT-3');
    expect(loadConfig({}).demoTimeZone).toBeUndefined();
    expect(() => loadConfig({ DEMO_TIME_ZONE: 'Mars/Olympus' })).toThrow(/DEMO_TIME_ZONE: must be an IANA time zone/);
  });

  it('reads no replica by default and the comma-separated DATABASE_REPLICA_URLS, refusing what is not a postgres URL', () => {
    expect(loadConfig({}).databaseReplicaUrls).toEqual([]);
    expect(
      loadConfig({ DATABASE_REPLICA_URLS: 'postgres://replica-1:5432/itb, postgresql://u:p@replica-2/itb' })
        .databaseReplicaUrls,
    ).toEqual(['postgres://replica-1:5432/itb', 'postgresql://u:p@replica-2/itb']);
    expect(() => loadConfig({ DATABASE_REPLICA_URLS: 'replica-1:5432' })).toThrow(/DATABASE_REPLICA_URLS/);
    expect(() => loadConfig({ DATABASE_REPLICA_URLS: 'https://replica-1/itb' })).toThrow(/DATABASE_REPLICA_URLS/);
  });
});
