/**
 * The pump catalogue. Reservoir sizes and low-reservoir alarm volumes: CLINICAL.md "Pumps" table
 * (SynchroMed II: 2 mL manufacturer-recommended residual; Prometra II: the controller's refill date
 * assumes 3.0 mL).
 */
export const PUMP_MODELS = [
  'synchromed_ii_20',
  'synchromed_ii_40',
  'prometra_ii_20',
  'prometra_ii_40',
  'other',
] as const;
export type PumpModel = (typeof PUMP_MODELS)[number];

export interface PumpModelSpec {
  label: string;
  /** Undefined for `other`: the clinic must give the capacity. */
  reservoirMl?: number;
  alarmMl?: number;
  /** Nominal service life, for an end-of-service estimate when no ERI date is known. */
  serviceLifeYears?: number;
}

export const PUMP_CATALOGUE: Record<PumpModel, PumpModelSpec> = {
  // CLINICAL.md: SynchroMed II 8637-20 / 8637-40, alarm 2 mL, automatic shut-down at 7 years.
  synchromed_ii_20: { label: 'SynchroMed II 20 mL', reservoirMl: 20, alarmMl: 2.0, serviceLifeYears: 7 },
  synchromed_ii_40: { label: 'SynchroMed II 40 mL', reservoirMl: 40, alarmMl: 2.0, serviceLifeYears: 7 },
  // CLINICAL.md: Prometra II 13827 / 16827, refill date at 3.0 mL, battery 10+ years.
  prometra_ii_20: { label: 'Prometra II 20 mL', reservoirMl: 20, alarmMl: 3.0, serviceLifeYears: 10 },
  prometra_ii_40: { label: 'Prometra II 40 mL', reservoirMl: 40, alarmMl: 3.0, serviceLifeYears: 10 },
  other: { label: 'Other pump' },
};

export interface ResolvedPumpVolumes {
  reservoirMl: number;
  alarmMl: number;
}

/**
 * Reservoir and alarm volumes for a new pump: the caller's values win, the catalogue fills the gaps.
 * Returns the name of the missing field when neither gives one.
 */
export function resolvePumpVolumes(
  model: PumpModel,
  given: { reservoirMl?: number; alarmMl?: number },
): ResolvedPumpVolumes | { missing: 'reservoirMl' | 'alarmMl' } {
  const spec = PUMP_CATALOGUE[model];
  const reservoirMl = given.reservoirMl ?? spec.reservoirMl;
  if (reservoirMl === undefined) return { missing: 'reservoirMl' };
  const alarmMl = given.alarmMl ?? spec.alarmMl;
  if (alarmMl === undefined) return { missing: 'alarmMl' };
  return { reservoirMl, alarmMl };
}
