import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { AcceptInvitationRequest, ChangePasswordRequest, InvitationLookupResponse } from '@itb/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError } from '../../common/app-error.js';
import { Clock } from '../../common/clock.js';
import type { SessionUser } from '../../common/request-context.js';
import { AuditService } from '../audit/audit.service.js';
import { UserEntity } from '../users/user.entity.js';
import { digestToken } from './invitation-token.js';
import { hashPassword, verifyPassword } from './password-hasher.js';
import { assertStrongPassword, stopPasswordChecks } from './password-strength.js';
import { SessionsService } from './sessions.service.js';

/** Users set their own passwords: through a one-time invitation link, or by changing it signed in. */
@Injectable()
export class PasswordsService implements OnApplicationShutdown {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  onApplicationShutdown(): Promise<unknown> {
    return stopPasswordChecks();
  }

  /** Who the link is for, so the page can greet them; unknown, used, expired or deactivated: 404. */
  async lookup(token: string): Promise<InvitationLookupResponse> {
    const user = await this.pendingInvitation(this.dataSource.manager, token);
    return { email: user.email, name: user.name, expiresAt: user.invitationExpiresAt!.toISOString() };
  }

  /** Sets the password and spends the link, in one transaction; a second use finds nothing. */
  async accept(input: AcceptInvitationRequest): Promise<void> {
    const preview = await this.pendingInvitation(this.dataSource.manager, input.token);
    await assertStrongPassword(input.password, [preview.email, preview.name], 'password');
    const passwordHash = await hashPassword(input.password);
    await this.dataSource.transaction(async (m) => {
      const user = await this.pendingInvitation(m, input.token, true);
      Object.assign(user, {
        passwordHash,
        invitationTokenHash: null,
        invitationExpiresAt: null,
        passwordChangedAt: this.clock.now(),
      });
      await m.save(user);
      await this.sessions.revokeAllFor(user.id, m);
      await this.audit.record(m, {
        clinicId: user.clinicId,
        actorId: user.id,
        action: 'user.set_password',
        entityType: 'user',
        entityId: user.id,
      });
    });
  }

  /** Needs the current password; ends the user's other sessions and keeps this one. */
  async change(actor: SessionUser, input: ChangePasswordRequest): Promise<void> {
    const user = await this.dataSource.manager.findOneByOrFail(UserEntity, { id: actor.id });
    if (!user.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
      throw AppError.validation('currentPassword', 'is not right');
    }
    if (input.newPassword === input.currentPassword) {
      throw AppError.validation('newPassword', 'must differ from the current password');
    }
    await assertStrongPassword(input.newPassword, [user.email, user.name], 'newPassword');
    const passwordHash = await hashPassword(input.newPassword);
    await this.dataSource.transaction(async (m) => {
      const locked = await m.findOneOrFail(UserEntity, {
        where: { id: actor.id },
        lock: { mode: 'pessimistic_write' },
      });
      // A reset or another change since the check above wins: the password checked is no longer current.
      if (locked.passwordHash !== user.passwordHash) throw AppError.validation('currentPassword', 'is not right');
      Object.assign(locked, { passwordHash, passwordChangedAt: this.clock.now() });
      await m.save(locked);
      await this.sessions.revokeAllFor(actor.id, m, actor.sessionId);
      await this.audit.record(m, {
        clinicId: actor.clinicId,
        actorId: actor.id,
        action: 'user.change_password',
        entityType: 'user',
        entityId: actor.id,
      });
    });
  }

  private async pendingInvitation(m: EntityManager, token: string, forUpdate = false): Promise<UserEntity> {
    const user = await m.findOne(UserEntity, {
      where: { invitationTokenHash: digestToken(token) },
      ...(forUpdate && { lock: { mode: 'pessimistic_write' as const } }),
    });
    if (!user || !user.isActive || !user.invitationExpiresAt) {
      throw new AppError('NOT_FOUND', 'This link is not valid: it was used or replaced. Ask an administrator.');
    }
    if (user.invitationExpiresAt.getTime() <= this.clock.now().getTime()) {
      throw new AppError('NOT_FOUND', 'This link has expired. Ask an administrator for a new one.');
    }
    return user;
  }
}
