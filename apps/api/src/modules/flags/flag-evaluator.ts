import { Injectable } from '@nestjs/common';
import { FLAG_CODE_LABELS } from '@itb/contracts';
import { evaluateRiskRules, isSchedulingRule, MANUALLY_RESOLVED_RULES, type RiskRuleCode } from '@itb/domain';
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

interface OpenFlag {
  id: string;
  pump_id: string;
  code: RiskRuleCode;
  severity: string;
}

/**
 * Raises, escalates and auto-resolves rule flags so they match what the rules say now. The rules come
 * from libs/domain; the database work is three statements whatever the number of pumps: read the open
 * rule flags, read every pump's risk facts, then write only the differences — new flags (ON CONFLICT on
 * the one-open-flag-per-pump-and-rule index), changed severities and cleared conditions — with their
 * audit rows, in one statement. A pump whose version moved since it was read is left alone: the write
 * that moved it evaluated it in its own transaction.
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
    const open = (await m.query(
      `SELECT id, pump_id, code, severity FROM flags
       WHERE status <> 'resolved' AND code <> 'manual' AND ($1::uuid IS NULL OR pump_id = $1::uuid)`,
      [pumpId ?? null],
    )) as OpenFlag[];
    const rows = await loadRiskStates(m, now, pumpId);

    const openByKey = new Map(open.map((f) => [`${f.pump_id}:${f.code}`, f]));
    const versionOf = new Map(rows.map((r) => [r.pumpId, r.pumpVersion]));
    const raise = {
      pump: [] as string[],
      version: [] as number[],
      code: [] as string[],
      severity: [] as string[],
      fillId: [] as (string | null)[],
    };
    const raiseDetails: string[] = [];
    const escalate = { id: [] as string[], severity: [] as string[], details: [] as string[] };
    /** The scheduling flag each pump carries now: a lower one still open was superseded by it. */
    const schedulingOf = new Map<string, RiskRuleCode>();
    for (const row of rows) {
      for (const f of evaluateRiskRules(row.state, row.settings, now)) {
        if (isSchedulingRule(f.code)) schedulingOf.set(row.pumpId, f.code);
        const key = `${row.pumpId}:${f.code}`;
        const existing = openByKey.get(key);
        // Most findings match their open flag: their details are written only when raised or escalated.
        const details = () => JSON.stringify({ summary: f.summary, facts: f.facts });
        if (!existing) {
          raise.pump.push(row.pumpId);
          raise.version.push(row.pumpVersion);
          raise.code.push(f.code);
          raise.severity.push(f.severity);
          // A clinician's resolution of a hand-resolved rule holds for the fill it was about.
          raise.fillId.push(MANUALLY_RESOLVED_RULES.includes(f.code) ? String(f.facts.fillId ?? '') || null : null);
          raiseDetails.push(details());
        } else if (existing.severity !== f.severity) {
          escalate.id.push(existing.id);
          escalate.severity.push(f.severity);
          escalate.details.push(details());
        }
        openByKey.delete(key);
      }
    }
    // What is left open has no finding: its condition cleared (or its pump is no longer active).
    const cleared = [...openByKey.values()].filter((f) => !MANUALLY_RESOLVED_RULES.includes(f.code));
    const resolve = {
      id: cleared.map((f) => f.id),
      version: cleared.map((f) => versionOf.get(f.pump_id) ?? null),
      note: cleared.map((f) => {
        const surviving = schedulingOf.get(f.pump_id);
        return isSchedulingRule(f.code) && surviving ? `Superseded by ${FLAG_CODE_LABELS[surviving]}` : cause.reason;
      }),
    };
    if (raise.pump.length + escalate.id.length + resolve.id.length === 0) {
      return { pumpsEvaluated: rows.length, raised: 0, escalated: 0, resolved: 0 };
    }

    const [counts] = (await m.query(
      `WITH raised AS (
         INSERT INTO flags AS fl (clinic_id, patient_id, pump_id, code, severity, raised_at, details)
         SELECT p.clinic_id, p.patient_id, p.id, t.code, t.severity, $1, t.details
         FROM unnest($2::uuid[], $3::int[], $4::text[], $5::text[], $6::jsonb[], $15::text[])
              AS t(pump_id, version, code, severity, details, fill_id)
         JOIN pumps p ON p.id = t.pump_id AND p.version = t.version
         WHERE t.fill_id IS NULL OR NOT EXISTS (
           SELECT 1 FROM flags r
           WHERE r.pump_id = t.pump_id AND r.code = t.code AND r.status = 'resolved' AND r.resolution = 'manual'
             AND r.details->'facts'->>'fillId' = t.fill_id)
         ON CONFLICT (pump_id, code) WHERE status <> 'resolved' AND code <> 'manual' DO NOTHING
         RETURNING fl.id, fl.clinic_id, fl.patient_id, fl.pump_id, fl.code, fl.severity, fl.details
       ),
       escalated AS (
         UPDATE flags fl SET severity = t.severity, details = t.details, version = fl.version + 1
         FROM unnest($7::uuid[], $8::text[], $9::jsonb[]) AS t(id, severity, details)
         WHERE fl.id = t.id AND fl.status <> 'resolved'
         RETURNING fl.id, fl.clinic_id, fl.patient_id, fl.pump_id, fl.code, fl.severity, fl.details
       ),
       resolved AS (
         UPDATE flags fl
         SET status = 'resolved', resolved_at = $1, resolved_by = $12::uuid, resolved_note = t.note,
             resolution = 'auto', version = fl.version + 1
         FROM unnest($10::uuid[], $11::int[], $13::text[]) AS t(id, pump_version, note)
         JOIN pumps p ON true
         WHERE fl.id = t.id AND p.id = fl.pump_id AND fl.status <> 'resolved'
           AND (t.pump_version IS NULL OR p.version = t.pump_version)
         RETURNING fl.id, fl.clinic_id, fl.patient_id, fl.code, fl.resolved_note
       ),
       audited AS (
         INSERT INTO audit_events (clinic_id, actor_id, action, entity_type, entity_id, patient_id, after, reason, request_id)
         SELECT clinic_id, $12::uuid, 'flag.raise', 'flag', id::text, patient_id,
                jsonb_build_object('code', code, 'severity', severity, 'status', 'open', 'pumpId', pump_id, 'details', details),
                NULL, $14::text
         FROM raised
         UNION ALL
         SELECT clinic_id, $12::uuid, 'flag.escalate', 'flag', id::text, patient_id,
                jsonb_build_object('code', code, 'severity', severity, 'details', details), NULL, $14::text
         FROM escalated
         UNION ALL
         SELECT clinic_id, $12::uuid, 'flag.auto_resolve', 'flag', id::text, patient_id,
                jsonb_build_object('code', code, 'status', 'resolved', 'resolution', 'auto'), resolved_note, $14::text
         FROM resolved
         RETURNING 1
       )
       SELECT (SELECT count(*) FROM raised)::int AS raised,
              (SELECT count(*) FROM escalated)::int AS escalated,
              (SELECT count(*) FROM resolved)::int AS resolved,
              (SELECT count(*) FROM audited)::int AS audited`,
      [
        now,
        raise.pump,
        raise.version,
        raise.code,
        raise.severity,
        raiseDetails,
        escalate.id,
        escalate.severity,
        escalate.details,
        resolve.id,
        resolve.version,
        cause.actorId,
        resolve.note,
        requestContext.requestId() ?? null,
        raise.fillId,
      ],
    )) as [{ raised: number; escalated: number; resolved: number }];
    return {
      pumpsEvaluated: rows.length,
      raised: counts.raised,
      escalated: counts.escalated,
      resolved: counts.resolved,
    };
  }
}
