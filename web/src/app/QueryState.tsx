/**
 * The loading / error / empty / data states every list page has, written once: a polite loading
 * line while the first answer is pending, the error in the chosen language, the empty message when
 * the answer has nothing to show, and otherwise the page's own rendering of the data.
 */
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../ui/Spinner.tsx';
import { ErrorAlert } from './ErrorAlert.tsx';

export function QueryState<T>({
  query,
  isEmpty,
  empty,
  children,
}: {
  query: Pick<UseQueryResult<T>, 'isPending' | 'isError' | 'error' | 'data' | 'fetchStatus'>;
  /** When the data has nothing to show; the `empty` message replaces the children then. */
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  // a disabled query (waiting for a choice) is pending but idle: it shows nothing yet
  if (query.isPending) return query.fetchStatus === 'idle' ? null : <Loading label={t('app.loading')} />;
  if (query.isError) return <ErrorAlert error={query.error} />;
  const data = query.data as T;
  if (isEmpty?.(data)) return empty ? <p>{empty}</p> : null;
  return <>{children(data)}</>;
}
