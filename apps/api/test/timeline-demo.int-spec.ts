import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { TimelineItem } from '@itb/contracts';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';
import { loadConfig } from '../src/config/config.js';
import { createApp } from '../src/create-app.js';
import { DEMO_PASSWORD, seedDemo } from '../src/demo/demo-seed.js';
import { GIVEN_NAMES_BY_SEX } from '../src/demo/demo-names.js';
import { SeedClock } from '../src/demo/seed-clock.js';
import { FlagScheduler } from '../src/modules/flags/flag-scheduler.js';
import { createIsolatedDatabase, createTestApp, type TestContext } from './test-app.js';

interface Row {
  kind: TimelineItem['kind'];
  id: string;
  at: Date;
  actor: string | null;
}

/**
 * The timeline of a demo patient (two years of refills, dose changes, events, appointments and flags,
 * written by the real seed) against the database read directly, kind by kind.
 */
describe('timeline of a demo patient', () => {
  let ctx: TestContext;
  let nurse: TestAgent;
  let patientId: string;

  beforeAll(async () => {
    const databaseUrl = await createIsolatedDatabase();
    ctx = await createTestApp({ databaseUrl });
    const clock = new SeedClock();
    const config = loadConfig({ LOG_LEVEL: 'error', WEB_DIST_DIR: '/nonexistent', FLAG_CHECK_INTERVAL_SECONDS: '0' });
    const seeder = await createApp(config, databaseUrl, clock);
    await seedDemo(seeder, clock);
    await seeder.close();
    // The first hourly check of a started app: bookings that passed since they were made count as missed.
    await ctx.app.get(FlagScheduler).runDueTick();

    nurse = request.agent(ctx.server);
    await nurse.post('/api/auth/login').send({ email: 'nurse@northside.example', password: DEMO_PASSWORD }).expect(200);
    // The Northside patient whose story is longest, flags included.
    [{ id: patientId }] = (await ctx.dataSource.query(
      `SELECT pa.id FROM patients pa JOIN clinics c ON c.id = pa.clinic_id
       WHERE c.name = 'Northside ITB Clinic'
       ORDER BY (SELECT count(*) FROM flags f WHERE f.patient_id = pa.id) DESC,
                (SELECT count(*) FROM fills f JOIN pumps p ON p.id = f.pump_id WHERE p.patient_id = pa.id) DESC, pa.id
       LIMIT 1`,
    )) as [{ id: string }];
  }, 180_000);
  afterAll(async () => {
    await ctx?.app.close();
  });

  async function wholeTimeline(): Promise<TimelineItem[]> {
    const items: TimelineItem[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: TimelineItem[]; nextCursor: string | null } } = await nurse
        .get(`/api/patients/${patientId}/timeline?limit=25${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
        .expect(200);
      items.push(...res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor);
    return items;
  }

  async function databaseRows(): Promise<Row[]> {
    const pumpOf = `JOIN pumps p ON p.id = x.pump_id AND p.patient_id = $1`;
    const named = (column: string) => `(SELECT u.name FROM users u WHERE u.id = ${column})`;
    return (await ctx.dataSource.query(
      `SELECT 'fill' AS kind, x.id, x.performed_at AS at, ${named('x.performed_by')} AS actor FROM fills x ${pumpOf}
       UNION ALL SELECT 'dose_adjustment', x.id, x.effective_at, ${named('x.recorded_by')} FROM dose_adjustments x ${pumpOf}
       UNION ALL SELECT 'pump_event', x.id, x.occurred_at, ${named('x.recorded_by')} FROM pump_events x ${pumpOf}
       UNION ALL SELECT 'appointment', x.id, x.starts_at, ${named('x.created_by')} FROM appointments x WHERE x.patient_id = $1
       UNION ALL SELECT 'flag_raised', x.id, x.raised_at, ${named('x.raised_by')} FROM flags x WHERE x.patient_id = $1
       UNION ALL SELECT 'flag_acknowledged', x.id, x.acknowledged_at, ${named('x.acknowledged_by')} FROM flags x
         WHERE x.patient_id = $1 AND x.acknowledged_at IS NOT NULL
       UNION ALL SELECT 'flag_resolved', x.id, x.resolved_at, ${named('x.resolved_by')} FROM flags x
         WHERE x.patient_id = $1 AND x.resolved_at IS NOT NULL`,
      [patientId],
    )) as Row[];
  }

  it('lists every record the database holds for the patient, once, newest first, with who', async () => {
    const [items, rows] = await Promise.all([wholeTimeline(), databaseRows()]);
    const key = (kind: string, id: string) => `${kind}:${id}`;
    expect(rows.length).toBeGreaterThan(20);
    expect([...new Set(rows.map((r) => r.kind))]).toEqual(
      expect.arrayContaining(['fill', 'appointment', 'flag_raised', 'flag_resolved']),
    );

    expect(items.map((i) => key(i.kind, i.id)).sort()).toEqual(rows.map((r) => key(r.kind, r.id)).sort());
    const fromDatabase = new Map(rows.map((r) => [key(r.kind, r.id), r]));
    for (const item of items) {
      const row = fromDatabase.get(key(item.kind, item.id))!;
      expect({ key: key(item.kind, item.id), at: Date.parse(item.at), actor: item.actor?.name ?? null }).toEqual({
        key: key(row.kind, row.id),
        at: row.at.getTime(),
        actor: row.actor,
      });
    }
    const times = items.map((i) => Date.parse(i.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('seeds, in each clinic, every patient-safety state the chart, the flags and the card show', async () => {
    const openFlag = (code: string, also = '') =>
      `(SELECT count(*) FROM flags f WHERE f.clinic_id = c.id AND f.code = '${code}' AND f.status <> 'resolved' ${also})`;
    const clinics = (await ctx.dataSource.query(
      `SELECT c.name, c.emergency_phone,
         count(*) FILTER (WHERE pa.birth_date > current_date - interval '18 years') AS children,
         count(*) FILTER (WHERE pa.birth_date <= current_date - interval '65 years') AS over_65,
         count(*) FILTER (WHERE 'breastfeeding' = ANY(pa.cautions)) AS breastfeeding,
         count(*) FILTER (WHERE 'stroke_history' = ANY(pa.cautions)) AS stroke_history,
         count(*) FILTER (WHERE 'hypersensitivity' = ANY(pa.cautions)) AS hypersensitivity,
         count(*) FILTER (WHERE cardinality(pa.interacting_medicines) > 0) AS on_medicines,
         count(*) FILTER (WHERE pa.oral_baclofen_backup_mg_per_day IS NULL) AS no_backup,
         count(*) FILTER (WHERE pa.oral_baclofen_backup_mg_per_day IS NOT NULL) AS backup,
         count(*) FILTER (WHERE pa.oral_baclofen_backup_mg_per_day > 80) AS backup_over_80,
         (SELECT count(*) FROM flags f WHERE f.clinic_id = c.id AND f.code = 'manual' AND f.details->>'kind' = 'overdose')
           AS overdose_flags,
         ${openFlag('PUMP_STOPPED')} AS stopped,
         ${openFlag('PUMP_ALARM_RECORDED')} AS alarm_recorded,
         ${openFlag('APPOINTMENT_AFTER_EMPTY')} AS booked_after_empty,
         ${openFlag('WITHDRAWAL_WATCH')} AS withdrawal_watch,
         ${openFlag('DOSE_ESCALATION')} AS dose_escalation,
         ${openFlag('PUMP_REPLACEMENT_DUE', `AND f.details->'facts'->>'source' = 'estimate'`)} AS estimated_eri,
         ${openFlag('MISSED_REFILL_APPOINTMENT', `AND EXISTS (SELECT 1 FROM appointments a WHERE a.patient_id = f.patient_id AND a.status = 'booked' AND a.starts_at < now() - interval '4 hours')`)} AS missed_unmarked,
         (SELECT count(*) FROM fills x JOIN pumps p ON p.id = x.pump_id
           WHERE p.clinic_id = c.id AND x.mixed_concentration_mcg_per_ml IS NOT NULL) AS mixed_fills,
         (SELECT count(*) FROM fills x JOIN pumps p ON p.id = x.pump_id
           WHERE p.clinic_id = c.id AND x.empty_since IS NOT NULL AND x.priming_bolus_given) AS dry_refills
       FROM clinics c JOIN patients pa ON pa.clinic_id = c.id GROUP BY c.id ORDER BY c.name`,
    )) as Record<string, string>[];
    expect(clinics).toHaveLength(2);
    const states = [
      'children',
      'over_65',
      'breastfeeding',
      'stroke_history',
      'hypersensitivity',
      'on_medicines',
      'no_backup',
      'backup',
      'backup_over_80',
      'overdose_flags',
      'stopped',
      'alarm_recorded',
      'booked_after_empty',
      'withdrawal_watch',
      'dose_escalation',
      'estimated_eri',
      'missed_unmarked',
      'mixed_fills',
      'dry_refills',
    ];
    for (const clinic of clinics) {
      expect(clinic['emergency_phone']).toMatch(/^\+\d/);
      // Named in the failure: the states no patient of this clinic shows.
      expect({ clinic: clinic['name'], missing: states.filter((state) => Number(clinic[state]) === 0) }).toEqual({
        clinic: clinic['name'],
        missing: [],
      });
    }
  });

  it('gives every demo patient a given name of the sex they are recorded with', async () => {
    const patients = (await ctx.dataSource.query(`SELECT given_name, sex FROM patients`)) as {
      given_name: string;
      sex: 'female' | 'male';
    }[];
    expect(patients.length).toBeGreaterThan(40);
    const mismatched = patients.filter((p) => !(GIVEN_NAMES_BY_SEX[p.sex] as readonly string[]).includes(p.given_name));
    expect(mismatched).toEqual([]);
  });

  it("implants every demo pump on its first fill's clinic date, but the one whose battery estimate is shown", async () => {
    const pumps = (await ctx.dataSource.query(`
      SELECT p.implanted_on::text AS implanted_on, p.eri_date,
             (f.performed_at AT TIME ZONE c.time_zone)::date::text AS first_fill_on
      FROM pumps p JOIN clinics c ON c.id = p.clinic_id
      JOIN LATERAL (SELECT performed_at FROM fills WHERE pump_id = p.id ORDER BY performed_at LIMIT 1) f ON true`)) as {
      implanted_on: string;
      eri_date: string | null;
      first_fill_on: string;
    }[];
    expect(pumps.length).toBeGreaterThan(40);
    const apart = pumps.filter((p) => p.implanted_on !== p.first_fill_on);
    // The estimated-ERI demo pump of each clinic was implanted about five years ago, before its records begin.
    expect(apart.length).toBeLessThanOrEqual(2);
    for (const pump of apart) {
      expect(pump.eri_date).toBeNull();
      expect(Date.parse(pump.first_fill_on) - Date.parse(pump.implanted_on)).toBeGreaterThan(365 * 86_400_000);
    }
  });
});
