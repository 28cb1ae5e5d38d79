import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  createUserRequestSchema,
  resetUserRequestSchema,
  roleSchema,
  updateUserRequestSchema,
  type CreateUserRequest,
  type ResetUserRequest,
  type Role,
  type UpdateUserRequest,
  type UserResponse,
  type UserWithInvitationResponse,
  userResponseSchema,
  userWithInvitationResponseSchema,
  pageOf,
} from '@itb/contracts';
import { z } from 'zod';
import { ALL_ROLES, Allow, CurrentUser } from '../../common/access.decorators.js';
import type { SessionUser } from '../../common/request-context.js';
import { IdPipe, ZodPipe } from '../../common/zod-body.pipe.js';
import { UsersService } from './users.service.js';
import { Documented, DocumentedTag } from '../../common/openapi/documented.decorator.js';

const userListQuerySchema = z.object({
  role: roleSchema.optional().meta({ description: 'Only the users with this role.' }),
});

@DocumentedTag('Users', "The clinic's staff accounts.")
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  /** Every role lists its clinic's users (nurses pick the ordering specialist). */
  @Documented({ operationId: 'listUsers', summary: "List the clinic's users", response: pageOf(userResponseSchema) })
  @Get()
  @Allow(...ALL_ROLES)
  async list(
    @CurrentUser() user: SessionUser,
    @Query(new ZodPipe(userListQuerySchema)) query: { role?: Role },
  ): Promise<{ items: UserResponse[]; nextCursor: null }> {
    return { items: await this.users.list(user.clinicId, query.role), nextCursor: null };
  }

  /** The answer carries the new user's one-time invitation link: shown once, never stored. */
  @Documented({
    operationId: 'createUser',
    summary: 'Create a user; the answer carries their one-time invitation link',
    response: userWithInvitationResponseSchema,
    errors: ['CONFLICT', 'RULE_VIOLATION'],
  })
  @Post()
  @Allow('admin')
  create(
    @CurrentUser() user: SessionUser,
    @Body(new ZodPipe(createUserRequestSchema)) body: CreateUserRequest,
  ): Promise<UserWithInvitationResponse> {
    return this.users.create(user, body);
  }

  /** Ends the user's sessions, makes their password unusable and answers a new invitation link. */
  @Documented({
    operationId: 'resetUser',
    summary: "Reset a user's password: sessions end, the old password stops working, a new invitation link",
    response: userWithInvitationResponseSchema,
    errors: ['STALE_VERSION', 'RULE_VIOLATION'],
  })
  @Post(':id/reset')
  @Allow('admin')
  @HttpCode(200)
  reset(
    @CurrentUser() user: SessionUser,
    @Param('id', IdPipe) id: string,
    @Body(new ZodPipe(resetUserRequestSchema)) body: ResetUserRequest,
  ): Promise<UserWithInvitationResponse> {
    return this.users.reset(user, id, body);
  }

  @Documented({
    operationId: 'updateUser',
    summary: 'Change a user (role, active, name)',
    response: userResponseSchema,
    errors: ['STALE_VERSION', 'RULE_VIOLATION'],
  })
  @Patch(':id')
  @Allow('admin')
  update(
    @CurrentUser() user: SessionUser,
    @Param('id', IdPipe) id: string,
    @Body(new ZodPipe(updateUserRequestSchema)) body: UpdateUserRequest,
  ): Promise<UserResponse> {
    return this.users.update(user, id, body);
  }
}
