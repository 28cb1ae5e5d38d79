import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A fill's tenth of a day from refill to alarm (the report's median's value, as a float8, times ten,
 * rounded down), given the fills' alias with its dot. The report's median reads the index on it with
 * this same text (report-sql.ts ALARM_BUCKET), so a copy here is frozen with this migration.
 */
const ALARM_BUCKET = (f: string) =>
  `floor((extract(epoch FROM ${f}due_alarm_at - ${f}performed_at) / 86400)::float8 * 10)::int`;

/**
 * Counts the overdue report keeps as records are written (issue 15: a year of a 5,000-pump clinic was
 * counted from its raw rows on every request, ~105 ms). Two tables of per-clinic, per-day counts, kept
 * by triggers on every table the report reads, so any write — a back-dated or corrected fill, a
 * cancelled appointment, a pump moved to another patient, a patient given another specialist — keeps
 * them equal to the raw rows:
 *
 * - `report_due_counts`: the refills that fell due on a clinic day (`due_on`), by the patient's primary
 *   specialist and the performer, with their outcome (on time, late, after the alarm: fixed once done),
 *   and the active pumps whose refill-by is that day and not answered yet (`unanswered`: overdue or
 *   pending depending on the report's today). Same row source as report-sql.ts DUE_REFILLS.
 * - `report_visit_counts`: refill appointments by clinic day and status (REFILL_APPOINTMENTS); what
 *   only the clock decides (a booking passed today) is read from the raw rows at report time.
 * - `report_alarm_counts`: how many refills fell due with their days from refill to alarm in each tenth
 *   of a day (`bucket`), per clinic day and per clinic month (`is_month`), so the report finds in which
 *   tenth its median lies from a year's whole months and the days at its edges, then reads only the
 *   refills of that tenth (`fills_due_alarm_bucket_idx`) for the exact value.
 *
 * Writers never wait for each other here: a trigger adds to a row of the same key that no other
 * transaction holds (SKIP LOCKED) or inserts another row with the same key, so concurrent refills on
 * one clinic and day do not queue behind one counter row. Readers sum the rows of a key; keys with
 * more than one row only arise from writes that overlapped.
 */
/** Rows in one statement from which a trigger adds its keys as new rows in one INSERT. */
const BULK_ROWS = 200;

/**
 * The plpgsql that adds summed, signed parts to a kept table. A statement of many rows (a generator, an
 * import, a clinic's zone change; `bulk`) inserts one new row per key in one statement, so it stays
 * set-based and plans no lookup per key (readers sum a key's rows, so an extra row is harmless); other
 * statements add to a row of each key through `add`, one key at a time, so rows do not pile up.
 */
function addKept(table: string, keys: [string, string][], counts: string[], add: string, parts: string): string {
  const summed = `
          SELECT ${keys.map(([, part]) => part).join(', ')}, ${counts.map((c) => `sum(${c})::int AS ${c}`).join(', ')}
          FROM (${parts}) p
          GROUP BY ${keys.map((_, i) => i + 1).join(', ')}
          HAVING ${counts.map((c) => `sum(${c}) <> 0`).join(' OR ')}`;
  return `
      IF bulk THEN
        INSERT INTO ${table} (${[...keys.map(([column]) => column), ...counts].join(', ')}) ${summed};
      ELSE
        FOR k IN ${summed}
        LOOP
          PERFORM ${add}(${[...keys.map(([, part]) => `k.${part}`), ...counts.map((c) => `k.${c}`)].join(', ')});
        END LOOP;
      END IF;`;
}

export class ReportKeptCounts1764760000000 implements MigrationInterface {
  name = 'ReportKeptCounts1764760000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report_due_counts (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        clinic_id uuid NOT NULL,
        due_on date NOT NULL,
        specialist_id uuid,
        performed_by uuid,
        on_time integer NOT NULL,
        late integer NOT NULL,
        after_alarm integer NOT NULL,
        unanswered integer NOT NULL
      ) WITH (fillfactor = 70)`);
    await q.query(`CREATE INDEX report_due_counts_day_idx ON report_due_counts (clinic_id, due_on)`);
    await q.query(`
      CREATE TABLE report_visit_counts (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        clinic_id uuid NOT NULL,
        starts_on date NOT NULL,
        status text NOT NULL,
        n integer NOT NULL
      ) WITH (fillfactor = 70)`);
    await q.query(`CREATE INDEX report_visit_counts_day_idx ON report_visit_counts (clinic_id, starts_on)`);
    await q.query(`
      CREATE TABLE report_alarm_counts (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        clinic_id uuid NOT NULL,
        is_month boolean NOT NULL,
        due_on date NOT NULL,
        bucket integer NOT NULL,
        n integer NOT NULL
      ) WITH (fillfactor = 70)`);
    await q.query(`CREATE INDEX report_alarm_counts_day_idx ON report_alarm_counts (clinic_id, is_month, due_on)`);
    await q.query(`
      CREATE INDEX fills_due_alarm_bucket_idx ON fills (clinic_id, (${ALARM_BUCKET('')}), due_refill_by)
      INCLUDE (performed_at, due_alarm_at) WHERE NOT is_initial`);

    // Add to the counts of one key: to a row of it no other transaction holds, else to a new row.
    await q.query(`
      CREATE FUNCTION report_due_counts_add(p_clinic uuid, p_day date, p_specialist uuid, p_performer uuid,
        p_on_time integer, p_late integer, p_after_alarm integer, p_unanswered integer)
      RETURNS void LANGUAGE plpgsql AS $$
      DECLARE kept bigint;
      BEGIN
        SELECT id INTO kept FROM report_due_counts
        WHERE clinic_id = p_clinic AND due_on = p_day AND specialist_id IS NOT DISTINCT FROM p_specialist
          AND performed_by IS NOT DISTINCT FROM p_performer
        LIMIT 1 FOR UPDATE SKIP LOCKED;
        IF kept IS NULL THEN
          INSERT INTO report_due_counts (clinic_id, due_on, specialist_id, performed_by, on_time, late, after_alarm, unanswered)
          VALUES (p_clinic, p_day, p_specialist, p_performer, p_on_time, p_late, p_after_alarm, p_unanswered);
        ELSE
          UPDATE report_due_counts SET on_time = on_time + p_on_time, late = late + p_late,
                 after_alarm = after_alarm + p_after_alarm, unanswered = unanswered + p_unanswered
          WHERE id = kept;
        END IF;
      END $$`);
    await q.query(`
      CREATE FUNCTION report_alarm_counts_add(p_clinic uuid, p_is_month boolean, p_day date, p_bucket integer, p_n integer)
      RETURNS void LANGUAGE plpgsql AS $$
      DECLARE kept bigint;
      BEGIN
        SELECT id INTO kept FROM report_alarm_counts
        WHERE clinic_id = p_clinic AND is_month = p_is_month AND due_on = p_day AND bucket = p_bucket
        LIMIT 1 FOR UPDATE SKIP LOCKED;
        IF kept IS NULL THEN
          INSERT INTO report_alarm_counts (clinic_id, is_month, due_on, bucket, n)
          VALUES (p_clinic, p_is_month, p_day, p_bucket, p_n);
        ELSE
          UPDATE report_alarm_counts SET n = n + p_n WHERE id = kept;
        END IF;
      END $$`);
    await q.query(`
      CREATE FUNCTION report_visit_counts_add(p_clinic uuid, p_day date, p_status text, p_n integer)
      RETURNS void LANGUAGE plpgsql AS $$
      DECLARE kept bigint;
      BEGIN
        SELECT id INTO kept FROM report_visit_counts
        WHERE clinic_id = p_clinic AND starts_on = p_day AND status = p_status
        LIMIT 1 FOR UPDATE SKIP LOCKED;
        IF kept IS NULL THEN
          INSERT INTO report_visit_counts (clinic_id, starts_on, status, n) VALUES (p_clinic, p_day, p_status, p_n);
        ELSE
          UPDATE report_visit_counts SET n = n + p_n WHERE id = kept;
        END IF;
      END $$`);

    // A fill's part of the counts (DUE_REFILLS' outcome), signed, keyed by its patient's specialist now.
    const fillParts = (rows: string, sign: string, specialistOf = 'pt.primary_specialist_id') => `
      SELECT f.clinic_id, f.due_refill_by AS day, ${specialistOf} AS specialist_id, f.performed_by,
             ${sign} * (o.outcome = 'on_time')::int AS on_time, ${sign} * (o.outcome = 'late')::int AS late,
             ${sign} * (o.outcome = 'after_alarm')::int AS after_alarm, 0 AS unanswered
      FROM ${rows} f
      JOIN pumps pp ON pp.id = f.pump_id
      JOIN patients pt ON pt.id = pp.patient_id
      CROSS JOIN LATERAL (SELECT CASE WHEN f.performed_at > f.due_alarm_at THEN 'after_alarm'
                                      WHEN f.performed_on > f.due_refill_by THEN 'late'
                                      ELSE 'on_time' END AS outcome) o
      WHERE NOT f.is_initial AND f.due_refill_by IS NOT NULL`;
    // An active pump's refill-by not answered yet, signed.
    const pumpParts = (rows: string, sign: string) => `
      SELECT p.clinic_id, p.refill_by AS day, pt.primary_specialist_id AS specialist_id, NULL::uuid AS performed_by,
             0 AS on_time, 0 AS late, 0 AS after_alarm, ${sign} AS unanswered
      FROM ${rows} p JOIN patients pt ON pt.id = p.patient_id
      WHERE p.status = 'active' AND p.refill_by IS NOT NULL`;
    const addDue = (parts: string) =>
      addKept(
        'report_due_counts',
        [
          ['clinic_id', 'clinic_id'],
          ['due_on', 'day'],
          ['specialist_id', 'specialist_id'],
          ['performed_by', 'performed_by'],
        ],
        ['on_time', 'late', 'after_alarm', 'unanswered'],
        'report_due_counts_add',
        parts,
      );
    // A fill's tenth of a day from refill to alarm, on its day and in its month, signed.
    const alarmParts = (rows: string, sign: string) => `
      SELECT f.clinic_id, x.is_month, x.day, ${ALARM_BUCKET('f.')} AS bucket, ${sign} AS n
      FROM ${rows} f
      CROSS JOIN LATERAL (VALUES (false, f.due_refill_by),
                                 (true, f.due_refill_by - (extract(day FROM f.due_refill_by)::int - 1))) x(is_month, day)
      WHERE NOT f.is_initial AND f.due_refill_by IS NOT NULL AND f.due_alarm_at IS NOT NULL`;
    const addAlarm = (parts: string) =>
      addKept(
        'report_alarm_counts',
        [
          ['clinic_id', 'clinic_id'],
          ['is_month', 'is_month'],
          ['due_on', 'day'],
          ['bucket', 'bucket'],
        ],
        ['n'],
        'report_alarm_counts_add',
        parts,
      );
    const fillColumns = [
      'clinic_id',
      'pump_id',
      'is_initial',
      'due_refill_by',
      'due_alarm_at',
      'performed_at',
      'performed_on',
      'performed_by',
    ];
    // The old or new side of the fills an update changed in anything the counts read.
    const changedFills = (side: 'o' | 'n') => `(SELECT ${side}.* FROM old_rows o JOIN new_rows n ON n.id = o.id
      WHERE (${fillColumns.map((c) => `o.${c}`).join(', ')}) IS DISTINCT FROM (${fillColumns.map((c) => `n.${c}`).join(', ')}))`;

    await q.query(`
      CREATE FUNCTION report_counts_fills() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE k record; bulk boolean;
      BEGIN
        IF TG_OP = 'INSERT' THEN
          bulk := (SELECT count(*) FROM new_rows) > ${BULK_ROWS};
          ${addDue(fillParts('new_rows', '1'))}
          ${addAlarm(alarmParts('new_rows', '1'))}
        ELSIF TG_OP = 'DELETE' THEN
          bulk := (SELECT count(*) FROM old_rows) > ${BULK_ROWS};
          ${addDue(fillParts('old_rows', '-1'))}
          ${addAlarm(alarmParts('old_rows', '-1'))}
        ELSE
          bulk := (SELECT count(*) FROM new_rows) > ${BULK_ROWS};
          ${addDue(`${fillParts(changedFills('o'), '-1')} UNION ALL ${fillParts(changedFills('n'), '1')}`)}
          ${addAlarm(`${alarmParts(changedFills('o'), '-1')} UNION ALL ${alarmParts(changedFills('n'), '1')}`)}
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER report_counts_fills_insert AFTER INSERT ON fills REFERENCING NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION report_counts_fills()`);
    await q.query(`
      CREATE TRIGGER report_counts_fills_update AFTER UPDATE ON fills REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION report_counts_fills()`);
    await q.query(`
      CREATE TRIGGER report_counts_fills_delete AFTER DELETE ON fills REFERENCING OLD TABLE AS old_rows
      FOR EACH STATEMENT EXECUTE FUNCTION report_counts_fills()`);

    // Pumps: their unanswered refill-by; a pump given to another patient takes its fills to that
    // patient's specialist.
    const changedPumps = `(SELECT o.id, o.clinic_id AS o_clinic, o.patient_id AS o_patient, o.status AS o_status,
                                  o.refill_by AS o_refill_by, n.clinic_id, n.patient_id, n.status, n.refill_by
                           FROM old_rows o JOIN new_rows n ON n.id = o.id
                           WHERE (o.clinic_id, o.patient_id, o.status, o.refill_by)
                                 IS DISTINCT FROM (n.clinic_id, n.patient_id, n.status, n.refill_by))`;
    await q.query(`
      CREATE FUNCTION report_counts_pumps() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE k record; bulk boolean;
      BEGIN
        IF TG_OP = 'INSERT' THEN
          bulk := (SELECT count(*) FROM new_rows) > ${BULK_ROWS};
          ${addDue(pumpParts('new_rows', '1'))}
        ELSIF TG_OP = 'DELETE' THEN
          bulk := (SELECT count(*) FROM old_rows) > ${BULK_ROWS};
          ${addDue(pumpParts('old_rows', '-1'))}
        ELSE
          bulk := (SELECT count(*) FROM new_rows) > ${BULK_ROWS};
          ${addDue(`
            ${pumpParts(
              `(SELECT id, o_clinic AS clinic_id, o_patient AS patient_id, o_status AS status,
                                 o_refill_by AS refill_by FROM ${changedPumps} c)`,
              '-1',
            )}
            UNION ALL
            ${pumpParts(`(SELECT id, clinic_id, patient_id, status, refill_by FROM ${changedPumps} c)`, '1')}
            UNION ALL
            ${fillParts(
              `(SELECT f.*, c.o_patient AS moved_from FROM ${changedPumps} c JOIN fills f ON f.pump_id = c.id
                WHERE c.o_patient <> c.patient_id)`,
              '-1',
              '(SELECT primary_specialist_id FROM patients WHERE id = f.moved_from)',
            )}
            UNION ALL
            ${fillParts(
              `(SELECT f.* FROM ${changedPumps} c JOIN fills f ON f.pump_id = c.id WHERE c.o_patient <> c.patient_id)`,
              '1',
            )}`)}
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER report_counts_pumps_insert AFTER INSERT ON pumps REFERENCING NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION report_counts_pumps()`);
    await q.query(`
      CREATE TRIGGER report_counts_pumps_update AFTER UPDATE ON pumps REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION report_counts_pumps()`);
    await q.query(`
      CREATE TRIGGER report_counts_pumps_delete AFTER DELETE ON pumps REFERENCING OLD TABLE AS old_rows
      FOR EACH STATEMENT EXECUTE FUNCTION report_counts_pumps()`);

    // A patient given another primary specialist takes their pumps' and fills' counts along.
    await q.query(`
      CREATE FUNCTION report_counts_patient_specialist() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE k record; bulk boolean := false;
      BEGIN
        ${addDue(`
          SELECT clinic_id, day, OLD.primary_specialist_id AS specialist_id, performed_by, -on_time AS on_time, -late AS late,
                 -after_alarm AS after_alarm, -unanswered AS unanswered
          FROM (${fillParts('(SELECT f.* FROM fills f JOIN pumps p ON p.id = f.pump_id WHERE p.patient_id = NEW.id)', '1')}
                UNION ALL
                ${pumpParts('(SELECT * FROM pumps WHERE patient_id = NEW.id)', '1')}) mine
          UNION ALL
          ${fillParts('(SELECT f.* FROM fills f JOIN pumps p ON p.id = f.pump_id WHERE p.patient_id = NEW.id)', '1')}
          UNION ALL
          ${pumpParts('(SELECT * FROM pumps WHERE patient_id = NEW.id)', '1')}`)}
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER report_counts_patient_specialist AFTER UPDATE OF primary_specialist_id ON patients
      FOR EACH ROW WHEN (OLD.primary_specialist_id IS DISTINCT FROM NEW.primary_specialist_id)
      EXECUTE FUNCTION report_counts_patient_specialist()`);

    // Refill appointments by clinic day and status.
    const visitParts = (rows: string, sign: string) => `
      SELECT a.clinic_id, a.starts_on, a.status, ${sign} AS n FROM ${rows} a WHERE a.type = 'refill'`;
    const addVisits = (parts: string) =>
      addKept(
        'report_visit_counts',
        [
          ['clinic_id', 'clinic_id'],
          ['starts_on', 'starts_on'],
          ['status', 'status'],
        ],
        ['n'],
        'report_visit_counts_add',
        parts,
      );
    const changedVisits = (side: 'o' | 'n') => `(SELECT ${side}.* FROM old_rows o JOIN new_rows n ON n.id = o.id
      WHERE (o.clinic_id, o.type, o.starts_on, o.status) IS DISTINCT FROM (n.clinic_id, n.type, n.starts_on, n.status))`;
    await q.query(`
      CREATE FUNCTION report_counts_appointments() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE k record; bulk boolean;
      BEGIN
        IF TG_OP = 'INSERT' THEN
          bulk := (SELECT count(*) FROM new_rows) > ${BULK_ROWS};
          ${addVisits(visitParts('new_rows', '1'))}
        ELSIF TG_OP = 'DELETE' THEN
          bulk := (SELECT count(*) FROM old_rows) > ${BULK_ROWS};
          ${addVisits(visitParts('old_rows', '-1'))}
        ELSE
          bulk := (SELECT count(*) FROM new_rows) > ${BULK_ROWS};
          ${addVisits(`${visitParts(changedVisits('o'), '-1')} UNION ALL ${visitParts(changedVisits('n'), '1')}`)}
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER report_counts_appointments_insert AFTER INSERT ON appointments REFERENCING NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION report_counts_appointments()`);
    await q.query(`
      CREATE TRIGGER report_counts_appointments_update AFTER UPDATE ON appointments
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION report_counts_appointments()`);
    await q.query(`
      CREATE TRIGGER report_counts_appointments_delete AFTER DELETE ON appointments REFERENCING OLD TABLE AS old_rows
      FOR EACH STATEMENT EXECUTE FUNCTION report_counts_appointments()`);

    // The counts of what is already there.
    await q.query(`
      INSERT INTO report_due_counts (clinic_id, due_on, specialist_id, performed_by, on_time, late, after_alarm, unanswered)
      SELECT clinic_id, day, specialist_id, performed_by, sum(on_time), sum(late), sum(after_alarm), sum(unanswered)
      FROM (${fillParts('fills', '1')} UNION ALL ${pumpParts('pumps', '1')}) d
      GROUP BY 1, 2, 3, 4`);
    await q.query(`
      INSERT INTO report_alarm_counts (clinic_id, is_month, due_on, bucket, n)
      SELECT clinic_id, is_month, day, bucket, sum(n) FROM (${alarmParts('fills', '1')}) h GROUP BY 1, 2, 3, 4`);
    await q.query(`
      INSERT INTO report_visit_counts (clinic_id, starts_on, status, n)
      SELECT clinic_id, starts_on, status, sum(n) FROM (${visitParts('appointments', '1')}) v GROUP BY 1, 2, 3`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER report_counts_appointments_delete ON appointments`);
    await q.query(`DROP TRIGGER report_counts_appointments_update ON appointments`);
    await q.query(`DROP TRIGGER report_counts_appointments_insert ON appointments`);
    await q.query(`DROP FUNCTION report_counts_appointments()`);
    await q.query(`DROP TRIGGER report_counts_patient_specialist ON patients`);
    await q.query(`DROP FUNCTION report_counts_patient_specialist()`);
    await q.query(`DROP TRIGGER report_counts_pumps_delete ON pumps`);
    await q.query(`DROP TRIGGER report_counts_pumps_update ON pumps`);
    await q.query(`DROP TRIGGER report_counts_pumps_insert ON pumps`);
    await q.query(`DROP FUNCTION report_counts_pumps()`);
    await q.query(`DROP TRIGGER report_counts_fills_delete ON fills`);
    await q.query(`DROP TRIGGER report_counts_fills_update ON fills`);
    await q.query(`DROP TRIGGER report_counts_fills_insert ON fills`);
    await q.query(`DROP FUNCTION report_counts_fills()`);
    await q.query(`DROP FUNCTION report_visit_counts_add(uuid, date, text, integer)`);
    await q.query(`DROP FUNCTION report_alarm_counts_add(uuid, boolean, date, integer, integer)`);
    await q.query(`DROP INDEX fills_due_alarm_bucket_idx`);
    await q.query(`DROP TABLE report_alarm_counts`);
    await q.query(`DROP FUNCTION report_due_counts_add(uuid, date, uuid, uuid, integer, integer, integer, integer)`);
    await q.query(`DROP TABLE report_visit_counts`);
    await q.query(`DROP TABLE report_due_counts`);
  }
}
