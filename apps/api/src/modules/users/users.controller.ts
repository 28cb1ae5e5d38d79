import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import {
  createUserRequestSchema,
  roleSchema,
  updateUserRequestSchema,
  type CreateUserRequest,
  type Role,
  type UpdateUserRequest,
  type UserResponse,
  userResponseSchema,
  pageOf,
} from '@itb/contracts';
import { z } from 'zod';
import { ALL_ROLES, Allow, CurrentUser } from '../../common/access.decorators.js';
import type { SessionUser } from '../../common/request-context.js';
import { IdPipe, ZodPipe } from '../../common/zod-body.pipe.js';
import { UsersService } from './users.service.js';
import { Documented, DocumentedTag } from '../../common/openapi/documented.decorator.js';

const userListQuerySchema = z.object({ role: roleSchema.optional() });

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

  @Documented({
    operationId: 'createUser',
    summary: 'Create a user',
    response: userResponseSchema,
    errors: ['CONFLICT'],
  })
  @Post()
  @Allow('admin')
  create(
    @CurrentUser() user: SessionUser,
    @Body(new ZodPipe(createUserRequestSchema)) body: CreateUserRequest,
  ): Promise<UserResponse> {
    return this.users.create(user, body);
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
