import { PASSWORD_MIN_LENGTH, PASSWORD_MIN_SCORE } from '@itb/contracts';
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { useEffect, useState } from 'react';

export interface PasswordStrength {
  /** zxcvbn's 0–4. */
  score: 0 | 1 | 2 | 3 | 4;
  /** Characters typed. */
  length: number;
  isLongEnough: boolean;
  /** What the server will accept: at least 12 characters and a score of 3 or more. */
  isAcceptable: boolean;
  /** zxcvbn's warning and suggestions, in its words. */
  feedback: string[];
}

let checker: Promise<ZxcvbnFactory> | undefined;

/**
 * The same zxcvbn and dictionaries the API checks with, loaded on first use so the dictionaries
 * (about 1 MB) stay out of the main bundle.
 */
function loadChecker(): Promise<ZxcvbnFactory> {
  checker ??= Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
  ]).then(
    ([core, common, en]) =>
      new core.ZxcvbnFactory({
        dictionary: { ...common.dictionary, ...en.dictionary },
        graphs: common.adjacencyGraphs,
        translations: en.translations,
      }),
  );
  return checker;
}

/** The user's own name and email count as guessable words, whole, squashed and in parts (as the API does). */
export function guessableWords(userInputs: readonly string[]): string[] {
  return userInputs
    .flatMap((input) => [input, input.replace(/[^\p{L}\p{N}]+/gu, ''), ...input.split(/[^\p{L}\p{N}]+/u)])
    .map((w) => w.toLowerCase())
    .filter((w) => w.length > 2);
}

export async function checkPasswordStrength(
  password: string,
  userInputs: readonly string[],
): Promise<PasswordStrength> {
  const zxcvbn = await loadChecker();
  const result = zxcvbn.check(password, guessableWords(userInputs));
  const isLongEnough = password.length >= PASSWORD_MIN_LENGTH;
  return {
    score: result.score,
    length: password.length,
    isLongEnough,
    isAcceptable: isLongEnough && result.score >= PASSWORD_MIN_SCORE,
    feedback: [result.feedback.warning, ...result.feedback.suggestions].filter((f): f is string => Boolean(f)),
  };
}

/** The strength of what is typed, checked as it changes; null while empty or still checking. */
export function usePasswordStrength(password: string, userInputs: readonly string[]): PasswordStrength | null {
  const [checked, setChecked] = useState<{ password: string; strength: PasswordStrength } | null>(null);
  const inputsKey = userInputs.join('\u0000');
  useEffect(() => {
    if (!password) return;
    let isCurrent = true;
    void checkPasswordStrength(password, inputsKey.split('\u0000')).then((strength) => {
      if (isCurrent) setChecked({ password, strength });
    });
    return () => {
      isCurrent = false;
    };
  }, [password, inputsKey]);
  // Advice for an earlier password never shows beside the one typed now.
  return password && checked?.password === password ? checked.strength : null;
}
