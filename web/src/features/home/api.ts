/** The signed-in home's per-role summary. */
import { useQuery } from '@tanstack/react-query';
import type { HomeSummary } from '../../../../common/contracts/home.ts';
import { api } from '../../app/api.ts';

export const homeKey = ['home'] as const;

export function useHomeSummary() {
  return useQuery({ queryKey: homeKey, queryFn: () => api<HomeSummary>('/api/v1/me/home'), staleTime: 15_000 });
}
