/** The signed-in home's per-role summary and the person's own notification settings. */
import { useQuery } from '@tanstack/react-query';
import { homeEndpoints as E } from '../../../../common/contracts/home.endpoints.ts';
import { call } from '../../app/client.ts';

export const homeKey = ['home'] as const;

export const homeApi = {
  summary: () => call(E.summary),
  notificationSettings: () => call(E.notificationSettings),
  setNotificationSettings: (dailyDigest: boolean) => call(E.setNotificationSettings, { body: { dailyDigest } }),
};

export function useHomeSummary() {
  return useQuery({ queryKey: homeKey, queryFn: () => homeApi.summary(), staleTime: 15_000 });
}
