import type { ReservoirHistoryResponse } from '@itb/contracts';
import {
  formatInstantDate,
  formatMcgPerDay,
  formatMcgPerMl,
  formatMl,
  formatNumber,
  formatSignedMl,
} from '../../../lib/format';

/** What the reservoir chart shows, in sentences, for a screen reader (the table holds every number). */
export function reservoirSummary(history: ReservoirHistoryResponse, timeZone: string): string {
  const date = (iso: string) => formatInstantDate(iso, timeZone);
  const fills = history.fillPoints;
  const first = fills[0];
  if (!first) return 'Reservoir volume: no fills recorded.';
  const now = history.volumeLine.at(-1)?.points.at(-1);
  const parts = [`Reservoir volume since ${date(first.at)}: ${fills.length} ${fills.length === 1 ? 'fill' : 'fills'}.`];
  if (now) parts.push(`Now ${formatMl(now.volumeMl)} of ${formatMl(history.reservoirMl)}.`);
  if (history.projected) {
    parts.push(
      `Alarm at ${formatMl(history.alarmMl)} on ${date(history.projected.alarmAt)}; projected empty on ${date(history.projected.emptyAt)}.`,
    );
  }
  const lastRefill = fills.findLast((f) => f.residualWithdrawnMl !== null);
  if (lastRefill && lastRefill.residualWithdrawnMl !== null && lastRefill.expectedResidualMl !== null) {
    parts.push(
      `Last refill ${date(lastRefill.at)}: ${formatMl(lastRefill.residualWithdrawnMl)} found, ${formatMl(
        lastRefill.expectedResidualMl,
      )} expected (${formatSignedMl(lastRefill.discrepancyMl ?? 0)}).`,
    );
  }
  return parts.join(' ');
}

/** What the daily-dose chart shows, in sentences. */
export function doseSummary(history: ReservoirHistoryResponse, timeZone: string): string {
  const steps = history.doseSteps;
  const current = steps.at(-1);
  const first = steps[0];
  if (!current || !first) return 'Daily dose: no fills recorded.';
  const date = (iso: string) => formatInstantDate(iso, timeZone);
  const doses = steps.map((s) => s.dailyDoseMcg);
  const changes = steps.filter((s) => s.kind === 'dose_change').length;
  const parts = [
    `Daily dose now ${formatMcgPerDay(current.dailyDoseMcg)} at ${formatMcgPerMl(current.concentrationMcgPerMl)}.`,
    `Since ${date(first.from)}: ${changes} ${changes === 1 ? 'dose change' : 'dose changes'}, between ${formatNumber(
      Math.min(...doses),
      1,
    )} and ${formatMcgPerDay(Math.max(...doses))}.`,
  ];
  steps.forEach((step, i) => {
    const before = steps[i - 1];
    if (step.isConcentrationChange && before) {
      parts.push(
        `Concentration changed on ${date(step.from)} from ${formatMcgPerMl(before.concentrationMcgPerMl)} to ${formatMcgPerMl(
          step.concentrationMcgPerMl,
        )}.`,
      );
    }
  });
  return parts.join(' ');
}
