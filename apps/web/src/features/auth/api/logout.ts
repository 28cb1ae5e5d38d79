import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export const logout = (): Promise<void> => api.post<void>('/auth/logout');

/**
 * Signing out ends the server session, then reloads the sign-in page so no patient data
 * stays in this tab's memory.
 */
export function useLogout({ signInHref }: { signInHref: string }) {
  return useMutation({
    mutationFn: logout,
    onSettled: () => window.location.assign(signInHref),
  });
}
