/**
 * "Pengaturan notifikasi" on a staff member's home: the daily digest e-mail, on or off for this
 * person only (homeEndpoints.setNotificationSettings, audited). Deadline reminders are not optional.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { CheckboxField } from '../../ui/Field.tsx';
import { Loading } from '../../ui/Spinner.tsx';
import { homeApi } from './api.ts';
import './i18n-reminders.ts';

const key = ['home', 'notification-settings'] as const;

export function NotificationSettings() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const settings = useQuery({ queryKey: key, queryFn: () => homeApi.notificationSettings() });
  const save = useMutation({
    mutationFn: (dailyDigest: boolean) => homeApi.setNotificationSettings(dailyDigest),
    onSuccess: (data) => qc.setQueryData(key, data),
  });
  return (
    <section className="card" aria-labelledby="notification-settings-title">
      <h2 id="notification-settings-title">{t('hmn.title')}</h2>
      <p>{t('hmn.intro')}</p>
      {settings.isPending ? <Loading label={t('app.loading')} /> : null}
      {settings.isError ? <ErrorAlert error={settings.error} /> : null}
      {settings.data ? (
        <CheckboxField
          label={t('hmn.digest')}
          hint={t('hmn.digestHint', { hour: String(settings.data.hour).padStart(2, '0') })}
          // Shows the choice at once while it is saved; a refused save falls back to the stored one.
          checked={save.isPending ? save.variables : settings.data.dailyDigest}
          disabled={save.isPending}
          onChange={(e) => save.mutate(e.target.checked)}
        />
      ) : null}
      {save.isError ? <ErrorAlert error={save.error} /> : null}
      {save.isSuccess ? (
        <Alert tone="success">{save.data.dailyDigest ? t('hmn.savedOn') : t('hmn.savedOff')}</Alert>
      ) : null}
    </section>
  );
}
