import { randomUUID } from 'node:crypto';
import type { CreatePatientRequest, ImplantRequest, PatientResponse, PumpResponse, Role } from '@itb/contracts';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';
import { hashPassword } from '../src/modules/auth/password-hasher.js';
import type { TestContext } from './test-app.js';

export const TEST_PASSWORD = 'test-password-2026';
let passwordHash: Promise<string> | undefined;

export interface TestClinic {
  id: string;
  timeZone: string;
  users: Record<Role, { id: string; email: string }>;
  /** A signed-in agent per role. */
  as: Record<Role, TestAgent>;
}

/** A fresh clinic with one user per role, each signed in: tests never share rows, so nothing is truncated. */
export async function createClinic(
  ctx: TestContext,
  settings: { timeZone?: string; refillLeadDays?: number; maxDrugDaysInPump?: number } = {},
): Promise<TestClinic> {
  const tag = randomUUID().slice(0, 8);
  const timeZone = settings.timeZone ?? 'Europe/London';
  const [clinic] = (await ctx.dataSource.query(
    `INSERT INTO clinics (name, time_zone, refill_lead_days, max_drug_days_in_pump) VALUES ($1, $2, $3, $4) RETURNING id`,
    [`Test clinic ${tag}`, timeZone, settings.refillLeadDays ?? 5, settings.maxDrugDaysInPump ?? 180],
  )) as [{ id: string }];
  const hash = await (passwordHash ??= hashPassword(TEST_PASSWORD));
  const users = {} as TestClinic['users'];
  const as = {} as TestClinic['as'];
  for (const role of ['specialist', 'nurse', 'admin'] as const) {
    const email = `${role}-${tag}@test.example`;
    const [user] = (await ctx.dataSource.query(
      `INSERT INTO users (clinic_id, email, name, role, password_hash) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [clinic.id, email, `Test ${role} ${tag}`, role, hash],
    )) as [{ id: string }];
    users[role] = { id: user.id, email };
    const agent = request.agent(ctx.server);
    await agent.post('/api/auth/login').send({ email, password: TEST_PASSWORD }).expect(200);
    as[role] = agent;
  }
  return { id: clinic.id, timeZone, users, as };
}

export function patientInput(overrides: Partial<CreatePatientRequest> = {}): CreatePatientRequest {
  return {
    mrn: `MRN-${randomUUID().slice(0, 8)}`,
    givenName: 'Ada',
    familyName: 'Lovelace',
    birthDate: '1970-05-14',
    sex: 'female',
    spasticityOrigin: 'spinal',
    diagnosis: 'ms',
    riskFactors: [],
    ...overrides,
  };
}

/** DESIGN.md's worked example: 20 mL SynchroMed II filled with 20 mL of 2000 mcg/mL at 400 mcg/day. */
export function implantInput(performedAt: string, overrides: Partial<ImplantRequest> = {}): ImplantRequest {
  return {
    model: 'synchromed_ii_20',
    serialNumber: `NGP${randomUUID().slice(0, 6)}`,
    implantedOn: performedAt.slice(0, 10),
    ...overrides,
    initialFill: {
      performedAt,
      volumeAddedMl: 20,
      concentrationMcgPerMl: 2000,
      dailyDoseMcg: 400,
      drugProduct: 'Lioresal Intrathecal',
      lotNumber: 'LOT123',
      lotExpiresOn: '2030-01-01',
      ...overrides.initialFill,
    },
  };
}

export async function createPatient(
  clinic: TestClinic,
  overrides: Partial<CreatePatientRequest> = {},
): Promise<PatientResponse> {
  const res = await clinic.as.specialist.post('/api/patients').send(patientInput(overrides)).expect(201);
  return res.body as PatientResponse;
}

export async function implantPump(
  clinic: TestClinic,
  patientId: string,
  performedAt: string,
  overrides: Partial<ImplantRequest> = {},
): Promise<PumpResponse> {
  const res = await clinic.as.specialist
    .post(`/api/patients/${patientId}/pumps`)
    .send(implantInput(performedAt, overrides))
    .expect(201);
  return res.body as PumpResponse;
}

/** The pump's version now, as a form opened this moment sends it: every clinical write names it. */
export async function pumpVersionOf(ctx: TestContext, pumpId: string): Promise<number> {
  const [row] = (await ctx.dataSource.query('SELECT version FROM pumps WHERE id = $1', [pumpId])) as [
    { version: number },
  ];
  return row.version;
}

export async function countRows(ctx: TestContext, table: string, clinicId: string): Promise<number> {
  const [row] = (await ctx.dataSource.query(`SELECT count(*)::int AS n FROM ${table} WHERE clinic_id = $1`, [
    clinicId,
  ])) as [{ n: number }];
  return row.n;
}

/** Audit rows of a clinic other than sign-ins: what a rejected write must leave at zero. */
export async function countAuditEvents(ctx: TestContext, clinicId: string): Promise<number> {
  const [row] = (await ctx.dataSource.query(
    `SELECT count(*)::int AS n FROM audit_events WHERE clinic_id = $1 AND action NOT LIKE 'auth.%'`,
    [clinicId],
  )) as [{ n: number }];
  return row.n;
}
