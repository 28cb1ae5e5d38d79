import { PDFDocument, rgb, StandardFonts } from 'pdf-lib';
import { A4_HEIGHT, A4_WIDTH, ansi, wrapText } from '../refill-worksheets/worksheet-pdf-kit.js';

export interface Letter {
  /** The name and postal address, one line each. */
  recipient: string;
  /** "1 Dec 2026": the clinic's date the batch was printed. */
  date: string;
  clinicName: string;
  subject: string;
  body: string;
}

const MARGIN = 56;
const SIZE = 11;
const LINE = SIZE * 1.4;
const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.35, 0.35, 0.4);

/**
 * The daily letter batch (issue 13): one A4 page per letter, the address block placed for a
 * left-window envelope, then the date, the subject in bold and the body. Bodies are a few short
 * paragraphs; a body too long for the page is cut with a note rather than run onto a second page,
 * so the batch's page count is its letter count.
 */
export async function lettersPdf(letters: readonly Letter[]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle('Patient letters');
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const width = A4_WIDTH - 2 * MARGIN;
  for (const letter of letters) {
    const page = pdf.addPage([A4_WIDTH, A4_HEIGHT]);
    let y = A4_HEIGHT - MARGIN;
    const write = (text: string, options: { font?: typeof regular; size?: number; color?: typeof INK } = {}) => {
      y -= LINE;
      page.drawText(ansi(text), {
        x: MARGIN,
        y,
        size: options.size ?? SIZE,
        font: options.font ?? regular,
        color: options.color ?? INK,
      });
    };
    write(letter.clinicName, { font: bold, size: 13 });
    y -= LINE;
    for (const line of letter.recipient.split('\n').slice(0, 7)) write(line);
    y -= LINE;
    write(letter.date, { color: MUTED });
    y -= LINE / 2;
    for (const line of wrapText(letter.subject, width, SIZE, bold)) write(line, { font: bold });
    const bottom = MARGIN + 2 * LINE;
    // Paragraphs apart by a half line (the empty string), then cut where the page ends.
    const lines = letter.body.split('\n\n').flatMap((p) => ['', ...wrapText(p, width, SIZE, regular)]);
    for (const line of lines) {
      if (y - LINE < bottom) {
        write('(The rest of this letter is in the clinic record.)', { color: MUTED });
        break;
      }
      if (line === '') y -= LINE / 2;
      else write(line);
    }
  }
  return pdf.save();
}
