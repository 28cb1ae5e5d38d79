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

/** A finding with no open flag: raised unless its pump moved on or a clinician's resolution holds for its fill. */
interface RaisedFinding {
  pumpId: string;
  version: number;
  code: RiskRuleCode;
  severity: string;
  details: { summary: string; facts: Record<string, string | number> };
  fillId: string | null;
}

interface EscalatedFinding {
  id: string;
  severity: string;
  details: RaisedFinding['details'];
}

/**
 * Writes the differences and their audit rows in one statement. $2 and $3 are JSON arrays of
 * RaisedFinding and EscalatedFinding. A hand-resolved rule is not raised again for a fill a clinician
 * resolved it for: those resolutions are read once, before any insert, into a hashed set (a probe per
 * new flag would scan the flags table, growing under the insert, once for each).
 */
const WRITE_DIFFERENCES_SQL = `
  WITH raising AS (
    SELECT * FROM json_to_recordset($2::json)
      AS t("pumpId" uuid, version int, code text, severity text, details jsonb, "fillId" text)
  ),
  held AS MATERIALIZED (
    SELECT r.pump_id, r.code, r.details->'facts'->>'fillId' AS fill_id FROM flags r
    WHERE r.status = 'resolved' AND r.resolution = 'manual' AND r.code = ANY($9::text[])
      AND r.details->'facts'->>'fillId' IS NOT NULL
  ),
  raised AS (
    INSERT INTO flags AS fl (clinic_id, patient_id, pump_id, code, severity, raised_at, details)
    SELECT p.clinic_id, p.patient_id, p.id, t.code, t.severity, $1, t.details
    FROM raising t
    JOIN pumps p ON p.id = t."pumpId" AND p.version = t.version
    WHERE t."fillId" IS NULL OR (t."pumpId", t.code, t."fillId") NOT IN (SELECT pump_id, code, fill_id FROM held)
    ON CONFLICT (pump_id, code) WHERE status <> 'resolved' AND code <> 'manual' DO NOTHING
    RETURNING fl.id, fl.clinic_id, fl.patient_id, fl.pump_id, fl.code, fl.severity, fl.details
  ),
  escalated AS (
    UPDATE flags fl SET severity = t.severity, details = t.details, version = fl.version + 1
    FROM json_to_recordset($3::json) AS t(id uuid, severity text, details jsonb)
    WHERE fl.id = t.id AND fl.status <> 'resolved'
    RETURNING fl.id, fl.clinic_id, fl.patient_id, fl.pump_id, fl.code, fl.severity, fl.details
  ),
  resolved AS (
    UPDATE flags fl
    SET status = 'resolved', resolved_at = $1, resolved_by = $6::uuid, resolved_note = t.note,
        resolution = 'auto', version = fl.version + 1
    FROM unnest($4::uuid[], $5::int[], $7::text[]) AS t(id, pump_version, note)
    JOIN pumps p ON true
    WHERE fl.id = t.id AND p.id = fl.pump_id AND fl.status <> 'resolved'
      AND (t.pump_version IS NULL OR p.version = t.pump_version)
    RETURNING fl.id, fl.clinic_id, fl.patient_id, fl.code, fl.resolved_note
  ),
  audited AS (
    INSERT INTO audit_events (clinic_id, actor_id, action, entity_type, entity_id, patient_id, after, reason, request_id)
    SELECT clinic_id, $6::uuid, 'flag.raise', 'flag', id::text, patient_id,
           jsonb_build_object('code', code, 'severity', severity, 'status', 'open', 'pumpId', pump_id, 'details', details),
           NULL, $8::text
    FROM raised
    UNION ALL
    SELECT clinic_id, $6::uuid, 'flag.escalate', 'flag', id::text, patient_id,
           jsonb_build_object('code', code, 'severity', severity, 'details', details), NULL, $8::text
    FROM escalated
    UNION ALL
    SELECT clinic_id, $6::uuid, 'flag.auto_resolve', 'flag', id::text, patient_id,
           jsonb_build_object('code', code, 'status', 'resolved', 'resolution', 'auto'), resolved_note, $8::text
    FROM resolved
    RETURNING 1
  )
  SELECT (SELECT count(*) FROM raised)::int AS raised,
         (SELECT count(*) FROM escalated)::int AS escalated,
         (SELECT count(*) FROM resolved)::int AS resolved,
         (SELECT count(*) FROM audited)::int AS audited`;

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

    // Open flags by pump, then rule: one lookup per pump, not a composed string key per finding.
    const openByPump = new Map<string, Map<string, OpenFlag>>();
    for (const f of open) {
      let byCode = openByPump.get(f.pump_id);
      if (!byCode) openByPump.set(f.pump_id, (byCode = new Map()));
      byCode.set(f.code, f);
    }
    const versionOf = new Map(rows.map((r) => [r.pumpId, r.pumpVersion]));
    const raise: RaisedFinding[] = [];
    const escalate: EscalatedFinding[] = [];
    /** The scheduling flag each pump carries now: a lower one still open was superseded by it. */
    const schedulingOf = new Map<string, RiskRuleCode>();
    for (const row of rows) {
      const openOfPump = openByPump.get(row.pumpId);
      for (const f of evaluateRiskRules(row.state, row.settings, now)) {
        if (isSchedulingRule(f.code)) schedulingOf.set(row.pumpId, f.code);
        const existing = openOfPump?.get(f.code);
        // Most findings match their open flag: their details are written only when raised or escalated.
        if (!existing) {
          raise.push({
            pumpId: row.pumpId,
            version: row.pumpVersion,
            code: f.code,
            severity: f.severity,
            details: { summary: f.summary, facts: f.facts },
            // A clinician's resolution of a hand-resolved rule holds for the fill it was about.
            fillId: MANUALLY_RESOLVED_RULES.includes(f.code) ? String(f.facts.fillId ?? '') || null : null,
          });
        } else if (existing.severity !== f.severity) {
          escalate.push({ id: existing.id, severity: f.severity, details: { summary: f.summary, facts: f.facts } });
        }
        openOfPump?.delete(f.code);
      }
    }
    // What is left open has no finding: its condition cleared (or its pump is no longer active).
    const cleared = [...openByPump.values()]
      .flatMap((byCode) => [...byCode.values()])
      .filter((f) => !MANUALLY_RESOLVED_RULES.includes(f.code));
    const resolve = {
      id: cleared.map((f) => f.id),
      version: cleared.map((f) => versionOf.get(f.pump_id) ?? null),
      note: cleared.map((f) => {
        const surviving = schedulingOf.get(f.pump_id);
        return isSchedulingRule(f.code) && surviving ? `Superseded by ${FLAG_CODE_LABELS[surviving]}` : cause.reason;
      }),
    };
    if (raise.length + escalate.length + resolve.id.length === 0) {
      return { pumpsEvaluated: rows.length, raised: 0, escalated: 0, resolved: 0 };
    }

    // New and escalated findings travel as one JSON text each: node-pg would escape every quote of every
    // details document into an array literal, and the server would parse that literal again.
    const [counts] = (await m.query(WRITE_DIFFERENCES_SQL, [
      now,
      JSON.stringify(raise),
      JSON.stringify(escalate),
      resolve.id,
      resolve.version,
      cause.actorId,
      resolve.note,
      requestContext.requestId() ?? null,
      MANUALLY_RESOLVED_RULES,
    ])) as [{ raised: number; escalated: number; resolved: number }];
    return {
      pumpsEvaluated: rows.length,
      raised: counts.raised,
      escalated: counts.escalated,
      resolved: counts.resolved,
    };
  }
}
