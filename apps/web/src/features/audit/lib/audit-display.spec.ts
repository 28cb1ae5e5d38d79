import { describe, expect, it } from 'vitest';
import { CLINICAL_SIGN_LABELS, DOSE_REASON_LABELS, RISK_FACTOR_LABELS } from '@itb/contracts';
import {
  actionFilterGroups,
  actionLabel,
  actorText,
  fieldLabel,
  formatAuditValue,
  unitOfField,
  valueLabel,
} from './audit-display';

const ZONE = 'Europe/London';

describe('unitOfField', () => {
  it('reads the unit from the field name, the longest suffix first', () => {
    expect(unitOfField('volumeAddedMl')).toBe('mL');
    expect(unitOfField('concentrationMcgPerMl')).toBe('mcg/mL');
    expect(unitOfField('dailyDoseMcg')).toBe('mcg/day');
    expect(unitOfField('initialFill.dailyDoseMcg')).toBe('mcg/day');
    expect(unitOfField('steps[1].dailyVolumeMl')).toBe('mL/day');
    expect(unitOfField('deliveryErrorPct')).toBe('%');
    expect(unitOfField('status')).toBeUndefined();
  });
});

describe('formatAuditValue', () => {
  it('puts the unit on every number, including numbers the database kept as text', () => {
    expect(formatAuditValue(20, 'volumeAddedMl', ZONE)).toBe('20 mL');
    expect(formatAuditValue('2000.00', 'concentrationMcgPerMl', ZONE)).toBe('2000.00 mcg/mL');
    expect(formatAuditValue(-14.5, 'deliveryErrorPct', ZONE)).toBe('-14.5%');
    expect(formatAuditValue(3, 'version', ZONE)).toBe('3');
  });

  it("shows instants on the clinic's clock with the zone, and dates as dates", () => {
    expect(formatAuditValue('2026-07-01T08:30:00.000Z', 'startsAt', ZONE)).toBe('1 Jul 2026, 09:30 BST');
    expect(formatAuditValue('2027-03-05', 'lotExpiresOn', ZONE)).toBe('5 Mar 2027');
  });

  it('spells out empty, blank, yes/no and lists', () => {
    expect(formatAuditValue(null, 'eriDate', ZONE)).toBe('empty');
    expect(formatAuditValue('', 'notes', ZONE)).toBe('(blank)');
    expect(formatAuditValue(false, 'isActive', ZONE)).toBe('No');
    expect(formatAuditValue(['fever', 'pruritus'], 'signs', ZONE)).toBe(
      `${CLINICAL_SIGN_LABELS.fever}, ${CLINICAL_SIGN_LABELS.pruritus}`,
    );
    expect(formatAuditValue([], 'riskFactors', ZONE)).toBe('none');
  });
});

describe('event wording', () => {
  it('names known actions and falls back to the code', () => {
    expect(actionLabel('fill.create')).toBe('Refill recorded');
    expect(actionLabel('card.print')).toBe('card.print');
  });

  it('tells a user, a former user and the automatic check apart', () => {
    expect(actorText({ actorId: 'u1', actorName: 'Dr Amara Okafor' })).toBe('Dr Amara Okafor');
    expect(actorText({ actorId: 'u1', actorName: null })).toBe('Former user');
    expect(actorText({ actorId: null, actorName: null })).toBe('System (automatic check)');
  });
});

describe('the audit log in words', () => {
  it('names recorded fields in words, without the unit their value shows', () => {
    expect(fieldLabel('volumeAddedMl')).toBe('Volume added');
    expect(fieldLabel('newDailyDoseMcg')).toBe('New daily dose');
    expect(fieldLabel('concentrationMcgPerMl')).toBe('Concentration');
    expect(fieldLabel('details.facts.daysLeft')).toBe('Details › Facts › Days left');
    expect(fieldLabel('eriDate')).toBe('ERI date');
    expect(fieldLabel('signs[1]')).toBe('Signs 2');
    expect(fieldLabel('')).toBe('Value');
  });

  it('shows stored keys by the labels the screens use, and leaves free text alone', () => {
    expect(valueLabel('REFILL_OVERDUE')).toBe('Refill overdue');
    expect(valueLabel('titration_up')).toBe(DOSE_REASON_LABELS.titration_up);
    expect(valueLabel('sci_t6_or_above')).toBe(RISK_FACTOR_LABELS.sci_t6_or_above);
    expect(valueLabel('some_new_key')).toBe('Some new key');
    expect(valueLabel('Phoned the patient at 10:00')).toBe('Phoned the patient at 10:00');
    expect(formatAuditValue(['pruritus', 'fever'], 'signs', 'Europe/London')).toBe(
      `${CLINICAL_SIGN_LABELS.pruritus}, ${CLINICAL_SIGN_LABELS.fever}`,
    );
  });

  it('offers every audited action by its name, grouped by record, each group with its prefix first', () => {
    const groups = actionFilterGroups();
    const flags = groups.find((group) => group.group === 'Flag')!;
    expect(flags.items[0]).toEqual({ value: 'flag.', label: 'Any flag action' });
    expect(flags.items).toContainEqual({ value: 'flag.resolve', label: 'Flag resolved' });
    expect(groups.find((group) => group.group === 'Sign-in')!.items).toEqual([
      { value: 'auth.', label: 'Any sign-in action' },
      { value: 'auth.login', label: 'Signed in' },
    ]);
    const values = groups.flatMap((group) => group.items.map((item) => item.value));
    expect(new Set(values).size).toBe(values.length);
  });
});
