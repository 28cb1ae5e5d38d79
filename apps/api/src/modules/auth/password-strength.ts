import { PASSWORD_MIN_LENGTH, PASSWORD_MIN_SCORE } from '@itb/contracts';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import { AppError } from '../../common/app-error.js';

/** zxcvbn with the common and English dictionaries and keyboard graphs (the web's meter uses the same). */
const zxcvbn = new ZxcvbnFactory({
  dictionary: { ...common.dictionary, ...en.dictionary },
  graphs: common.adjacencyGraphs,
  translations: en.translations,
});

/**
 * Refuses a password shorter than 12 characters or with a zxcvbn score under 3; the user's own email
 * and name count as known words. The 400 names the field and says why, in zxcvbn's words.
 */
export function assertStrongPassword(password: string, userInputs: string[], field: string): void {
  if (password.length < PASSWORD_MIN_LENGTH) {
    throw AppError.validation(field, `must be at least ${PASSWORD_MIN_LENGTH} characters`);
  }
  // Each input whole, squashed ("Nell Invited" → "nellinvited") and in parts, as guessable words.
  const words = userInputs
    .flatMap((input) => [input, input.replace(/[^\p{L}\p{N}]+/gu, ''), ...input.split(/[^\p{L}\p{N}]+/u)])
    .map((w) => w.toLowerCase())
    .filter((w) => w.length > 2);
  const result = zxcvbn.check(password, words);
  if (result.score < PASSWORD_MIN_SCORE) {
    const why = [result.feedback.warning, ...result.feedback.suggestions].filter(Boolean).join(' ');
    throw AppError.validation(field, `is too easy to guess${why ? `: ${why}` : ''}`);
  }
}
