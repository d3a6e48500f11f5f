/** TanStack Query hooks for identity: who is signed in, sign in/out, and admin lists. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { identityApi } from './api.ts';

export const meKey = ['me'] as const;

export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: identityApi.me, staleTime: 60_000 });
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: identityApi.login,
    onSuccess: (data) => {
      qc.setQueryData(meKey, data.account);
    },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: identityApi.logout,
    onSettled: () => {
      // Whatever the server said, forget everything cached for the previous person.
      qc.clear();
      qc.setQueryData(meKey, null);
    },
  });
}

export function useOrganizations() {
  return useQuery({ queryKey: ['organizations'], queryFn: identityApi.organizations, staleTime: 10 * 60_000 });
}

export function useStaffAccounts() {
  return useQuery({ queryKey: ['admin', 'accounts'], queryFn: identityApi.staffAccounts });
}

export function useCreateStaff() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: identityApi.createStaff,
    onSuccess: () => qc.invalidateQueries({ queryKey: ['admin'] }),
  });
}

export function useUpdateStaff() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: Parameters<typeof identityApi.updateStaff>[1] }) =>
      identityApi.updateStaff(id, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['admin'] }),
  });
}

export function useSendStaffReset() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: identityApi.sendStaffReset,
    onSuccess: () => qc.invalidateQueries({ queryKey: ['admin', 'outbox'] }),
  });
}

export function useOutbox() {
  return useQuery({ queryKey: ['admin', 'outbox'], queryFn: identityApi.outbox });
}
