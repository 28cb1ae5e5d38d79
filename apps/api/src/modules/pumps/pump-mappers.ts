import type { DoseHistoryResponse, ProjectionResponse, PumpResponse } from '@itb/contracts';
import { type BolusVolume, PUMP_CATALOGUE, type DrainInput, type Projection, replacementDueOn } from '@itb/domain';
import type { DoseAdjustmentEntity } from '../dose-adjustments/dose-adjustment.entity.js';
import type { FillEntity } from './fill.entity.js';
import type { PumpEntity } from './pump.entity.js';
import type { PumpView } from './fill-context.sql.js';

/** The reservoir engine's view of a fill and the dose changes and one-off boluses made during it. */
export const drainInputOf = (
  fill: FillEntity,
  adjustments: readonly DoseAdjustmentEntity[] = [],
  boluses: readonly BolusVolume[] = [],
): DrainInput => ({
  doseChanges: adjustments.map((a) => ({ effectiveAt: a.effectiveAt, newDailyDoseMcg: a.newDailyDoseMcg })),
  boluses: [...boluses],
  fill: {
    performedAt: fill.performedAt,
    reservoirVolumeAfterMl: fill.reservoirVolumeAfterMl,
    concentrationMcgPerMl: fill.concentrationMcgPerMl,
    dailyDoseMcg: fill.dailyDoseMcg,
    patientBolusMcgPerDay: fill.patientBolusMcgPerDay,
  },
});

export const toProjectionResponse = (p: Projection): ProjectionResponse => ({
  volumeNowMl: p.volumeNowMl,
  dailyVolumeMl: p.dailyVolumeMl,
  alarmAt: p.alarmAt.toISOString(),
  emptyAt: p.emptyAt.toISOString(),
  refillBy: p.refillBy,
  daysToAlarm: p.daysToAlarm,
  isRefillByStabilityCapped: p.isRefillByStabilityCapped,
});

export function toPumpResponse(
  pump: PumpEntity,
  fill: PumpView['fill'] | null,
  projection: Projection | null,
  boluses: readonly BolusVolume[] = [],
  refillContext: { emptyAlarmAt: Date | null; doseHistory: DoseHistoryResponse | null } = {
    emptyAlarmAt: null,
    doseHistory: null,
  },
): PumpResponse {
  return {
    id: pump.id,
    patientId: pump.patientId,
    model: pump.model,
    modelLabel: PUMP_CATALOGUE[pump.model].label,
    serialNumber: pump.serialNumber,
    implantedOn: pump.implantedOn,
    reservoirMl: pump.reservoirMl,
    alarmMl: pump.alarmMl,
    catheterTipLevel: pump.catheterTipLevel,
    eriDate: pump.eriDate,
    replacement: replacementOf(pump),
    status: pump.status,
    explantedOn: pump.explantedOn,
    currentDailyDoseMcg: pump.currentDailyDoseMcg,
    version: pump.version,
    currentFill: fill && {
      id: fill.id,
      performedAt: fill.performedAt.toISOString(),
      reservoirVolumeAfterMl: fill.reservoirVolumeAfterMl,
      concentrationMcgPerMl: fill.concentrationMcgPerMl,
      dailyDoseMcg: fill.dailyDoseMcg,
      patientBolusMcgPerDay: fill.patientBolusMcgPerDay,
      drugProduct: fill.drugProduct,
      lotNumber: fill.lotNumber,
      lotExpiresOn: fill.lotExpiresOn,
      boluses: boluses.map((b) => ({ at: b.at.toISOString(), volumeMl: b.volumeMl })),
      emptyAlarmAt: refillContext.emptyAlarmAt?.toISOString() ?? null,
    },
    doseHistory: refillContext.doseHistory,
    projection: projection && toProjectionResponse(projection),
  };
}

/** The interrogated ERI date, else the model's conservative estimate (an explanted pump needs none). */
function replacementOf(pump: PumpEntity): PumpResponse['replacement'] {
  if (pump.status !== 'active') return null;
  const dueOn = replacementDueOn(pump.model, pump.implantedOn, pump.eriDate);
  return dueOn ? { dueOn, isEstimate: pump.eriDate === null } : null;
}

/** The pump fields the audit log keeps. */
export const pumpAuditView = (p: PumpEntity) => ({
  model: p.model,
  serialNumber: p.serialNumber,
  implantedOn: p.implantedOn,
  reservoirMl: p.reservoirMl,
  alarmMl: p.alarmMl,
  catheterTipLevel: p.catheterTipLevel,
  eriDate: p.eriDate,
  status: p.status,
  explantedOn: p.explantedOn,
});
