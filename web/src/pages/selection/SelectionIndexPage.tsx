/** /seleksi — committee/admin: pick a period to manage scores, ranking and publication. */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { QueryState } from '../../app/QueryState.tsx';
import { RequireAuth } from '../../features/identity/components/RequireAuth.tsx';
import { useStaffPeriods } from '../../features/recruitment/hooks.ts';
import '../../features/selection/hooks.ts';
import { Alert } from '../../ui/Alert.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import '../../features/selection/i18n.ts';

function Index({ isAdmin }: { isAdmin: boolean }) {
  const { t } = useTranslation();
  const periods = useStaffPeriods();
  return (
    <>
      <PageTitle title={t('sel.com.indexTitle')} lead={t('sel.com.indexLead')}>
        {t('sel.com.indexTitle')}
      </PageTitle>
      <QueryState query={periods}>
        {(d) => (d.periods.length === 0 ? <Alert>{t('sel.pub.noPeriods')}</Alert> : null)}
      </QueryState>
      <section className="card">
        <ul className="link-list">
          {periods.data?.periods.map((p) => (
            <li key={p.id}>
              <Link to={`/seleksi/${p.id}`}>{t('sel.com.manage', { name: p.name })}</Link>
            </li>
          ))}
          {isAdmin ? (
            <li>
              <Link to="/seleksi/ambang-batas">{t('sel.com.thresholdsLink')}</Link>
            </li>
          ) : null}
        </ul>
      </section>
    </>
  );
}

export function SelectionIndexPage() {
  return <RequireAuth roles={['committee', 'admin']}>{(me) => <Index isAdmin={me.role === 'admin'} />}</RequireAuth>;
}
