import { describe, expect, it } from 'vitest';
import { countChanges, diffAuditChange, isSameJson } from './audit-diff';

describe('diffAuditChange', () => {
  it('marks changed and unchanged fields of an update, in the record’s own order', () => {
    const changes = diffAuditChange(
      { name: 'Tom Hughes', role: 'nurse', isActive: true },
      { name: 'Tom Hughes', role: 'specialist', isActive: true },
    );
    expect(changes).toEqual([
      { path: 'name', kind: 'unchanged', before: 'Tom Hughes', after: 'Tom Hughes' },
      { path: 'role', kind: 'changed', before: 'nurse', after: 'specialist' },
      { path: 'isActive', kind: 'unchanged', before: true, after: true },
    ]);
    expect(countChanges(changes)).toBe(1);
  });

  it('flattens nested objects to dotted paths and compares their leaves', () => {
    const changes = diffAuditChange(
      { severity: 'high', details: { summary: 'Due soon', facts: { refillBy: '2026-12-01' } } },
      { severity: 'critical', details: { summary: 'Due soon', facts: { refillBy: '2026-11-28' } } },
    );
    expect(changes.map((change) => [change.path, change.kind])).toEqual([
      ['severity', 'changed'],
      ['details.summary', 'unchanged'],
      ['details.facts.refillBy', 'changed'],
    ]);
    expect(changes[2]).toMatchObject({ before: '2026-12-01', after: '2026-11-28' });
  });

  it('shows every field of a creation as added, with no before', () => {
    const changes = diffAuditChange(null, { volumeAddedMl: 20, concentrationMcgPerMl: 2000 });
    expect(changes).toEqual([
      { path: 'volumeAddedMl', kind: 'added', before: undefined, after: 20 },
      { path: 'concentrationMcgPerMl', kind: 'added', before: undefined, after: 2000 },
    ]);
  });

  it('shows a field the after no longer has as removed, and one only the after has as added', () => {
    const changes = diffAuditChange({ status: 'open', note: 'Called' }, { status: 'acknowledged', by: 'Tom' });
    expect(changes).toEqual([
      { path: 'status', kind: 'changed', before: 'open', after: 'acknowledged' },
      { path: 'note', kind: 'removed', before: 'Called', after: undefined },
      { path: 'by', kind: 'added', before: undefined, after: 'Tom' },
    ]);
  });

  it('keeps a null value as a value: a field cleared to null is changed, not removed', () => {
    expect(diffAuditChange({ eriDate: '2029-01-01' }, { eriDate: null })).toEqual([
      { path: 'eriDate', kind: 'changed', before: '2029-01-01', after: null },
    ]);
  });

  it('compares lists of plain values as one value, and lists of objects item by item', () => {
    const changes = diffAuditChange(
      { riskFactors: ['prior_withdrawal'], steps: [{ doseMcg: 400 }, { doseMcg: 300 }] },
      { riskFactors: ['prior_withdrawal', 'sci_t6_or_above'], steps: [{ doseMcg: 400 }, { doseMcg: 350 }] },
    );
    expect(changes.map((change) => [change.path, change.kind])).toEqual([
      ['riskFactors', 'changed'],
      ['steps[0].doseMcg', 'unchanged'],
      ['steps[1].doseMcg', 'changed'],
    ]);
  });

  it('has nothing to show for an event that recorded no values (a chart read)', () => {
    expect(diffAuditChange(null, null)).toEqual([]);
    expect(diffAuditChange(undefined, {})).toEqual([]);
  });
});

describe('isSameJson', () => {
  it('ignores key order but not array order', () => {
    expect(isSameJson({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 })).toBe(true);
    expect(isSameJson([1, 2], [2, 1])).toBe(false);
    expect(isSameJson({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(isSameJson(null, {})).toBe(false);
  });
});
