import type { AgeBand, PumpModel } from '@itb/domain';
import { z } from 'zod';
import { idSchema } from './common.js';
import {
  AGE_BAND_LABELS,
  ageBandSchema,
  CAUTION_LABELS,
  cautionSchema,
  type Caution,
  INTERACTING_MEDICINE_LABELS,
  interactingMedicineSchema,
  type InteractingMedicine,
  pumpModelSchema,
} from './enums.js';

/**
 * What the wallet card says, in words a patient, a relative or an emergency department reads (DESIGN.md
 * "Emergency wallet card"; CLINICAL.md "Withdrawal" and "Overdose, withdrawal signs and interactions").
 * The page and the PDF print these same strings.
 */
export const EMERGENCY_CARD_TEXT = {
  heading: 'Intrathecal baclofen pump - do not stop suddenly',
  withdrawalSigns:
    'WITHDRAWAL signs (pump empty or not delivering): itching without rash, returning spasticity, rigidity, ' +
    'fever, confusion or altered mental state, low or high blood pressure, tingling, seizures, hallucinations, ' +
    'agitation or anxiety, insomnia, muscle breakdown (rhabdomyolysis).',
  withdrawalAction:
    'What to do: call the 24-hour number now; out of hours go to an emergency department and show this card. ' +
    'Withdrawal can become life-threatening within 24-72 hours.',
  overdoseSigns:
    'OVERDOSE signs (too much baclofen): severe drowsiness, muscle weakness, light-headedness, slow or shallow ' +
    'breathing, seizures, loss of consciousness.',
  overdoseAction:
    'What to do: call an ambulance now and show this card; take no more baclofen or other sedating medicines.',
} as const;

/** The pump's MRI rule (CLINICAL.md "Pumps": SynchroMed II can stall in MRI; Prometra II must be emptied first). */
export const MRI_INSTRUCTIONS = {
  synchromed: 'MRI: have the pump checked (interrogated) by the pump clinic after any MRI scan.',
  prometra: 'MRI: the pump reservoir must be emptied by the pump clinic before any MRI scan.',
  other: 'MRI: ask the pump clinic before any MRI scan.',
} as const;

export function mriInstructionFor(model: PumpModel): string {
  if (model.startsWith('synchromed')) return MRI_INSTRUCTIONS.synchromed;
  if (model.startsWith('prometra')) return MRI_INSTRUCTIONS.prometra;
  return MRI_INSTRUCTIONS.other;
}

export const emergencyCardSchema = z.object({
  patientId: idSchema,
  patientName: z.string(),
  birthDate: z.string(),
  /** Derived from the birth date on the printing date; null for an adult under 65. */
  ageBand: ageBandSchema.nullable(),
  /** The catalogue label, such as "SynchroMed II 20 mL". */
  pumpModel: z.string(),
  pumpModelCode: pumpModelSchema,
  serialNumber: z.string(),
  catheterTipLevel: z.string().nullable(),
  drugProduct: z.string(),
  concentrationMcgPerMl: z.number(),
  dailyDoseMcg: z.number(),
  /** The low-reservoir alarm date in the clinic's zone. */
  alarmDate: z.string(),
  /** The refill-by date in the clinic's zone, as the queue shows it. */
  refillByDate: z.string(),
  clinicName: z.string(),
  /** The clinic's 24-hour phone: a clinic without one gets no card (422 naming `emergencyPhone`). */
  emergencyPhone: z.string(),
  cautions: z.array(cautionSchema),
  interactingMedicines: z.array(interactingMedicineSchema),
  oralBaclofenBackupMgPerDay: z.number().nullable(),
  mriInstruction: z.string(),
  /** The clinic's date the card was produced. */
  printedOn: z.string(),
});
export type EmergencyCard = z.infer<typeof emergencyCardSchema>;

const listOr = (items: string[], none: string) => (items.length > 0 ? items.join(', ') : none);
const number = (n: number) => n.toLocaleString('en');

export const ageBandText = (band: AgeBand | null) => (band ? AGE_BAND_LABELS[band] : 'Adult (18-64)');
export const cautionsText = (cautions: readonly Caution[]) =>
  listOr(
    cautions.map((c) => CAUTION_LABELS[c]),
    'none recorded',
  );
export const interactingMedicinesText = (medicines: readonly InteractingMedicine[]) =>
  listOr(
    medicines.map((m) => INTERACTING_MEDICINE_LABELS[m]),
    'none recorded',
  );

/** One paragraph of the card's back; `strong` ones are the warnings and what to do. */
export interface CardLine {
  key: string;
  text: string;
  strong?: boolean;
}

/**
 * The back of the card, in order, shared by the page and the PDF so both say the same: the heading, the
 * withdrawal and overdose signs each with what to do, the cautions with the age band, the interacting
 * medicines, the oral back-up only when the patient keeps one, and the pump's MRI rule.
 */
export function emergencyCardBackLines(card: EmergencyCard): CardLine[] {
  const lines: CardLine[] = [
    { key: 'heading', text: EMERGENCY_CARD_TEXT.heading, strong: true },
    { key: 'withdrawalSigns', text: EMERGENCY_CARD_TEXT.withdrawalSigns },
    { key: 'withdrawalAction', text: EMERGENCY_CARD_TEXT.withdrawalAction, strong: true },
    { key: 'overdoseSigns', text: EMERGENCY_CARD_TEXT.overdoseSigns },
    { key: 'overdoseAction', text: EMERGENCY_CARD_TEXT.overdoseAction, strong: true },
    {
      key: 'cautions',
      text: `Cautions: ${cautionsText(card.cautions)}. Age: ${ageBandText(card.ageBand)}.`,
    },
    {
      key: 'interactingMedicines',
      text: `Interacting medicines (add sedation): ${interactingMedicinesText(card.interactingMedicines)}.`,
    },
  ];
  if (card.oralBaclofenBackupMgPerDay !== null) {
    lines.push({
      key: 'oralBackup',
      text: `Oral baclofen back-up at home: ${number(card.oralBaclofenBackupMgPerDay)} mg/day - take as prescribed if withdrawal signs start; it may not be enough on its own.`,
    });
  }
  lines.push({ key: 'mri', text: card.mriInstruction, strong: true });
  return lines;
}
