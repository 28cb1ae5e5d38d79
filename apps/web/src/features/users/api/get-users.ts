import type { Role, UserResponse } from '@itb/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export interface UserList {
  items: UserResponse[];
  nextCursor: null;
}

export const getUsers = ({ role, signal }: { role?: Role; signal?: AbortSignal } = {}): Promise<UserList> =>
  api.get<UserList>('/users', { query: { role }, signal });

export const usersQueryOptions = (params: { role?: Role } = {}) =>
  queryOptions({
    queryKey: queryKeys.users.list(params),
    queryFn: ({ signal }) => getUsers({ ...params, signal }),
  });

export const useUsers = (params: { role?: Role } = {}) => useQuery(usersQueryOptions(params));
