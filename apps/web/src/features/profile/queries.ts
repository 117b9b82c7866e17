import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { authKeys } from '../auth/queries';
import {
  changePassword,
  confirmPendingEmail,
  declinePendingEmail,
  listAccountEvents,
  type ChangePasswordInput,
} from './api';

export const profileKeys = {
  all: ['profile'] as const,
  accountEvents: (page: number) => [...profileKeys.all, 'account-events', page] as const,
};

export function useChangePassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: ChangePasswordInput) => changePassword(input),
    onSuccess: () => qc.invalidateQueries({ queryKey: profileKeys.all }),
  });
}

// ---- issue 12: pending login email and account events ------------------------------------------------

export function useAccountEvents(page: number) {
  return useQuery({
    queryKey: profileKeys.accountEvents(page),
    queryFn: ({ signal }) => listAccountEvents(page, signal),
    placeholderData: keepPreviousData,
  });
}

export function usePendingEmail() {
  const qc = useQueryClient();
  const done = () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: authKeys.me() }),
      qc.invalidateQueries({ queryKey: profileKeys.all }),
    ]);
  return {
    confirm: useMutation({ mutationFn: confirmPendingEmail, onSuccess: done }),
    decline: useMutation({ mutationFn: declinePendingEmail, onSuccess: done }),
  };
}
