import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';

/** A label, its value, and whether the value is a warning (printed in red). */
export type SheetRow = readonly [label: string, value: string, tone?: 'warning' | null];

/** A4 in points, portrait. */
export const A4_WIDTH = 595.28;
export const A4_HEIGHT = 841.89;
const MARGIN = 42;
const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.35, 0.35, 0.4);
const ACCENT = rgb(0.03, 0.4, 0.48);
const RED = rgb(0.72, 0.1, 0.1);
/** Where a row's value starts, from its column's left edge. */
const LABEL_WIDTH = 96;
/** The step between the lines of one wrapped value. */
const VALUE_LINE = 11.5;

/** The standard PDF fonts speak WinAnsi: keep to it. */
export const ansi = (s: string) =>
  s
    .replace(/[–—−]/g, '-')
    .replace(/→/g, '->')
    .replace(/[^\x20-\x7e\xa0-\xff]/g, '?');

/** Numbers as the screens print them: grouped thousands, at most `decimals` places. */
export const num = (n: number, decimals = 2) => n.toLocaleString('en', { maximumFractionDigits: decimals });
export const signed = (n: number, decimals = 2) =>
  n.toLocaleString('en', { maximumFractionDigits: decimals, signDisplay: 'exceptZero' });

/**
 * Writes one A4 page from the top down: a title band, sections of label/value rows, blanks to fill in by
 * hand and signature lines. Everything a worksheet holds is bounded (free text is cut to a line budget),
 * so a sheet never runs onto a second page; `assertFits` guards that for future text.
 */
export class WorksheetWriter {
  private y = A4_HEIGHT - MARGIN;
  private constructor(
    private readonly pdf: PDFDocument,
    private readonly page: PDFPage,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
  ) {}

  static async create(title: string): Promise<WorksheetWriter> {
    const pdf = await PDFDocument.create();
    pdf.setTitle(ansi(title));
    pdf.setCreator('ITB Clinic');
    const page = pdf.addPage([A4_WIDTH, A4_HEIGHT]);
    return new WorksheetWriter(
      pdf,
      page,
      await pdf.embedFont(StandardFonts.Helvetica),
      await pdf.embedFont(StandardFonts.HelveticaBold),
    );
  }

  private text(value: string, x: number, options: { size?: number; bold?: boolean; color?: typeof INK } = {}): void {
    this.page.drawText(ansi(value), {
      x,
      y: this.y,
      size: options.size ?? 9.5,
      font: options.bold ? this.bold : this.regular,
      color: options.color ?? INK,
    });
  }

  /** The sheet's title, the clinic and a line under it (who it is about); long names wrap. */
  title(title: string, subtitle: string, about: string): void {
    this.text(title, MARGIN, { size: 16, bold: true, color: ACCENT });
    const width = A4_WIDTH - 2 * MARGIN;
    for (const [n, line] of this.wrap(subtitle, width, 9).entries()) {
      this.y -= n === 0 ? 15 : 11;
      this.text(line, MARGIN, { size: 9, color: MUTED });
    }
    for (const [n, line] of this.wrap(about, width, 11, this.bold).entries()) {
      this.y -= n === 0 ? 18 : 13;
      this.text(line, MARGIN, { size: 11, bold: true });
    }
    this.y -= 8;
    this.rule(1, ACCENT);
  }

  section(heading: string): void {
    this.y -= 22;
    this.text(heading.toUpperCase(), MARGIN, { size: 9, bold: true, color: ACCENT });
    this.y -= 4;
    this.rule(0.4, MUTED);
  }

  /**
   * Label/value rows in two columns across the page; a `warning` value prints in red. A long value (a drug's
   * full name) wraps in its column, up to three lines, and the row grows with it: nothing is cut short.
   */
  rows(rows: readonly SheetRow[]): void {
    const half = (A4_WIDTH - 2 * MARGIN) / 2;
    for (let i = 0; i < rows.length; i += 2) {
      const pair = [rows[i], rows[i + 1]].map(
        (row) => row && { row, lines: this.wrapValue(row[1], half - LABEL_WIDTH - 8) },
      );
      this.y -= 14;
      const top = this.y;
      for (const [column, cell] of pair.entries()) {
        if (!cell) continue;
        const x = MARGIN + column * half;
        this.y = top;
        this.text(cell.row[0], x, { size: 8.5, color: MUTED });
        for (const [n, line] of cell.lines.entries()) {
          this.y = top - n * VALUE_LINE;
          this.text(line, x + LABEL_WIDTH, { bold: true, color: cell.row[2] === 'warning' ? RED : INK });
        }
      }
      this.y = top - (Math.max(...pair.map((cell) => cell?.lines.length ?? 1)) - 1) * VALUE_LINE;
    }
  }

  /** One row across both columns, for a value too long for one (a drug's full name). */
  wide(label: string, value: string): void {
    this.y -= 14;
    const top = this.y;
    this.text(label, MARGIN, { size: 8.5, color: MUTED });
    const lines = this.wrapValue(value, A4_WIDTH - 2 * MARGIN - LABEL_WIDTH - 8);
    for (const [n, line] of lines.entries()) {
      this.y = top - n * VALUE_LINE;
      this.text(line, MARGIN + LABEL_WIDTH, { bold: true });
    }
  }

  /** Lines to write on by hand: "Residual withdrawn ________ mL", two to a line. */
  blanks(blanks: readonly (readonly [string, string])[]): void {
    const half = (A4_WIDTH - 2 * MARGIN) / 2;
    for (let i = 0; i < blanks.length; i += 2) {
      this.y -= 22;
      for (const [column, blank] of [blanks[i], blanks[i + 1]].entries()) {
        if (!blank) continue;
        const x = MARGIN + column * half;
        this.text(blank[0], x, { size: 9 });
        const lineStart = x + LABEL_WIDTH + 8;
        const lineEnd = x + half - 52;
        this.page.drawLine({
          start: { x: lineStart, y: this.y - 2 },
          end: { x: lineEnd, y: this.y - 2 },
          thickness: 0.6,
          color: MUTED,
        });
        this.text(blank[1], lineEnd + 4, { size: 9, color: MUTED });
      }
    }
  }

  /** Wrapped text, cut to `maxLines` with a note that the rest is in the record. */
  paragraph(value: string, maxLines = 4, options: { size?: number; color?: 'muted' | 'warning' } = {}): void {
    const size = options.size ?? 9;
    const lines = this.wrap(value, A4_WIDTH - 2 * MARGIN, size);
    const shown = lines.length > maxLines ? [...lines.slice(0, maxLines - 1), '(continued in the record)'] : lines;
    const color = options.color === 'muted' ? MUTED : options.color === 'warning' ? RED : INK;
    for (const line of shown) {
      this.y -= size * 1.35;
      this.text(line, MARGIN, { size, color });
    }
  }

  signature(label: string): void {
    this.y -= 26;
    this.text(label, MARGIN, { size: 9 });
    this.page.drawLine({
      start: { x: MARGIN + 120, y: this.y - 2 },
      end: { x: A4_WIDTH - MARGIN, y: this.y - 2 },
      thickness: 0.6,
      color: MUTED,
    });
  }

  /** The footer line at the page's foot: where the sheet came from. */
  footer(value: string): void {
    this.page.drawText(ansi(value), { x: MARGIN, y: MARGIN - 18, size: 7.5, font: this.regular, color: MUTED });
  }

  async save(): Promise<Uint8Array> {
    // Every sheet's content is bounded; this only guards text added later.
    if (this.y < MARGIN) throw new Error('The worksheet does not fit on one A4 page');
    return this.pdf.save();
  }

  private rule(thickness: number, color: typeof INK): void {
    this.y -= 4;
    this.page.drawLine({
      start: { x: MARGIN, y: this.y },
      end: { x: A4_WIDTH - MARGIN, y: this.y },
      thickness,
      color,
    });
  }

  /** A bold value's lines in `width` (three at most: every value on a sheet is bounded well below that). */
  private wrapValue(value: string, width: number): string[] {
    return this.wrap(value, width, 9.5, this.bold).slice(0, 3);
  }

  private wrap(value: string, width: number, size: number, font: PDFFont = this.regular): string[] {
    return wrapText(value, width, size, font);
  }
}

/** Lines of at most `width`, broken at spaces; a word wider than a line (a long lot number) is broken too. */
export function wrapText(value: string, width: number, size: number, font: PDFFont): string[] {
  const fits = (text: string) => font.widthOfTextAtSize(text, size) <= width;
  const lines: string[] = [];
  for (const paragraph of value.split(/\r?\n/).map(ansi)) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      const next = line ? `${line} ${word}` : word;
      if (fits(next)) {
        line = next;
        continue;
      }
      if (line) lines.push(line);
      line = '';
      for (const char of word) {
        if (line && !fits(line + char)) {
          lines.push(line);
          line = '';
        }
        line += char;
      }
    }
    lines.push(line);
  }
  return lines;
}
