/**
 * /verifikasi/:id — one file: applicant data with the NIK, biodata against the formation's
 * requirements, each document previewed (never run: ADR 0006) with its MS/TMS choice, all saved
 * with the file verdict in one pass, and the second-person review.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ComponentProps, type FormEvent, type ReactNode, useId } from 'react';
import { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { compareBiodata } from '../../features/recruitment/compare.ts';
import '../../features/recruitment/i18n-compare.ts';
import { Link, useParams } from 'react-router-dom';
import type { Me } from '../../../../common/contracts/identity.ts';
import { ReviewBody, VerifyFileBody } from '../../../../common/contracts/recruitment.ts';
import { blankAsNull, useContractForm } from '../../app/useContractForm.ts';
import { ApiError } from '../../app/api.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { formatDate, formatDateTime } from '../../app/format.ts';
import { RequireAuth } from '../../features/identity/components/RequireAuth.tsx';
import { documentUrl, recruitmentApi } from '../../features/recruitment/api.ts';
import { Fact, StatusBadge } from '../../features/recruitment/components/bits.tsx';
import { DocumentPreview } from '../../features/recruitment/components/DocumentPreview.tsx';
import { byDocumentOrder, formatKb, recKey, useLang, useMsg, useTmsReasons } from '../../features/recruitment/hooks.ts';
import '../../features/recruitment/recruitment.css';
import type { TmsReason, VerificationDetail } from '../../features/recruitment/types.ts';
import { Alert } from '../../ui/Alert.tsx';
import { RadioGroup, SelectField, TextAreaField, TextField } from '../../ui/Field.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { Loading } from '../../ui/Spinner.tsx';
import { TableWrap } from '../../ui/TableWrap.tsx';
import '../../features/recruitment/i18n.ts';

type Doc = VerificationDetail['documents'][number];

/** The reason list for a TMS (a document's or the file's own), as a registered select. */
function ReasonSelect({
  reasons,
  error,
  ...select
}: { reasons: TmsReason[]; error?: string | undefined } & ComponentProps<'select'>) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <SelectField label={t('rec.ver.reason')} error={error} {...select}>
      <option value="">{t('rec.ver.chooseReason')}</option>
      {reasons.map((r) => (
        <option key={r.code} value={r.code}>
          {r[lang]}
        </option>
      ))}
    </SelectField>
  );
}

/** One document: its preview, its download link, and (while the file is open) its MS/TMS choice as children. */
function DocumentReview({
  file,
  doc,
  reasons,
  children,
}: {
  file: VerificationDetail;
  doc: Doc;
  reasons: TmsReason[];
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const pick = useMsg();
  const lang = useLang();
  const label = pick(doc.label);
  const headingId = useId();
  const url = documentUrl(file.id, doc.kind);
  return (
    <section className="card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {label}{' '}
        <span className="muted small">
          ({doc.mime === 'application/pdf' ? 'PDF' : 'JPG'}, {formatKb(doc.size)})
        </span>{' '}
        {doc.verdict ? <StatusBadge status={doc.verdict} /> : null}
      </h3>
      <DocumentPreview url={url} mime={doc.mime} label={label} />
      <p className="small">
        <a href={url} download>
          {t('rec.ver.download')} <span className="sr-only">{label}</span>
        </a>
      </p>
      {doc.verdict === 'tms' && !children ? (
        <p className="small rec-pre">
          {reasons.find((r) => r.code === doc.reasonCode)?.[lang] ?? doc.reasonCode}
          {doc.reasonText ? ` — ${doc.reasonText}` : ''}
        </p>
      ) : null}
      {children}
    </section>
  );
}

const verdictChoice = z.string().pipe(z.enum(VerifyFileBody.shape.verdict.options, { message: 'verdict.required' }));
const docShape = VerifyFileBody.shape.documents.element.shape;
/** A document's mark: MS/TMS still to choose, and a TMS needing its reason. */
const docMark = VerifyFileBody.shape.documents.element
  .extend({
    verdict: verdictChoice,
    reasonCode: blankAsNull(docShape.reasonCode),
    reasonText: blankAsNull(docShape.reasonText),
  })
  .refine((d) => d.verdict !== 'tms' || !!d.reasonCode, { path: ['reasonCode'], message: 'tmsReason.required' });
/**
 * The one-pass form: the contract's body with every document's mark, and (once every document is
 * marked, so zod runs this check) an all-MS file proposed TMS needing a reason of its own.
 */
const VerifyFormSchema = VerifyFileBody.extend({
  documents: docMark.array(),
  reasonCode: blankAsNull(VerifyFileBody.shape.reasonCode),
  reasonText: blankAsNull(VerifyFileBody.shape.reasonText),
}).refine((v) => v.verdict === 'ms' || v.documents.some((d) => d.verdict === 'tms') || !!v.reasonCode, {
  path: ['reasonCode'],
  message: 'tmsReason.required',
});
type VerifyValues = z.input<typeof VerifyFormSchema>;
type VerifyForm = ReturnType<typeof useContractForm<VerifyValues, z.output<typeof VerifyFormSchema>>>;

/** A document's MS/TMS choice, and its reason when TMS. */
function DocumentMark({
  form,
  index,
  label,
  reasons,
  serverReason,
}: {
  form: VerifyForm;
  index: number;
  label: string;
  reasons: TmsReason[];
  serverReason: string | undefined;
}) {
  const { t } = useTranslation();
  const verdict = form.watch(`documents.${index}.verdict`);
  return (
    <>
      <RadioGroup
        legend={t('rec.ver.verdictFor', { label })}
        error={form.fieldError(`documents.${index}.verdict`)}
        options={[
          { value: 'ms', label: 'MS' },
          { value: 'tms', label: 'TMS' },
        ]}
        input={form.register(`documents.${index}.verdict`)}
      />
      {verdict === 'tms' ? (
        <>
          <ReasonSelect
            reasons={reasons}
            error={form.fieldError(`documents.${index}.reasonCode`) ?? serverReason}
            {...form.register(`documents.${index}.reasonCode`)}
          />
          <TextField
            label={t('rec.ver.reasonText')}
            maxLength={1000}
            {...form.register(`documents.${index}.reasonText`)}
          />
        </>
      ) : null}
    </>
  );
}

/** The file's verdict: its own reason when an all-MS file is proposed TMS, the errors, the two saves. */
function FileVerdict({
  form,
  reasons,
  complete,
  anyTms,
  save,
  onSave,
}: {
  form: VerifyForm;
  reasons: TmsReason[];
  complete: boolean;
  anyTms: boolean;
  save: { isPending: boolean; isError: boolean; error: Error | null };
  onSave: (verdict: 'ms' | 'tms') => void;
}) {
  const { t } = useTranslation();
  const serverError = save.error instanceof ApiError ? save.error : null;
  return (
    <section className="card" aria-labelledby="verdict-title">
      <h2 id="verdict-title">{t('rec.ver.fileVerdict')}</h2>
      <p>{t('rec.ver.fileVerdictLead')}</p>
      {complete && !anyTms ? (
        <>
          <p className="small">{t('rec.ver.fileReasonLead')}</p>
          <ReasonSelect
            reasons={reasons}
            error={form.fieldError('reasonCode') ?? serverError?.fieldMessage('reasonCode')}
            {...form.register('reasonCode')}
          />
          <TextField label={t('rec.ver.reasonText')} maxLength={1000} {...form.register('reasonText')} />
        </>
      ) : null}
      {form.formState.isSubmitted && !complete ? <Alert tone="error">{t('rec.ver.fixErrors')}</Alert> : null}
      {save.isError && !(serverError && serverError.fields.length > 0) ? <ErrorAlert error={save.error} /> : null}
      {save.isError && serverError && serverError.fields.length > 0 ? (
        <Alert tone="error">{serverError.message}</Alert>
      ) : null}
      <div className="actions">
        <button
          type="button"
          className="btn btn--primary"
          disabled={save.isPending || anyTms}
          onClick={() => onSave('ms')}
        >
          {t('rec.ver.saveMs')}
        </button>
        <button type="button" className="btn btn--secondary" disabled={save.isPending} onClick={() => onSave('tms')}>
          {t('rec.ver.saveTms')}
        </button>
      </div>
    </section>
  );
}

/**
 * The verifier's one pass over a file: every document's MS/TMS and the file verdict, checked here
 * against the contract and stored by one request (the server refuses the whole pass if any part is wrong).
 */
function VerifyForm({ file, reasons }: { file: VerificationDetail; reasons: TmsReason[] }) {
  const { t } = useTranslation();
  const pick = useMsg();
  const qc = useQueryClient();
  const docs = byDocumentOrder(file.documents);
  const form = useContractForm(VerifyFormSchema, {
    documents: docs.map((d) => ({
      kind: d.kind,
      verdict: d.verdict ?? '',
      reasonCode: d.reasonCode ?? '',
      reasonText: d.reasonText ?? '',
    })),
    verdict: 'ms',
    reasonCode: '',
    reasonText: '',
  });
  const save = useMutation({
    mutationFn: (v: z.output<typeof VerifyFormSchema>) =>
      recruitmentApi.verifyFile(file.id, {
        documents: v.documents.map((d) => ({ ...d, reasonCode: d.verdict === 'tms' ? d.reasonCode : null })),
        verdict: v.verdict,
        reasonCode: v.verdict === 'tms' ? v.reasonCode : null,
        reasonText: v.verdict === 'tms' ? v.reasonText : null,
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: recKey }),
  });
  const serverError = save.error instanceof ApiError ? save.error : null;
  const marks = form.watch('documents');
  const done = marks.filter((m) => m.verdict !== '').length;
  const anyTms = marks.some((m) => m.verdict === 'tms');
  const complete = marks.every((m) => m.verdict === 'ms' || (m.verdict === 'tms' && !!m.reasonCode));
  const submit = (verdict: 'ms' | 'tms') => {
    form.setValue('verdict', verdict);
    void form.handleSubmit((v) => save.mutate(v))();
  };
  const allMs = () =>
    docs.forEach((_, i) => {
      form.setValue(`documents.${i}.verdict`, 'ms', { shouldValidate: form.formState.isSubmitted });
      form.setValue(`documents.${i}.reasonCode`, '', { shouldValidate: form.formState.isSubmitted });
    });
  return (
    <form
      className="rec-verify"
      noValidate
      aria-labelledby="docs-title"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        submit(anyTms ? 'tms' : 'ms');
      }}
    >
      <h2 id="docs-title">{t('rec.app.documents')}</h2>
      <p>{t('rec.ver.onePassLead')}</p>
      <div className="actions">
        <button type="button" className="btn btn--secondary btn--small" onClick={allMs}>
          {t('rec.ver.allMs')}
        </button>
        <span className="muted small" aria-live="polite">
          {t('rec.ver.progress', { done, total: docs.length })}
        </span>
      </div>
      {docs.map((d, i) => (
        <DocumentReview key={d.kind} file={file} doc={d} reasons={reasons}>
          <DocumentMark
            form={form}
            index={i}
            label={pick(d.label)}
            reasons={reasons}
            serverReason={serverError?.fieldMessage(d.kind)}
          />
        </DocumentReview>
      ))}
      <FileVerdict form={form} reasons={reasons} complete={complete} anyTms={anyTms} save={save} onSave={submit} />
    </form>
  );
}

const VERDICT_BADGE = {
  match: 'badge badge--ok',
  mismatch: 'badge badge--warn',
  manual: 'badge badge--muted',
  none: '',
} as const;
const ROW_LABEL = {
  educationLevel: 'rec.catalog.educationLevel',
  major: 'rec.catalog.majors',
  needType: 'rec.catalog.needType',
  nameOnIjazah: 'rec.biodata.nameOnIjazah',
  institution: 'rec.biodata.institution',
  ipk: 'rec.biodata.ipk',
  graduationYear: 'rec.biodata.graduationYear',
  ijazahNumber: 'rec.biodata.ijazahNumber',
} as const;

/** Requirement versus biodata, row by row, with what does not match flagged (compareBiodata). */
function Compare({ file }: { file: VerificationDetail }) {
  const { t } = useTranslation();
  const b = file.biodata;
  const f = file.formation;
  const flags = b
    ? [
        b.isCumlaude && t('rec.biodata.isCumlaude'),
        b.hasDisability && t('rec.biodata.hasDisability'),
        b.isPapuan && t('rec.biodata.isPapuan'),
        b.isDiaspora && t('rec.biodata.isDiaspora'),
      ]
        .filter(Boolean)
        .join(', ')
    : '';
  const rows = compareBiodata({
    formation: f,
    accountName: file.applicant.fullName,
    biodata: b,
    text: {
      needType: t(`rec.need.${f.needType}`),
      anyMajor: t('rec.catalog.anyMajor'),
      nameRule: t('recv.nameRule', { name: file.applicant.fullName }),
      flags,
    },
  });
  const bad = rows.filter((r) => r.verdict === 'mismatch').length;
  return (
    <section className="card" aria-labelledby="compare-title">
      <h2 id="compare-title">{t('rec.ver.compare')}</h2>
      <p role="status" className={bad > 0 ? 'strong' : 'small'}>
        {bad > 0 ? t('recv.summaryBad', { count: bad }) : t('recv.summaryOk')}
      </p>
      <TableWrap label={t('rec.ver.compareTable')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('rec.ver.item')}</th>
              <th scope="col">{t('rec.ver.requirement')}</th>
              <th scope="col">{t('rec.ver.biodataCol')}</th>
              <th scope="col">{t('recv.result')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} data-compare={r.key} data-verdict={r.verdict}>
                <th scope="row">{t(ROW_LABEL[r.key])}</th>
                <td>{r.requirement ?? <span className="muted">{t('recv.noRequirement')}</span>}</td>
                <td>{r.applicant ?? <span className="muted">{t('recv.missing')}</span>}</td>
                <td>
                  {r.verdict === 'none' ? (
                    t('recv.none')
                  ) : (
                    <span className={VERDICT_BADGE[r.verdict]}>
                      {r.verdict === 'mismatch' ? '✗ ' : r.verdict === 'match' ? '✓ ' : ''}
                      {t(`recv.${r.verdict}`)}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {b && b.experience.length > 0 ? (
        <>
          <h3>{t('rec.biodata.experience')}</h3>
          <ul>
            {b.experience.map((e, i) => (
              <li key={i}>
                {e.position}, {e.employer} ({e.fromYear}–{e.toYear ?? '…'})
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

/** The reviewer's note: optional, as the contract says (blank → none). */
const ReviewNoteForm = ReviewBody.pick({ note: true }).extend({ note: blankAsNull(ReviewBody.shape.note) });

function Review({ file }: { file: VerificationDetail }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const form = useContractForm(ReviewNoteForm, { note: '' });
  const review = useMutation({
    mutationFn: (body: { approve: boolean; note: string | null }) => recruitmentApi.review(file.id, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: recKey }),
    onError: form.showServerErrors,
  });
  const decide = (approve: boolean) => form.handleSubmit(({ note }) => review.mutate({ approve, note }));
  return (
    <section className="card" aria-labelledby="review-title">
      <h2 id="review-title">{t('rec.ver.review')}</h2>
      <p>{t('rec.ver.reviewLead')}</p>
      <p>
        {t('rec.ver.proposed')}: <StatusBadge status={file.proposedVerdict ?? ''} />
      </p>
      <form noValidate onSubmit={(e) => e.preventDefault()}>
        <TextAreaField
          label={t('rec.common.note')}
          rows={3}
          maxLength={1000}
          error={form.fieldError('note')}
          {...form.register('note')}
        />
        {review.isError && !form.fieldError('note') ? <ErrorAlert error={review.error} /> : null}
        <div className="actions">
          <button type="button" className="btn btn--primary" disabled={review.isPending} onClick={decide(true)}>
            {t('rec.ver.approve')}
          </button>
          <button type="button" className="btn btn--secondary" disabled={review.isPending} onClick={decide(false)}>
            {t('rec.ver.returnBtn')}
          </button>
        </div>
      </form>
    </section>
  );
}

function Detail({ id, me }: { id: string; me: Me }) {
  const { t } = useTranslation();
  const lang = useLang();
  const detail = useQuery({ queryKey: [...recKey, 'detail', id], queryFn: () => recruitmentApi.detail(id) });
  const reasons = useTmsReasons();
  if (detail.isPending) return <Loading label={t('app.loading')} />;
  if (detail.isError) return <ErrorAlert error={detail.error} />;
  const file = detail.data;
  const a = file.applicant;
  const open = file.status === 'submitted' && file.proposedVerdict === null;
  const mine = file.verifierId === me.id;
  const canMark = me.role === 'verifier' && open && mine;
  const canReview = file.status === 'submitted' && file.proposedVerdict !== null && file.reviewedBy === null && !mine;
  const reasonList = reasons.data?.reasons ?? [];
  return (
    <>
      <PageTitle
        title={t('rec.ver.detailTitle', { no: file.registrationNo })}
        lead={`${file.formation.jabatan} — ${file.formation.organizationName}`}
      >
        {t('rec.ver.detailTitle', { no: file.registrationNo })}
      </PageTitle>
      <p>
        <Link to="/verifikasi">{t('rec.ver.back')}</Link>
      </p>
      <div className="grid grid--2">
        <section className="card" aria-labelledby="applicant-title">
          <h2 id="applicant-title">{t('rec.ver.applicantData')}</h2>
          <dl className="facts">
            <Fact label={t('home.name')}>{a.fullName}</Fact>
            <Fact label={t('rec.ver.nik')}>
              <span className="mono">{a.nik ?? '—'}</span>
            </Fact>
            <Fact label={t('rec.ver.birth')}>
              {a.birthPlace ?? '—'}, {formatDate(a.birthDate, lang)}
            </Fact>
            <Fact label={t('rec.ver.gender')}>{a.gender ?? '—'}</Fact>
            <Fact label={t('home.email')}>
              <span className="break">{a.email}</span>
            </Fact>
            <Fact label={t('rec.ver.status')}>
              <StatusBadge status={file.status} />
            </Fact>
          </dl>
        </section>
        <Compare file={file} />
      </div>
      {me.role === 'verifier' && open && !mine ? <Alert tone="warning">{t('rec.ver.notClaimed')}</Alert> : null}
      {canMark ? (
        <VerifyForm file={file} reasons={reasonList} />
      ) : (
        <section aria-labelledby="docs-title">
          <h2 id="docs-title">{t('rec.app.documents')}</h2>
          {byDocumentOrder(file.documents).map((d) => (
            <DocumentReview key={d.kind} file={file} doc={d} reasons={reasonList} />
          ))}
        </section>
      )}
      {file.proposedVerdict !== null && file.status === 'submitted' && mine ? (
        <Alert tone="info">{t('rec.ver.proposedOk')}</Alert>
      ) : null}
      {canReview ? <Review file={file} /> : null}
      {file.reviewedBy !== null && file.publishedResult === null ? (
        <Alert tone="info">{t('rec.ver.alreadyReviewed')}</Alert>
      ) : null}
      {file.objection ? (
        <section className="card" aria-labelledby="vobj-title">
          <h2 id="vobj-title">{t('rec.com.objections')}</h2>
          <dl className="facts">
            <Fact label={t('rec.app.objectionStatus')}>
              <StatusBadge status={file.objection.status} />
            </Fact>
            <Fact label={t('rec.app.objectionReason')}>
              <span className="rec-pre">{file.objection.reason}</span>
            </Fact>
            <Fact label={t('rec.app.deadline')}>{formatDateTime(file.objection.deadlineAt, lang)}</Fact>
          </dl>
        </section>
      ) : null}
    </>
  );
}

export function VerificationDetailPage() {
  const { id = '' } = useParams();
  return <RequireAuth roles={['verifier', 'committee']}>{(me) => <Detail id={id} me={me} />}</RequireAuth>;
}
