import { type EmergencyCard, emergencyCardBackLines } from '@itb/contracts';
import { formatLocalDate } from '../../../lib/format';
import classes from './emergency-card.module.css';

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
  return (
    <div className={`${classes.card} ${classes.back}`} data-testid="card-back">
      <div className={classes.backText}>
        {emergencyCardBackLines(card).map((line) => (
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
