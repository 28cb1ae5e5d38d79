import type { ChangePasswordRequest } from '@itb/contracts';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** Needs the current password; the API ends the user's other sessions and keeps this one. */
export const changePassword = (body: ChangePasswordRequest): Promise<void> => api.post<void>('/auth/password', body);

export const useChangePassword = () => useMutation({ mutationFn: changePassword });
