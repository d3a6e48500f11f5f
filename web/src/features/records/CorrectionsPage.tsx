/** /riwayat/usulan — BKPSDM's queue of proposed corrections: accept or reject each with a note (audited). */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { CORRECTION_STATUS_VALUES } from '../../../../common/contracts/records.ts';
import { QueryState } from '../../app/QueryState.tsx';
import { RequireAuth } from '../identity/components/RequireAuth.tsx';
import { SelectField } from '../../ui/Field.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { recordsApi } from './api.ts';
import { CorrectionsTable } from './components.tsx';
import { DecisionForm } from './forms.tsx';
import './i18n.ts';

function Queue() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<(typeof CORRECTION_STATUS_VALUES)[number]>('submitted');
  const q = useQuery({ queryKey: ['records', 'corrections', status], queryFn: () => recordsApi.corrections(status) });
  return (
    <>
      <PageTitle title={t('records.corr.pageTitle')} lead={t('records.corr.pageLead')}>
        {t('records.corr.pageTitle')}
      </PageTitle>
      <section className="card" aria-labelledby="queue-title">
        <h2 id="queue-title">{t(`records.corr.statuses.${status}`)}</h2>
        <SelectField
          label={t('records.corr.show')}
          value={status}
          onChange={(e) => setStatus(e.target.value as typeof status)}
        >
          {CORRECTION_STATUS_VALUES.map((s) => (
            <option key={s} value={s}>
              {t(`records.corr.statuses.${s}`)}
            </option>
          ))}
        </SelectField>
        <QueryState query={q}>
          {(d) => (
            <CorrectionsTable
              rows={d.corrections}
              showPerson
              decide={(c) => (
                <>
                  <Link to={`/pegawai/${c.employee.id}/riwayat`}>{t('records.corr.openRecords')}</Link>
                  {c.status === 'submitted' ? <DecisionForm correction={c} /> : null}
                </>
              )}
            />
          )}
        </QueryState>
      </section>
    </>
  );
}

export function RecordsCorrectionsPage() {
  return <RequireAuth roles={['admin', 'training_admin']}>{() => <Queue />}</RequireAuth>;
}
