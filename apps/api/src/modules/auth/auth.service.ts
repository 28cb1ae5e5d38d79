import { Injectable } from '@nestjs/common';
import type { LoginRequest, MeResponse, UpdateMyPreferencesRequest } from '@itb/contracts';
import { DataSource } from 'typeorm';
import { AppError } from '../../common/app-error.js';
import type { SessionUser } from '../../common/request-context.js';
import { AuditService } from '../audit/audit.service.js';
import { ClinicEntity } from '../clinics/clinic.entity.js';
import { UserEntity } from '../users/user.entity.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { decoyPasswordHash, verifyPassword } from './password-hasher.js';
import { SessionsService } from './sessions.service.js';

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly throttle: LoginThrottleService,
    private readonly audit: AuditService,
  ) {}

  /** Returns the new session token and who signed in; one message for every failure, so accounts do not leak. */
  async login(input: LoginRequest, address: string): Promise<{ token: string; me: MeResponse }> {
    await this.throttle.admit(input.email, address);
    const user = await this.dataSource.manager.findOneBy(UserEntity, { email: input.email });
    const isValid = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), input.password);
    if (!user || !isValid || !user.isActive) {
      await this.throttle.failed(input.email);
      throw new AppError('UNAUTHENTICATED', 'Email or password is not right');
    }
    await this.throttle.succeeded(input.email, address);
    const token = await this.sessions.create(user.id, user.clinicId);
    await this.audit.record(this.dataSource.manager, {
      clinicId: user.clinicId,
      actorId: user.id,
      action: 'auth.login',
      entityType: 'user',
      entityId: user.id,
    });
    return { token, me: await this.me({ id: user.id, clinicId: user.clinicId }) };
  }

  async logout(user: SessionUser): Promise<void> {
    await this.sessions.revoke(user.sessionId);
  }

  async me(user: Pick<SessionUser, 'id' | 'clinicId'>): Promise<MeResponse> {
    const row = await this.dataSource.manager.findOneByOrFail(UserEntity, { id: user.id });
    const clinic = await this.dataSource.manager.findOneByOrFail(ClinicEntity, { id: user.clinicId });
    return {
      id: row.id,
      email: row.email,
      name: row.name,
      role: row.role,
      clinic: { id: clinic.id, name: clinic.name, timeZone: clinic.timeZone },
      staffDigest: row.staffDigest,
    };
  }

  /** The morning digest goes to clinicians only (the route admits specialists and nurses). */
  async updatePreferences(user: SessionUser, input: UpdateMyPreferencesRequest): Promise<MeResponse> {
    await this.dataSource.transaction(async (m) => {
      const row = await m.findOneByOrFail(UserEntity, { id: user.id });
      if (row.staffDigest === input.staffDigest) return;
      await m.update(UserEntity, { id: user.id }, { staffDigest: input.staffDigest });
      await this.audit.record(m, {
        clinicId: user.clinicId,
        actorId: user.id,
        action: 'user.preferences',
        entityType: 'user',
        entityId: user.id,
        before: { staffDigest: row.staffDigest },
        after: { staffDigest: input.staffDigest },
      });
    });
    return this.me(user);
  }
}
