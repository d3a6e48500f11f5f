import { useQuery } from '@tanstack/react-query';
import { transparencyApi } from './api.ts';

export function useCheckpoints() {
  return useQuery({ queryKey: ['audit', 'checkpoints'], queryFn: () => transparencyApi.checkpoints(20) });
}

/** At most this many events are fetched for the page's filters (pages of 1000, oldest first). */
export const AUDIT_PAGE_CAP = 10_000;

export function useAuditEvents() {
  return useQuery({
    queryKey: ['audit', 'events'],
    queryFn: async () => {
      const all: Awaited<ReturnType<typeof transparencyApi.events>>['events'] = [];
      let after = 0;
      while (all.length < AUDIT_PAGE_CAP) {
        const page = (await transparencyApi.events(after, 1000)).events;
        all.push(...page);
        if (page.length < 1000) break;
        after = page[page.length - 1]!.seq;
      }
      return { events: all, truncated: all.length >= AUDIT_PAGE_CAP };
    },
  });
}

/** Shortens a hex hash for display; the full value stays in the title and the API. */
export function shortHash(hash: string, keep = 12): string {
  return hash.length > keep ? `${hash.slice(0, keep)}…` : hash;
}
