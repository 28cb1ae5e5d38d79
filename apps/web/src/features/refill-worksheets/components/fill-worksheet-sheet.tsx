import type { FillWorksheet } from '@itb/contracts';
import { ROLE_LABELS } from '../../../lib/auth';
import {
  formatInstant,
  formatLocalDate,
  formatMcgPerDay,
  formatMcgPerMl,
  formatMl,
  formatSignedMl,
  formatSignedPercent,
} from '../../../lib/format';
import {
  SignatureLines,
  type WorksheetFact,
  WorksheetFacts,
  WorksheetHeader,
  WorksheetSection,
} from './worksheet-parts';
import classes from './worksheet.module.css';

const MODE_LABELS = { simple: 'Simple continuous', flex: 'Flex' } as const;
const answer = (given: boolean) => (given ? 'given' : 'none given');
const was = (now: number, before: number, format: (n: number) => string) =>
  now === before ? format(now) : `${format(now)} (was ${format(before)})`;

/**
 * The record of one refill, the same facts as the server's PDF: what was found against what the programme
 * should have left, what was put in and programmed, the new dates and who recorded it. Every number is the
 * stored fill's (computed by libs/domain when it was recorded).
 */
export function FillWorksheetSheet({ sheet }: { sheet: FillWorksheet }) {
  const { patient, pump, found, done, previous, result, signedBy, timeZone } = sheet;
  const at = (iso: string) => formatInstant(iso, timeZone);
  const foundFacts: WorksheetFact[] = [
    ['Expected residual', formatMl(found.expectedResidualMl)],
    ['Residual found', formatMl(found.residualFoundMl)],
    ['Withdrawn', formatMl(found.residualWithdrawnMl)],
    ['Left in reservoir', formatMl(found.leftInReservoirMl)],
    [
      'Discrepancy',
      `${formatSignedMl(found.discrepancyMl)}${found.isDiscrepant ? ' – investigate' : ''}`,
      found.isDiscrepant ? 'warning' : null,
    ],
    ['Delivery error', found.deliveryErrorPct === null ? 'n/a' : formatSignedPercent(found.deliveryErrorPct)],
    [
      'Patient boluses',
      found.patientBolusesDeliveredMl === null ? 'not reported' : formatMl(found.patientBolusesDeliveredMl),
    ],
    ...(found.emptySince ? ([['Found dry since', at(found.emptySince), 'warning']] as const) : []),
  ];
  const doneFacts: WorksheetFact[] = [
    ['Volume added', formatMl(done.volumeAddedMl)],
    ['Volume after', formatMl(done.reservoirVolumeAfterMl)],
    ['Drug', done.drugProduct],
    ['Concentration', was(done.concentrationMcgPerMl, previous.concentrationMcgPerMl, formatMcgPerMl)],
    ['Lot number', done.lotNumber],
    ['Lot expiry', formatLocalDate(done.lotExpiresOn)],
    ['Daily dose', was(done.dailyDoseMcg, previous.dailyDoseMcg, formatMcgPerDay)],
    ['Mode', MODE_LABELS[done.mode]],
    ['Bolus allowance', done.patientBolusMcgPerDay === null ? 'none' : formatMcgPerDay(done.patientBolusMcgPerDay)],
    ...(done.mixedConcentrationMcgPerMl !== null && done.realDailyDoseMcg !== null
      ? ([
          ['Mixed', formatMcgPerMl(done.mixedConcentrationMcgPerMl), 'warning'],
          ['Real dose', formatMcgPerDay(done.realDailyDoseMcg), 'warning'],
        ] as const)
      : []),
    ...(done.bridgeBolusGiven !== null ? ([['Bridge bolus', answer(done.bridgeBolusGiven)]] as const) : []),
    ...(done.primingBolusGiven !== null ? ([['Priming bolus', answer(done.primingBolusGiven)]] as const) : []),
  ];
  return (
    <article className={classes.sheet} aria-label="Refill record" data-testid="fill-worksheet">
      <WorksheetHeader
        title="Refill record – after the refill"
        subtitle={`${sheet.clinicName} · refill performed ${at(sheet.performedAt)}`}
        about={`${patient.name} · MRN ${patient.mrn} · born ${formatLocalDate(patient.birthDate)}`}
      />
      <WorksheetSection title="Pump">
        <WorksheetFacts
          facts={[
            ['Model', pump.modelLabel],
            ['Serial number', pump.serialNumber],
            ['Reservoir', formatMl(pump.reservoirMl)],
            ['Low-reservoir alarm', formatMl(pump.alarmMl)],
          ]}
        />
      </WorksheetSection>
      <WorksheetSection title="What was found">
        <WorksheetFacts facts={foundFacts} />
      </WorksheetSection>
      <WorksheetSection title="What was done">
        <WorksheetFacts facts={doneFacts} />
      </WorksheetSection>
      {done.notes && (
        <WorksheetSection title="Notes">
          <p className={classes.notes}>{done.notes}</p>
        </WorksheetSection>
      )}
      <WorksheetSection title="New projection">
        <WorksheetFacts
          facts={[
            ['Alarm', at(result.alarmAt)],
            ['Empty', at(result.emptyAt)],
            ['Refill by', formatLocalDate(result.refillBy)],
          ]}
        />
      </WorksheetSection>
      <WorksheetSection title="Recorded">
        <p className={classes.signed}>
          Signed: {signedBy.name}, {ROLE_LABELS[signedBy.role]}, {at(signedBy.recordedAt)}
        </p>
        <SignatureLines labels={['Checked by (second person)']} />
      </WorksheetSection>
      <p className={classes.footer}>
        {sheet.clinicName} · refill record for pump {pump.serialNumber} · times in {timeZone}
      </p>
    </article>
  );
}
