import type { Invitation } from '@itb/contracts';
import { z } from 'zod';
import type { DataSource } from 'typeorm';
import { newInvitation } from '../modules/auth/invitation-token.js';
import { AuditService } from '../modules/audit/audit.service.js';
import { ClinicEntity } from '../modules/clinics/clinic.entity.js';
import { UserEntity } from '../modules/users/user.entity.js';

export const firstAdminInputSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: 'must be an email address' })),
  name: z.string().trim().min(1, 'is required').max(120, 'must be at most 120 characters'),
  clinicName: z.string().trim().min(1, 'is required').max(120, 'must be at most 120 characters'),
  timeZone: z.string().trim().min(1, 'is required (an IANA zone such as Europe/London)'),
});
export type FirstAdminInput = z.input<typeof firstAdminInputSchema>;

export class FirstAdminError extends Error {}

/**
 * A real deployment's first administrator: their clinic (made when new) and their account, which has
 * no password until they open the one-time link this returns. Refused when the clinic already has an
 * active administrator (who adds users from the Users page) or the email is taken.
 */
export async function createFirstAdmin(
  dataSource: DataSource,
  raw: FirstAdminInput,
  now = new Date(),
): Promise<{ clinicId: string; userId: string; invitation: Invitation; isNewClinic: boolean }> {
  const parsed = firstAdminInputSchema.safeParse(raw);
  if (!parsed.success) {
    throw new FirstAdminError(parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; '));
  }
  const input = parsed.data;
  const { invitation, tokenHash, expiresAt } = newInvitation(now);
  return dataSource.transaction(async (m) => {
    const zones = (await m.query(`SELECT 1 FROM pg_timezone_names WHERE name = $1`, [input.timeZone])) as unknown[];
    if (!zones.length) throw new FirstAdminError(`time zone "${input.timeZone}" is not one PostgreSQL knows`);
    if (await m.existsBy(UserEntity, { email: input.email })) {
      throw new FirstAdminError(`a user with the email ${input.email} already exists`);
    }
    let clinic = await m.findOneBy(ClinicEntity, { name: input.clinicName });
    const isNewClinic = !clinic;
    if (clinic) {
      if (await m.existsBy(UserEntity, { clinicId: clinic.id, role: 'admin', isActive: true })) {
        throw new FirstAdminError(
          `${input.clinicName} already has an administrator: they add users from the Users page`,
        );
      }
    } else {
      clinic = await m.save(m.create(ClinicEntity, { name: input.clinicName, timeZone: input.timeZone }));
    }
    const user = await m.save(
      m.create(UserEntity, {
        clinicId: clinic.id,
        email: input.email,
        name: input.name,
        role: 'admin',
        passwordHash: null,
        invitationTokenHash: tokenHash,
        invitationExpiresAt: expiresAt,
        isActive: true,
      }),
    );
    await new AuditService().record(m, {
      clinicId: clinic.id,
      actorId: null,
      action: 'user.create',
      entityType: 'user',
      entityId: user.id,
      after: { email: user.email, name: user.name, role: user.role, isActive: true, via: 'create-admin' },
    });
    return { clinicId: clinic.id, userId: user.id, invitation, isNewClinic };
  });
}
