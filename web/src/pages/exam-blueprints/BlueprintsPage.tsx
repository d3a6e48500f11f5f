/** /bank-soal/kisi-kisi — blueprints: list and an editor (sections of subtest/category/count, durations, threshold basis). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type UseFieldArrayReturn, useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { codeLabel } from '../../features/codes/i18n.ts';
import { Link } from 'react-router-dom';
import { z } from 'zod';
import { BlueprintSchema } from '../../../../common/contracts/exam-requests.ts';
import { ApiError } from '../../app/api.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { QueryState } from '../../app/QueryState.tsx';
import { useContractForm } from '../../app/useContractForm.ts';
import {
  type Blueprint,
  type BlueprintRow,
  CATEGORIES,
  EXAM_SUBTESTS,
  EXAM_TYPES,
  examApi,
  type ExamType,
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

/** The contract's blueprint, checked on what the editor's strings become (blueprintBody): paths stay the draft's. */
const BlueprintForm = z.preprocess((d: BlueprintDraft) => blueprintBody(d), BlueprintSchema);
const useBlueprintForm = (row: BlueprintRow | null) =>
  useContractForm(BlueprintForm, row ? blueprintDraft(row.blueprint) : freshBlueprint(), {
    serverFields: ['name', 'examType', 'durationMinutes', 'accommodatedMinutes', 'maxGrantMinutes', 'thresholdsRef'],
  });
type BlueprintFormApi = ReturnType<typeof useBlueprintForm>;
type SectionArray = UseFieldArrayReturn<BlueprintDraft, 'sections'>;

function BlueprintFields({ form, onExamType }: { form: BlueprintFormApi; onExamType: (x: ExamType) => void }) {
  const { t } = useTranslation();
  return (
    <>
      <TextField label={t('cat.bp.name')} error={form.fieldError('name')} {...form.register('name')} />
      <div className="cat-inline-form">
        <SelectField
          label={t('cat.bank.examType')}
          error={form.fieldError('examType')}
          {...form.register('examType', { onChange: (e) => onExamType(e.target.value as ExamType) })}
        >
          {EXAM_TYPES.map((x) => (
            <option key={x}>{x}</option>
          ))}
        </SelectField>
        <TextField
          label={t('cat.bp.thresholdsRef')}
          error={form.fieldError('thresholdsRef')}
          {...form.register('thresholdsRef')}
        />
        <TextField
          label={t('cat.bp.duration')}
          inputMode="numeric"
          error={form.fieldError('durationMinutes')}
          {...form.register('durationMinutes')}
        />
        <TextField
          label={t('cat.bp.accommodated')}
          inputMode="numeric"
          error={form.fieldError('accommodatedMinutes')}
          {...form.register('accommodatedMinutes')}
        />
        <TextField
          label={t('cat.bp.maxGrant')}
          hint={t('cat.bp.maxGrantHint')}
          inputMode="numeric"
          error={form.fieldError('maxGrantMinutes')}
          {...form.register('maxGrantMinutes')}
        />
      </div>
    </>
  );
}

function SectionFields({ form, i, examType }: { form: BlueprintFormApi; i: number; examType: ExamType }) {
  const { t } = useTranslation();
  const subtest = form.watch(`sections.${i}.subtest`);
  return (
    <div className="cat-inline-form">
      <SelectField
        label={t('cat.bank.subtest')}
        error={form.fieldError(`sections.${i}.subtest`)}
        {...form.register(`sections.${i}.subtest`, { onChange: () => form.setValue(`sections.${i}.category`, '') })}
      >
        {EXAM_SUBTESTS[examType].map((x) => (
          <option key={x} value={x}>
            {t(`cat.subtest.${x}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('cat.bank.category')}
        error={form.fieldError(`sections.${i}.category`)}
        {...form.register(`sections.${i}.category`)}
      >
        <option value="">{t('cat.bp.anyCategory')}</option>
        {CATEGORIES[subtest].map((c) => (
          <option key={c} value={c}>
            {codeLabel(t, 'category', c)}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('cat.bp.count')}
        inputMode="numeric"
        error={form.fieldError(`sections.${i}.count`)}
        {...form.register(`sections.${i}.count`)}
      />
    </div>
  );
}

function Sections({ form, sections }: { form: BlueprintFormApi; sections: SectionArray }) {
  const { t } = useTranslation();
  const examType = form.watch('examType');
  const total = (form.watch('sections') ?? []).reduce((n, s) => n + (Number(s.count) || 0), 0);
  return (
    <>
      <h3>{t('cat.bp.sections')}</h3>
      {sections.fields.map((f, i) => (
        <fieldset key={f.id}>
          <legend>{t('cat.bp.section', { n: i + 1 })}</legend>
          <SectionFields form={form} i={i} examType={examType} />
          {sections.fields.length > 1 ? (
            <button type="button" className="btn btn--ghost btn--small" onClick={() => sections.remove(i)}>
              {t('cat.bp.removeSection', { n: i + 1 })}
            </button>
          ) : null}
        </fieldset>
      ))}
      <button
        type="button"
        className="btn btn--secondary btn--small"
        onClick={() => sections.append({ subtest: EXAM_SUBTESTS[examType][0]!, category: '', count: '5' })}
      >
        {t('cat.bp.addSection')}
      </button>
      {form.fieldError('sections') ? <p className="field-error">{form.fieldError('sections')}</p> : null}
      <p className="strong" aria-live="polite">
        {t('cat.bp.total', { n: total })}
      </p>
    </>
  );
}

function Editor({ row, onDone }: { row: BlueprintRow | null; onDone: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const form = useBlueprintForm(row);
  const sections = useFieldArray({ control: form.control, name: 'sections' });
  const save = useMutation({
    mutationFn: (body: Blueprint) => (row ? examApi.updateBlueprint(row.id, body) : examApi.createBlueprint(body)),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['cat', 'blueprints'] }),
    onError: (e) => form.showServerErrors(e),
  });
  const problems = save.error instanceof ApiError ? save.error.fields : [];
  return (
    <form
      className="card form cat-sections"
      noValidate
      aria-labelledby="bp-form-title"
      onSubmit={form.handleSubmit((body) => save.mutate(body))}
    >
      <h2 id="bp-form-title">{row ? t('cat.bp.editTitle') : t('cat.bp.newTitle')}</h2>
      <BlueprintFields
        form={form}
        onExamType={(x) => sections.replace([{ subtest: EXAM_SUBTESTS[x][0]!, category: '', count: '10' }])}
      />
      <Sections form={form} sections={sections} />
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
