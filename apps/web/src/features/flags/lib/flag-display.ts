import { FLAG_CODE_LABELS, type FlagCode, type FlagResponse, type FlagStatus, SIGN_KIND_LABELS } from '@itb/contracts';
import { flagTimePhrase, MANUALLY_RESOLVED_RULES, type FlagSeverity, type RiskRuleCode } from '@itb/domain';
import { formatInstant } from '../../../lib/format';

/** Severity in words beside its colour, so it never relies on colour alone. */
export const SEVERITY_LABELS: Record<FlagSeverity, string> = {
  critical: 'Critical',
  high: 'High',
  moderate: 'Moderate',
};

/**
 * Critical red, high orange, moderate yellow. Badge shades chosen so the theme's auto-contrast
 * gives readable text: white on red 9, black on orange 6 and yellow 4.
 */
export const SEVERITY_COLORS: Record<FlagSeverity, { badge: string; accent: string; tint: string }> = {
  critical: { badge: 'red.9', accent: 'var(--mantine-color-red-8)', tint: 'var(--mantine-color-red-0)' },
  high: { badge: 'orange.6', accent: 'var(--mantine-color-orange-6)', tint: 'var(--mantine-color-orange-0)' },
  moderate: { badge: 'yellow.4', accent: 'var(--mantine-color-yellow-5)', tint: 'var(--mantine-color-yellow-0)' },
};

export const FLAG_STATUS_LABELS: Record<FlagStatus, string> = {
  open: 'Open',
  acknowledged: 'Acknowledged',
  resolved: 'Resolved',
};

/** The rule's name; a manual flag says which report it is ("Withdrawal signs", "Overdose signs"). */
export const flagLabel = (
  flag: Pick<FlagResponse, 'code'> & { details?: Pick<FlagResponse['details'], 'kind'> },
): string =>
  flag.code === 'manual' && flag.details?.kind ? SIGN_KIND_LABELS[flag.details.kind] : FLAG_CODE_LABELS[flag.code];

/**
 * Only clinical-sign flags and the rules that never clear themselves are resolved by hand; the
 * others resolve when their condition clears (the API answers 422 otherwise).
 */
export const isResolvedByHand = (code: FlagCode): boolean =>
  code === 'manual' || MANUALLY_RESOLVED_RULES.includes(code as RiskRuleCode);

/** "Raised by Nurse Tom Hughes, 23 Nov 2026, 07:20 GMT"; a rule raised it when nobody did. */
export const raisedText = (flag: Pick<FlagResponse, 'raisedAt' | 'raisedBy'>, timeZone: string): string =>
  `Raised by ${flag.raisedBy?.name ?? 'rule'}, ${formatInstant(flag.raisedAt, timeZone)}`;

type Acted = NonNullable<FlagResponse['acknowledged']>;
type Resolved = NonNullable<FlagResponse['resolved']>;

/** "Acknowledged by Dr Amara Okafor, 22 Nov 2026, 10:20 GMT". */
export const acknowledgedHead = (acknowledged: Acted, timeZone: string): string =>
  `Acknowledged by ${acknowledged.byName ?? 'a former user'}, ${formatInstant(acknowledged.at, timeZone)}`;

/** "Acknowledged by Dr Amara Okafor, 22 Nov 2026, 10:20 GMT: Called the patient". */
export const acknowledgedText = (acknowledged: Acted, timeZone: string): string =>
  withNote(acknowledgedHead(acknowledged, timeZone), acknowledged.note);

/** "Resolved by Dr Amara Okafor, …", or "Resolved automatically, …" when the rule's condition cleared. */
export const resolvedHead = (resolved: Resolved, timeZone: string): string =>
  `${resolved.resolution === 'auto' ? 'Resolved automatically' : `Resolved by ${resolved.byName ?? 'a former user'}`}, ${formatInstant(resolved.at, timeZone)}`;

const withNote = (head: string, note: string | null): string => (note ? `${head}: ${note}` : head);

/**
 * The flag's stored summary, and for an open scheduling flag how long ago its instant was, counted now
 * ("… — alarm 3 days ago", "… — 2 days 3 h without drug"): a summary stored at raising never ages.
 */
export const summaryNow = (flag: Pick<FlagResponse, 'code' | 'status' | 'details'>, now: Date = new Date()): string => {
  const phrase = flag.status === 'resolved' ? null : flagTimePhrase(flag.code, flag.details.facts ?? {}, now);
  return phrase ? `${flag.details.summary} — ${phrase}` : flag.details.summary;
};
