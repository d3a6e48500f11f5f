/**
 * Guards a signed-in page: sends visitors to /masuk (remembering where they were going), and tells a
 * signed-in person whose role may not use the page so (never a silent redirect).
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router-dom';
import '../../home/i18n.ts';
import { Alert } from '../../../ui/Alert.tsx';
import { PageTitle } from '../../../ui/PageTitle.tsx';
import type { Me, Role } from '../../../../../common/contracts/identity.ts';
import { ErrorAlert } from '../../../app/ErrorAlert.tsx';
import { Loading } from '../../../ui/Spinner.tsx';
import { useMe } from '../hooks.ts';

export function RequireAuth({ roles, children }: { roles?: readonly Role[]; children: (me: Me) => ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading label={t('app.loading')} />;
  if (me.isError) return <ErrorAlert error={me.error} />;
  if (!me.data) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/masuk?next=${next}`} replace />;
  }
  if (roles && !roles.includes(me.data.role)) {
    return (
      <>
        <PageTitle title={t('hm.forbidden.title')}>{t('hm.forbidden.title')}</PageTitle>
        <Alert tone="warning">
          <p>
            {t('hm.forbidden.body', {
              roles: roles.map((r) => t(`roles.${r}.name`)).join(', '),
              role: t(`roles.${me.data.role}.name`),
            })}
          </p>
          <p>
            <Link to="/beranda">{t('hm.forbidden.home')}</Link>
          </p>
        </Alert>
      </>
    );
  }
  return <>{children(me.data)}</>;
}
