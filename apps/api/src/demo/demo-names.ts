/**
 * Synthetic names for demo patients (no real person is meant), by the sex a patient is recorded with, so a
 * chart never reads "Ben, female".
 */
export const GIVEN_NAMES_BY_SEX = {
  female: [
    'Alice',
    'Chloe',
    'Ella',
    'Farah',
    'Hannah',
    'Jade',
    'Leah',
    'Nina',
    'Priya',
    'Rosa',
    'Tara',
    'Violet',
    'Yasmin',
    'Maria',
    'Grace',
    'Sofia',
    'Aisha',
    'Mei',
  ],
  male: [
    'Ben',
    'Daniel',
    'George',
    'Isaac',
    'Kofi',
    'Mohammed',
    'Oscar',
    'Quentin',
    'Samuel',
    'Umar',
    'William',
    'Zach',
    'Luis',
    'Ethan',
    'Noah',
    'Liam',
    'Owen',
  ],
} as const;
/** Every given name (emergency contacts may be anyone). */
export const GIVEN_NAMES = [...GIVEN_NAMES_BY_SEX.female, ...GIVEN_NAMES_BY_SEX.male];
export const FAMILY_NAMES = [
  'Anderson',
  'Bennett',
  'Carter',
  'Davies',
  'Evans',
  'Fletcher',
  'Garcia',
  'Harris',
  'Ibrahim',
  'Jones',
  'Khan',
  'Lewis',
  'Morgan',
  'Nguyen',
  'Okafor',
  'Patel',
  'Quinn',
  'Roberts',
  'Singh',
  'Thompson',
  'Usman',
  'Vaughan',
  'Walker',
  'Young',
  'Zielinski',
  'Hernandez',
  'Kowalski',
  'Murphy',
  'Chen',
  'Brown',
];

const STREETS = ['High Street', 'Church Road', 'Station Road', 'Mill Lane', 'Park Avenue', 'Victoria Road'];

/**
 * A demo patient's reminder contact, drawn from the patient's index (no random draw, so the rest of the
 * demo stays as it was): two in three by e-mail at a reserved example domain, the rest by letter.
 */
export function demoContact(
  index: number,
  givenName: string,
  familyName: string,
  town: string,
): { email: string | null; reminderChannel: 'email' | 'letter'; postalAddress: string } {
  const isEmail = index % 3 !== 2;
  const local = `${givenName}.${familyName}`.toLowerCase().replace(/[^a-z.]/g, '');
  return {
    email: isEmail ? `${local}@patients.example` : null,
    reminderChannel: isEmail ? 'email' : 'letter',
    postalAddress: `${10 + (index % 90)} ${STREETS[index % STREETS.length]}\n${town}`,
  };
}
