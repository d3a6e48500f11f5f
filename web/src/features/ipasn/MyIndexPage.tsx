/** /pegawai/indeks — "Indeks Profesionalitas saya": the signed-in employee's own IP ASN. */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../app/QueryState.tsx';
import { RequireAuth } from '../identity/components/RequireAuth.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { ipAsnApi } from './api.ts';
import './i18n.ts';
import { IndexView } from './IndexView.tsx';

function Mine() {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: ['ipasn', 'mine'], queryFn: ipAsnApi.mine, retry: false });
  return (
    <>
      <PageTitle title={t('ipasn.person.mineTitle')} lead={t('ipasn.person.mineLead')}>
        {t('ipasn.person.mineTitle')}
      </PageTitle>
      <QueryState query={query}>{(data) => <IndexView data={data} />}</QueryState>
    </>
  );
}

export function MyIndexPage() {
  return <RequireAuth>{() => <Mine />}</RequireAuth>;
}
