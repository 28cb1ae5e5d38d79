import { Injectable } from '@nestjs/common';
import type { PatientListQuery } from '@itb/contracts';
import type { EntityManager } from 'typeorm';
import { queryPrepared } from '../../common/prepared-query.js';
import { AppError } from '../../common/app-error.js';
import { decodeCursor, encodeCursor } from '../../common/cursor.js';
import { PatientEntity } from './patient.entity.js';

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The only place that reads and writes patients. */
@Injectable()
export class PatientsRepository {
  async findInClinic(m: EntityManager, clinicId: string, id: string): Promise<PatientEntity> {
    const patient = await m.findOneBy(PatientEntity, { id, clinicId });
    if (!patient) throw AppError.notFound('Patient');
    return patient;
  }

  /** 404 unless the patient is the clinic's, for a read that needs nothing else of the patient. */
  async assertInClinic(m: EntityManager, clinicId: string, id: string): Promise<void> {
    const rows = await queryPrepared(m, `SELECT 1 FROM patients WHERE id = $1 AND clinic_id = $2`, [id, clinicId]);
    if (rows.length === 0) throw AppError.notFound('Patient');
  }

  /**
   * Keyset page ordered by family name, given name, id. Each search word must start the MRN,
   * the family name or the given name (prefix searches use the text_pattern_ops indexes).
   */
  async list(
    m: EntityManager,
    clinicId: string,
    query: PatientListQuery,
  ): Promise<{ items: PatientEntity[]; nextCursor: string | null }> {
    const qb = m
      .createQueryBuilder(PatientEntity, 'p')
      .where('p.clinic_id = :clinicId', { clinicId })
      .orderBy('lower(p.family_name)', 'ASC')
      .addOrderBy('lower(p.given_name)', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .limit(query.limit + 1);
    if (query.status) qb.andWhere('p.status = :status', { status: query.status });
    const words = (query.q ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, 4);
    words.forEach((word, i) => {
      qb.andWhere(`(lower(p.mrn) LIKE :w${i} OR lower(p.family_name) LIKE :w${i} OR lower(p.given_name) LIKE :w${i})`, {
        [`w${i}`]: `${escapeLike(word)}%`,
      });
    });
    const after = decodeCursor(query.cursor, 3, 'patients');
    if (after) {
      qb.andWhere('(lower(p.family_name), lower(p.given_name), p.id) > (:f, :g, :id)', {
        f: after[0],
        g: after[1],
        id: after[2],
      });
    }
    const rows = await qb.getMany();
    const items = rows.slice(0, query.limit);
    const last = items[items.length - 1];
    return {
      items,
      nextCursor:
        rows.length > query.limit && last
          ? encodeCursor([last.familyName.toLowerCase(), last.givenName.toLowerCase(), last.id], 'patients')
          : null,
    };
  }
}
