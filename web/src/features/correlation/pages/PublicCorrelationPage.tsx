/** /seleksi-dan-kinerja — the public aggregate: ρ, interval, n and warnings per period, no small groups or cells. */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CORRELATION_MIN_GROUP } from '../../../../../common/contracts/correlation.ts';
import { QueryState } from '../../../app/QueryState.tsx';
import { PageTitle } from '../../../ui/PageTitle.tsx';
import { correlationApi } from '../api.ts';
import { PeriodPicker } from '../PeriodPicker.tsx';
import { ReportView } from '../ReportView.tsx';
import '../i18n.ts';

export function PublicCorrelationPage() {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['correlation', 'public'], queryFn: () => correlationApi.publicReports() });
  const [chosen, setChosen] = useState<string | null>(null);
  return (
    <>
      <PageTitle title={t('cor.publicTitle')} lead={t('cor.publicLead', { min: CORRELATION_MIN_GROUP })}>
        {t('cor.publicTitle')}
      </PageTitle>
      <QueryState query={q} isEmpty={(d) => d.reports.length === 0} empty={t('cor.noPeriods')}>
        {(d) => {
          const report = d.reports.find((r) => r.period.id === chosen) ?? d.reports[0]!;
          return (
            <>
              <PeriodPicker periods={d.reports.map((r) => r.period)} value={report.period.id} onChange={setChosen} />
              <ReportView report={report} />
            </>
          );
        }}
      </QueryState>
    </>
  );
}
