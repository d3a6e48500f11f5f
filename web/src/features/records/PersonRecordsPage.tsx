/**
 * /pegawai/:id/riwayat — BKPSDM's page for one ASN: education history (forms, ijazah, the highest
 * mark), competency history (forms), Merit's own training beside it (read-only), and the person's
 * proposed corrections.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { EDUCATION_LEVEL_NAMES } from '../../../../common/contracts/records.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { QueryState } from '../../app/QueryState.tsx';
import { RequireAuth } from '../identity/components/RequireAuth.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { type Competency, type Education, type PersonRecords, recordsApi } from './api.ts';
import { CompetencyTable, CorrectionsTable, EducationTable, MeritTable } from './components.tsx';
import { CompetencyForm, EducationForm, IjazahUpload } from './forms.tsx';
import './i18n.ts';

type Editing<T> = { row: T | null } | null;

function EducationSection({ data }: { data: PersonRecords }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [editing, setEditing] = useState<Editing<Education>>(null);
  const done = () => void qc.invalidateQueries({ queryKey: ['records'] });
  const highest = useMutation({ mutationFn: recordsApi.markHighest, onSuccess: done });
  const remove = useMutation({ mutationFn: recordsApi.deleteEducation, onSuccess: done });
  const name = (e: Education) => `${EDUCATION_LEVEL_NAMES[e.level]} ${e.institution}`;
  return (
    <section className="card" aria-labelledby="edu-title">
      <h2 id="edu-title">{t('records.edu.heading')}</h2>
      <EducationTable
        rows={data.education}
        actions={(e) => (
          <div className="actions">
            {e.isHighest ? null : (
              <button type="button" className="btn btn--secondary btn--small" onClick={() => highest.mutate(e.id)}>
                {t('records.edu.makeHighest')}
                <span className="sr-only"> {name(e)}</span>
              </button>
            )}
            <button type="button" className="btn btn--secondary btn--small" onClick={() => setEditing({ row: e })}>
              {t('records.edit')}
              <span className="sr-only"> {name(e)}</span>
            </button>
            <button
              type="button"
              className="btn btn--danger btn--small"
              onClick={() => window.confirm(t('records.edu.confirmDelete', { name: name(e) })) && remove.mutate(e.id)}
            >
              {t('records.delete')}
              <span className="sr-only"> {name(e)}</span>
            </button>
            <IjazahUpload education={e} />
          </div>
        )}
      />
      {highest.isError ? <ErrorAlert error={highest.error} /> : null}
      {remove.isError ? <ErrorAlert error={remove.error} /> : null}
      {editing ? (
        <EducationForm
          key={editing.row?.id ?? 'new'}
          employeeId={data.employee.id}
          editing={editing.row}
          onDone={() => setEditing(null)}
        />
      ) : (
        <button type="button" className="btn btn--primary" onClick={() => setEditing({ row: null })}>
          {t('records.edu.add')}
        </button>
      )}
    </section>
  );
}

function CompetencySection({ data }: { data: PersonRecords }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [editing, setEditing] = useState<Editing<Competency>>(null);
  const remove = useMutation({
    mutationFn: recordsApi.deleteCompetency,
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['records'] }),
  });
  return (
    <section className="card" aria-labelledby="comp-title">
      <h2 id="comp-title">{t('records.comp.heading')}</h2>
      <CompetencyTable
        rows={data.competency}
        actions={(c) => (
          <div className="actions">
            <button type="button" className="btn btn--secondary btn--small" onClick={() => setEditing({ row: c })}>
              {t('records.edit')}
              <span className="sr-only"> {c.title}</span>
            </button>
            <button
              type="button"
              className="btn btn--danger btn--small"
              onClick={() => window.confirm(t('records.comp.confirmDelete', { name: c.title })) && remove.mutate(c.id)}
            >
              {t('records.delete')}
              <span className="sr-only"> {c.title}</span>
            </button>
          </div>
        )}
      />
      {remove.isError ? <ErrorAlert error={remove.error} /> : null}
      {editing ? (
        <CompetencyForm
          key={editing.row?.id ?? 'new'}
          employeeId={data.employee.id}
          editing={editing.row}
          onDone={() => setEditing(null)}
        />
      ) : (
        <button type="button" className="btn btn--primary" onClick={() => setEditing({ row: null })}>
          {t('records.comp.add')}
        </button>
      )}
      <h3>{t('records.merit.heading')}</h3>
      <p className="small">{t('records.merit.lead')}</p>
      <MeritTable merit={data.merit} />
    </section>
  );
}

function Person({ id }: { id: string }) {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['records', 'person', id], queryFn: () => recordsApi.person(id) });
  return (
    <QueryState query={q}>
      {(data) => (
        <>
          <PageTitle
            title={t('records.person.title', { name: data.employee.fullName })}
            lead={`${data.employee.nip} · ${data.employee.jabatan} · ${data.employee.organizationName}`}
          >
            {t('records.person.title', { name: data.employee.fullName })}
          </PageTitle>
          <p className="actions">
            <Link to="/pegawai">{t('records.person.back')}</Link>
            <Link to="/riwayat/impor">{t('records.nav.import')}</Link>
            <Link to="/riwayat/usulan">{t('records.nav.corrections')}</Link>
          </p>
          <EducationSection data={data} />
          <CompetencySection data={data} />
          <section className="card" aria-labelledby="corr-title">
            <h2 id="corr-title">{t('records.corr.heading')}</h2>
            <CorrectionsTable rows={data.corrections} />
          </section>
        </>
      )}
    </QueryState>
  );
}

export function PersonRecordsPage() {
  const { id = '' } = useParams();
  return <RequireAuth roles={['admin', 'training_admin']}>{() => <Person id={id} />}</RequireAuth>;
}
