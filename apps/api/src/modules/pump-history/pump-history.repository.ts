import { Injectable } from '@nestjs/common';
import { BOLUS_EVENT_TYPES } from '@itb/contracts';
import type { BolusVolume, HistoryFill } from '@itb/domain';
import { type EntityManager, In } from 'typeorm';
import { DoseAdjustmentEntity } from '../dose-adjustments/dose-adjustment.entity.js';
import { isBolusEvent } from '../pump-events/bolus-events.js';
import { PumpEventEntity } from '../pump-events/pump-event.entity.js';
import { FillEntity } from '../pumps/fill.entity.js';
import { drainInputOf } from '../pumps/pump-mappers.js';

export interface PumpRecords {
  fills: HistoryFill[];
  /** When the pump was taken out (its explant event), if it was. */
  explantedAt: Date | null;
}

/**
 * Everything a pump's history is drawn from, in three queries whatever the number of fills:
 * the fills, the dose adjustments, and the bolus and explant events.
 */
@Injectable()
export class PumpHistoryRepository {
  async recordsOf(m: EntityManager, pumpId: string): Promise<PumpRecords> {
    const fills = await m.find(FillEntity, { where: { pumpId }, order: { performedAt: 'ASC', id: 'ASC' } });
    const adjustments = await m.find(DoseAdjustmentEntity, { where: { pumpId }, order: { effectiveAt: 'ASC' } });
    const events = await m.find(PumpEventEntity, {
      where: { pumpId, type: In([...BOLUS_EVENT_TYPES, 'explant']) },
      order: { occurredAt: 'ASC' },
    });
    const boluses: BolusVolume[] = events.flatMap((e) =>
      isBolusEvent(e.type) && e.volumeMl !== null ? [{ at: e.occurredAt, volumeMl: e.volumeMl }] : [],
    );
    const explant = events.find((e) => e.type === 'explant');
    return {
      explantedAt: explant?.occurredAt ?? null,
      fills: fills.map((fill, i) => {
        const next = fills[i + 1];
        // A bolus drains the fill it followed, up to and including the next fill's instant (as at the refill).
        const during = boluses.filter((b) => b.at > fill.performedAt && (!next || b.at <= next.performedAt));
        return {
          id: fill.id,
          residualWithdrawnMl: fill.residualWithdrawnMl,
          residualFoundMl: fill.residualFoundMl,
          patientBolusesDeliveredMl: fill.patientBolusesDeliveredMl,
          drain: drainInputOf(
            fill,
            adjustments.filter((a) => a.fillId === fill.id),
            during,
          ),
        };
      }),
    };
  }
}
