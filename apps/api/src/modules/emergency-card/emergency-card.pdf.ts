import { ageBandText, type EmergencyCard, emergencyCardBackLines } from '@itb/contracts';
import { formatDateText } from '@itb/domain';
import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';

/** ISO/IEC 7810 ID-1, a bank card: 85.60 × 53.98 mm in points. */
const WIDTH = (85.6 / 25.4) * 72;
const HEIGHT = (53.98 / 25.4) * 72;
const MARGIN = 9;
const RED = rgb(0.72, 0.1, 0.1);
const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.35, 0.35, 0.4);
/** The back's text shrinks in these steps until it fits above the printed line; below the last it is refused. */
const BACK_SIZES = [6, 5.8, 5.6, 5.4, 5.2, 5, 4.8, 4.6, 4.4];
const LINE_HEIGHT = 1.2;
const PARAGRAPH_GAP = 1.6;

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

const number = (n: number) => n.toLocaleString('en');

/** The largest size at or below `size` at which `text` fits in `width`. */
function fittingSize(text: string, font: PDFFont, size: number, width: number): number {
  let s = size;
  while (s > 4 && font.widthOfTextAtSize(ansi(text), s) > width) s -= 0.25;
  return s;
}

function drawFront(page: PDFPage, card: EmergencyCard, regular: PDFFont, bold: PDFFont): void {
  page.drawRectangle({ x: 0, y: HEIGHT - 20, width: WIDTH, height: 20, color: RED });
  page.drawText(ansi('BACLOFEN PUMP - EMERGENCY CARD'), {
    x: MARGIN,
    y: HEIGHT - 14,
    size: 8,
    font: bold,
    color: rgb(1, 1, 1),
  });
  let y = HEIGHT - 31;
  const nameSize = fittingSize(card.patientName, bold, 10, WIDTH - 2 * MARGIN);
  page.drawText(ansi(card.patientName), { x: MARGIN, y, size: nameSize, font: bold, color: INK });
  y -= 10.5;
  const rows: [string, string][] = [
    ['Born', `${formatDateText(card.birthDate)} - Age: ${ageBandText(card.ageBand)}`],
    ['Pump', `${card.pumpModel}, serial ${card.serialNumber}`],
    ['Catheter tip', card.catheterTipLevel ?? 'not recorded'],
    ['Drug', `${card.drugProduct}, ${number(card.concentrationMcgPerMl)} mcg/mL`],
    ['Daily dose', `${number(card.dailyDoseMcg)} mcg/day`],
    ['Alarm date', formatDateText(card.alarmDate)],
    ['Refill by', formatDateText(card.refillByDate)],
  ];
  const valueX = MARGIN + 46;
  for (const [label, value] of rows) {
    page.drawText(ansi(label), { x: MARGIN, y, size: 6.5, font: regular, color: MUTED });
    const size = fittingSize(value, bold, 7, WIDTH - valueX - MARGIN);
    page.drawText(ansi(value), { x: valueX, y, size, font: bold, color: INK });
    y -= 8.6;
  }
  page.drawLine({
    start: { x: MARGIN, y: 28 },
    end: { x: WIDTH - MARGIN, y: 28 },
    thickness: 0.4,
    color: MUTED,
  });
  page.drawText(ansi(card.clinicName), {
    x: MARGIN,
    y: 19,
    size: fittingSize(card.clinicName, regular, 6.5, WIDTH - 2 * MARGIN),
    font: regular,
    color: INK,
  });
  const phone = `24-hour phone: ${card.emergencyPhone}`;
  page.drawText(ansi(phone), {
    x: MARGIN,
    y: MARGIN - 1,
    size: fittingSize(phone, bold, 8.5, WIDTH - 2 * MARGIN),
    font: bold,
    color: RED,
  });
}

interface Laid {
  text: string;
  font: PDFFont;
  color: typeof INK;
  size: number;
  y: number;
}

/** Lays the back out at the first size that fits above the printed line, or null when none does. */
function layBack(card: EmergencyCard, regular: PDFFont, bold: PDFFont): Laid[] | null {
  const bottom = MARGIN + 6;
  for (const size of BACK_SIZES) {
    const laid: Laid[] = [];
    let y = HEIGHT - MARGIN - size;
    for (const line of emergencyCardBackLines(card)) {
      const font = line.strong ? bold : regular;
      const color = line.key === 'heading' || line.key === 'mri' ? RED : INK;
      const lineSize = line.key === 'heading' ? size + 1 : size;
      for (const text of wrap(line.text, font, lineSize, WIDTH - 2 * MARGIN)) {
        laid.push({ text, font, color, size: lineSize, y });
        y -= lineSize * LINE_HEIGHT;
      }
      y -= PARAGRAPH_GAP;
    }
    if (y + size * LINE_HEIGHT + PARAGRAPH_GAP >= bottom) return laid;
  }
  return null;
}

/**
 * Front: who, which pump, what is in it, when it alarms and must be refilled, and the number to call.
 * Back: withdrawal and overdose signs with what to do, cautions, medicines, the oral back-up, the MRI rule.
 */
export async function emergencyCardPdf(card: EmergencyCard): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(ansi(`Emergency card - ${card.patientName}`));
  pdf.setCreator('ITB Clinic');
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);

  drawFront(pdf.addPage([WIDTH, HEIGHT]), card, regular, bold);

  const back = pdf.addPage([WIDTH, HEIGHT]);
  back.drawRectangle({ x: 0, y: HEIGHT - 3, width: WIDTH, height: 3, color: RED });
  const laid = layBack(card, regular, bold);
  // Every list on the card is bounded (six cautions, eight medicines), so this only guards future text.
  if (!laid) throw new Error('The emergency card text does not fit on the card');
  for (const { text, font, color, size, y } of laid) back.drawText(text, { x: MARGIN, y, size, font, color });
  back.drawText(ansi(`${card.clinicName} - printed ${formatDateText(card.printedOn)}`), {
    x: MARGIN,
    y: MARGIN - 4,
    size: 5,
    font: regular,
    color: MUTED,
  });
  return pdf.save();
}
