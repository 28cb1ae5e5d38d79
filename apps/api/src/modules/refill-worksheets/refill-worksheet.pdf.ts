import { REFILL_WORKSHEET_WRITE_INS, type RefillWorksheet } from '@itb/contracts';
import { formatDateText, toLocalDateTime } from '@itb/domain';
import { num, WorksheetWriter } from './worksheet-pdf-kit.js';

const at = (iso: string, timeZone: string) => toLocalDateTime(new Date(iso), timeZone);

/**
 * The page a nurse takes to the refill: who and which pump, what is in it now, the residual to expect and
 * the volume to put in, the settings to key into the programmer, what the pump will do once refilled, and
 * blanks for what is found and done, with signature lines. Every number is the API's (libs/domain).
 */
export async function refillWorksheetPdf(sheet: RefillWorksheet): Promise<Uint8Array> {
  const { patient, pump, current, settings, afterRefill, timeZone } = sheet;
  const w = await WorksheetWriter.create(`Refill worksheet - ${patient.name}`);
  w.title(
    'Refill worksheet - before the refill',
    `${sheet.clinicName} - prepared ${at(sheet.preparedAt, timeZone)}`,
    `${patient.name} - MRN ${patient.mrn} - born ${formatDateText(patient.birthDate)}`,
  );

  w.section('Pump');
  w.rows([
    ['Model', pump.modelLabel],
    ['Serial number', pump.serialNumber],
    ['Reservoir', `${num(pump.reservoirMl)} mL`],
    ['Low-reservoir alarm', `${num(pump.alarmMl)} mL`],
    ['Catheter tip', pump.catheterTipLevel ?? 'not recorded'],
  ]);

  w.section('In the pump now');
  w.wide('Drug', current.drugProduct);
  w.rows([
    ['Concentration', `${num(current.concentrationMcgPerMl, 1)} mcg/mL`],
    ['Programmed dose', `${num(current.programmedDailyDoseMcg, 1)} mcg/day`],
    ['Delivers', `${num(current.programmedDailyVolumeMl, 4)} mL/day`],
    [
      'Bolus allowance',
      current.patientBolusMcgPerDay === null ? 'none' : `${num(current.patientBolusMcgPerDay, 1)} mcg/day`,
    ],
    ['Lot', current.lotNumber],
    ['Filled', at(current.filledAt, timeZone)],
    ['Volume then', `${num(current.reservoirVolumeAfterMl)} mL`],
    ['Alarm', at(current.alarmAt, timeZone)],
    ['Refill by', formatDateText(current.refillBy)],
  ]);

  w.section('The refill');
  w.rows([
    ['Expected residual', `${num(sheet.expectedResidualMl)} mL`],
    ['Volume to fill', `${num(sheet.plannedVolumeMl)} mL (to full)`],
  ]);
  w.paragraph(
    'Expected residual: what the programme alone should have left now (less any patient boluses the controller ' +
      'reports). Withdraw everything, then fill the reservoir to full.',
    3,
    { size: 8, color: 'muted' },
  );

  w.section('Settings to key into the programmer');
  w.wide('Drug', settings.drugProduct);
  w.rows([
    ['Reservoir volume', `${num(settings.reservoirVolumeMl)} mL`],
    ['Concentration', `${num(settings.concentrationMcgPerMl, 1)} mcg/mL`],
    ['Daily dose', `${num(settings.dailyDoseMcg, 1)} mcg/day`],
    ['Mode', settings.mode === 'simple' ? 'Simple continuous' : 'Flex'],
    [
      'Bolus allowance',
      settings.patientBolusMcgPerDay === null ? 'none' : `${num(settings.patientBolusMcgPerDay, 1)} mcg/day`,
    ],
    ['Low-reservoir alarm', `${num(settings.lowReservoirAlarmMl)} mL`],
  ]);

  w.section('Refilled as planned now');
  w.rows([
    ['New alarm', at(afterRefill.alarmAt, timeZone)],
    ['Empty', at(afterRefill.emptyAt, timeZone)],
    ['New refill by', formatDateText(afterRefill.refillBy)],
    ['Days to alarm', `${num(afterRefill.daysToAlarm, 0)} days`],
  ]);

  w.section('Found and done (write in)');
  w.blanks(REFILL_WORKSHEET_WRITE_INS);
  w.signature('Performed by (name, role)');
  w.signature('Signature and time');
  w.signature('Checked by (second person)');
  w.footer(`Refill worksheet for pump ${pump.serialNumber} - times in ${timeZone}`);
  return w.save();
}
