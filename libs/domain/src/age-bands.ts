import type { LocalDate } from './local-date.js';

/**
 * Age bands are derived from the birth date, never ticked (DESIGN.md "Patient"): `child` under 18 at
 * the moment in question (CLINICAL.md "Dosing": children take the cerebral-origin titration limits),
 * `age_over_65` from the 65th birthday (CLINICAL.md "Patients who need extra care": older adults).
 */
export const AGE_BANDS = ['child', 'age_over_65'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export const CHILD_UNDER_YEARS = 18;
export const OLDER_ADULT_FROM_YEARS = 65;

/** Whole years of age on a calendar date; a 29 February birthday comes of age on 1 March in common years. */
export function ageInYearsOn(birthDate: LocalDate, onDate: LocalDate): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = onDate.split('-').map(Number) as [number, number, number];
  const hadBirthday = m > bm || (m === bm && d >= bd);
  return y - by - (hadBirthday ? 0 : 1);
}

/** The age band on a date, or null for an adult under 65. */
export function ageBandOn(birthDate: LocalDate, onDate: LocalDate): AgeBand | null {
  const age = ageInYearsOn(birthDate, onDate);
  if (age < CHILD_UNDER_YEARS) return 'child';
  if (age >= OLDER_ADULT_FROM_YEARS) return 'age_over_65';
  return null;
}

export function isChildOn(birthDate: LocalDate, onDate: LocalDate): boolean {
  return ageInYearsOn(birthDate, onDate) < CHILD_UNDER_YEARS;
}
