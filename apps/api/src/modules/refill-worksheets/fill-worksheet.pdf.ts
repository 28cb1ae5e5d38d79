import type { FillWorksheet } from '@itb/contracts';
import { formatDateText, toLocalDateTime } from '@itb/domain';
import { num, signed, WorksheetWriter } from './worksheet-pdf-kit.js';

const at = (iso: string, timeZone: string) => toLocalDateTime(new Date(iso), timeZone);
const ROLE_NAMES = { specialist: 'Specialist', nurse: 'Nurse', admin: 'Administrator' } as const;
const answer = (given: boolean | null) => (given === null ? 'not asked' : given ? 'given' : 'none given');

/**
 * The record of a refill on one page: what was found against what the programme should have left, what
 * was put in and programmed, the new dates, and who recorded it. Every number is the stored fill's (the
 * snapshot libs/domain computed when it was recorded).
 */
export async function fillWorksheetPdf(sheet: FillWorksheet): Promise<Uint8Array> {
  const { patient, pump, found, done, previous, result, signedBy, timeZone } = sheet;
  const w = await WorksheetWriter.create(`Refill record - ${patient.name}`);
  w.title(
    'Refill record - after the refill',
    `${sheet.clinicName} - refill performed ${at(sheet.performedAt, timeZone)}`,
    `${patient.name} - MRN ${patient.mrn} - born ${formatDateText(patient.birthDate)}`,
  );

  w.section('Pump');
  w.rows([
    ['Model', pump.modelLabel],
    ['Serial number', pump.serialNumber],
    ['Reservoir', `${num(pump.reservoirMl)} mL`],
    ['Low-reservoir alarm', `${num(pump.alarmMl)} mL`],
  ]);

  w.section('What was found');
  w.rows([
    ['Expected residual', `${num(found.expectedResidualMl)} mL`],
    ['Residual found', `${num(found.residualFoundMl)} mL`],
    ['Withdrawn', `${num(found.residualWithdrawnMl)} mL`],
    ['Left in reservoir', `${num(found.leftInReservoirMl)} mL`],
    [
      'Discrepancy',
      `${signed(found.discrepancyMl)} mL${found.isDiscrepant ? ' - investigate' : ''}`,
      found.isDiscrepant ? 'warning' : null,
    ],
    ['Delivery error', found.deliveryErrorPct === null ? 'n/a' : `${signed(found.deliveryErrorPct, 1)} %`],
    [
      'Patient boluses',
      found.patientBolusesDeliveredMl === null ? 'not reported' : `${num(found.patientBolusesDeliveredMl)} mL`,
    ],
    ...(found.emptySince ? ([['Found dry since', at(found.emptySince, timeZone), 'warning']] as const) : []),
  ]);

  w.section('What was done');
  w.wide('Drug', done.drugProduct);
  w.rows([
    ['Volume added', `${num(done.volumeAddedMl)} mL`],
    ['Volume after', `${num(done.reservoirVolumeAfterMl)} mL`],
    [
      'Concentration',
      `${num(done.concentrationMcgPerMl, 1)} mcg/mL${done.concentrationMcgPerMl === previous.concentrationMcgPerMl ? '' : ` (was ${num(previous.concentrationMcgPerMl, 1)})`}`,
    ],
    ['Lot number', done.lotNumber],
    ['Lot expiry', formatDateText(done.lotExpiresOn)],
    [
      'Daily dose',
      `${num(done.dailyDoseMcg, 1)} mcg/day${done.dailyDoseMcg === previous.dailyDoseMcg ? '' : ` (was ${num(previous.dailyDoseMcg, 1)})`}`,
    ],
    ['Mode', done.mode === 'simple' ? 'Simple continuous' : 'Flex'],
    ['Bolus allowance', done.patientBolusMcgPerDay === null ? 'none' : `${num(done.patientBolusMcgPerDay, 1)} mcg/day`],
    ...(done.mixedConcentrationMcgPerMl !== null && done.realDailyDoseMcg !== null
      ? ([
          ['Mixed', `${num(done.mixedConcentrationMcgPerMl, 1)} mcg/mL`, 'warning'],
          ['Real dose', `${num(done.realDailyDoseMcg, 1)} mcg/day`, 'warning'],
        ] as const)
      : []),
    ...(done.bridgeBolusGiven !== null ? ([['Bridge bolus', answer(done.bridgeBolusGiven)]] as const) : []),
    ...(done.primingBolusGiven !== null ? ([['Priming bolus', answer(done.primingBolusGiven)]] as const) : []),
  ]);
  if (done.notes) {
    w.section('Notes');
    w.paragraph(done.notes, 6);
  }

  w.section('New projection');
  w.rows([
    ['Alarm', at(result.alarmAt, timeZone)],
    ['Empty', at(result.emptyAt, timeZone)],
    ['Refill by', formatDateText(result.refillBy)],
  ]);

  w.section('Recorded');
  w.paragraph(`Signed: ${signedBy.name}, ${ROLE_NAMES[signedBy.role]}, ${at(signedBy.recordedAt, timeZone)}`, 2, {
    size: 10,
  });
  w.signature('Checked by (second person)');
  w.footer(`Refill record for pump ${pump.serialNumber} - times in ${timeZone}`);
  return w.save();
}
