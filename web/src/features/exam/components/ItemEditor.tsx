/** Create or edit one bank item: type, subtest, category, stem, options A–E, key or weights, explanation; shows versions. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ComponentProps } from 'react';
import type { Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ItemContentSchema } from '../../../../../common/contracts/exam-requests.ts';
import { codeLabel } from '../../codes/i18n.ts';
import { ApiError } from '../../../app/api.ts';
import { ErrorAlert } from '../../../app/ErrorAlert.tsx';
import { useContractForm } from '../../../app/useContractForm.ts';
import { formatDateTime } from '../../../app/format.ts';
import { Alert } from '../../../ui/Alert.tsx';
import { FieldError, SelectField, TextField } from '../../../ui/Field.tsx';
import { Loading } from '../../../ui/Spinner.tsx';
import { useLang } from '../../recruitment/hooks.ts';
import {
  CATEGORIES,
  EXAM_SUBTESTS,
  EXAM_TYPES,
  examApi,
  type ExamType,
  type ItemContent,
  OPTION_KEYS,
  type Subtest,
  WEIGHTED,
} from '../api.ts';
import { draftFromItem, draftToContent, emptyDraft, type ItemDraft, withType } from '../item-draft.ts';
import '../i18n.ts';

function TextArea({
  label,
  rows = 4,
  error,
  ...area
}: { label: string; error?: string | undefined } & ComponentProps<'textarea'>) {
  const id = `ta-${label.replace(/\W+/g, '-')}`;
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        rows={rows}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        style={{ width: '100%' }}
        {...area}
      />
      <FieldError id={`${id}-error`}>{error}</FieldError>
    </div>
  );
}

/** The item's picture: upload (JPG/PNG, checked by the server), preview with its alt text, remove. */
function ItemImage({ imageKey, onChange }: { imageKey: string | null; onChange: (key: string | null) => void }) {
  const { t } = useTranslation();
  const upload = useMutation({ mutationFn: examApi.uploadItemImage, onSuccess: (r) => onChange(r.imageKey) });
  const inputId = 'item-image-file';
  return (
    <div className="field">
      <label htmlFor={inputId}>{t('cat.bank.image')}</label>
      <p className="field-hint" id={`${inputId}-hint`}>
        {t('cat.bank.imageHint')}
      </p>
      {imageKey ? (
        <p>
          <img src={examApi.itemImageUrl(imageKey)} alt={t('cat.bank.imagePreview')} className="cat-item-image" />
        </p>
      ) : null}
      <input
        id={inputId}
        type="file"
        accept="image/jpeg,image/png"
        aria-describedby={`${inputId}-hint`}
        disabled={upload.isPending}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) upload.mutate(file);
          e.target.value = '';
        }}
      />
      {upload.isPending ? <Loading label={t('cat.bank.imageUploading')} /> : null}
      {upload.isError ? <ErrorAlert error={upload.error} /> : null}
      {imageKey ? (
        <button type="button" className="btn btn--secondary btn--small" onClick={() => onChange(null)}>
          {t('cat.bank.imageRemove')}
        </button>
      ) : null}
    </div>
  );
}

/**
 * The contract's ItemContentSchema, checked on what the draft becomes (draftToContent): its
 * problems carry the body's paths (`options.0.text`, `scoring.points`), which `contentError` reads.
 */
const ItemForm = z.preprocess((d: ItemDraft) => draftToContent(d), ItemContentSchema);
const CONTENT_FIELDS = [
  'examType',
  'subtest',
  'category',
  'stem',
  'explanation',
  'scoring.correct',
  'scoring.points',
  'scoring.weights',
  ...OPTION_KEYS.map((_, i) => `options.${i}.text`),
  ...OPTION_KEYS.map((k) => `scoring.weights.${k}`),
] as Path<ItemDraft>[];
const useItemForm = (initial: ItemDraft) => {
  const form = useContractForm(ItemForm, initial, { serverFields: CONTENT_FIELDS });
  return { ...form, contentError: (path: string) => form.fieldError(path as Path<ItemDraft>) };
};
type ItemFormApi = ReturnType<typeof useItemForm>;

/** Exam type, subtest and category; a change keeps the other two valid (withType). */
function Classification({ form }: { form: ItemFormApi }) {
  const { t } = useTranslation();
  const [examType, subtest] = form.watch(['examType', 'subtest']);
  const retype = (next: ItemDraft) => {
    form.setValue('subtest', next.subtest);
    form.setValue('category', next.category);
  };
  return (
    <div className="cat-inline-form">
      <SelectField
        label={t('cat.bank.examType')}
        error={form.contentError('examType')}
        {...form.register('examType', {
          onChange: (e) => retype(withType(form.getValues(), e.target.value as ExamType, form.getValues('subtest'))),
        })}
      >
        {EXAM_TYPES.map((x) => (
          <option key={x}>{x}</option>
        ))}
      </SelectField>
      <SelectField
        label={t('cat.bank.subtest')}
        error={form.contentError('subtest')}
        {...form.register('subtest', {
          onChange: (e) => retype(withType(form.getValues(), form.getValues('examType'), e.target.value as Subtest)),
        })}
      >
        {EXAM_SUBTESTS[examType].map((s) => (
          <option key={s} value={s}>
            {t(`cat.subtest.${s}`)}
          </option>
        ))}
      </SelectField>
      <SelectField label={t('cat.bank.category')} error={form.contentError('category')} {...form.register('category')}>
        {CATEGORIES[subtest].map((c) => (
          <option key={c} value={c}>
            {codeLabel(t, 'category', c)}
          </option>
        ))}
      </SelectField>
    </div>
  );
}

/** Options A–E with their weights (weighted subtests) or the key and its points. */
function Options({ form }: { form: ItemFormApi }) {
  const { t } = useTranslation();
  const weighted = WEIGHTED.has(form.watch('subtest'));
  return (
    <>
      {OPTION_KEYS.map((k, i) => (
        <div key={k} className="cat-inline-form">
          <TextField
            label={k === 'E' ? t('cat.bank.optionE') : t('cat.bank.option', { key: k })}
            error={form.contentError(`options.${i}.text`)}
            {...form.register(`options.${k}`)}
          />
          {weighted ? (
            <TextField
              label={t('cat.bank.weight', { key: k })}
              inputMode="numeric"
              error={form.contentError(`scoring.weights.${k}`)}
              {...form.register(`weights.${k}`)}
            />
          ) : null}
        </div>
      ))}
      {weighted ? (
        <>
          <p className="field-hint">{t('cat.bank.weightsHint')}</p>
          {form.contentError('scoring.weights') ? (
            <p className="field-error">{form.contentError('scoring.weights')}</p>
          ) : null}
        </>
      ) : (
        <div className="cat-inline-form">
          <SelectField
            label={t('cat.bank.key')}
            error={form.contentError('scoring.correct')}
            {...form.register('correct')}
          >
            {OPTION_KEYS.map((k) => (
              <option key={k}>{k}</option>
            ))}
          </SelectField>
          <TextField
            label={t('cat.bank.points')}
            inputMode="numeric"
            error={form.contentError('scoring.points')}
            {...form.register('points')}
          />
        </div>
      )}
    </>
  );
}

function Versions({ versions }: { versions: { version: number; delivered: boolean; createdAt: string }[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (versions.length === 0) return null;
  return (
    <>
      <h3>{t('cat.bank.versions')}</h3>
      <ul>
        {versions.map((v) => (
          <li key={v.version}>
            {t('cat.bank.versionLine', {
              version: v.version,
              at: formatDateTime(v.createdAt, lang),
              state: v.delivered ? t('cat.bank.delivered') : t('cat.bank.draft'),
            })}
          </li>
        ))}
      </ul>
    </>
  );
}

function Form({
  itemId,
  initial,
  versions,
  onDone,
}: {
  itemId: string | null;
  initial: ItemDraft;
  versions: { version: number; delivered: boolean; createdAt: string }[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const form = useItemForm(initial);
  const save = useMutation({
    mutationFn: async (body: ItemContent) => {
      if (itemId) return (await examApi.updateItem(itemId, body)).outcome;
      await examApi.createItem(body);
      return 'created' as const;
    },
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['cat', 'bank'] }),
    onError: (e) => form.showServerErrors(e),
  });
  const problems = save.error instanceof ApiError ? save.error.fields : [];
  return (
    <form
      className="card form"
      noValidate
      aria-labelledby="item-form-title"
      onSubmit={form.handleSubmit((body) => save.mutate(body))}
    >
      <h2 id="item-form-title">{itemId ? t('cat.bank.editItem') : t('cat.bank.newItem')}</h2>
      <Classification form={form} />
      <TextArea label={t('cat.bank.stem')} error={form.contentError('stem')} {...form.register('stem')} />
      <ItemImage
        imageKey={form.watch('imageKey')}
        onChange={(imageKey) => form.setValue('imageKey', imageKey, { shouldDirty: true })}
      />
      <Options form={form} />
      <TextArea
        label={t('cat.bank.explanation')}
        rows={3}
        error={form.contentError('explanation')}
        {...form.register('explanation')}
      />
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
      {save.isSuccess ? <Alert tone="success">{t(`cat.bank.saved.${save.data}`)}</Alert> : null}
      <div className="actions">
        <button type="submit" className="btn btn--primary" disabled={save.isPending}>
          {t('cat.bank.save')}
        </button>
        <button type="button" className="btn btn--secondary" onClick={onDone}>
          {t('cat.bank.cancel')}
        </button>
      </div>
      <Versions versions={versions} />
    </form>
  );
}

/** `itemId` null = a new item. */
export function ItemEditor({ itemId, onDone }: { itemId: string | null; onDone: () => void }) {
  const { t } = useTranslation();
  const detail = useQuery({
    queryKey: ['cat', 'bank', 'item', itemId],
    queryFn: () => examApi.item(itemId!),
    enabled: itemId !== null,
  });
  if (itemId === null) return <Form key="new" itemId={null} initial={emptyDraft()} versions={[]} onDone={onDone} />;
  if (detail.isPending) return <Loading label={t('app.loading')} />;
  if (detail.isError) return <ErrorAlert error={detail.error} />;
  return (
    <Form
      key={`${itemId}-${detail.data.version}`}
      itemId={itemId}
      initial={draftFromItem(detail.data.content)}
      versions={detail.data.versions}
      onDone={onDone}
    />
  );
}
