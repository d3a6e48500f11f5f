/**
 * /riwayat/saya — "Riwayat pendidikan & kompetensi": the signed-in employee's own education and
 * competency history as BKPSDM keeps it, Merit's own training, and a form to propose a correction
 * with a PDF as evidence (BKPSDM decides; the answer shows here).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CorrectionFields, EDUCATION_LEVEL_NAMES } from '../../../../common/contracts/records.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { QueryState } from '../../app/QueryState.tsx';
import { RequireAuth } from '../identity/components/RequireAuth.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { SelectField, TextAreaField } from '../../ui/Field.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { type PersonRecords, recordsApi } from './api.ts';
import { CompetencyTable, CorrectionsTable, EducationTable, MeritTable } from './components.tsx';
import './i18n.ts';

/** A free-text proposal, optionally about one record, with a PDF; checked here against the contract first. */
function CorrectionForm({ education }: { education: PersonRecords['education'] }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const fileId = useId();
  const [proposal, setProposal] = useState('');
  const [recordId, setRecordId] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const send = useMutation({
    mutationFn: () => recordsApi.proposeCorrection({ proposal, educationRecordId: recordId }, file!),
    onSuccess: () => {
      setProposal('');
      setRecordId('');
      void qc.invalidateQueries({ queryKey: ['records'] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const ok = CorrectionFields.safeParse({ proposal, educationRecordId: recordId }).success;
    setProblem(!ok ? t('records.mine.proposalShort') : !file ? t('records.mine.fileMissing') : null);
    if (ok && file) send.mutate();
  };
  return (
    <form className="form card" noValidate aria-labelledby="propose-title" onSubmit={submit}>
      <h2 id="propose-title">{t('records.mine.proposeTitle')}</h2>
      <p className="small">{t('records.mine.proposeLead')}</p>
      <SelectField label={t('records.mine.about')} value={recordId} onChange={(e) => setRecordId(e.target.value)}>
        <option value="">{t('records.mine.aboutNone')}</option>
        {education.map((e) => (
          <option key={e.id} value={e.id}>
            {`${EDUCATION_LEVEL_NAMES[e.level]} · ${e.institution} · ${e.graduationYear}`}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        label={t('records.mine.proposal')}
        hint={t('records.mine.proposalHint')}
        rows={4}
        maxLength={2000}
        value={proposal}
        onChange={(e) => setProposal(e.target.value)}
      />
      <div className="field">
        <label htmlFor={fileId}>{t('records.mine.evidence')}</label>
        <input
          id={fileId}
          type="file"
          accept="application/pdf,.pdf"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </div>
      {problem ? <Alert tone="error">{problem}</Alert> : null}
      <div className="actions">
        <button type="submit" className="btn btn--primary" disabled={send.isPending}>
          {t('records.mine.send')}
        </button>
      </div>
      {send.isSuccess ? <Alert tone="success">{t('records.mine.sent')}</Alert> : null}
      {send.isError ? <ErrorAlert error={send.error} /> : null}
    </form>
  );
}

function Mine() {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['records', 'mine'], queryFn: recordsApi.mine, retry: false });
  return (
    <>
      <PageTitle title={t('records.mine.title')} lead={t('records.mine.lead')}>
        {t('records.mine.title')}
      </PageTitle>
      <QueryState query={q}>
        {(data) => (
          <>
            <section className="card" aria-labelledby="my-edu">
              <h2 id="my-edu">{t('records.edu.heading')}</h2>
              <EducationTable rows={data.education} />
            </section>
            <section className="card" aria-labelledby="my-comp">
              <h2 id="my-comp">{t('records.comp.heading')}</h2>
              <CompetencyTable rows={data.competency} />
              <h3>{t('records.merit.heading')}</h3>
              <MeritTable merit={data.merit} />
            </section>
            <CorrectionForm education={data.education} />
            <section className="card" aria-labelledby="my-corr">
              <h2 id="my-corr">{t('records.mine.myProposals')}</h2>
              <CorrectionsTable rows={data.corrections} />
            </section>
          </>
        )}
      </QueryState>
    </>
  );
}

export function MyRecordsPage() {
  return <RequireAuth>{() => <Mine />}</RequireAuth>;
}
