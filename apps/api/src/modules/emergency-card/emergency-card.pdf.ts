import { type EmergencyCard, EMERGENCY_CARD_TEXT } from '@itb/contracts';
import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';

/** ISO/IEC 7810 ID-1, a bank card: 85.60 × 53.98 mm in points. */
const WIDTH = (85.6 / 25.4) * 72;
const HEIGHT = (53.98 / 25.4) * 72;
const MARGIN = 9;
const RED = rgb(0.72, 0.1, 0.1);
const INK = rgb(0.1, 0.1, 0.12);

/** The standard PDF fonts speak WinAnsi: keep to it. */
const ansi = (s: string) => s.replace(/[–—]/g, '-').replace(/[^\x20-\x7e\xa0-\xff]/g, '?');

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of ansi(text).split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(next, size) > width && line) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

function paragraph(page: PDFPage, text: string, y: number, font: PDFFont, size: number, color = INK): number {
  for (const line of wrap(text, font, size, WIDTH - 2 * MARGIN)) {
    page.drawText(line, { x: MARGIN, y, size, font, color });
    y -= size * 1.25;
  }
  return y;
}

const number = (n: number) => n.toLocaleString('en');

/** Front: who, which pump, what is in it and when it alarms. Back: the signs and what to do. */
export async function emergencyCardPdf(card: EmergencyCard): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(ansi(`Emergency card - ${card.patientName}`));
  pdf.setCreator('ITB Clinic');
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);

  const front = pdf.addPage([WIDTH, HEIGHT]);
  front.drawRectangle({ x: 0, y: HEIGHT - 20, width: WIDTH, height: 20, color: RED });
  front.drawText(ansi('BACLOFEN PUMP - EMERGENCY CARD'), {
    x: MARGIN,
    y: HEIGHT - 14,
    size: 8,
    font: bold,
    color: rgb(1, 1, 1),
  });
  let y = HEIGHT - 32;
  front.drawText(ansi(card.patientName), { x: MARGIN, y, size: 10, font: bold, color: INK });
  y -= 11;
  const rows: [string, string][] = [
    ['Born', card.birthDate],
    ['Pump', `${card.pumpModel}, serial ${card.serialNumber}`],
    ['Drug', `${card.drugProduct}, ${number(card.concentrationMcgPerMl)} mcg/mL`],
    ['Daily dose', `${number(card.dailyDoseMcg)} mcg/day`],
    ['Alarm date', card.alarmDate],
    ['Oral back-up', card.oralBaclofenBackupMgPerDay ? `${number(card.oralBaclofenBackupMgPerDay)} mg/day` : 'none'],
  ];
  for (const [label, value] of rows) {
    front.drawText(ansi(label), { x: MARGIN, y, size: 6.5, font: regular, color: rgb(0.35, 0.35, 0.4) });
    front.drawText(ansi(value), { x: MARGIN + 52, y, size: 7, font: bold, color: INK });
    y -= 9;
  }
  front.drawText(ansi(`${card.clinicName}: ${card.emergencyPhone ?? 'see clinic letter'}`), {
    x: MARGIN,
    y: MARGIN,
    size: 7,
    font: bold,
    color: RED,
  });

  const back = pdf.addPage([WIDTH, HEIGHT]);
  y = HEIGHT - 16;
  y = paragraph(back, EMERGENCY_CARD_TEXT.heading, y, bold, 7.5, RED) - 2;
  y = paragraph(back, EMERGENCY_CARD_TEXT.earlySigns, y, regular, 6.2) - 1;
  y = paragraph(back, EMERGENCY_CARD_TEXT.lateSigns, y, regular, 6.2) - 1;
  paragraph(back, EMERGENCY_CARD_TEXT.action, y, bold, 6.2);
  back.drawText(ansi(`Printed ${card.printedOn}`), { x: MARGIN, y: MARGIN - 2, size: 5.5, font: regular, color: INK });
  return pdf.save();
}
