/**
 * /ip-asn/instrumen — BKPSDM's IP ASN instrument: the versions (which results use, which years
 * they measure, how many cells are provisional), one version's cells to edit into a new version,
 * the version of each year, and recomputation of the city's results with progress and counts.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatWitaDateTime } from '../../../../common/rules/wita.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { QueryState } from '../../app/QueryState.tsx';
import { RequireAuth } from '../identity/components/RequireAuth.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { SelectField } from '../../ui/Field.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { TableWrap } from '../../ui/TableWrap.tsx';
import { type IpInstruments, type IpRecompute, ipAsnApi } from './api.ts';
import './i18n.ts';
import { InstrumentEditor } from './InstrumentEditor.tsx';
import './ipasn.css';

function Versions({ data, selected, onOpen }: { data: IpInstruments; selected: string; onOpen: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  return (
    <section className="card" aria-labelledby="ipasn-versions">
      <h2 id="ipasn-versions">{t('ipasn.instrument.versions')}</h2>
      <TableWrap label={t('ipasn.instrument.versionsCaption')}>
        <table>
          <caption>{t('ipasn.instrument.versionsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ipasn.instrument.colVersion')}</th>
              <th scope="col">{t('ipasn.instrument.colBasedOn')}</th>
              <th scope="col">{t('ipasn.instrument.colNote')}</th>
              <th scope="col">{t('ipasn.instrument.colProvisional')}</th>
              <th scope="col">{t('ipasn.instrument.colYears')}</th>
              <th scope="col">{t('ipasn.instrument.colUse')}</th>
              <th scope="col">{t('ipasn.instrument.colCreated')}</th>
            </tr>
          </thead>
          <tbody>
            {data.instruments.map((i) => (
              <tr key={i.id} aria-current={i.id === selected ? 'true' : undefined}>
                <th scope="row">
                  <button type="button" className="btn btn--ghost btn--small" onClick={() => onOpen(i.id)}>
                    {t('ipasn.instrument.open', { version: i.version })}
                  </button>
                </th>
                <td>{i.basedOnVersion ?? '—'}</td>
                <td>{i.note}</td>
                <td>{i.provisionalCells}</td>
                <td>{i.years.join(', ') || '—'}</td>
                <td>
                  <span className={i.inUse ? 'badge badge--ok' : 'badge badge--muted'}>
                    {i.inUse ? t('ipasn.instrument.inUse') : t('ipasn.instrument.notUsed')}
                  </span>
                </td>
                <td>
                  {formatWitaDateTime(i.createdAt, lang)}
                  {i.createdBy ? ` · ${i.createdBy}` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}

function yearChoices(current: number) {
  return Array.from({ length: 6 }, (_, i) => current - 4 + i);
}

function Years({ data }: { data: IpInstruments }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [year, setYear] = useState(data.currentYear);
  const [instrumentId, setInstrumentId] = useState(data.instruments.at(-1)?.id ?? '');
  const assign = useMutation({
    mutationFn: () => ipAsnApi.assignYear(year, instrumentId),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['ipasn'] }),
  });
  return (
    <section className="card" aria-labelledby="ipasn-years">
      <h2 id="ipasn-years">{t('ipasn.instrument.years')}</h2>
      <TableWrap label={t('ipasn.instrument.yearsCaption')}>
        <table>
          <caption>{t('ipasn.instrument.yearsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ipasn.instrument.colYear')}</th>
              <th scope="col">{t('ipasn.instrument.colVersion')}</th>
              <th scope="col">{t('ipasn.instrument.colResults')}</th>
            </tr>
          </thead>
          <tbody>
            {data.years.map((y) => (
              <tr key={y.year}>
                <th scope="row">{y.year}</th>
                <td>{y.version}</td>
                <td>{y.results}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <form
        noValidate
        aria-label={t('ipasn.instrument.assignTitle')}
        onSubmit={(e) => {
          e.preventDefault();
          assign.mutate();
        }}
      >
        <h3>{t('ipasn.instrument.assignTitle')}</h3>
        <SelectField label={t('ipasn.instrument.year')} value={year} onChange={(e) => setYear(Number(e.target.value))}>
          {yearChoices(data.currentYear).map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('ipasn.instrument.instrumentFor')}
          value={instrumentId}
          onChange={(e) => setInstrumentId(e.target.value)}
        >
          {data.instruments.map((i) => (
            <option key={i.id} value={i.id}>
              {i.version}
            </option>
          ))}
        </SelectField>
        <div className="actions">
          <button type="submit" className="btn btn--primary" disabled={assign.isPending}>
            {t('ipasn.instrument.assign')}
          </button>
        </div>
        <div role="status">
          {assign.isSuccess ? <Alert tone="success">{t('ipasn.instrument.assigned', { year })}</Alert> : null}
        </div>
        {assign.isError ? <ErrorAlert error={assign.error} /> : null}
      </form>
    </section>
  );
}

/** Recomputes one year, or every assigned year one at a time so the page can say how far it is. */
function Recompute({ data }: { data: IpInstruments }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [year, setYear] = useState(data.currentYear);
  const [progress, setProgress] = useState<{ year: number; done: number; total: number } | null>(null);
  const [results, setResults] = useState<IpRecompute['years'][number][]>([]);
  const [ms, setMs] = useState<Record<number, number>>({});
  const run = useMutation({
    mutationFn: async (years: number[]) => {
      setResults([]);
      for (const [i, y] of years.entries()) {
        setProgress({ year: y, done: i, total: years.length });
        const r = await ipAsnApi.recompute(y);
        setResults((prev) => [...prev, ...r.years]);
        setMs((prev) => ({ ...prev, [y]: r.milliseconds }));
      }
    },
    onSettled: () => {
      setProgress(null);
      void qc.invalidateQueries({ queryKey: ['ipasn'] });
    },
  });
  const allYears = [...new Set([...data.years.map((y) => y.year), data.currentYear])]
    .filter((y) => y <= data.currentYear)
    .sort((a, b) => a - b);
  return (
    <section className="card" aria-labelledby="ipasn-recompute">
      <h2 id="ipasn-recompute">{t('ipasn.instrument.recompute')}</h2>
      <p className="small">{t('ipasn.instrument.recomputeLead')}</p>
      <SelectField label={t('ipasn.instrument.year')} value={year} onChange={(e) => setYear(Number(e.target.value))}>
        {yearChoices(data.currentYear)
          .filter((y) => y <= data.currentYear)
          .map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
      </SelectField>
      <div className="actions">
        <button type="button" className="btn btn--primary" disabled={run.isPending} onClick={() => run.mutate([year])}>
          {t('ipasn.instrument.recomputeYear', { year })}
        </button>
        <button type="button" className="btn" disabled={run.isPending} onClick={() => run.mutate(allYears)}>
          {t('ipasn.instrument.recomputeAll')}
        </button>
      </div>
      <div role="status" aria-live="polite">
        {progress ? <p>{t('ipasn.instrument.progress', { ...progress, done: progress.done + 1 })}</p> : null}
        {results.length > 0 ? (
          <ul>
            {results.map((r) => (
              <li key={r.year}>{t('ipasn.instrument.done', { ...r, ms: ms[r.year] ?? 0 })}</li>
            ))}
          </ul>
        ) : null}
      </div>
      {run.isError ? <ErrorAlert error={run.error} /> : null}
    </section>
  );
}

function Instrument() {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: ['ipasn', 'instruments'], queryFn: ipAsnApi.instruments, retry: false });
  const [selected, setSelected] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <>
      <PageTitle title={t('ipasn.instrument.title')} lead={t('ipasn.instrument.lead')}>
        {t('ipasn.instrument.title')}
      </PageTitle>
      <QueryState query={query}>
        {(data) => {
          const shown = data.instruments.find((i) => i.id === selected) ?? data.instruments.at(-1);
          return (
            <>
              <Versions data={data} selected={shown?.id ?? ''} onOpen={setSelected} />
              <Years data={data} />
              <Recompute data={data} />
              <div role="status">
                {saved ? <Alert tone="success">{t('ipasn.instrument.saved', { version: saved })}</Alert> : null}
              </div>
              {shown ? (
                <InstrumentEditor
                  key={shown.id}
                  instrument={shown}
                  onSaved={(s) => {
                    setSaved(s.version);
                    setSelected(s.id);
                  }}
                />
              ) : null}
            </>
          );
        }}
      </QueryState>
    </>
  );
}

export function InstrumentPage() {
  return <RequireAuth roles={['admin', 'training_admin']}>{() => <Instrument />}</RequireAuth>;
}
