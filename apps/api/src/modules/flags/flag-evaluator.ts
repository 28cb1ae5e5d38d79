import { Injectable } from '@nestjs/common';
import { evaluateRiskRules, MANUALLY_RESOLVED_RULES } from '@itb/domain';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { requestContext } from '../../common/request-context.js';
import { loadRiskStates } from './risk-state.query.js';

export interface EvaluationResult {
  pumpsEvaluated: number;
  raised: number;
  escalated: number;
  resolved: number;
}

/** Who or what caused an evaluation: the actor (null for the scheduler) and why flags cleared. */
export interface EvaluationCause {
  actorId: string | null;
  /** Stored as the resolution note of flags whose condition cleared, e.g. "Refill recorded". */
  reason: string;
}

/**
 * Raises, escalates and auto-resolves rule flags so they match what the rules say now. Rules come from
 * libs/domain; the write is one statement whatever the number of pumps: found flags go in with
 * ON CONFLICT on the one-open-flag-per-pump-and-rule index, cleared ones are resolved with the reason,
 * and every change gets its audit row in the same statement.
 */
@Injectable()
export class FlagEvaluator {
  constructor(private readonly clock: Clock) {}

  /** One pump, inside the transaction of the write that changed it. */
  evaluatePump(m: EntityManager, pumpId: string, cause: EvaluationCause): Promise<EvaluationResult> {
    return this.evaluate(m, cause, this.clock.now(), pumpId);
  }

  /** Every active pump (the scheduled pass), plus the open rule flags of pumps no longer active. */
  evaluateAll(m: EntityManager, now: Date, cause: EvaluationCause): Promise<EvaluationResult> {
    return this.evaluate(m, cause, now);
  }

  private async evaluate(m: EntityManager, cause: EvaluationCause, now: Date, pumpId?: string) {
    const rows = await loadRiskStates(m, now, pumpId);
    const found = { pump: [] as string[], patient: [] as string[], clinic: [] as string[] };
    const code: string[] = [];
    const severity: string[] = [];
    const details: string[] = [];
    for (const row of rows) {
      for (const f of evaluateRiskRules(row.state, row.settings, now)) {
        found.pump.push(row.pumpId);
        found.patient.push(row.patientId);
        found.clinic.push(row.clinicId);
        code.push(f.code);
        severity.push(f.severity);
        details.push(JSON.stringify({ summary: f.summary, facts: f.facts }));
      }
    }
    // The pumps whose open rule flags are in question: the one evaluated ($8), or for a full pass
    // every pump with an open rule flag — those no longer active have no findings, so they resolve.
    const params = [
      found.pump,
      found.patient,
      found.clinic,
      code,
      severity,
      details,
      now,
      pumpId ?? null,
      cause.actorId,
      cause.reason,
      MANUALLY_RESOLVED_RULES,
      requestContext.requestId() ?? null,
    ];
    const sql = `
      WITH found AS (
        SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::jsonb[])
          AS t(pump_id, patient_id, clinic_id, code, severity, details)
      ),
      resolved AS (
        UPDATE flags fl
        SET status = 'resolved', resolved_at = $7::timestamptz, resolved_by = $9::uuid, resolved_note = $10::text, resolution = 'auto',
            version = fl.version + 1
        WHERE ($8::uuid IS NULL OR fl.pump_id = $8::uuid) AND fl.status <> 'resolved' AND fl.code <> 'manual'
          AND fl.code <> ALL ($11::text[])
          AND NOT EXISTS (SELECT 1 FROM found WHERE found.pump_id = fl.pump_id AND found.code = fl.code)
        RETURNING fl.id, fl.clinic_id, fl.patient_id, fl.code
      ),
      raised AS (
        INSERT INTO flags AS fl (clinic_id, patient_id, pump_id, code, severity, raised_at, details)
        SELECT clinic_id, patient_id, pump_id, code, severity, $7, details FROM found
        ON CONFLICT (pump_id, code) WHERE status <> 'resolved' AND code <> 'manual'
        DO UPDATE SET severity = EXCLUDED.severity, details = EXCLUDED.details, version = fl.version + 1
          WHERE fl.severity <> EXCLUDED.severity
        RETURNING fl.id, fl.clinic_id, fl.patient_id, fl.pump_id, fl.code, fl.severity, fl.details, (xmax = 0) AS inserted
      ),
      audited AS (
        INSERT INTO audit_events (clinic_id, actor_id, action, entity_type, entity_id, patient_id, after, reason, request_id)
        SELECT clinic_id, $9::uuid, CASE WHEN inserted THEN 'flag.raise' ELSE 'flag.escalate' END, 'flag', id::text, patient_id,
               jsonb_build_object('code', code, 'severity', severity, 'status', 'open', 'pumpId', pump_id, 'details', details),
               NULL, $12::text
        FROM raised
        UNION ALL
        SELECT clinic_id, $9::uuid, 'flag.auto_resolve', 'flag', id::text, patient_id,
               jsonb_build_object('code', code, 'status', 'resolved', 'resolution', 'auto'), $10::text, $12::text
        FROM resolved
        RETURNING 1
      )
      SELECT (SELECT count(*) FROM raised WHERE inserted)::int AS raised,
             (SELECT count(*) FROM raised WHERE NOT inserted)::int AS escalated,
             (SELECT count(*) FROM resolved)::int AS resolved,
             (SELECT count(*) FROM audited)::int AS audited`;
    const [counts] = (await m.query(sql, params)) as [{ raised: number; escalated: number; resolved: number }];
    return { pumpsEvaluated: rows.length, ...counts };
  }
}
