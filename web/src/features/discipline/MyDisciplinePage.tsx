/** /disiplin/saya — the employee's own disciplinary record: each punishment, its term, objection route and outcome, and the SK. */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatCalendarDate } from '../../../../common/rules/wita.ts';
import { QueryState } from '../../app/QueryState.tsx';
import { RequireAuth } from '../identity/components/RequireAuth.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { type DisciplineRecord, disciplineApi } from './api.ts';
import { Status, Term, useLang } from './components.tsx';
import './i18n.ts';
import './discipline.css';

function RecordCard({ r }: { r: DisciplineRecord }) {
  const { t } = useTranslation();
  const lang = useLang();
  const head = `disc-${r.id}`;
  return (
    <section className="card" aria-labelledby={head}>
      <h2 id={head}>
        {r.kindName[lang]} <span className="small muted">· {t(`disc.level.${r.level}`)}</span>
      </h2>
      <p>
        <Status r={r} />
      </p>
      <dl className="disc-facts">
        <dt>{t('disc.col.sk')}</dt>
        <dd>{t('disc.mine.skOf', { number: r.skNumber, date: formatCalendarDate(r.skDate, lang) })}</dd>
        <dt>{t('disc.mine.imposedBy')}</dt>
        <dd>{r.imposedBy}</dd>
        <dt>{t('disc.mine.reason')}</dt>
        <dd>{r.reason}</dd>
        <dt>{t('disc.mine.term')}</dt>
        <dd>
          <Term r={r} />
        </dd>
        <dt>{t('disc.mine.route')}</dt>
        <dd>{t(`disc.route.${r.objection.route}`)}</dd>
        <dt>{t('disc.mine.outcome')}</dt>
        <dd>
          {t(`disc.objectionStatus.${r.objection.status}`)}
          {r.objection.decidedOn ? ` (${formatCalendarDate(r.objection.decidedOn, lang)})` : null}
          {r.objection.note ? ` — ${r.objection.note}` : null}
        </dd>
      </dl>
      <p>
        {r.hasSk ? (
          <a href={disciplineApi.skUrl(r.id)} download>
            {t('disc.downloadSk')}
          </a>
        ) : (
          <span className="muted">{t('disc.noSk')}</span>
        )}
      </p>
    </section>
  );
}

function Mine() {
  const { t } = useTranslation();
  const mine = useQuery({ queryKey: ['disc', 'mine'], queryFn: disciplineApi.mine });
  return (
    <>
      <PageTitle title={t('disc.mine.title')} lead={t('disc.mine.lead')}>
        {t('disc.mine.title')}
      </PageTitle>
      <QueryState query={mine}>
        {(d) =>
          d.employee === null ? (
            <Alert tone="info">{t('disc.mine.notLinked')}</Alert>
          ) : d.records.length === 0 ? (
            <p>{t('disc.empty')}</p>
          ) : (
            <div className="disc-stack">
              {d.records.map((r) => (
                <RecordCard key={r.id} r={r} />
              ))}
            </div>
          )
        }
      </QueryState>
    </>
  );
}

export function MyDisciplinePage() {
  return <RequireAuth roles={['employee']}>{() => <Mine />}</RequireAuth>;
}
