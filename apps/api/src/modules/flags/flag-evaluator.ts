import { Injectable } from '@nestjs/common';
import { FLAG_CODE_LABELS } from '@itb/contracts';
import { evaluateRiskRules, isSchedulingRule, MANUALLY_RESOLVED_RULES, type RiskRuleCode } from '@itb/domain';
import pLimit from 'p-limit';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { queryPrepared } from '../../common/prepared-query.js';
import { requestContext } from '../../common/request-context.js';
import { loadPumpPassRow, openPassCursor, type PumpPassRow, pumpIdRanges } from './risk-state.query.js';

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

/** What a set of pumps needs written: new findings, changed severities, and flags whose condition cleared. */
interface Differences {
  raise: RaisedFinding[];
  escalate: EscalatedFinding[];
  resolve: { id: string[]; version: (number | null)[]; note: string[] };
}

/** Pumps read per batch of the scheduled pass: each batch's rules run while PostgreSQL reads the next. */
const PASS_BATCH_PUMPS = 10_000;

/**
 * Connections the scheduled pass reads on, each a range of pump ids through a cursor of its own: each
 * aggregates half the history before its first batch, on a core of its own, so the rules start sooner.
 */
const PASS_READERS = 2;

/**
 * Batch writes of the scheduled pass in flight at once, each on a pool connection of its own: a first
 * pass raising flags on most pumps is bound by writing them (the read is done in a third of the time),
 * and two writers keep both of PostgreSQL's cores busy once it is.
 */
const PASS_WRITERS = 2;

/** A promise awaited later, or never if the pass fails first: its rejection is not reported as unhandled. */
function settledLater<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/** Lets queued statements reach the connection before synchronous work takes the thread. */
const yieldToIo = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Raises, escalates and auto-resolves rule flags so they match what the rules say now. The rules come
 * from libs/domain. One pump (inside a clinical write) is one statement that reads its risk facts and
 * its open rule flags together, then at most one that writes the differences. The scheduled pass reads
 * every pump the same way through a cursor, in batches, and writes each batch's differences — new flags
 * (ON CONFLICT on the one-open-flag-per-pump-and-rule index), changed severities and cleared conditions
 * — with their audit rows in one statement, while the next batch is read and its rules run. A pump whose
 * version moved since it was read is left alone: the write that moved it evaluated it.
 */
@Injectable()
export class FlagEvaluator {
  constructor(private readonly clock: Clock) {}

  /** One pump, inside the transaction of the write that changed it. */
  async evaluatePump(m: EntityManager, pumpId: string, cause: EvaluationCause): Promise<EvaluationResult> {
    const now = this.clock.now();
    const row = await loadPumpPassRow(m, now, pumpId);
    const result = { pumpsEvaluated: row?.risk ? 1 : 0, raised: 0, escalated: 0, resolved: 0 };
    if (!row) return result;
    const statement = writeStatement(differencesOf([row], now, cause.reason), now, cause);
    return statement ? { ...result, ...(await runWrite(m, statement)) } : result;
  }

  /**
   * Every active pump (the scheduled pass), plus the open rule flags of pumps no longer active. The pumps
   * are read `batchPumps` at a time, two ranges of ids side by side, each on a connection and read
   * transaction of its own (PASS_READERS); each batch's differences are written with their audit rows in
   * one statement that commits on its own, up to PASS_WRITERS at a time on pool connections, while
   * PostgreSQL reads the next batch and the rules run here. The caller's transaction (the scheduler's)
   * holds only the claim of the hour: a pass that fails part-way keeps the batches it wrote, each whole,
   * and the next pass finds their flags open and writes only what is still different — a flag is never
   * raised twice, nor audited twice.
   */
  async evaluateAll(
    m: EntityManager,
    now: Date,
    cause: EvaluationCause,
    batchPumps = PASS_BATCH_PUMPS,
  ): Promise<EvaluationResult> {
    const readers = pumpIdRanges(PASS_READERS).map((range) => ({
      range,
      runner: m.connection.createQueryRunner('master'),
    }));
    const write = pLimit(PASS_WRITERS);
    const writes: Promise<Counts>[] = [];
    let failed = false;
    const reading: (Promise<PumpPassRow[]> | null)[] = [];
    let pumpsEvaluated = 0;
    try {
      const cursors = await Promise.all(
        readers.map(async ({ runner, range }) => {
          await runner.startTransaction();
          return openPassCursor(runner.manager, now, range);
        }),
      );
      cursors.forEach((cursor, i) => (reading[i] = settledLater(cursor.fetch(batchPumps))));
      // The ranges' batches in turn, each range's next batch asked for before its last one is worked on.
      for (let i = 0; reading.some((r) => r !== null) && !failed; i = (i + 1) % cursors.length) {
        const next = reading[i];
        if (!next) continue;
        const batch = await next;
        reading[i] = batch.length < batchPumps ? null : settledLater(cursors[i]!.fetch(batchPumps));
        // The next batch's read and the last batch's write reach the server before the rules take the thread.
        await yieldToIo();
        for (const row of batch) if (row.risk) pumpsEvaluated++;
        const statement = writeStatement(differencesOf(batch, now, cause.reason), now, cause);
        if (statement) {
          const counts = write(async () => {
            if (failed) return NOTHING_WRITTEN;
            try {
              return await runWrite(m.connection.manager, statement);
            } catch (error) {
              failed = true;
              throw error;
            }
          });
          writes.push(settledLater(counts));
        }
      }
      // After a failed write the pass stops reading; the failure is thrown here.
      const counts = await Promise.all(writes);
      await Promise.all(readers.map(({ runner }) => runner.commitTransaction()));
      return {
        pumpsEvaluated,
        raised: sum(counts, 'raised'),
        escalated: sum(counts, 'escalated'),
        resolved: sum(counts, 'resolved'),
      };
    } catch (error) {
      // Writes not yet started are dropped; nothing of this pass may still be running when it returns.
      failed = true;
      await Promise.allSettled([...reading, ...writes]);
      await Promise.all(
        readers.map(({ runner }) => runner.isTransactionActive && runner.rollbackTransaction().catch(() => undefined)),
      );
      throw error;
    } finally {
      await Promise.all(readers.map(({ runner }) => runner.release()));
    }
  }
}

/** The write statement's parameters, or null when there is nothing to write. */
function writeStatement(d: Differences, now: Date, cause: EvaluationCause): unknown[] | null {
  if (d.raise.length + d.escalate.length + d.resolve.id.length === 0) return null;
  // New and escalated findings travel as one JSON text each: node-pg would escape every quote of every
  // details document into an array literal, and the server would parse that literal again.
  return [
    now,
    JSON.stringify(d.raise),
    JSON.stringify(d.escalate),
    d.resolve.id,
    d.resolve.version,
    cause.actorId,
    d.resolve.note,
    requestContext.requestId() ?? null,
    MANUALLY_RESOLVED_RULES,
  ];
}

/**
 * Writes the differences with their audit rows in one statement, prepared: planned afresh it took a
 * refill that raised or resolved a flag 2.1 ms, kept 1.5 ms.
 */
async function runWrite(m: EntityManager, parameters: unknown[]): Promise<Counts> {
  const [counts] = await queryPrepared<Counts>(m, WRITE_DIFFERENCES_SQL, parameters);
  return { raised: counts!.raised, escalated: counts!.escalated, resolved: counts!.resolved };
}

type Counts = Pick<EvaluationResult, 'raised' | 'escalated' | 'resolved'>;

/** What a batch write skipped after another failed answers (the pass throws that failure). */
const NOTHING_WRITTEN: Counts = { raised: 0, escalated: 0, resolved: 0 };

const sum = (counts: Counts[], key: keyof Counts) => counts.reduce((total, c) => total + c[key], 0);

/**
 * What the rules say now against what is open, pump by pump: a finding with no open flag is raised, one
 * whose severity changed is escalated, and an open flag with no finding (or on a pump no longer active)
 * is resolved — unless a clinician resolves it by hand. A lower scheduling flag resolves as superseded
 * by the one the pump carries now.
 */
function differencesOf(rows: PumpPassRow[], now: Date, reason: string): Differences {
  const d: Differences = { raise: [], escalate: [], resolve: { id: [], version: [], note: [] } };
  for (const { pumpId, risk, openFlags } of rows) {
    // Most pumps have no open flag or one; each finding takes its match out of this list.
    const open = openFlags.slice();
    /** The scheduling flag the pump carries now: a lower one still open was superseded by it. */
    let scheduling: RiskRuleCode | null = null;
    if (risk) {
      for (const f of evaluateRiskRules(risk.state, risk.settings, now)) {
        if (isSchedulingRule(f.code)) scheduling = f.code;
        const at = open.findIndex((o) => o.code === f.code);
        // Most findings match their open flag: their details are written only when raised or escalated.
        if (at < 0) {
          d.raise.push({
            pumpId,
            version: risk.pumpVersion,
            code: f.code,
            severity: f.severity,
            details: { summary: f.summary, facts: f.facts },
            // A clinician's resolution of a hand-resolved rule holds for the fill it was about.
            fillId: MANUALLY_RESOLVED_RULES.includes(f.code) ? String(f.facts.fillId ?? '') || null : null,
          });
          continue;
        }
        const existing = open[at]!;
        if (existing.severity !== f.severity) {
          d.escalate.push({ id: existing.id, severity: f.severity, details: { summary: f.summary, facts: f.facts } });
        }
        open.splice(at, 1);
      }
    }
    // What is left open has no finding: its condition cleared (or its pump is no longer active).
    for (const f of open) {
      if (MANUALLY_RESOLVED_RULES.includes(f.code)) continue;
      d.resolve.id.push(f.id);
      d.resolve.version.push(risk?.pumpVersion ?? null);
      d.resolve.note.push(
        isSchedulingRule(f.code) && scheduling ? `Superseded by ${FLAG_CODE_LABELS[scheduling]}` : reason,
      );
    }
  }
  return d;
}
