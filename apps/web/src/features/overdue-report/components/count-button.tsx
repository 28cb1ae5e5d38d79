import type { ReportMeasure } from '@itb/contracts';
import { Text, UnstyledButton } from '@mantine/core';
import type { DrillTarget, OpenDrill } from '../lib/drill-target';
import { formatCount, MEASURE_LABELS } from '../lib/report-format';
import classes from './report.module.css';

interface CountButtonProps {
  count: number;
  /** The unit, singular and plural ("refill", "refills"); none in a table whose header names it. */
  unit?: [one: string, many: string];
  measure: ReportMeasure;
  month?: string;
  specialistId?: string;
  performedById?: string;
  scope: string;
  onOpen: OpenDrill;
}

/**
 * A count that opens the list of patients behind it. Zero has nobody behind it and stays text.
 * An UnstyledButton, not a Button: printing hides buttons, and the numbers must print.
 */
export function CountButton({
  count,
  unit,
  measure,
  month,
  specialistId,
  performedById,
  scope,
  onOpen,
}: CountButtonProps) {
  const text = unit ? formatCount(count, unit[0], unit[1]) : String(count);
  if (count === 0) return <span className={classes.numeric}>{text}</span>;
  const target: DrillTarget = { measure, month, specialistId, performedById, scope };
  return (
    <UnstyledButton
      className={classes.countButton}
      onClick={() => onOpen(target)}
      aria-label={`${MEASURE_LABELS[measure]}, ${scope}: ${text}. Show the patients`}
    >
      <Text span inherit className={classes.numeric}>
        {text}
      </Text>
    </UnstyledButton>
  );
}
