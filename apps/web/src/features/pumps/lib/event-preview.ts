import { type ClinicSchedule, type DrainInput, project, type Projection } from '@itb/domain';

/**
 * What a recorded bolus does to the reservoir: the same drain the API keeps for the current fill, with the
 * bolus taken at its instant (libs/domain `project`, as the server projects after saving the event).
 */
export function bolusPreview(
  drain: DrainInput,
  alarmMl: number,
  schedule: ClinicSchedule,
  bolus: { at: Date; volumeMl: number },
  now: Date,
): { before: Projection; after: Projection } {
  return {
    before: project(drain, alarmMl, schedule, now),
    after: project({ ...drain, boluses: [...(drain.boluses ?? []), bolus] }, alarmMl, schedule, now),
  };
}
