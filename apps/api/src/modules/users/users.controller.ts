import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import {
  createUserRequestSchema,
  roleSchema,
  updateUserRequestSchema,
  type CreateUserRequest,
  type Role,
  type UpdateUserRequest,
  type UserResponse,
} from '@itb/contracts';
import { z } from 'zod';
import { ALL_ROLES, Allow, CurrentUser } from '../../common/access.decorators.js';
import type { SessionUser } from '../../common/request-context.js';
import { IdPipe, ZodPipe } from '../../common/zod-body.pipe.js';
import { UsersService } from './users.service.js';

const userListQuerySchema = z.object({ role: roleSchema.optional() });

@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  /** Every role lists its clinic's users (nurses pick the ordering specialist). */
  @Get()
  @Allow(...ALL_ROLES)
  async list(
    @CurrentUser() user: SessionUser,
    @Query(new ZodPipe(userListQuerySchema)) query: { role?: Role },
  ): Promise<{ items: UserResponse[]; nextCursor: null }> {
    return { items: await this.users.list(user.clinicId, query.role), nextCursor: null };
  }

  @Post()
  @Allow('admin')
  create(
    @CurrentUser() user: SessionUser,
    @Body(new ZodPipe(createUserRequestSchema)) body: CreateUserRequest,
  ): Promise<UserResponse> {
    return this.users.create(user, body);
  }

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
