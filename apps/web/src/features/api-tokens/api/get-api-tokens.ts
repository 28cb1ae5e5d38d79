import type { ApiTokenResponse } from '@itb/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export interface ApiTokenList {
  items: ApiTokenResponse[];
  nextCursor: null;
}

export const getApiTokens = ({ signal }: { signal?: AbortSignal } = {}): Promise<ApiTokenList> =>
  api.get<ApiTokenList>('/api-tokens', { signal });

export const apiTokensQueryOptions = () =>
  queryOptions({ queryKey: queryKeys.apiTokens.list(), queryFn: ({ signal }) => getApiTokens({ signal }) });

export const useApiTokens = () => useQuery(apiTokensQueryOptions());
