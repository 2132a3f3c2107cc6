import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api';

export interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (input: ChangePasswordInput) => api<{ ok: true }>('/auth/password', { method: 'POST', body: input }),
  });
}

/** The server's rule (platform/auth/password.ts): ≥ 8 characters from 3 of the 4 classes. */
export function passwordClasses(pw: string): number {
  return [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(pw)).length;
}

export function meetsPasswordPolicy(pw: string): boolean {
  return pw.length >= 8 && pw.length <= 128 && passwordClasses(pw) >= 3;
}
