import type { FillPreview } from '@itb/contracts';
import type { RefillPreview } from './refill-preview';

export interface Disagreement {
  label: string;
  /** How to show the values: a volume, a signed volume, a signed percentage, an instant, a calendar date. */
  kind: 'ml' | 'signed_ml' | 'signed_pct' | 'instant' | 'date';
  server: number | string | null;
  client: number | string | null;
}

/**
 * The refill numbers on which the browser and the server disagree (the server's are what is saved).
 * Only numbers that do not depend on "now" are compared: the alarm, empty and refill-by instants do
 * not move with the clock; the volume now and days to alarm do.
 */
export function refillDisagreements(client: RefillPreview, server: FillPreview): Disagreement[] {
  const pairs: Disagreement[] = [
    {
      label: 'Expected residual',
      kind: 'ml',
      server: server.expectedResidualMl,
      client: client.residual?.expectedResidualMl ?? null,
    },
    {
      label: 'Discrepancy',
      kind: 'signed_ml',
      server: server.discrepancyMl,
      client: client.residual?.discrepancyMl ?? null,
    },
    {
      label: 'Delivery error',
      kind: 'signed_pct',
      server: server.deliveryErrorPct,
      client: client.residual?.deliveryErrorPct ?? null,
    },
    {
      label: 'Alarm',
      kind: 'instant',
      server: server.alarmAt,
      client: client.projection?.alarmAt.toISOString() ?? null,
    },
    {
      label: 'Empty',
      kind: 'instant',
      server: server.emptyAt,
      client: client.projection?.emptyAt.toISOString() ?? null,
    },
    { label: 'Refill by', kind: 'date', server: server.refillBy, client: client.projection?.refillBy ?? null },
  ];
  return pairs.filter((pair) => pair.server !== pair.client);
}
