/** How one field moved between an audit event's `before` and `after`. */
export type FieldChangeKind = 'added' | 'removed' | 'changed' | 'unchanged';

export interface FieldChange {
  /** Where the value sits: `dailyDoseMcg`, `details.facts.alarmAt`, `steps[1].doseMcg`. */
  path: string;
  kind: FieldChangeKind;
  /** `undefined` when the field was not there (added fields have no before, removed ones no after). */
  before: unknown;
  after: unknown;
}

type Leaves = Map<string, unknown>;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Arrays of plain values (risk factors, signs) read best as one value; arrays of objects (dose steps) per item. */
const isLeafArray = (value: unknown[]): boolean => value.every((item) => !isPlainObject(item) && !Array.isArray(item));

function collectLeaves(value: unknown, path: string, into: Leaves): void {
  if (isPlainObject(value)) {
    const keys = Object.keys(value);
    // An empty object is still a value the record held.
    if (keys.length === 0 && path) into.set(path, value);
    for (const key of keys) collectLeaves(value[key], path ? `${path}.${key}` : key, into);
    return;
  }
  if (Array.isArray(value) && !isLeafArray(value)) {
    value.forEach((item, index) => collectLeaves(item, `${path}[${index}]`, into));
    return;
  }
  into.set(path, value);
}

function leavesOf(value: unknown): Leaves {
  const leaves: Leaves = new Map();
  // No record on this side (a creation has no before, a read has neither).
  if (value === null || value === undefined) return leaves;
  collectLeaves(value, '', leaves);
  return leaves;
}

/** Structural equality for JSON values: key order does not matter, array order does. */
export function isSameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => isSameJson(item, b[index]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => key in b && isSameJson(a[key], b[key]));
  }
  return false;
}

/**
 * The field-by-field change an audit event records, nested objects flattened to dotted paths.
 * Fields keep the order they first appear in (before, then fields only after has), so a record
 * reads in its own order rather than alphabetically.
 */
export function diffAuditChange(before: unknown, after: unknown): FieldChange[] {
  const beforeLeaves = leavesOf(before);
  const afterLeaves = leavesOf(after);
  const paths = [...new Set([...beforeLeaves.keys(), ...afterLeaves.keys()])];
  return paths.map((path): FieldChange => {
    const hadBefore = beforeLeaves.has(path);
    const hasAfter = afterLeaves.has(path);
    const beforeValue = beforeLeaves.get(path);
    const afterValue = afterLeaves.get(path);
    let kind: FieldChangeKind;
    if (!hadBefore) kind = 'added';
    else if (!hasAfter) kind = 'removed';
    else kind = isSameJson(beforeValue, afterValue) ? 'unchanged' : 'changed';
    return { path, kind, before: beforeValue, after: afterValue };
  });
}

/** How many fields an event added, removed or changed: "3 changed". */
export const countChanges = (changes: readonly FieldChange[]): number =>
  changes.filter((change) => change.kind !== 'unchanged').length;
