/** /konsultasi — public consultations on recruitment criteria; the committee drafts a new one here. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { formatWitaDateTime } from '../../../../common/rules/wita.ts';
import { ApiError } from '../../app/api.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { QueryState } from '../../app/QueryState.tsx';
import { useMe } from '../../features/identity/hooks.ts';
import { consultationApi } from '../../features/participation/api.ts';
import { ParticipationLinks } from '../../features/participation/components/ParticipationLinks.tsx';
import '../../features/participation/i18n.ts';
import '../../features/participation/participation.css';
import { TextField } from '../../ui/Field.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';

function NewConsultation() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [v, setV] = useState({
    title: '',
    summary: '',
    moderationRules: t('prt.cons.defaultRules'),
    sections: [{ heading: '', body: '' }],
  });
  const create = useMutation({
    mutationFn: () => consultationApi.create({ ...v, periodId: null }),
    onSuccess: (r) => (void qc.invalidateQueries({ queryKey: ['prt', 'cons'] }), navigate(`/konsultasi/${r.id}`)),
  });
  const err = create.error instanceof ApiError ? create.error : null;
  return (
    <form className="form card" aria-labelledby="new-cons" onSubmit={(e) => (e.preventDefault(), create.mutate())}>
      <h2 id="new-cons">{t('prt.cons.new')}</h2>
      <TextField
        label={t('prt.cons.title')}
        value={v.title}
        maxLength={200}
        onChange={(e) => setV({ ...v, title: e.target.value })}
        error={err?.fieldMessage('title')}
      />
      <TextField
        label={t('prt.cons.summary')}
        value={v.summary}
        maxLength={2000}
        onChange={(e) => setV({ ...v, summary: e.target.value })}
        error={err?.fieldMessage('summary')}
      />
      <TextField
        label={t('prt.cons.rules')}
        value={v.moderationRules}
        maxLength={3000}
        onChange={(e) => setV({ ...v, moderationRules: e.target.value })}
      />
      {v.sections.map((s, i) => (
        <fieldset key={i} className="field">
          <legend>{t('prt.cons.section', { n: i + 1 })}</legend>
          <TextField
            label={t('prt.cons.heading', { n: i + 1 })}
            value={s.heading}
            maxLength={160}
            onChange={(e) =>
              setV({ ...v, sections: v.sections.map((x, k) => (k === i ? { ...x, heading: e.target.value } : x)) })
            }
          />
          <div className="field">
            <label htmlFor={`cons-body-${i}`}>{t('prt.cons.body', { n: i + 1 })}</label>
            <textarea
              id={`cons-body-${i}`}
              rows={5}
              value={s.body}
              onChange={(e) =>
                setV({ ...v, sections: v.sections.map((x, k) => (k === i ? { ...x, body: e.target.value } : x)) })
              }
            />
          </div>
        </fieldset>
      ))}
      <div className="actions">
        <button
          type="button"
          className="btn btn--secondary"
          onClick={() => setV({ ...v, sections: [...v.sections, { heading: '', body: '' }] })}
        >
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
