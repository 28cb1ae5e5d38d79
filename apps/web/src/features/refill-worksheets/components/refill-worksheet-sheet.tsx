import { REFILL_WORKSHEET_WRITE_INS, type RefillWorksheet } from '@itb/contracts';
import {
  formatDays,
  formatInstant,
  formatLocalDate,
  formatMcgPerDay,
  formatMcgPerMl,
  formatMl,
  formatMlPerDay,
} from '../../../lib/format';
import {
  SignatureLines,
  type WorksheetFact,
  WorksheetFacts,
  WorksheetHeader,
  WorksheetSection,
  WriteInLines,
} from './worksheet-parts';
import classes from './worksheet.module.css';

const allowance = (mcgPerDay: number | null) => (mcgPerDay === null ? 'none' : formatMcgPerDay(mcgPerDay));
const MODE_LABELS = { simple: 'Simple continuous', flex: 'Flex' } as const;

/**
 * The page a nurse takes to the refill, the same facts as the server's PDF: the pump, what is in it now,
 * the residual to expect and the volume to fill, the settings to key in, the pump refilled as planned, and
 * lines for what is found and done. Every number is the API's (libs/domain); this only prints them.
 */
export function RefillWorksheetSheet({ sheet }: { sheet: RefillWorksheet }) {
  const { patient, pump, current, settings, afterRefill, timeZone } = sheet;
  const at = (iso: string) => formatInstant(iso, timeZone);
  const pumpFacts: WorksheetFact[] = [
    ['Model', pump.modelLabel],
    ['Serial number', pump.serialNumber],
    ['Reservoir', formatMl(pump.reservoirMl)],
    ['Low-reservoir alarm', formatMl(pump.alarmMl)],
    ['Catheter tip', pump.catheterTipLevel ?? 'not recorded'],
  ];
  const nowFacts: WorksheetFact[] = [
    ['Drug', current.drugProduct],
    ['Concentration', formatMcgPerMl(current.concentrationMcgPerMl)],
    ['Programmed dose', formatMcgPerDay(current.programmedDailyDoseMcg)],
    ['Delivers', formatMlPerDay(current.programmedDailyVolumeMl)],
    ['Bolus allowance', allowance(current.patientBolusMcgPerDay)],
    ['Lot', current.lotNumber],
    ['Filled', at(current.filledAt)],
    ['Volume then', formatMl(current.reservoirVolumeAfterMl)],
    ['Alarm', at(current.alarmAt)],
    ['Refill by', formatLocalDate(current.refillBy)],
  ];
  const settingFacts: WorksheetFact[] = [
    ['Reservoir volume', formatMl(settings.reservoirVolumeMl)],
    ['Drug', settings.drugProduct],
    ['Concentration', formatMcgPerMl(settings.concentrationMcgPerMl)],
    ['Daily dose', formatMcgPerDay(settings.dailyDoseMcg)],
    ['Mode', MODE_LABELS[settings.mode]],
    ['Bolus allowance', allowance(settings.patientBolusMcgPerDay)],
    ['Low-reservoir alarm', formatMl(settings.lowReservoirAlarmMl)],
  ];
  return (
    <article className={classes.sheet} aria-label="Refill worksheet" data-testid="refill-worksheet">
      <WorksheetHeader
        title="Refill worksheet – before the refill"
        subtitle={`${sheet.clinicName} · prepared ${at(sheet.preparedAt)}`}
        about={`${patient.name} · MRN ${patient.mrn} · born ${formatLocalDate(patient.birthDate)}`}
      />
      <WorksheetSection title="Pump">
        <WorksheetFacts facts={pumpFacts} />
      </WorksheetSection>
      <WorksheetSection title="In the pump now">
        <WorksheetFacts facts={nowFacts} />
      </WorksheetSection>
      <WorksheetSection title="The refill">
        <WorksheetFacts
          facts={[
            ['Expected residual', formatMl(sheet.expectedResidualMl)],
            ['Volume to fill', `${formatMl(sheet.plannedVolumeMl)} (to full)`],
          ]}
        />
        <p className={classes.note}>
          Expected residual: what the programme alone should have left now (less any patient boluses the controller
          reports). Withdraw everything, then fill the reservoir to full.
        </p>
      </WorksheetSection>
      <WorksheetSection title="Settings to key into the programmer">
        <WorksheetFacts facts={settingFacts} />
      </WorksheetSection>
      <WorksheetSection title="Refilled as planned now">
        <WorksheetFacts
          facts={[
            ['New alarm', at(afterRefill.alarmAt)],
            ['Empty', at(afterRefill.emptyAt)],
            ['New refill by', formatLocalDate(afterRefill.refillBy)],
            ['Days to alarm', formatDays(afterRefill.daysToAlarm)],
          ]}
        />
      </WorksheetSection>
      <WorksheetSection title="Found and done (write in)">
        <WriteInLines blanks={REFILL_WORKSHEET_WRITE_INS} />
        <SignatureLines labels={['Performed by (name, role)', 'Signature and time', 'Checked by (second person)']} />
      </WorksheetSection>
      <p className={classes.footer}>
        {sheet.clinicName} · refill worksheet for pump {pump.serialNumber} · times in {timeZone}
      </p>
    </article>
  );
}
