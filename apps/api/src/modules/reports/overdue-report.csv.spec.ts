import { describe, expect, it } from '@jest/globals';
import { neutraliseFormula, toCsv } from './overdue-report.csv.js';

describe('CSV cells a spreadsheet could run (OWASP CSV injection)', () => {
  it.each([
    ['=HYPERLINK("http://x")', `'=HYPERLINK("http://x")`],
    ['+1+1', `'+1+1`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\tcmd', `'\tcmd`],
    ['\rcmd', `'\rcmd`],
    ['Smith-Jones', 'Smith-Jones'],
    ['', ''],
  ])('turns %j into %j', (text, expected) => {
    expect(neutraliseFormula(text)).toBe(expected);
  });

  it('escapes text cells, quotes where RFC 4180 says, and leaves numbers (negative ones too) as numbers', () => {
    expect(toCsv([['=1+2', -3, 'a,b', '-x', null, true]])).toBe(`'=1+2,-3,"a,b",'-x,,true\r\n`);
    expect(toCsv([['=HYPERLINK("http://evil")']])).toBe(`"'=HYPERLINK(""http://evil"")"\r\n`);
    expect(toCsv([['\rx']])).toBe(`"'\rx"\r\n`);
  });
});
