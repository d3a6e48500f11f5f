import { useQuery } from '@tanstack/react-query';
import { transparencyApi } from './api.ts';

export function useCheckpoints() {
  return useQuery({ queryKey: ['audit', 'checkpoints'], queryFn: () => transparencyApi.checkpoints(20) });
}

export function useAuditEvents() {
  return useQuery({ queryKey: ['audit', 'events'], queryFn: () => transparencyApi.events(0, 200) });
}

/** Shortens a hex hash for display; the full value stays in the title and the API. */
export function shortHash(hash: string, keep = 12): string {
  return hash.length > keep ? `${hash.slice(0, keep)}…` : hash;
}
