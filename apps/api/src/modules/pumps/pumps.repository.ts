import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppError } from '../../common/app-error.js';
import { FillEntity } from './fill.entity.js';
import { PumpEntity } from './pump.entity.js';

/** The only place that reads and writes pumps and fills. */
@Injectable()
export class PumpsRepository {
  async findInClinic(m: EntityManager, clinicId: string, id: string): Promise<PumpEntity> {
    const pump = await m.findOneBy(PumpEntity, { id, clinicId });
    if (!pump) throw AppError.notFound('Pump');
    return pump;
  }

  findActiveForPatient(m: EntityManager, patientId: string): Promise<PumpEntity | null> {
    return m.findOneBy(PumpEntity, { patientId, status: 'active' });
  }

  findCurrentFill(m: EntityManager, pump: PumpEntity): Promise<FillEntity | null> {
    return pump.currentFillId ? m.findOneBy(FillEntity, { id: pump.currentFillId }) : Promise.resolve(null);
  }

  /** Saves a changed pump only if nobody else changed it since `expectedVersion` (optimistic lock). */
  async saveVersioned(m: EntityManager, pump: PumpEntity, expectedVersion: number): Promise<PumpEntity> {
    const { id, version: _v, createdAt: _c, updatedAt: _u, ...fields } = pump;
    const result = await m
      .createQueryBuilder()
      .update(PumpEntity)
      .set({ ...fields, version: () => 'version + 1', updatedAt: () => 'now()' })
      .where('id = :id AND version = :expectedVersion', { id, expectedVersion })
      .returning(['version', 'updatedAt'])
      .execute();
    if (result.affected !== 1) throw AppError.stale('pump');
    return m.findOneByOrFail(PumpEntity, { id });
  }
}
