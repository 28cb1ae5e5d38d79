import { describe, expect, it } from 'vitest';
import { actionLabel, actorText, formatAuditValue, unitOfField } from './audit-display';

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
    expect(formatAuditValue(['fever', 'pruritus'], 'signs', ZONE)).toBe('fever, pruritus');
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
