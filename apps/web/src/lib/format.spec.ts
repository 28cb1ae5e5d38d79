import { describe, expect, it } from 'vitest';
import {
  ageInYears,
  formatDays,
  formatInstant,
  formatInstantDate,
  formatLocalDate,
  formatMcgPerDay,
  formatMcgPerMl,
  formatMl,
  formatPatientName,
  formatSignedMl,
  formatSignedPercent,
  timeZoneAbbreviation,
  todayIn,
} from './format';

describe('number formats', () => {
  it('shows volumes with at most 2 decimals and the unit', () => {
    expect(formatMl(19.999)).toBe('20 mL');
    expect(formatMl(8.26)).toBe('8.26 mL');
    expect(formatMl(0)).toBe('0 mL');
  });

  it('shows doses and concentrations with their units and thousands separators', () => {
    expect(formatMcgPerDay(400)).toBe('400 mcg/day');
    expect(formatMcgPerDay(412.55)).toBe('412.6 mcg/day');
    expect(formatMcgPerMl(2000)).toBe('2,000 mcg/mL');
  });

  it('always shows the sign of a difference', () => {
    expect(formatSignedMl(-0.27)).toBe('-0.27 mL');
    expect(formatSignedMl(1.5)).toBe('+1.5 mL');
    expect(formatSignedMl(0)).toBe('0 mL');
    expect(formatSignedPercent(19.6)).toBe('+19.6%');
    expect(formatSignedPercent(-3.25)).toBe('-3.3%');
  });

  it('says day or days', () => {
    expect(formatDays(1)).toBe('1 day');
    expect(formatDays(0)).toBe('0 days');
    expect(formatDays(34)).toBe('34 days');
  });
});

describe('calendar dates', () => {
  it('formats a YYYY-MM-DD date without shifting it through a time zone', () => {
    expect(formatLocalDate('2026-03-01')).toBe('1 Mar 2026');
    expect(formatLocalDate('2026-12-31')).toBe('31 Dec 2026');
  });

  it('leaves text that is not a calendar date as it is', () => {
    expect(formatLocalDate('soon')).toBe('soon');
  });

  it('counts whole years of age, before and on the birthday', () => {
    expect(ageInYears('1960-05-20', '2026-05-19')).toBe(65);
    expect(ageInYears('1960-05-20', '2026-05-20')).toBe(66);
  });
});

describe('instants in the clinic zone', () => {
  it('shows date, time and the zone abbreviation in winter and in summer', () => {
    expect(formatInstant('2026-01-15T14:30:00Z', 'Europe/London')).toBe('15 Jan 2026, 14:30 GMT');
    expect(formatInstant('2026-07-15T14:30:00Z', 'Europe/London')).toBe('15 Jul 2026, 15:30 BST');
  });

  it('uses the common abbreviation for American zones', () => {
    expect(timeZoneAbbreviation(new Date('2026-01-15T12:00:00Z'), 'America/New_York')).toBe('EST');
    expect(formatInstant('2026-07-15T14:30:00Z', 'America/New_York')).toBe('15 Jul 2026, 10:30 EDT');
  });

  it('can leave the zone out', () => {
    expect(formatInstant('2026-01-15T14:30:00Z', 'Europe/London', { withZone: false })).toBe('15 Jan 2026, 14:30');
  });

  it('takes the calendar date an instant falls on in the clinic zone', () => {
    // 23:30 UTC on 31 Dec is already 1 Jan in Berlin.
    expect(formatInstantDate('2026-12-31T23:30:00Z', 'Europe/Berlin')).toBe('1 Jan 2027');
    expect(todayIn('Pacific/Auckland', new Date('2026-06-30T13:00:00Z'))).toBe('2026-07-01');
  });
});

it('files patients by family name', () => {
  expect(formatPatientName({ givenName: 'Anna', familyName: 'Smith' })).toBe('Smith, Anna');
});
