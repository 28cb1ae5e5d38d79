import { EMERGENCY_CARD_TEXT, type EmergencyCard } from '@itb/contracts';
import { formatLocalDate, formatMgPerDay } from '../../../lib/format';
import classes from './emergency-card.module.css';

/** The back: the withdrawal warning signs and what to do (CLINICAL.md "Withdrawal"), and when it was printed. */
export function CardBack({ card }: { card: EmergencyCard }) {
  return (
    <div className={`${classes.card} ${classes.back}`} data-testid="card-back">
      <div className={classes.backText}>
        <p className={classes.warning}>{EMERGENCY_CARD_TEXT.heading}</p>
        <p>{EMERGENCY_CARD_TEXT.earlySigns}</p>
        <p>{EMERGENCY_CARD_TEXT.lateSigns}</p>
        <p className={classes.action}>{EMERGENCY_CARD_TEXT.action}</p>
        {card.oralBaclofenBackupMgPerDay !== null && (
          <p>
            Oral baclofen back-up at home: <strong>{formatMgPerDay(card.oralBaclofenBackupMgPerDay)}</strong>
          </p>
        )}
      </div>
      <div className={classes.printed}>
        <span>{card.clinicName}</span>
        <span>Printed {formatLocalDate(card.printedOn)}</span>
      </div>
    </div>
  );
}
