import { type EmergencyCard, emergencyCardBackLines } from '@itb/contracts';
import { formatLocalDate } from '../../../lib/format';
import classes from './emergency-card.module.css';

/** About what the back holds at its normal size (measured with a 60 mg/day back-up, two cautions, two medicines). */
const DENSE_FROM_CHARS = 1100;

const LINE_CLASS: Partial<Record<string, string>> = {
  heading: classes.warning,
  withdrawalAction: classes.action,
  overdoseAction: classes.action,
  mri: classes.mri,
};

/**
 * The back: withdrawal and overdose signs with what to do, the cautions and age band, the interacting
 * medicines, the oral back-up when there is one and the MRI rule — the same lines as the PDF.
 */
export function CardBack({ card }: { card: EmergencyCard }) {
  const lines = emergencyCardBackLines(card);
  // Long lists of cautions and medicines take a smaller type, as the PDF does, so nothing is cut off.
  const isDense = lines.reduce((chars, line) => chars + line.text.length, 0) > DENSE_FROM_CHARS;
  return (
    <div className={`${classes.card} ${classes.back} ${isDense ? classes.dense : ''}`} data-testid="card-back">
      <div className={classes.backText}>
        {lines.map((line) => (
          <p key={line.key} className={LINE_CLASS[line.key]} data-line={line.key}>
            {line.text}
          </p>
        ))}
      </div>
      <div className={classes.printed}>
        <span>{card.clinicName}</span>
        <span>Printed {formatLocalDate(card.printedOn)}</span>
      </div>
    </div>
  );
}
