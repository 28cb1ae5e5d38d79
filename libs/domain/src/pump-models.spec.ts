import { describe, expect, it } from 'vitest';
import { PUMP_CATALOGUE, PUMP_MODELS, resolvePumpVolumes } from './pump-models.js';

describe('PUMP_CATALOGUE', () => {
  it.each([
    // CLINICAL.md "Pumps": SynchroMed II, 2 mL manufacturer-recommended residual; battery 5–7 years,
    // so ERI is estimated at the conservative 5 ("Battery").
    ['synchromed_ii_20', 20, 2.0, 5],
    ['synchromed_ii_40', 40, 2.0, 5],
    // CLINICAL.md "Pumps": Prometra II, the controller's next refill is at 3.0 mL; battery 10+ years.
    ['prometra_ii_20', 20, 3.0, 10],
    ['prometra_ii_40', 40, 3.0, 10],
  ] as const)('%s holds %i mL with the alarm at %f mL', (model, reservoirMl, alarmMl, eriEstimateYears) => {
    expect(PUMP_CATALOGUE[model]).toMatchObject({ reservoirMl, alarmMl, eriEstimateYears });
  });

  it('leaves every volume of `other` to the clinic', () => {
    expect(PUMP_CATALOGUE.other.reservoirMl).toBeUndefined();
    expect(PUMP_CATALOGUE.other.alarmMl).toBeUndefined();
  });

  it('has an entry with a label for every model', () => {
    for (const model of PUMP_MODELS) expect(PUMP_CATALOGUE[model].label).not.toBe('');
  });
});

describe('resolvePumpVolumes', () => {
  it('takes the catalogue values when none are given', () => {
    expect(resolvePumpVolumes('synchromed_ii_20', {})).toEqual({ reservoirMl: 20, alarmMl: 2.0 });
    expect(resolvePumpVolumes('prometra_ii_40', {})).toEqual({ reservoirMl: 40, alarmMl: 3.0 });
  });

  it('lets given values override the catalogue one field at a time', () => {
    // Some patients withdraw above 2 mL and are moved to a 4 mL alarm (CLINICAL.md "Pumps").
    expect(resolvePumpVolumes('synchromed_ii_20', { alarmMl: 4 })).toEqual({ reservoirMl: 20, alarmMl: 4 });
    expect(resolvePumpVolumes('synchromed_ii_20', { reservoirMl: 40 })).toEqual({ reservoirMl: 40, alarmMl: 2.0 });
    expect(resolvePumpVolumes('prometra_ii_20', { reservoirMl: 40, alarmMl: 2.5 })).toEqual({
      reservoirMl: 40,
      alarmMl: 2.5,
    });
  });

  it('keeps a given 0 rather than falling back to the catalogue', () => {
    expect(resolvePumpVolumes('synchromed_ii_20', { alarmMl: 0 })).toEqual({ reservoirMl: 20, alarmMl: 0 });
  });

  it('names the missing field for `other`', () => {
    expect(resolvePumpVolumes('other', {})).toEqual({ missing: 'reservoirMl' });
    expect(resolvePumpVolumes('other', { alarmMl: 3 })).toEqual({ missing: 'reservoirMl' });
    expect(resolvePumpVolumes('other', { reservoirMl: 18 })).toEqual({ missing: 'alarmMl' });
    expect(resolvePumpVolumes('other', { reservoirMl: 18, alarmMl: 3 })).toEqual({ reservoirMl: 18, alarmMl: 3 });
  });
});
