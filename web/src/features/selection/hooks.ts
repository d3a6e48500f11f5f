/** TanStack Query hooks for selection (keys start with 'sel' so one invalidation refreshes all). */
import { useQuery } from '@tanstack/react-query';
import { recruitmentApi } from '../recruitment/api.ts';
import { selectionApi } from './api.ts';
import './i18n.ts';

export const selKey = ['sel'] as const;

export function usePublicResults(periodId: string) {
  return useQuery({ queryKey: [...selKey, 'public', periodId], queryFn: () => selectionApi.publicResults(periodId) });
}

export function useFormationResults(periodId: string, code: string) {
  return useQuery({
    queryKey: [...selKey, 'public', periodId, 'formation', code],
    queryFn: () => selectionApi.formationResults(periodId, code),
  });
}

/** All formations of a period (the public catalog allows 100 per page, enough for one city). */
export function usePeriodFormations(periodId: string) {
  return useQuery({
    queryKey: [...selKey, 'formations', periodId],
    queryFn: () => recruitmentApi.catalog({ periodId, pageSize: 100 }),
    enabled: Boolean(periodId),
  });
}

export function useThresholds() {
  return useQuery({ queryKey: [...selKey, 'thresholds'], queryFn: selectionApi.thresholds });
}

export function useRanking(periodId: string) {
  return useQuery({ queryKey: [...selKey, 'ranking', periodId], queryFn: () => selectionApi.ranking(periodId) });
}

export function usePublications(periodId: string) {
  return useQuery({
    queryKey: [...selKey, 'publications', periodId],
    queryFn: () => selectionApi.publications(periodId),
  });
}

/** Human file size: bytes below 10 KB, else KB with one decimal. */
export function formatBytes(bytes: number, lang: 'id' | 'en'): string {
  if (bytes < 10_240) return `${bytes.toLocaleString(lang === 'en' ? 'en-GB' : 'id-ID')} B`;
  return `${(bytes / 1024).toLocaleString(lang === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: 1 })} KB`;
}
