import { ageBandText, type EmergencyCard } from '@itb/contracts';
import { IconAlertTriangleFilled, IconPhone } from '@tabler/icons-react';
import { formatLocalDate, formatMcgPerDay, formatMcgPerMl } from '../../../lib/format';
import classes from './emergency-card.module.css';

/** The front: who carries the pump, what is in it, when it alarms and is due, and the 24-hour number to call. */
export function CardFront({ card }: { card: EmergencyCard }) {
  return (
    <div className={`${classes.card} ${classes.front}`} data-testid="card-front">
      <div className={classes.band}>
        <IconAlertTriangleFilled size="1.3em" aria-hidden />
        Baclofen pump · Emergency card
      </div>
      <div className={classes.body}>
        <p className={classes.name}>{card.patientName}</p>
        <dl className={classes.facts}>
          <dt>Born</dt>
          <dd>
            {formatLocalDate(card.birthDate)} · {ageBandText(card.ageBand)}
          </dd>
          <dt>Pump</dt>
          <dd>
            {card.pumpModel}, serial <span className={classes.mono}>{card.serialNumber}</span>
          </dd>
          <dt>Catheter tip</dt>
          <dd>{card.catheterTipLevel ?? 'not recorded'}</dd>
          <dt>Drug</dt>
          <dd>
            {card.drugProduct}, {formatMcgPerMl(card.concentrationMcgPerMl)}
          </dd>
          <dt>Daily dose</dt>
          <dd>{formatMcgPerDay(card.dailyDoseMcg)}</dd>
          <dt>Alarm date</dt>
          <dd>{formatLocalDate(card.alarmDate)}</dd>
          <dt>Refill by</dt>
          <dd>{formatLocalDate(card.refillByDate)}</dd>
        </dl>
      </div>
      <div className={classes.footer}>
        <span>{card.clinicName}</span>
        <span className={classes.phone}>
          <IconPhone size="1em" aria-hidden />
          <span>
            <span className={classes.phoneLabel}>24-hour </span>
            {card.emergencyPhone}
          </span>
        </span>
      </div>
    </div>
  );
}
