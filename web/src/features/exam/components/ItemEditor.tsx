/** Create or edit one bank item: type, subtest, category, stem, options A–E, key or weights, explanation; shows versions. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { codeLabel } from '../../codes/i18n.ts';
import { ApiError } from '../../../app/api.ts';
import { ErrorAlert } from '../../../app/ErrorAlert.tsx';
import { formatDateTime } from '../../../app/format.ts';
import { Alert } from '../../../ui/Alert.tsx';
import { SelectField, TextField } from '../../../ui/Field.tsx';
import { Loading } from '../../../ui/Spinner.tsx';
import { useLang } from '../../recruitment/hooks.ts';
import {
  CATEGORIES,
  EXAM_SUBTESTS,
  EXAM_TYPES,
  examApi,
  type ExamType,
  OPTION_KEYS,
  type Subtest,
  WEIGHTED,
} from '../api.ts';
import { draftFromItem, draftToContent, emptyDraft, type ItemDraft, withType } from '../item-draft.ts';
import '../i18n.ts';

function TextArea({
  label,
  value,
  onChange,
  rows = 4,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  rows?: number;
}) {
  const id = `ta-${label.replace(/\W+/g, '-')}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        rows={rows}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        style={{ width: '100%' }}
      />
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
  const lang = useLang();
  const qc = useQueryClient();
  const [d, setD] = useState(initial);
  const save = useMutation({
    mutationFn: async () => {
      const body = draftToContent(d);
      if (itemId) return (await examApi.updateItem(itemId, body)).outcome;
      await examApi.createItem(body);
      return 'created' as const;
    },
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['cat', 'bank'] }),
  });
  const weighted = WEIGHTED.has(d.subtest);
  const problems = save.error instanceof ApiError ? save.error.fields : [];
  return (
    <form
      className="card form"
      noValidate
      aria-labelledby="item-form-title"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <h2 id="item-form-title">{itemId ? t('cat.bank.editItem') : t('cat.bank.newItem')}</h2>
      <div className="cat-inline-form">
        <SelectField
          label={t('cat.bank.examType')}
          value={d.examType}
          onChange={(e) => setD(withType(d, e.target.value as ExamType, d.subtest))}
        >
          {EXAM_TYPES.map((x) => (
            <option key={x}>{x}</option>
          ))}
        </SelectField>
        <SelectField
          label={t('cat.bank.subtest')}
          value={d.subtest}
          onChange={(e) => setD(withType(d, d.examType, e.target.value as Subtest))}
        >
          {EXAM_SUBTESTS[d.examType].map((s) => (
            <option key={s} value={s}>
              {t(`cat.subtest.${s}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('cat.bank.category')}
          value={d.category}
          onChange={(e) => setD({ ...d, category: e.target.value })}
        >
          {CATEGORIES[d.subtest].map((c) => (
            <option key={c} value={c}>
              {codeLabel(t, 'category', c)}
            </option>
          ))}
        </SelectField>
      </div>
      <TextArea label={t('cat.bank.stem')} value={d.stem} onChange={(v) => setD({ ...d, stem: v })} />
      <ItemImage imageKey={d.imageKey} onChange={(imageKey) => setD({ ...d, imageKey })} />
      {OPTION_KEYS.map((k) => (
        <div key={k} className="cat-inline-form">
          <TextField
            label={k === 'E' ? t('cat.bank.optionE') : t('cat.bank.option', { key: k })}
            value={d.options[k]}
            onChange={(e) => setD({ ...d, options: { ...d.options, [k]: e.target.value } })}
          />
          {weighted ? (
            <TextField
              label={t('cat.bank.weight', { key: k })}
              inputMode="numeric"
              value={d.weights[k]}
              onChange={(e) => setD({ ...d, weights: { ...d.weights, [k]: e.target.value } })}
            />
          ) : null}
        </div>
      ))}
      {weighted ? (
        <p className="field-hint">{t('cat.bank.weightsHint')}</p>
      ) : (
        <div className="cat-inline-form">
          <SelectField
            label={t('cat.bank.key')}
            value={d.correct}
            onChange={(e) => setD({ ...d, correct: e.target.value as ItemDraft['correct'] })}
          >
            {OPTION_KEYS.map((k) => (
              <option key={k}>{k}</option>
            ))}
          </SelectField>
          <TextField
            label={t('cat.bank.points')}
            inputMode="numeric"
            value={d.points}
            onChange={(e) => setD({ ...d, points: e.target.value })}
          />
        </div>
      )}
      <TextArea
        label={t('cat.bank.explanation')}
        value={d.explanation}
        rows={3}
        onChange={(v) => setD({ ...d, explanation: v })}
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
      {versions.length > 0 ? (
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
      ) : null}
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
