/**
 * /bank-soal — exam admin: the item bank with filters, paging, export links, the editor and the
 * import, plus a picker that opens a CAT session's item analysis (/bank-soal/analisis/:sessionId).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ItemQuery } from '../../../../common/contracts/exam.endpoints.ts';
import { codeLabel } from '../../features/codes/i18n.ts';
import { Link, useNavigate } from 'react-router-dom';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { QueryState } from '../../app/QueryState.tsx';
import { useContractForm } from '../../app/useContractForm.ts';
import { formatDateTime } from '../../app/format.ts';
import {
  CATEGORIES,
  type CatSessionSummary,
  catSessionPhase,
  EXAM_TYPES,
  examApi,
  type ItemFilter,
  periodLabel,
  type Subtest,
  SUBTESTS,
} from '../../features/exam/api.ts';
import { ItemEditor } from '../../features/exam/components/ItemEditor.tsx';
import { ItemImport } from '../../features/exam/components/ItemImport.tsx';
import '../../features/exam/exam.css';
import '../../features/exam/i18n.ts';
import { RequireAuth } from '../../features/identity/components/RequireAuth.tsx';
import { Pager } from '../../ui/Pager.tsx';
import { useLang } from '../../features/recruitment/hooks.ts';
import { Alert } from '../../ui/Alert.tsx';
import { CheckboxField, SelectField, TextField } from '../../ui/Field.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { Loading } from '../../ui/Spinner.tsx';
import { DataTable } from '../../ui/DataTable.tsx';

const PAGE_SIZE = 25;

const unsetWhenBlank = (v: unknown) => (v === '' ? undefined : v);
/** The list endpoint's query: "all" (empty) means not filtered, the checkbox means includeRetired=true. */
const FilterForm = ItemQuery.pick({ examType: true, subtest: true, category: true, q: true }).extend({
  examType: z.preprocess(unsetWhenBlank, ItemQuery.shape.examType),
  subtest: z.preprocess(unsetWhenBlank, ItemQuery.shape.subtest),
  category: z.preprocess(unsetWhenBlank, ItemQuery.shape.category),
  q: z.preprocess(unsetWhenBlank, ItemQuery.shape.q),
  includeRetired: z.preprocess((v) => (v === true ? 'true' : undefined), ItemQuery.shape.includeRetired),
});

function Filters({ value, onApply }: { value: ItemFilter; onApply: (f: ItemFilter) => void }) {
  const { t } = useTranslation();
  const form = useContractForm(FilterForm, {
    examType: value.examType ?? '',
    subtest: value.subtest ?? '',
    category: value.category ?? '',
    q: value.q ?? '',
    includeRetired: value.includeRetired === 'true',
  });
  const subtest = form.watch('subtest');
  const categories = typeof subtest === 'string' && subtest ? CATEGORIES[subtest as Subtest] : [];
  return (
    <form
      className="card form"
      noValidate
      aria-labelledby="filter-title"
      onSubmit={form.handleSubmit((f) => onApply({ ...value, ...f, page: 1 }))}
    >
      <h2 id="filter-title">{t('cat.bank.filters')}</h2>
      <div className="cat-inline-form">
        <SelectField label={t('cat.bank.examType')} error={form.fieldError('examType')} {...form.register('examType')}>
          <option value="">{t('cat.bank.all')}</option>
          {EXAM_TYPES.map((x) => (
            <option key={x}>{x}</option>
          ))}
        </SelectField>
        <SelectField
          label={t('cat.bank.subtest')}
          error={form.fieldError('subtest')}
          {...form.register('subtest', { onChange: () => form.setValue('category', '') })}
        >
          <option value="">{t('cat.bank.all')}</option>
          {SUBTESTS.map((s) => (
            <option key={s} value={s}>
              {t(`cat.subtest.${s}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('cat.bank.category')}
          error={form.fieldError('category')}
          {...form.register('category')}
          disabled={categories.length === 0}
        >
          <option value="">{t('cat.bank.all')}</option>
          {categories.map((c) => (
            <option key={c} value={c}>
              {codeLabel(t, 'category', c)}
            </option>
          ))}
        </SelectField>
        <TextField label={t('cat.bank.q')} type="search" error={form.fieldError('q')} {...form.register('q')} />
      </div>
      <CheckboxField label={t('cat.bank.includeRetired')} {...form.register('includeRetired')} />
      <button type="submit" className="btn btn--primary">
        {t('cat.bank.apply')}
      </button>
    </form>
  );
}

interface PeriodGroup {
  id: string;
  label: string;
  sessions: CatSessionSummary[];
}

/** Sessions with a CAT state, grouped by period in the order periods first appear (the list comes latest start first). */
function analysable(sessions: CatSessionSummary[]): PeriodGroup[] {
  const groups = new Map<string, PeriodGroup>();
  for (const s of sessions) {
    if (catSessionPhase(s) === 'not_opened') continue;
    let g = groups.get(s.period.id);
    if (!g) groups.set(s.period.id, (g = { id: s.period.id, label: periodLabel(s.period), sessions: [] }));
    g.sessions.push(s);
  }
  return [...groups.values()];
}

/**
 * Picks the session for the item analysis from GET /cat/sessions (exam admins may read it): only
 * sessions a proctor opened for CAT, grouped by period, each with its site, start and started /
 * finished counts; a session nobody finished stays selectable but says it has no results yet.
 */
function AnalysisLink() {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const [id, setId] = useState('');
  const [error, setError] = useState<string | undefined>();
  const list = useQuery({ queryKey: ['cat', 'sessions', 'all'], queryFn: () => examApi.catSessions({ state: 'all' }) });
  const groups = list.data ? analysable(list.data.sessions) : [];
  return (
    <form
      className="card form"
      noValidate
      aria-labelledby="analysis-link-title"
      onSubmit={(e) => {
        e.preventDefault();
        if (!id) return setError(t('cat.bank.analysisPickError'));
        navigate(`/bank-soal/analisis/${id}`);
      }}
    >
      <h2 id="analysis-link-title">{t('cat.bank.toAnalysis')}</h2>
      <p className="small">{t('cat.bank.analysisPickLead')}</p>
      {list.isPending ? <Loading label={t('app.loading')} /> : null}
      {list.isError ? <ErrorAlert error={list.error} /> : null}
      {list.data && groups.length === 0 ? <p>{t('cat.bank.analysisNoSessions')}</p> : null}
      {groups.length > 0 ? (
        <>
          <SelectField
            label={t('cat.bank.analysisSession')}
            hint={t('cat.bank.analysisSessionHint')}
            value={id}
            error={error}
            onChange={(e) => {
              setId(e.target.value);
              setError(undefined);
            }}
          >
            <option value="">{t('cat.bank.analysisChoose')}</option>
            {groups.map((g) => (
              <optgroup key={g.id} label={g.label}>
                {g.sessions.map((s) => (
                  <option key={s.sessionId} value={s.sessionId}>
                    {t(s.counts.submitted > 0 ? 'cat.bank.analysisOption' : 'cat.bank.analysisOptionNoResults', {
                      site: s.site.name,
                      start: formatDateTime(s.startsAt, lang),
                      started: s.counts.started,
                      submitted: s.counts.submitted,
                    })}
                  </option>
                ))}
              </optgroup>
            ))}
          </SelectField>
          <button type="submit" className="btn btn--secondary">
            {t('cat.bank.analysisGo')}
          </button>
        </>
      ) : null}
    </form>
  );
}

/** One page of the bank, numbering rows on the whole list as the edit and retire buttons name them. */
function ItemTable({
  data: d,
  onEdit,
  onRetire,
  retiring,
}: {
  data: Awaited<ReturnType<typeof examApi.items>>;
  onEdit: (id: string) => void;
  onRetire: (id: string) => void;
  retiring: boolean;
}) {
  const { t } = useTranslation();
  // The row's number on the whole list, as the edit and retire buttons name it.
  const numberOf = new Map(d.items.map((it, i) => [it.id, (d.page - 1) * d.pageSize + i + 1]));
  return (
    <DataTable
      label={t('cat.bank.title')}
      rows={d.items}
      rowKey={(it) => it.id}
      columns={[
        {
          key: 'stem',
          header: t('cat.bank.col.stem'),
          className: 'cat-stem-cell',
          cell: (it) => (it.content.stem.length > 160 ? `${it.content.stem.slice(0, 160)}…` : it.content.stem),
        },
        {
          key: 'subtest',
          header: t('cat.bank.col.subtest'),
          className: 'nowrap',
          cell: (it) => (
            <>
              {t(`cat.subtest.${it.content.subtest}`)}
              <div className="small muted">{codeLabel(t, 'category', it.content.category)}</div>
            </>
          ),
        },
        { key: 'version', header: t('cat.bank.col.version'), className: 'num', cell: (it) => it.version },
        {
          key: 'state',
          header: t('cat.bank.col.state'),
          cell: (it) => (
            <span className={`badge ${it.retired ? 'badge--muted' : it.delivered ? 'badge--ok' : ''}`}>
              {it.retired ? t('cat.bank.retired') : it.delivered ? t('cat.bank.delivered') : t('cat.bank.draft')}
            </span>
          ),
        },
        {
          key: 'actions',
          header: t('cat.bank.col.actions'),
          className: 'nowrap',
          cell: (it) => (
            <>
              <button
                type="button"
                className="btn btn--secondary btn--small"
                aria-label={t('cat.bank.edit', { n: numberOf.get(it.id) })}
                onClick={() => onEdit(it.id)}
              >
                {t('cat.bank.editItem')}
              </button>{' '}
              {!it.retired ? (
                <button
                  type="button"
                  className="btn btn--ghost btn--small"
                  aria-label={t('cat.bank.retireLabel', { n: numberOf.get(it.id) })}
                  onClick={() => onRetire(it.id)}
                  disabled={retiring}
                >
                  {t('cat.bank.retire')}
                </button>
              ) : null}
            </>
          ),
        },
      ]}
    />
  );
}

function Bank() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [filter, setFilter] = useState<ItemFilter>({ page: 1, pageSize: PAGE_SIZE });
  const [editing, setEditing] = useState<string | null | undefined>(undefined);
  const list = useQuery({
    queryKey: ['cat', 'bank', 'list', filter],
    queryFn: () => examApi.items(filter),
    placeholderData: (p) => p,
  });
  const retire = useMutation({
    mutationFn: examApi.retireItem,
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['cat', 'bank'] }),
  });
  return (
    <>
      <p className="actions">
        <Link to="/bank-soal/kisi-kisi">{t('cat.bank.toBlueprints')}</Link>
        <a href={examApi.exportUrl(filter, 'xlsx')} download>
          {t('cat.bank.exportXlsx')}
        </a>
        <a href={examApi.exportUrl(filter, 'csv')} download>
          {t('cat.bank.exportCsv')}
        </a>
      </p>
      <div className="grid grid--2">
        <Filters value={filter} onApply={setFilter} />
        {editing === undefined ? (
          <section className="card" aria-labelledby="new-title">
            <h2 id="new-title">{t('cat.bank.newItem')}</h2>
            <button type="button" className="btn btn--primary" onClick={() => setEditing(null)}>
              {t('cat.bank.newItem')}
            </button>
          </section>
        ) : (
          <ItemEditor key={editing ?? 'new'} itemId={editing} onDone={() => setEditing(undefined)} />
        )}
      </div>
      <section className="card" aria-labelledby="items-title">
        <h2 id="items-title">{list.data ? t('cat.bank.count', { total: list.data.total }) : t('cat.bank.title')}</h2>
        {retire.isError ? <ErrorAlert error={retire.error} /> : null}
        {retire.isSuccess ? <Alert tone="success">{t('cat.bank.retired_ok')}</Alert> : null}
        <QueryState query={list} isEmpty={(d) => d.items.length === 0} empty={t('cat.bank.empty')}>
          {(d) => (
            <ItemTable data={d} onEdit={setEditing} onRetire={(id) => retire.mutate(id)} retiring={retire.isPending} />
          )}
        </QueryState>
        {list.data ? (
          <Pager
            page={list.data.page}
            total={list.data.total}
            pageSize={list.data.pageSize}
            onPage={(p) => setFilter({ ...filter, page: p })}
          />
        ) : null}
      </section>
      <div className="grid grid--2">
        <ItemImport />
        <AnalysisLink />
      </div>
    </>
  );
}

export function ItemBankPage() {
  const { t } = useTranslation();
  return (
    <RequireAuth roles={['exam_admin']}>
      {() => (
        <>
          <PageTitle title={t('cat.bank.title')} lead={t('cat.bank.lead')}>
            {t('cat.bank.title')}
          </PageTitle>
          <Bank />
        </>
      )}
    </RequireAuth>
  );
}
