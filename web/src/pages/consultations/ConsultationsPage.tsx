/** /konsultasi — public consultations on recruitment criteria; the committee drafts a new one here. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { z } from 'zod';
import { ConsultationBody } from '../../../../common/contracts/participation.ts';
import { formatWitaDateTime } from '../../../../common/rules/wita.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { QueryState } from '../../app/QueryState.tsx';
import { useContractForm } from '../../app/useContractForm.ts';
import { useMe } from '../../features/identity/hooks.ts';
import { consultationApi } from '../../features/participation/api.ts';
import { ParticipationLinks } from '../../features/participation/components/ParticipationLinks.tsx';
import '../../features/participation/i18n.ts';
import '../../features/participation/participation.css';
import { TextAreaField, TextField } from '../../ui/Field.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';

/** The contract's body; a new draft belongs to no recruitment period (the API helper gets null). */
const NewConsultationForm = ConsultationBody.omit({ periodId: true });

function NewConsultation() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const form = useContractForm(
    NewConsultationForm,
    { title: '', summary: '', moderationRules: t('prt.cons.defaultRules'), sections: [{ heading: '', body: '' }] },
    { serverFields: ['title', 'summary', 'moderationRules', 'sections'] },
  );
  const sections = useFieldArray({ control: form.control, name: 'sections' });
  const create = useMutation({
    mutationFn: (v: z.infer<typeof NewConsultationForm>) => consultationApi.create({ ...v, periodId: null }),
    onSuccess: (r) => (void qc.invalidateQueries({ queryKey: ['prt', 'cons'] }), navigate(`/konsultasi/${r.id}`)),
    onError: (e) => form.showServerErrors(e),
  });
  return (
    <form
      className="form card"
      noValidate
      aria-labelledby="new-cons"
      onSubmit={form.handleSubmit((v) => create.mutate(v))}
    >
      <h2 id="new-cons">{t('prt.cons.new')}</h2>
      <TextField
        label={t('prt.cons.title')}
        maxLength={200}
        error={form.fieldError('title')}
        {...form.register('title')}
      />
      <TextField
        label={t('prt.cons.summary')}
        maxLength={2000}
        error={form.fieldError('summary')}
        {...form.register('summary')}
      />
      <TextField
        label={t('prt.cons.rules')}
        maxLength={3000}
        error={form.fieldError('moderationRules')}
        {...form.register('moderationRules')}
      />
      {sections.fields.map((s, i) => (
        <fieldset key={s.id} className="field">
          <legend>{t('prt.cons.section', { n: i + 1 })}</legend>
          <TextField
            label={t('prt.cons.heading', { n: i + 1 })}
            maxLength={160}
            error={form.fieldError(`sections.${i}.heading`)}
            {...form.register(`sections.${i}.heading`)}
          />
          <TextAreaField
            label={t('prt.cons.body', { n: i + 1 })}
            rows={5}
            error={form.fieldError(`sections.${i}.body`)}
            {...form.register(`sections.${i}.body`)}
          />
        </fieldset>
      ))}
      <div className="actions">
        <button type="button" className="btn btn--secondary" onClick={() => sections.append({ heading: '', body: '' })}>
          {t('prt.cons.addSection')}
        </button>
        <button type="submit" className="btn btn--primary" disabled={create.isPending}>
          {t('prt.cons.create')}
        </button>
      </div>
      {create.isError ? <ErrorAlert error={create.error} /> : null}
    </form>
  );
}

export function ConsultationsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const me = useMe();
  const list = useQuery({ queryKey: ['prt', 'cons', 'list', me.data?.role ?? null], queryFn: consultationApi.list });
  return (
    <>
      <PageTitle title={t('prt.cons.listTitle')} lead={t('prt.cons.listLead')}>
        {t('prt.cons.listTitle')}
      </PageTitle>
      <ParticipationLinks />
      <QueryState query={list} isEmpty={(d) => d.consultations.length === 0} empty={t('prt.cons.none')}>
        {(d) => (
          <ul className="rec-cards">
            {d.consultations.map((c) => (
              <li key={c.id}>
                <article className="card" aria-labelledby={`cons-${c.id}`}>
                  <h2 id={`cons-${c.id}`}>
                    <Link to={`/konsultasi/${c.id}`}>{c.title}</Link>
                  </h2>
                  <p>{c.summary}</p>
                  <p className="small">
                    <span className="badge">{t(`prt.cons.states.${c.state}`)}</span>
                    {c.opensAt && c.closesAt
                      ? ` · ${formatWitaDateTime(c.opensAt, lang)} – ${formatWitaDateTime(c.closesAt, lang)}`
                      : ''}
                  </p>
                </article>
              </li>
            ))}
          </ul>
        )}
      </QueryState>
      {me.data?.role === 'committee' || me.data?.role === 'admin' ? <NewConsultation /> : null}
    </>
  );
}
