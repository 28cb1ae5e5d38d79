import { BOLUS_EVENT_TYPES, type PumpEventType } from '@itb/contracts';

/** Clinician, bridge and priming boluses: each takes its volume from the reservoir. */
export const isBolusEvent = (type: PumpEventType): boolean => (BOLUS_EVENT_TYPES as readonly string[]).includes(type);
