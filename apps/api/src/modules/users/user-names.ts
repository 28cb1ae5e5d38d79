import type { EntityManager } from 'typeorm';
import { UserEntity } from './user.entity.js';

/** Names of the given users in one query (lists show who did what without N+1 lookups). */
export async function userNames(m: EntityManager, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const users = await m
    .createQueryBuilder(UserEntity, 'u')
    .select(['u.id', 'u.name'])
    .where('u.id IN (:...ids)', { ids: unique })
    .getMany();
  return new Map(users.map((u) => [u.id, u.name]));
}
