import { describe, expect, it } from 'vitest';
import { checkPasswordStrength, guessableWords } from './password-strength';

describe('password strength (the same zxcvbn rule the API applies)', () => {
  it('counts the user’s name and email whole, squashed and in parts, lower-cased', () => {
    expect(guessableWords(['Nell Invited', 'nell.i@ward.example'])).toEqual([
      'nell invited',
      'nellinvited',
      'nell',
      'invited',
      'nell.i@ward.example',
      'nelliwardexample',
      'nell',
      'ward',
      'example',
    ]);
  });

  it('refuses a common password, one under 12 characters and the user’s own name; accepts unrelated words', async () => {
    const common = await checkPasswordStrength('password1234', []);
    expect(common).toMatchObject({ isLongEnough: true, isAcceptable: false });
    expect(common.feedback.join(' ')).toMatch(/commonly used password/);
    expect(await checkPasswordStrength('Xq7#vL9!pz', [])).toMatchObject({ length: 10, isAcceptable: false });
    expect((await checkPasswordStrength('nellinvited1', ['Nell Invited'])).isAcceptable).toBe(false);
    const strong = await checkPasswordStrength('violet-harbor-kettle-58', ['Nell Invited']);
    expect(strong).toMatchObject({ score: 4, isAcceptable: true, feedback: [] });
  });
});
