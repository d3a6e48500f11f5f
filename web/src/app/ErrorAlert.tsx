/** Shows an API (or unexpected) error in the chosen language, with the request id for support. */
import { useTranslation } from 'react-i18next';
import { Alert } from '../ui/Alert.tsx';
import { ApiError } from './api.ts';

export function errorText(error: unknown, t: (k: string) => string): string {
  if (error instanceof ApiError) {
    if (error.code === 'NETWORK_ERROR') return t('errors.network');
    return error.message || t('errors.unknown');
  }
  return t('errors.unknown');
}

export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const requestId = error instanceof ApiError ? error.requestId : null;
  return (
    <Alert tone="error">
      <p>{errorText(error, t)}</p>
      {requestId ? <p className="muted small">{t('errors.requestId', { id: requestId })}</p> : null}
    </Alert>
  );
}
