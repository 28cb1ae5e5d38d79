/**
 * The signs a clinician may record by hand as a `manual` flag (DESIGN.md "Withdrawal-risk rules", the two
 * manual rows). Both kinds are critical: withdrawal can become life-threatening within 24–72 h and an
 * overdose can stop the patient breathing (CLINICAL.md "Withdrawal"; "Overdose, withdrawal signs and
 * interactions").
 */

/**
 * CLINICAL.md "Withdrawal" (early: returning spasticity, pruritus, hypotension, paresthesia; late: fever,
 * altered mental state, rigidity) and "Overdose, withdrawal signs and interactions" (seizures,
 * hallucinations, anxiety, agitation, insomnia, high blood pressure, rhabdomyolysis).
 */
export const WITHDRAWAL_SIGNS = [
  'pruritus',
  'returning_spasticity',
  'rigidity',
  'fever',
  'altered_mental_state',
  'hypotension',
  'high_blood_pressure',
  'paresthesia',
  'seizures',
  'hallucinations',
  'agitation_or_anxiety',
  'insomnia',
  'suspected_rhabdomyolysis',
] as const;

/** CLINICAL.md "Overdose, withdrawal signs and interactions": the overdose signs of seed article 003. */
export const OVERDOSE_SIGNS = [
  'severe_drowsiness',
  'muscle_weakness',
  'light_headedness',
  'slow_or_shallow_breathing',
  'seizures',
  'loss_of_consciousness',
] as const;

export type WithdrawalSign = (typeof WITHDRAWAL_SIGNS)[number];
export type OverdoseSign = (typeof OVERDOSE_SIGNS)[number];
export type ClinicalSign = WithdrawalSign | OverdoseSign;

/** Every sign once (seizures belong to both kinds), withdrawal signs first. */
export const CLINICAL_SIGNS = [...new Set<ClinicalSign>([...WITHDRAWAL_SIGNS, ...OVERDOSE_SIGNS])] as [
  ClinicalSign,
  ...ClinicalSign[],
];

export const SIGN_KINDS = ['withdrawal', 'overdose'] as const;
export type SignKind = (typeof SIGN_KINDS)[number];

export const SIGNS_BY_KIND: Readonly<Record<SignKind, readonly ClinicalSign[]>> = {
  withdrawal: WITHDRAWAL_SIGNS,
  overdose: OVERDOSE_SIGNS,
};

/** Both manual kinds are critical (DESIGN.md, the manual rows of the rules table). */
export const MANUAL_FLAG_SEVERITY = 'critical' as const;

export function isSignOfKind(sign: ClinicalSign, kind: SignKind): boolean {
  return SIGNS_BY_KIND[kind].includes(sign);
}

/**
 * The kind of a stored manual flag: flags recorded before overdose signs existed carry no kind and were
 * all withdrawal reports.
 */
export function signKindOf(details: { kind?: unknown } | null | undefined): SignKind {
  return details?.kind === 'overdose' ? 'overdose' : 'withdrawal';
}
