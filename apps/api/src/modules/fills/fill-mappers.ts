import type { FillResponse } from '@itb/contracts';
import type { FillEntity } from '../pumps/fill.entity.js';

export const toFillResponse = (f: FillEntity, performedByName: string): FillResponse => ({
  id: f.id,
  pumpId: f.pumpId,
  isInitial: f.isInitial,
  performedAt: f.performedAt.toISOString(),
  performedById: f.performedBy,
  performedByName,
  residualWithdrawnMl: f.residualWithdrawnMl,
  volumeAddedMl: f.volumeAddedMl,
  reservoirVolumeAfterMl: f.reservoirVolumeAfterMl,
  concentrationMcgPerMl: f.concentrationMcgPerMl,
  dailyDoseMcg: f.dailyDoseMcg,
  patientBolusMcgPerDay: f.patientBolusMcgPerDay,
  drugProduct: f.drugProduct,
  lotNumber: f.lotNumber,
  lotExpiresOn: f.lotExpiresOn,
  notes: f.notes,
  residualFoundMl: f.residualFoundMl,
  patientBolusesDeliveredMl: f.patientBolusesDeliveredMl,
  expectedResidualMl: f.expectedResidualMl,
  discrepancyMl: f.discrepancyMl,
  deliveryErrorPct: f.deliveryErrorPct,
  mixedConcentrationMcgPerMl: f.mixedConcentrationMcgPerMl,
  realDailyDoseMcg: f.realDailyDoseMcg,
  emptySince: f.emptySince?.toISOString() ?? null,
  bridgeBolusGiven: f.bridgeBolusGiven,
  primingBolusGiven: f.primingBolusGiven,
  alarmAt: f.alarmAt.toISOString(),
  emptyAt: f.emptyAt.toISOString(),
  refillBy: f.refillBy,
});

/** The fill fields the audit log keeps (notes stay in the record, not copied). */
export const fillAuditView = (f: FillEntity) => {
  const { clinicId: _c, createdAt: _ca, notes: _n, ...fields } = f;
  return fields;
};
