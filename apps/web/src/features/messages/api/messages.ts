import {
  LETTER_BATCH_MAX,
  type MarkLettersPrintedRequest,
  type MessageResponse,
  type MessageStatus,
  type MessageSummary,
  type Page,
  type ResendMessageRequest,
} from '@itb/contracts';
import {
  infiniteQueryOptions,
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api, buildApiUrl } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const MESSAGES_PAGE_SIZE = 25;

/** `GET /api/messages`: the outbox, newest first, keyset-paged; '' for every status. */
export const messagesQueryOptions = (status: MessageStatus | '') =>
  infiniteQueryOptions({
    queryKey: queryKeys.messages.list(status),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<MessageResponse>>('/messages', {
        query: { status: status || undefined, cursor: pageParam, limit: MESSAGES_PAGE_SIZE },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });

export const useMessages = (status: MessageStatus | '') =>
  useInfiniteQuery({ ...messagesQueryOptions(status), placeholderData: keepPreviousData });

export const useMessageSummary = () =>
  useQuery({
    queryKey: queryKeys.messages.summary(),
    queryFn: ({ signal }) => api.get<MessageSummary>('/messages/summary', { signal }),
  });

/** The letters waiting to print: the ids the batch's "mark printed" names. */
export const useLettersToPrint = () =>
  useQuery({
    queryKey: queryKeys.messages.letters(),
    queryFn: ({ signal }) =>
      api.get<Page<MessageResponse>>('/messages', { query: { status: 'to_print', limit: LETTER_BATCH_MAX }, signal }),
  });

/** The batch of letters waiting to print, one A4 page each. */
export const letterBatchPdfHref = (): string => buildApiUrl('/messages/letters.pdf');

export function useResendMessage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: ResendMessageRequest & { id: string }) =>
      api.post<MessageResponse>(`/messages/${id}/resend`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.messages.all() }),
  });
}

export function useMarkLettersPrinted() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MarkLettersPrintedRequest) => api.post<{ printed: number }>('/messages/letters/printed', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.messages.all() }),
  });
}
