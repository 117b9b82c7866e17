import { useMutation } from '@tanstack/react-query';
import { changePassword, type ChangePasswordInput } from './api';

export const profileKeys = {
  all: ['profile'] as const,
};

export function useChangePassword() {
  return useMutation({ mutationFn: (input: ChangePasswordInput) => changePassword(input) });
}
