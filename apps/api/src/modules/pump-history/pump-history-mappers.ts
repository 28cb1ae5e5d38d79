import type { ReservoirHistoryResponse, VolumePointResponse } from '@itb/contracts';
import type { ReservoirHistory, VolumePoint } from '@itb/domain';
import type { PumpEntity } from '../pumps/pump.entity.js';

const toPoint = (p: VolumePoint): VolumePointResponse => ({ at: p.at.toISOString(), volumeMl: p.volumeMl });

export const toReservoirHistoryResponse = (
  pump: PumpEntity,
  history: ReservoirHistory,
  asOf: Date,
): ReservoirHistoryResponse => ({
  pumpId: pump.id,
  implantedOn: pump.implantedOn,
  reservoirMl: pump.reservoirMl,
  alarmMl: pump.alarmMl,
  asOf: asOf.toISOString(),
  volumeLine: history.volumeLine.map((interval) => ({
    fillId: interval.fillId,
    points: interval.points.map(toPoint),
  })),
  fillPoints: history.fillPoints.map((f) => ({
    fillId: f.fillId,
    at: f.at.toISOString(),
    isInitial: f.isInitial,
    residualWithdrawnMl: f.residualWithdrawnMl,
    expectedResidualMl: f.expectedResidualMl,
    discrepancyMl: f.discrepancyMl,
    deliveryErrorPct: f.deliveryErrorPct,
    isDiscrepant: f.isDiscrepant,
    volumeAfterMl: f.volumeAfterMl,
  })),
  projected: history.projected && {
    points: history.projected.points.map(toPoint),
    alarmAt: history.projected.alarmAt.toISOString(),
    emptyAt: history.projected.emptyAt.toISOString(),
  },
  doseSteps: history.doseSteps.map((s) => ({
    from: s.from.toISOString(),
    kind: s.kind,
    dailyDoseMcg: s.dailyDoseMcg,
    bolusAllowanceMcgPerDay: s.bolusAllowanceMcgPerDay,
    concentrationMcgPerMl: s.concentrationMcgPerMl,
    isConcentrationChange: s.isConcentrationChange,
    dailyVolumeMl: s.dailyVolumeMl,
  })),
});
