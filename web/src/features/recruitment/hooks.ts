/** TanStack Query hooks for recruitment (keys start with 'rec' so one invalidation refreshes all). */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_KINDS } from '../../../../common/contracts/recruitment.ts';
import { type CatalogFilter, recruitmentApi } from './api.ts';
import type { Msg } from './types.ts';

export const recKey = ['rec'] as const;

export function usePublicPeriods() {
  return useQuery({
    queryKey: [...recKey, 'public-periods'],
    queryFn: recruitmentApi.publicPeriods,
    staleTime: 60_000,
  });
}

export function useStaffPeriods() {
  return useQuery({ queryKey: [...recKey, 'periods'], queryFn: recruitmentApi.periods });
}

/** The catalog refreshes every 30 s so applicant counts stay live. */
export function useCatalog(filter: CatalogFilter, enabled: boolean) {
  return useQuery({
    queryKey: [...recKey, 'catalog', filter],
    queryFn: () => recruitmentApi.catalog(filter),
    enabled,
    refetchInterval: 30_000,
    placeholderData: (prev) => prev,
  });
}

export function useMyApplications(enabled = true) {
  return useQuery({ queryKey: [...recKey, 'mine'], queryFn: recruitmentApi.myApplications, enabled });
}

export function useMyApplication(id: string) {
  return useQuery({ queryKey: [...recKey, 'mine', id], queryFn: () => recruitmentApi.myApplication(id) });
}

export function useTmsReasons() {
  return useQuery({ queryKey: [...recKey, 'reasons'], queryFn: recruitmentApi.reasons, staleTime: 60 * 60_000 });
}

/** Picks the current language's half of a bilingual server label. */
export function useMsg() {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  return (m: Msg | null | undefined) => (m ? m[lang] : '');
}

export function useLang(): 'id' | 'en' {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'id';
}

export const formatKb = (bytes: number) => `${Math.round(bytes / 1024)} KB`;
export const mimeLabel = (mimes: string[]) =>
  mimes
    .map((m) => (m === 'application/pdf' ? 'PDF' : m === 'image/jpeg' ? 'JPG' : m === 'image/png' ? 'PNG' : m))
    .join('/');

/** Documents in the rule set's reading order (the stored JSON does not keep key order). */
export function byDocumentOrder<T extends { kind: string }>(docs: T[]): T[] {
  const rank = (k: string) => {
    const i = (DOCUMENT_KINDS as readonly string[]).indexOf(k);
    return i < 0 ? DOCUMENT_KINDS.length : i;
  };
  return [...docs].sort((a, b) => rank(a.kind) - rank(b.kind));
}
