/**
 * /disiplin/baru and /disiplin/:id/ubah — BKPSDM records or corrects a hukuman disiplin (checked
 * against the contract's schema in the browser, then by the server's rules), attaches the SK as
 * PDF, and records the objection (keberatan or banding) and its outcome.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import {
  DISCIPLINE_KIND_VALUES,
  DisciplineBody,
  OBJECTION_STATUS_VALUES,
  ObjectionBody,
} from '../../../../common/contracts/discipline.ts';
import { ApiError } from '../../app/api.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { QueryState } from '../../app/QueryState.tsx';
import { blankAsNull, useContractForm } from '../../app/useContractForm.ts';
import { RequireAuth } from '../identity/components/RequireAuth.tsx';
import { UploadProgress } from '../recruitment/components/bits.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { DateField } from '../../ui/DateFields.tsx';
import { SelectField, TextAreaField, TextField } from '../../ui/Field.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { type DisciplineRecord, disciplineApi } from './api.ts';
import { useLang } from './components.tsx';
import './i18n.ts';

/** The contract's body, with an empty end meaning "no end" (null) as the server reads it. */
const FormSchema = DisciplineBody.extend({ end: blankAsNull(DisciplineBody.shape.end.unwrap()) });
type FormValues = {
  nip: string;
  kind: string;
  reason: string;
  skNumber: string;
  skDate: string;
  imposedBy: string;
  start: string;
  end: string;
};

const valuesOf = (r: DisciplineRecord | null, nip: string): FormValues => ({
  nip: r?.employee.nip ?? nip,
  kind: r?.kind ?? 'teguran_lisan',
  reason: r?.reason ?? '',
  skNumber: r?.skNumber ?? '',
  skDate: r?.skDate ?? '',
  imposedBy: r?.imposedBy ?? '',
  start: r?.start ?? '',
  end: r?.end ?? '',
});

function DateInput({
  form,
  name,
  label,
  hint,
}: {
  form: ReturnType<typeof useRecordForm>;
  name: 'skDate' | 'start' | 'end';
  label: string;
  hint?: string;
}) {
  return (
    <Controller
      control={form.control}
      name={name}
      render={({ field }) => (
        <DateField
          label={label}
          {...(hint ? { hint } : {})}
          value={(field.value as string | null) ?? ''}
          onChange={field.onChange}
          onBlur={field.onBlur}
          ref={field.ref}
          error={form.fieldError(name)}
        />
      )}
    />
  );
}

const useRecordForm = (record: DisciplineRecord | null, nip: string) =>
  useContractForm(FormSchema, valuesOf(record, nip) as never);

/** The kind's level, route and the end PP 94/2021 proposes for the chosen start. */
function useProposal(form: ReturnType<typeof useRecordForm>) {
  const [kind, start] = form.watch(['kind', 'start']) as [string, string];
  const kinds = useQuery({
    queryKey: ['disc', 'kinds', /^\d{4}-\d{2}-\d{2}$/.test(start) ? start : ''],
    queryFn: () => disciplineApi.kinds(/^\d{4}-\d{2}-\d{2}$/.test(start) ? start : undefined),
    staleTime: 60_000,
  });
  return { kinds: kinds.data?.kinds ?? [], chosen: kinds.data?.kinds.find((k) => k.kind === kind) ?? null };
}

type Form = ReturnType<typeof useRecordForm>;
type Proposal = ReturnType<typeof useProposal>;

/** The kind (with its level and route) and the term, the end proposed from PP 94/2021. */
function KindAndTerm({ form, record, proposal }: { form: Form; record: DisciplineRecord | null; proposal: Proposal }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { kinds, chosen } = proposal;
  return (
    <>
      <SelectField
        label={t('disc.form.kind')}
        hint={
          chosen
            ? t('disc.form.levelOf', { level: t(`disc.level.${chosen.level}`), route: t(`disc.route.${chosen.route}`) })
            : undefined
        }
        error={form.fieldError('kind')}
        {...form.register('kind')}
      >
        {DISCIPLINE_KIND_VALUES.map((k) => (
          <option key={k} value={k}>
            {kinds.find((x) => x.kind === k)?.name[lang] ?? k}
          </option>
        ))}
      </SelectField>
      <DateInput form={form} name="start" label={t('disc.form.start')} />
      <DateInput
        form={form}
        name="end"
        label={t('disc.form.end')}
        hint={
          chosen?.proposedEnd
            ? t('disc.form.proposed', { date: chosen.proposedEnd.split('-').reverse().join('/') })
            : t('disc.form.endHint')
        }
      />
      {chosen?.proposedEnd && record ? (
        <p>
          <button
            type="button"
            className="btn btn--secondary btn--small"
            onClick={() => form.setValue('end' as never, chosen.proposedEnd as never, { shouldDirty: true })}
          >
            {t('disc.form.useProposed')}
          </button>
        </p>
      ) : null}
    </>
  );
}

/** Saves a new record (then opens it to attach the SK) or a correction. */
function useSave(form: Form, record: DisciplineRecord | null) {
  const qc = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: async (body: ReturnType<typeof FormSchema.parse>) => {
      if (!record) return (await disciplineApi.create(body)).id;
      const { nip: _nip, ...edit } = body;
      await disciplineApi.update(record.id, edit);
      return record.id;
    },
    onSuccess: (id) => {
      void qc.invalidateQueries({ queryKey: ['disc'] });
      if (!record) navigate(`/disiplin/${id}/ubah`, { state: { created: true } });
    },
    onError: (e) => form.showServerErrors(e),
  });
}

function RecordForm({ record, nip }: { record: DisciplineRecord | null; nip: string }) {
  const { t } = useTranslation();
  const form = useRecordForm(record, nip);
  const proposal = useProposal(form);
  const endDirty = form.formState.dirtyFields.end;
  const { setValue, getValues } = form;
  const proposedEnd = proposal.chosen?.proposedEnd ?? '';
  // A new record follows the proposal until the end is typed by hand.
  useEffect(() => {
    if (!record && !endDirty && (getValues() as { end?: unknown }).end !== proposedEnd)
      setValue('end' as never, proposedEnd as never);
  }, [proposedEnd, record, endDirty, setValue, getValues]);
  const save = useSave(form, record);
  const err = save.error instanceof ApiError ? save.error : null;
  return (
    <section className="card" aria-labelledby="disc-form-title">
      <h2 id="disc-form-title">{record ? t('disc.form.editTitle') : t('disc.form.newTitle')}</h2>
      <p className="small">{t('disc.form.lead')}</p>
      <form
        className="form"
        noValidate
        aria-labelledby="disc-form-title"
        onSubmit={form.handleSubmit((b) => save.mutate(b))}
      >
        <TextField
          label={t('disc.form.nip')}
          hint={t('disc.form.nipHint')}
          inputMode="numeric"
          maxLength={18}
          readOnly={record !== null}
          error={form.fieldError('nip')}
          {...form.register('nip')}
        />
        <TextAreaField
          label={t('disc.form.reason')}
          maxLength={2000}
          error={form.fieldError('reason')}
          {...form.register('reason')}
        />
        <TextField
          label={t('disc.form.skNumber')}
          maxLength={100}
          error={form.fieldError('skNumber')}
          {...form.register('skNumber')}
        />
        <DateInput form={form} name="skDate" label={t('disc.form.skDate')} />
        <TextField
          label={t('disc.form.imposedBy')}
          hint={t('disc.form.imposedByHint')}
          maxLength={200}
          error={form.fieldError('imposedBy')}
          {...form.register('imposedBy')}
        />
        <KindAndTerm form={form} record={record} proposal={proposal} />
        <div className="actions">
          <button type="submit" className="btn btn--primary" disabled={save.isPending}>
            {t('disc.form.save')}
          </button>
        </div>
        {save.isSuccess && record ? <Alert tone="success">{t('disc.form.saved')}</Alert> : null}
        {save.isError && !err?.fields.length ? <ErrorAlert error={save.error} /> : null}
      </form>
    </section>
  );
}

function SkUpload({ record }: { record: DisciplineRecord }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [percent, setPercent] = useState<number | null>(null);
  const send = useMutation({
    mutationFn: () => disciplineApi.uploadSk(record.id, file!, setPercent),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['disc'] }),
    onSettled: () => setPercent(null),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (file) send.mutate();
  };
  return (
    <section className="card" aria-labelledby="sk-title">
      <h2 id="sk-title">{t('disc.sk.title')}</h2>
      {record.hasSk ? (
        <p>
          {t('disc.sk.current')}{' '}
          <a href={disciplineApi.skUrl(record.id)} download>
            {t('disc.downloadSk')}
          </a>
        </p>
      ) : (
        <p className="small">{t('disc.noSk')}</p>
      )}
      <form className="form" noValidate onSubmit={submit} aria-labelledby="sk-title">
        <div className="field">
          <label htmlFor={fileId}>{t('disc.sk.file')}</label>
          <input
            id={fileId}
            type="file"
            accept="application/pdf,.pdf"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        <div className="actions">
          <button type="submit" className="btn btn--secondary" disabled={!file || send.isPending}>
            {t('disc.sk.upload')}
          </button>
        </div>
        {percent !== null ? <UploadProgress percent={percent} label={t('disc.sk.uploading', { percent })} /> : null}
        {send.isSuccess ? <Alert tone="success">{t('disc.sk.uploaded')}</Alert> : null}
        {send.isError ? <ErrorAlert error={send.error} /> : null}
      </form>
    </section>
  );
}

const ObjectionForm_ = ObjectionBody.extend({
  filedOn: blankAsNull(ObjectionBody.shape.filedOn),
  decidedOn: blankAsNull(ObjectionBody.shape.decidedOn),
  note: blankAsNull(ObjectionBody.shape.note),
});

function ObjectionForm({ record }: { record: DisciplineRecord }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const o = record.objection;
  const form = useContractForm(ObjectionForm_, {
    status: o.status,
    filedOn: o.filedOn ?? '',
    decidedOn: o.decidedOn ?? '',
    note: o.note ?? '',
  } as never);
  const save = useMutation({
    mutationFn: (body: ReturnType<typeof ObjectionForm_.parse>) => disciplineApi.objection(record.id, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['disc'] }),
    onError: (e) => form.showServerErrors(e),
  });
  const err = save.error instanceof ApiError ? save.error : null;
  const date = (name: 'filedOn' | 'decidedOn') => (
    <Controller
      control={form.control}
      name={name as never}
      render={({ field }) => (
        <DateField
          label={t(`disc.objection.${name}`)}
          value={(field.value as string | null) ?? ''}
          onChange={field.onChange}
          onBlur={field.onBlur}
          ref={field.ref}
          error={form.fieldError(name as never)}
        />
      )}
    />
  );
  return (
    <section className="card" aria-labelledby="objection-title">
      <h2 id="objection-title">{t('disc.objection.title')}</h2>
      <p className="small">{t('disc.objection.lead', { route: t(`disc.route.${o.route}`) })}</p>
      <form
        className="form"
        noValidate
        aria-labelledby="objection-title"
        onSubmit={form.handleSubmit((b) => save.mutate(b))}
      >
        <SelectField label={t('disc.objection.status')} {...form.register('status' as never)}>
          {OBJECTION_STATUS_VALUES.map((s) => (
            <option key={s} value={s}>
              {t(`disc.objectionStatus.${s}`)}
            </option>
          ))}
        </SelectField>
        {date('filedOn')}
        {date('decidedOn')}
        <TextAreaField
          label={t('disc.objection.note')}
          maxLength={2000}
          error={form.fieldError('note' as never)}
          {...form.register('note' as never)}
        />
        <div className="actions">
          <button type="submit" className="btn btn--secondary" disabled={save.isPending}>
            {t('disc.objection.save')}
          </button>
        </div>
        {save.isSuccess ? <Alert tone="success">{t('disc.objection.saved')}</Alert> : null}
        {save.isError && !err?.fields.length ? <ErrorAlert error={save.error} /> : null}
      </form>
    </section>
  );
}

function Edit({ id }: { id: string }) {
  const { t } = useTranslation();
  const location = useLocation();
  const created = (location.state as { created?: boolean } | null)?.created === true;
  const record = useQuery({ queryKey: ['disc', 'record', id], queryFn: () => disciplineApi.get(id) });
  return (
    <QueryState query={record}>
      {(r) => (
        <>
          {created ? <Alert tone="success">{t('disc.form.created')}</Alert> : null}
          <RecordForm key={r.id} record={r} nip={r.employee.nip} />
          <SkUpload record={r} />
          <ObjectionForm key={`o-${r.id}`} record={r} />
        </>
      )}
    </QueryState>
  );
}

function FormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const [params] = useSearchParams();
  const title = id ? t('disc.form.editTitle') : t('disc.form.newTitle');
  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <p>
        <Link to="/disiplin">{t('disc.form.back')}</Link>
      </p>
      {id ? <Edit id={id} /> : <RecordForm record={null} nip={params.get('nip') ?? ''} />}
    </>
  );
}

export function DisciplineFormPage() {
  return <RequireAuth roles={['admin', 'training_admin']}>{() => <FormPage />}</RequireAuth>;
}
