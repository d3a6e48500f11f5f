/** /temuan — public observer findings: answered ones with the committee's answer, and overdue ones flagged late. */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../app/QueryState.tsx';
import { observerApi } from '../../features/participation/api.ts';
import { FindingList } from '../../features/participation/components/FindingList.tsx';
import { ParticipationLinks } from '../../features/participation/components/ParticipationLinks.tsx';
import '../../features/participation/i18n.ts';
import '../../features/participation/participation.css';
import { PageTitle } from '../../ui/PageTitle.tsx';

export function FindingsPublicPage() {
  const { t } = useTranslation();
  const findings = useQuery({ queryKey: ['prt', 'public-findings'], queryFn: observerApi.publicFindings });
  return (
    <>
      <PageTitle title={t('prt.obs.publicTitle')} lead={t('prt.obs.publicLead')}>
        {t('prt.obs.publicTitle')}
      </PageTitle>
      <ParticipationLinks />
      <QueryState query={findings}>{(d) => <FindingList findings={d.findings} />}</QueryState>
    </>
  );
}
