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
  /**
   * The shortest typical battery life, years from implant: the conservative estimate of the elective
   * replacement indicator (ERI) when interrogation has given no ERI date.
   */
  eriEstimateYears?: number;
}

export const PUMP_CATALOGUE: Record<PumpModel, PumpModelSpec> = {
  // CLINICAL.md: SynchroMed II 8637-20 / 8637-40, alarm 2 mL; battery typically 5–7 years, so without
  // an interrogated ERI date the product estimates ERI at 5 years ("Battery", the conservative end).
  synchromed_ii_20: { label: 'SynchroMed II 20 mL', reservoirMl: 20, alarmMl: 2.0, eriEstimateYears: 5 },
  synchromed_ii_40: { label: 'SynchroMed II 40 mL', reservoirMl: 40, alarmMl: 2.0, eriEstimateYears: 5 },
  // CLINICAL.md: Prometra II 13827 / 16827, refill date at 3.0 mL, battery 10+ years.
  prometra_ii_20: { label: 'Prometra II 20 mL', reservoirMl: 20, alarmMl: 3.0, eriEstimateYears: 10 },
  prometra_ii_40: { label: 'Prometra II 40 mL', reservoirMl: 40, alarmMl: 3.0, eriEstimateYears: 10 },
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
