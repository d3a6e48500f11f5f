/** /korelasi-seleksi — the committee's and BKPSDM's report: does selection pick people who perform? */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { QueryState } from '../../../app/QueryState.tsx';
import { PageTitle } from '../../../ui/PageTitle.tsx';
import { correlationApi } from '../api.ts';
import { PeriodPicker } from '../PeriodPicker.tsx';
import { ReportView } from '../ReportView.tsx';
import '../i18n.ts';

function PeriodReport({ id }: { id: string }) {
  const q = useQuery({ queryKey: ['correlation', 'report', id], queryFn: () => correlationApi.report(id) });
  return <QueryState query={q}>{(report) => <ReportView report={report} />}</QueryState>;
}

export function CorrelationPage() {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['correlation', 'periods'], queryFn: () => correlationApi.periods() });
  const [chosen, setChosen] = useState<string | null>(null);
  return (
    <>
      <PageTitle title={t('cor.title')} lead={t('cor.lead')}>
        {t('cor.title')}
      </PageTitle>
      <p className="small">
        <Link to="/seleksi-dan-kinerja">{t('cor.publicLink')}</Link>
      </p>
      <QueryState query={q} isEmpty={(d) => d.periods.length === 0} empty={t('cor.noPeriods')}>
        {(d) => {
          const id = chosen ?? d.periods[0]!.id;
          return (
            <>
              <PeriodPicker periods={d.periods} value={id} onChange={setChosen} />
              <PeriodReport id={id} />
            </>
          );
        }}
      </QueryState>
    </>
  );
}
