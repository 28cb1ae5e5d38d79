import type { ReportMeasure } from '@itb/contracts';

/** One count of the report, as the patients list behind it is asked for. */
export interface DrillTarget {
  measure: ReportMeasure;
  /** `YYYY-MM`: one month of the period; absent for the whole period. */
  month?: string;
  /** A primary specialist's id, `none` for patients without one; absent for everyone. */
  specialistId?: string;
  /** A clinician's id: the refills they performed; absent for everyone. */
  performedById?: string;
  /** Where the count stands, in words: "Mar 2026", "Dr Okafor". */
  scope: string;
}

export type OpenDrill = (target: DrillTarget) => void;
