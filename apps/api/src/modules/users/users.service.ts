import { Injectable } from '@nestjs/common';
import type { CreateUserRequest, Role, UpdateUserRequest, UserResponse } from '@itb/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError } from '../../common/app-error.js';
import type { SessionUser } from '../../common/request-context.js';
import { AuditService } from '../audit/audit.service.js';
import { hashPassword } from '../auth/password-hasher.js';
import { SessionsService } from '../auth/sessions.service.js';
import { UserEntity } from './user.entity.js';

export const toUserResponse = (u: UserEntity): UserResponse => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  isActive: u.isActive,
  version: u.version,
  createdAt: u.createdAt.toISOString(),
});

/** What the audit log keeps of a user: never the password hash. */
const auditView = (u: UserEntity) => ({ email: u.email, name: u.name, role: u.role, isActive: u.isActive });

@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly sessions: SessionsService,
  ) {}

  async list(clinicId: string, role?: Role): Promise<UserResponse[]> {
    const users = await this.dataSource.manager.find(UserEntity, {
      where: { clinicId, ...(role ? { role } : {}) },
      order: { name: 'ASC', id: 'ASC' },
    });
    return users.map(toUserResponse);
  }

  async create(actor: SessionUser, input: CreateUserRequest): Promise<UserResponse> {
    const passwordHash = await hashPassword(input.password);
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
          passwordHash,
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
      return toUserResponse(user);
    });
  }

  async update(actor: SessionUser, id: string, input: UpdateUserRequest): Promise<UserResponse> {
    const passwordHash = input.password ? await hashPassword(input.password) : undefined;
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
        ...(passwordHash !== undefined && { passwordHash }),
      });
      const saved = await m.save(user);
      await this.audit.record(m, {
        clinicId: actor.clinicId,
        actorId: actor.id,
        action: passwordHash ? 'user.reset_password' : 'user.update',
        entityType: 'user',
        entityId: id,
        before,
        after: auditView(saved),
      });
      return saved;
    });
    // A deactivated user or a reset password ends every open session of that user.
    if (input.isActive === false || passwordHash) await this.sessions.revokeAllFor(id);
    return toUserResponse(updated);
  }

  async findInClinic(m: EntityManager, clinicId: string, id: string): Promise<UserEntity> {
    const user = await m.findOneBy(UserEntity, { id, clinicId });
    if (!user) throw AppError.notFound('User');
    return user;
  }
}
