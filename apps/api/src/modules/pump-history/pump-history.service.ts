import { Injectable } from '@nestjs/common';
import type { ReservoirHistoryResponse } from '@itb/contracts';
import { reservoirHistory } from '@itb/domain';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { PumpsRepository } from '../pumps/pumps.repository.js';
import { toReservoirHistoryResponse } from './pump-history-mappers.js';
import { PumpHistoryRepository } from './pump-history.repository.js';

@Injectable()
export class PumpHistoryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly pumps: PumpsRepository,
    private readonly records: PumpHistoryRepository,
    private readonly clock: Clock,
  ) {}

  /** The reservoir and dose since implant; another clinic's pump answers 404. */
  async reservoirHistory(clinicId: string, pumpId: string): Promise<ReservoirHistoryResponse> {
    // One snapshot, so a refill committed between the reads cannot split the history.
    const { pump, fills, explantedAt } = await this.dataSource.transaction('REPEATABLE READ', async (m) => {
      const pump = await this.pumps.findInClinic(m, clinicId, pumpId);
      return { pump, ...(await this.records.recordsOf(m, pump.id)) };
    });
    const now = this.clock.now();
    const history = reservoirHistory({
      fills,
      alarmMl: pump.alarmMl,
      now,
      // An explanted pump without its event (older data) stops now, still without a projection.
      endedAt: pump.status === 'explanted' ? (explantedAt ?? now) : null,
    });
    return toReservoirHistoryResponse(pump, history, now);
  }
}
