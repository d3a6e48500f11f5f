/** /bank-soal/kisi-kisi — blueprints: list and an editor (sections of subtest/category/count, durations, threshold basis). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { codeLabel } from '../../features/codes/i18n.ts';
import { Link } from 'react-router-dom';
import { ApiError } from '../../app/api.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { QueryState } from '../../app/QueryState.tsx';
import {
  type BlueprintRow,
  CATEGORIES,
  EXAM_SUBTESTS,
  EXAM_TYPES,
  examApi,
  type ExamType,
  type Subtest,
} from '../../features/exam/api.ts';
import {
  blueprintBody,
  blueprintDraft,
  type BlueprintDraft,
  freshBlueprint,
} from '../../features/exam/blueprint-draft.ts';
import '../../features/exam/exam.css';
import '../../features/exam/i18n.ts';
import { RequireAuth } from '../../features/identity/components/RequireAuth.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { DataTable } from '../../ui/DataTable.tsx';

function Editor({ row, onDone }: { row: BlueprintRow | null; onDone: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [d, setD] = useState<BlueprintDraft>(row ? blueprintDraft(row.blueprint) : freshBlueprint());
  const save = useMutation({
    mutationFn: () =>
      row ? examApi.updateBlueprint(row.id, blueprintBody(d)) : examApi.createBlueprint(blueprintBody(d)),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['cat', 'blueprints'] }),
  });
  const setSection = (i: number, patch: Partial<BlueprintDraft['sections'][number]>) =>
    setD({ ...d, sections: d.sections.map((s, j) => (j === i ? { ...s, ...patch } : s)) });
  const total = d.sections.reduce((n, s) => n + (Number(s.count) || 0), 0);
  const problems = save.error instanceof ApiError ? save.error.fields : [];
  return (
    <form
      className="card form cat-sections"
      noValidate
      aria-labelledby="bp-form-title"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <h2 id="bp-form-title">{row ? t('cat.bp.editTitle') : t('cat.bp.newTitle')}</h2>
      <TextField label={t('cat.bp.name')} value={d.name} onChange={(e) => setD({ ...d, name: e.target.value })} />
      <div className="cat-inline-form">
        <SelectField
          label={t('cat.bank.examType')}
          value={d.examType}
          onChange={(e) =>
            setD({
              ...d,
              examType: e.target.value as ExamType,
              sections: [{ subtest: EXAM_SUBTESTS[e.target.value as ExamType][0]!, category: '', count: '10' }],
            })
          }
        >
          {EXAM_TYPES.map((x) => (
            <option key={x}>{x}</option>
          ))}
        </SelectField>
        <TextField
          label={t('cat.bp.thresholdsRef')}
          value={d.thresholdsRef}
          onChange={(e) => setD({ ...d, thresholdsRef: e.target.value })}
        />
        <TextField
          label={t('cat.bp.duration')}
          inputMode="numeric"
          value={d.durationMinutes}
          onChange={(e) => setD({ ...d, durationMinutes: e.target.value })}
        />
        <TextField
          label={t('cat.bp.accommodated')}
          inputMode="numeric"
          value={d.accommodatedMinutes}
          onChange={(e) => setD({ ...d, accommodatedMinutes: e.target.value })}
        />
        <TextField
          label={t('cat.bp.maxGrant')}
          hint={t('cat.bp.maxGrantHint')}
          inputMode="numeric"
          value={d.maxGrantMinutes}
          onChange={(e) => setD({ ...d, maxGrantMinutes: e.target.value })}
        />
      </div>
      <h3>{t('cat.bp.sections')}</h3>
      {d.sections.map((s, i) => (
        <fieldset key={i}>
          <legend>{t('cat.bp.section', { n: i + 1 })}</legend>
          <div className="cat-inline-form">
            <SelectField
              label={t('cat.bank.subtest')}
              value={s.subtest}
              onChange={(e) => setSection(i, { subtest: e.target.value as Subtest, category: '' })}
            >
              {EXAM_SUBTESTS[d.examType].map((x) => (
                <option key={x} value={x}>
                  {t(`cat.subtest.${x}`)}
                </option>
              ))}
            </SelectField>
            <SelectField
              label={t('cat.bank.category')}
              value={s.category}
              onChange={(e) => setSection(i, { category: e.target.value })}
            >
              <option value="">{t('cat.bp.anyCategory')}</option>
              {CATEGORIES[s.subtest].map((c) => (
                <option key={c} value={c}>
                  {codeLabel(t, 'category', c)}
                </option>
              ))}
            </SelectField>
            <TextField
              label={t('cat.bp.count')}
              inputMode="numeric"
              value={s.count}
              onChange={(e) => setSection(i, { count: e.target.value })}
            />
          </div>
          {d.sections.length > 1 ? (
            <button
              type="button"
              className="btn btn--ghost btn--small"
              onClick={() => setD({ ...d, sections: d.sections.filter((_, j) => j !== i) })}
            >
              {t('cat.bp.removeSection', { n: i + 1 })}
            </button>
          ) : null}
        </fieldset>
      ))}
      <button
        type="button"
        className="btn btn--secondary btn--small"
        onClick={() =>
          setD({
            ...d,
            sections: [...d.sections, { subtest: EXAM_SUBTESTS[d.examType][0]!, category: '', count: '5' }],
          })
        }
      >
        {t('cat.bp.addSection')}
      </button>
      <p className="strong" aria-live="polite">
        {t('cat.bp.total', { n: total })}
      </p>
      {save.isError ? <ErrorAlert error={save.error} /> : null}
      {problems.length > 0 ? (
        <ul className="field-error">
          {problems.map((p) => (
            <li key={`${p.field}-${p.message}`}>
              <span className="mono">{p.field}</span>: {p.message}
            </li>
          ))}
        </ul>
      ) : null}
      {save.isSuccess ? <Alert tone="success">{t('cat.bp.saved')}</Alert> : null}
      <div className="actions">
        <button type="submit" className="btn btn--primary" disabled={save.isPending}>
          {t('cat.bp.save')}
        </button>
        <button type="button" className="btn btn--secondary" onClick={onDone}>
          {t('cat.bank.cancel')}
        </button>
      </div>
    </form>
  );
}

function Blueprints() {
  const { t } = useTranslation();
  const list = useQuery({ queryKey: ['cat', 'blueprints'], queryFn: examApi.blueprints });
  const [editing, setEditing] = useState<BlueprintRow | null | undefined>(undefined);
  return (
    <>
      <p>
        <Link to="/bank-soal">{t('cat.bp.back')}</Link>
      </p>
      <section className="card" aria-labelledby="bp-list-title">
        <h2 id="bp-list-title">{t('cat.bp.list')}</h2>
        <QueryState query={list} isEmpty={(d) => d.blueprints.length === 0} empty={t('cat.bp.empty')}>
          {(d) => (
            <DataTable
              label={t('cat.bp.list')}
              rows={d.blueprints}
              rowKey={(b) => b.id}
              columns={[
                {
                  key: 'name',
                  header: t('cat.bp.col.name'),
                  cell: (b) => (
                    <>
                      {b.name}
                      <div className="small muted">
                        {b.blueprint.sections
                          .map(
                            (s) =>
                              `${s.subtest}${s.category ? ` / ${codeLabel(t, 'category', s.category)}` : ''} ${s.count}`,
                          )
                          .join(' · ')}
                      </div>
                    </>
                  ),
                },
                { key: 'type', header: t('cat.bp.col.type'), cell: (b) => b.examType },
                { key: 'items', header: t('cat.bp.col.items'), className: 'num', cell: (b) => b.itemCount },
                {
                  key: 'duration',
                  header: t('cat.bp.col.duration'),
                  className: 'nowrap',
                  cell: (b) =>
                    `${t('cat.bp.minutes', { n: b.blueprint.durationMinutes })} / ${b.blueprint.accommodatedMinutes}`,
                },
                {
                  key: 'actions',
                  header: t('cat.bp.col.actions'),
                  cell: (b) => (
                    <button
                      type="button"
                      className="btn btn--secondary btn--small"
                      aria-label={t('cat.bp.edit', { name: b.name })}
                      onClick={() => setEditing(b)}
                    >
                      {t('cat.bp.editShort')}
                    </button>
                  ),
                },
              ]}
            />
          )}
        </QueryState>
        {editing === undefined ? (
          <button
            type="button"
            className="btn btn--primary"
            style={{ marginTop: '1rem' }}
            onClick={() => setEditing(null)}
          >
            {t('cat.bp.newTitle')}
          </button>
        ) : null}
      </section>
      {editing !== undefined ? (
        <Editor key={editing?.id ?? 'new'} row={editing} onDone={() => setEditing(undefined)} />
      ) : null}
    </>
  );
}

export function BlueprintsPage() {
  const { t } = useTranslation();
  return (
    <RequireAuth roles={['exam_admin']}>
      {() => (
        <>
          <PageTitle title={t('cat.bp.title')} lead={t('cat.bp.lead')}>
            {t('cat.bp.title')}
          </PageTitle>
          <Blueprints />
        </>
      )}
    </RequireAuth>
  );
}
