/** Guards a signed-in page: sends visitors to /masuk (remembering where they were going). */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router-dom';
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
  if (roles && !roles.includes(me.data.role)) return <Navigate to="/beranda" replace />;
  return <>{children(me.data)}</>;
}
