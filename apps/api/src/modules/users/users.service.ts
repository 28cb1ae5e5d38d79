import { Injectable } from '@nestjs/common';
import type {
  CreateUserRequest,
  ResetUserRequest,
  Role,
  UpdateUserRequest,
  UserResponse,
  UserWithInvitationResponse,
} from '@itb/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError } from '../../common/app-error.js';
import { Clock } from '../../common/clock.js';
import type { SessionUser } from '../../common/request-context.js';
import { AuditService } from '../audit/audit.service.js';
import { newInvitation } from '../auth/invitation-token.js';
import { SessionsService } from '../auth/sessions.service.js';
import { UserEntity } from './user.entity.js';

export const toUserResponse = (u: UserEntity): UserResponse => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  isActive: u.isActive,
  hasPassword: u.passwordHash !== null,
  invitationExpiresAt: u.invitationExpiresAt?.toISOString() ?? null,
  version: u.version,
  createdAt: u.createdAt.toISOString(),
});

/** What the audit log keeps of a user: never the password hash nor the invitation token's. */
const auditView = (u: UserEntity) => ({
  email: u.email,
  name: u.name,
  role: u.role,
  isActive: u.isActive,
  hasPassword: u.passwordHash !== null,
  invitationExpiresAt: u.invitationExpiresAt?.toISOString() ?? null,
});

@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly sessions: SessionsService,
    private readonly clock: Clock,
  ) {}

  async list(clinicId: string, role?: Role): Promise<UserResponse[]> {
    const users = await this.dataSource.manager.find(UserEntity, {
      where: { clinicId, ...(role ? { role } : {}) },
      order: { name: 'ASC', id: 'ASC' },
    });
    return users.map(toUserResponse);
  }

  /** A new user has no password: the answer carries their one-time invitation link, shown once. */
  async create(actor: SessionUser, input: CreateUserRequest): Promise<UserWithInvitationResponse> {
    const { invitation, tokenHash, expiresAt } = newInvitation(this.clock.now());
    return this.dataSource.transaction(async (m) => {
      if (await m.existsBy(UserEntity, { email: input.email })) {
        throw new AppError('CONFLICT', 'A user with this email already exists', [
          { field: 'email', message: 'is already in use' },
        ]);
      }
      const user = await m.save(
        m.create(UserEntity, {
          clinicId: actor.clinicId,
          email: input.email,
          name: input.name,
          role: input.role,
          passwordHash: null,
          invitationTokenHash: tokenHash,
          invitationExpiresAt: expiresAt,
          isActive: true,
        }),
      );
      await this.audit.record(m, {
        clinicId: actor.clinicId,
        actorId: actor.id,
        action: 'user.create',
        entityType: 'user',
        entityId: user.id,
        after: auditView(user),
      });
      return { user: toUserResponse(user), invitation };
    });
  }

  async update(actor: SessionUser, id: string, input: UpdateUserRequest): Promise<UserResponse> {
    const updated = await this.dataSource.transaction(async (m) => {
      const user = await this.findInClinic(m, actor.clinicId, id);
      if (user.version !== input.version) throw AppError.stale('user');
      if (id === actor.id && (input.isActive === false || (input.role && input.role !== 'admin'))) {
        throw AppError.rule('role', 'You cannot deactivate yourself or remove your own admin role');
      }
      const before = auditView(user);
      Object.assign(user, {
        ...(input.name !== undefined && { name: input.name }),
        ...(input.role !== undefined && { role: input.role }),
        ...(input.isActive !== undefined && { isActive: input.isActive }),
      });
      const saved = await m.save(user);
      const action =
        input.isActive === false && before.isActive
          ? 'user.deactivate'
          : input.isActive === true && !before.isActive
            ? 'user.reactivate'
            : 'user.update';
      await this.audit.record(m, {
        clinicId: actor.clinicId,
        actorId: actor.id,
        action,
        entityType: 'user',
        entityId: id,
        before,
        after: auditView(saved),
      });
      // A deactivated user's open sessions end with the change.
      if (input.isActive === false) await this.sessions.revokeAllFor(id, m);
      return saved;
    });
    return toUserResponse(updated);
  }

  /**
   * Reset: the old password stops working, every session of the user ends, and a new one-time
   * invitation link (shown once) lets them set a new password. Not for oneself: use the account page.
   */
  async reset(actor: SessionUser, id: string, input: ResetUserRequest): Promise<UserWithInvitationResponse> {
    const { invitation, tokenHash, expiresAt } = newInvitation(this.clock.now());
    return this.dataSource.transaction(async (m) => {
      const user = await this.findInClinic(m, actor.clinicId, id);
      if (user.version !== input.version) throw AppError.stale('user');
      if (id === actor.id) {
        throw AppError.rule('id', 'You cannot reset your own account: change your password on your account page');
      }
      const before = auditView(user);
      Object.assign(user, { passwordHash: null, invitationTokenHash: tokenHash, invitationExpiresAt: expiresAt });
      const saved = await m.save(user);
      await this.sessions.revokeAllFor(id, m);
      await this.audit.record(m, {
        clinicId: actor.clinicId,
        actorId: actor.id,
        action: 'user.reset',
        entityType: 'user',
        entityId: id,
        before,
        after: auditView(saved),
      });
      return { user: toUserResponse(saved), invitation };
    });
  }

  async findInClinic(m: EntityManager, clinicId: string, id: string): Promise<UserEntity> {
    const user = await m.findOneBy(UserEntity, { id, clinicId });
    if (!user) throw AppError.notFound('User');
    return user;
  }
}
