import { describe, expect, it } from 'vitest';
import {
  CLINICAL_SIGNS,
  isSignOfKind,
  MANUAL_FLAG_SEVERITY,
  OVERDOSE_SIGNS,
  signKindOf,
  WITHDRAWAL_SIGNS,
} from './clinical-signs.js';
import { isOralBackupAboveUsualMax, ORAL_BACLOFEN_USUAL_MAX_MG_PER_DAY } from './oral-baclofen.js';

describe('clinical signs a clinician records by hand', () => {
  it('lists the thirteen withdrawal signs of the rules table', () => {
    expect([...WITHDRAWAL_SIGNS].sort()).toEqual(
      [
        'agitation_or_anxiety',
        'altered_mental_state',
        'fever',
        'hallucinations',
        'high_blood_pressure',
        'hypotension',
        'insomnia',
        'paresthesia',
        'pruritus',
        'returning_spasticity',
        'rigidity',
        'seizures',
        'suspected_rhabdomyolysis',
      ].sort(),
    );
  });

  it('lists the six overdose signs of the rules table', () => {
    expect([...OVERDOSE_SIGNS].sort()).toEqual(
      [
        'light_headedness',
        'loss_of_consciousness',
        'muscle_weakness',
        'seizures',
        'severe_drowsiness',
        'slow_or_shallow_breathing',
      ].sort(),
    );
  });

  it('holds every sign once: 13 + 6 minus seizures, which both kinds share = 18', () => {
    expect(CLINICAL_SIGNS).toHaveLength(18);
    expect(new Set(CLINICAL_SIGNS).size).toBe(18);
  });

  it('says which kind a sign belongs to', () => {
    expect(isSignOfKind('seizures', 'withdrawal')).toBe(true);
    expect(isSignOfKind('seizures', 'overdose')).toBe(true);
    expect(isSignOfKind('fever', 'overdose')).toBe(false);
    expect(isSignOfKind('severe_drowsiness', 'withdrawal')).toBe(false);
  });

  it('reads a stored flag without a kind as withdrawal (the only kind before overdose reports)', () => {
    expect(signKindOf({})).toBe('withdrawal');
    expect(signKindOf(null)).toBe('withdrawal');
    expect(signKindOf({ kind: 'overdose' })).toBe('overdose');
    expect(signKindOf({ kind: 'withdrawal' })).toBe('withdrawal');
  });

  it('raises both kinds as critical', () => {
    expect(MANUAL_FLAG_SEVERITY).toBe('critical');
  });
});

describe('oral baclofen back-up (CLINICAL.md: usual maximum 80 mg/day)', () => {
  it.each([
    [null, false],
    [undefined, false],
    [60, false],
    [80, false], // at the maximum: no warning
    [80.5, true],
    [120, true],
  ])('%s mg/day warns: %s', (mg, warns) => {
    expect(isOralBackupAboveUsualMax(mg)).toBe(warns);
  });

  it('uses 80 mg/day', () => {
    expect(ORAL_BACLOFEN_USUAL_MAX_MG_PER_DAY).toBe(80);
  });
});
