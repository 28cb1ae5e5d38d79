import { describe, expect, it } from 'vitest';
import {
  SERVER_REFILL_PREVIEW,
  WORKED_ADJUSTMENTS,
  WORKED_CLINIC,
  WORKED_PATIENT,
  WORKED_PUMP,
  WORKED_REFILL,
} from '../testing/worked-pump.fixture';
import { pumpBasisOf } from './pump-basis';
import { previewRefill } from './refill-preview';
import { refillDisagreements } from './server-agreement';

const client = previewRefill(
  pumpBasisOf(WORKED_PUMP, WORKED_ADJUSTMENTS, WORKED_PATIENT, WORKED_CLINIC),
  WORKED_REFILL,
  new Date('2026-11-23T10:00:00Z'),
);
const server = SERVER_REFILL_PREVIEW;

describe('refillDisagreements', () => {
  it("finds none when the browser's numbers are the server's", () => {
    expect(refillDisagreements(client, server)).toEqual([]);
  });

  it('names each number that differs, with both values', () => {
    expect(refillDisagreements(client, { ...server, discrepancyMl: -1.08, refillBy: '2027-02-08' })).toEqual([
      { label: 'Discrepancy', kind: 'signed_ml', server: -1.08, client: -1.07 },
      { label: 'Refill by', kind: 'date', server: '2027-02-08', client: '2027-02-09' },
    ]);
  });
});
