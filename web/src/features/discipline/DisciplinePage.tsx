/**
 * /disiplin — BKPSDM's list of hukuman disiplin, filtered by OPD and running-or-not, with links to
 * record, import and each person's history, and the absence helper (a suggestion only).
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { QueryState } from '../../app/QueryState.tsx';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { RequireAuth } from '../identity/components/RequireAuth.tsx';
import { useOrganizations } from '../identity/hooks.ts';
import { Alert } from '../../ui/Alert.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { type ActiveFilter, disciplineApi } from './api.ts';
import { RecordsTable, useLang } from './components.tsx';
import './i18n.ts';

function Filters({ onFilter }: { onFilter: (org: string, active: ActiveFilter) => void }) {
  const { t } = useTranslation();
  const orgs = useOrganizations();
  const [org, setOrg] = useState('');
  const [active, setActive] = useState<ActiveFilter>('all');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onFilter(org, active);
  };
  return (
    <form className="form filters" role="search" noValidate aria-label={t('disc.filters')} onSubmit={submit}>
      <SelectField label={t('disc.organization')} value={org} onChange={(e) => setOrg(e.target.value)}>
        <option value="">{t('disc.allOrganizations')}</option>
        {orgs.data?.organizations.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('disc.activeFilter')}
        value={active}
        onChange={(e) => setActive(e.target.value as ActiveFilter)}
      >
        <option value="all">{t('disc.activeAll')}</option>
        <option value="active">{t('disc.activeOnly')}</option>
        <option value="inactive">{t('disc.inactiveOnly')}</option>
      </SelectField>
      <div className="actions">
        <button type="submit" className="btn btn--secondary">
          {t('disc.apply')}
        </button>
      </div>
    </form>
  );
}

/** Pasal 11's thresholds as a suggestion, with the reminder that the official decides. */
function AbsenceHelper() {
  const { t } = useTranslation();
  const lang = useLang();
  const [input, setInput] = useState({ year: String(new Date().getFullYear()), cumulative: '', longest: '' });
  const [asked, setAsked] = useState<{ year: number; cumulative: number; longest: number } | null>(null);
  const answer = useQuery({
    queryKey: ['disc', 'absence', asked],
    queryFn: () => disciplineApi.absence(asked!.year, asked!.cumulative, asked!.longest),
    enabled: asked !== null,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setAsked({
      year: Number(input.year),
      cumulative: Number(input.cumulative || 0),
      longest: Number(input.longest || 0),
    });
  };
  const field = (key: keyof typeof input, label: string) => (
    <TextField
      label={label}
      inputMode="numeric"
      value={input[key]}
      onChange={(e) => setInput({ ...input, [key]: e.target.value.replace(/\D/g, '').slice(0, 4) })}
    />
  );
  return (
    <section className="card" aria-labelledby="absence-title">
      <h2 id="absence-title">{t('disc.absence.title')}</h2>
      <p className="small">{t('disc.absence.lead')}</p>
      <form className="form filters" noValidate onSubmit={submit} aria-labelledby="absence-title">
        {field('year', t('disc.absence.year'))}
        {field('cumulative', t('disc.absence.cumulative'))}
        {field('longest', t('disc.absence.longest'))}
        <div className="actions">
          <button type="submit" className="btn btn--secondary">
            {t('disc.absence.show')}
          </button>
        </div>
      </form>
      {answer.isError ? <ErrorAlert error={answer.error} /> : null}
      {answer.data ? (
        <Alert tone="info">
          <p>
            {answer.data.suggested
              ? t('disc.absence.suggested', {
                  name: answer.data.suggested.name[lang],
                  level: t(`disc.level.${answer.data.suggested.level}`),
                })
              : t('disc.absence.none')}
          </p>
          <p>{answer.data.note[lang]}</p>
        </Alert>
      ) : null}
    </section>
  );
}

function List() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<{ org: string; active: ActiveFilter }>({ org: '', active: 'all' });
  const list = useQuery({
    queryKey: ['disc', 'list', filter],
    queryFn: () => disciplineApi.list(filter.org, filter.active),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <PageTitle title={t('disc.title')} lead={t('disc.lead')}>
        {t('disc.title')}
      </PageTitle>
      <p className="actions">
        <Link className="btn btn--primary" to="/disiplin/baru">
          {t('disc.newRecord')}
        </Link>
        <Link className="btn btn--secondary" to="/disiplin/impor">
          {t('disc.importLink')}
        </Link>
      </p>
      <section className="card" aria-labelledby="disc-list-title">
        <h2 id="disc-list-title">
          {list.data ? t('disc.count', { count: list.data.records.length }) : t('disc.table')}
        </h2>
        <Filters onFilter={(org, active) => setFilter({ org, active })} />
        <QueryState query={list} isEmpty={(d) => d.records.length === 0} empty={t('disc.empty')}>
          {(d) => <RecordsTable records={d.records} withEmployee />}
        </QueryState>
      </section>
      <AbsenceHelper />
    </>
  );
}

export function DisciplinePage() {
  return <RequireAuth roles={['admin', 'training_admin']}>{() => <List />}</RequireAuth>;
}
