import { AppError } from '../../common/app-error.js';
import { assertStrongPassword, stopPasswordChecks } from './password-strength.js';

const refusal = (p: Promise<void>) =>
  p.then(
    () => null,
    (e: unknown) => (e instanceof AppError ? JSON.stringify(e.details) : String(e)),
  );

describe('assertStrongPassword (zxcvbn in a worker thread)', () => {
  afterAll(() => stopPasswordChecks());

  it('refuses a short password before asking zxcvbn', async () => {
    expect(await refusal(assertStrongPassword('Tr0ub4dor&3', [], 'password'))).toContain('at least 12 characters');
  });

  it('refuses a common password, naming the field and zxcvbn\u2019s reason', async () => {
    const why = await refusal(assertStrongPassword('password1234', [], 'newPassword'));
    expect(why).toContain('newPassword');
    expect(why).toContain('is too easy to guess: ');
  });

  it('counts the user\u2019s own name and email as known words', async () => {
    const strong = 'Marguerite Okonkwo-Lindqvist';
    expect(await refusal(assertStrongPassword(strong, [], 'password'))).toBeNull();
    expect(
      await refusal(
        assertStrongPassword(
          strong,
          ['marguerite.okonkwo-lindqvist@clinic.test', 'Marguerite Okonkwo-Lindqvist'],
          'password',
        ),
      ),
    ).toContain('is too easy to guess');
  });

  it('answers checks sent together each with its own verdict', async () => {
    const verdicts = await Promise.all(
      ['correct horse battery staple 9', 'qwertyuiop12', 'vermilion-otter-quarry-58', 'aaaaaaaaaaaaaaa'].map((p) =>
        refusal(assertStrongPassword(p, [], 'password')),
      ),
    );
    expect(verdicts.map((v) => v === null)).toEqual([true, false, true, false]);
  });
});
