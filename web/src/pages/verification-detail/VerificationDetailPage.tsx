/**
 * /verifikasi/:id — one file: applicant data with the NIK, biodata against the formation's
 * requirements, each document previewed (never run: ADR 0006) with its MS/TMS choice, all saved
 * with the file verdict in one pass, and the second-person review.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { compareBiodata } from '../../features/recruitment/compare.ts';
import '../../features/recruitment/i18n-compare.ts';
import { Link, useParams } from 'react-router-dom';
import type { Me } from '../../../../common/contracts/identity.ts';
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
import { RadioGroup, SelectField, TextField } from '../../ui/Field.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { Loading } from '../../ui/Spinner.tsx';
import { TableWrap } from '../../ui/TableWrap.tsx';
import '../../features/recruitment/i18n.ts';

type Doc = VerificationDetail['documents'][number];

function ReasonSelect({
  reasons,
  value,
  onChange,
  error,
}: {
  reasons: TmsReason[];
  value: string;
  onChange: (v: string) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <SelectField label={t('rec.ver.reason')} value={value} error={error} onChange={(e) => onChange(e.target.value)}>
      <option value="">{t('rec.ver.chooseReason')}</option>
      {reasons.map((r) => (
        <option key={r.code} value={r.code}>
          {r[lang]}
        </option>
      ))}
    </SelectField>
  );
}

interface Mark {
  verdict: '' | 'ms' | 'tms';
  reasonCode: string;
  reasonText: string;
}

/** One document: its preview, its download link, and (while the file is open) its MS/TMS choice. */
function DocumentReview({
  file,
  doc,
  reasons,
  mark,
  onMark,
  error,
}: {
  file: VerificationDetail;
  doc: Doc;
  reasons: TmsReason[];
  mark?: Mark | undefined;
  onMark?: ((m: Mark) => void) | undefined;
  error?: { verdict?: string | undefined; reason?: string | undefined } | undefined;
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
      {doc.verdict === 'tms' && !mark ? (
        <p className="small rec-pre">
          {reasons.find((r) => r.code === doc.reasonCode)?.[lang] ?? doc.reasonCode}
          {doc.reasonText ? ` — ${doc.reasonText}` : ''}
        </p>
      ) : null}
      {mark && onMark ? (
        <>
          <RadioGroup
            legend={t('rec.ver.verdictFor', { label })}
            error={error?.verdict}
            value={mark.verdict}
            options={[
              { value: 'ms', label: 'MS' },
              { value: 'tms', label: 'TMS' },
            ]}
            input={{
              name: `verdict-${doc.kind}`,
              onChange: (e) => onMark({ ...mark, verdict: e.target.value as 'ms' | 'tms' }),
            }}
          />
          {mark.verdict === 'tms' ? (
            <>
              <ReasonSelect
                reasons={reasons}
                value={mark.reasonCode}
                onChange={(v) => onMark({ ...mark, reasonCode: v })}
                error={error?.reason}
              />
              <TextField
                label={t('rec.ver.reasonText')}
                value={mark.reasonText}
                maxLength={1000}
                onChange={(e) => onMark({ ...mark, reasonText: e.target.value })}
              />
            </>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

/**
 * The verifier's one pass over a file: every document's MS/TMS and the file verdict, checked here
 * and stored by one request (the server refuses the whole pass if any part is wrong).
 */
function VerifyForm({ file, reasons }: { file: VerificationDetail; reasons: TmsReason[] }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const docs = byDocumentOrder(file.documents);
  const [marks, setMarks] = useState<Record<string, Mark>>(() =>
    Object.fromEntries(
      docs.map((d) => [
        d.kind,
        { verdict: d.verdict ?? '', reasonCode: d.reasonCode ?? '', reasonText: d.reasonText ?? '' },
      ]),
    ),
  );
  const [fileReason, setFileReason] = useState({ code: '', text: '' });
  const [tried, setTried] = useState(false);
  const [fileReasonMissing, setFileReasonMissing] = useState(false);
  const save = useMutation({
    mutationFn: (verdict: 'ms' | 'tms') =>
      recruitmentApi.verifyFile(file.id, {
        documents: docs.map((d) => {
          const m = marks[d.kind]!;
          return {
            kind: d.kind,
            verdict: m.verdict as 'ms' | 'tms',
            reasonCode: m.verdict === 'tms' ? m.reasonCode || null : null,
            reasonText: m.reasonText.trim() || null,
          };
        }),
        verdict,
        reasonCode: verdict === 'tms' ? fileReason.code || null : null,
        reasonText: verdict === 'tms' ? fileReason.text.trim() || null : null,
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: recKey }),
  });
  const serverError = save.error instanceof ApiError ? save.error : null;
  const errorsFor = (kind: string) => {
    const m = marks[kind]!;
    const server = serverError?.fieldMessage(kind);
    if (!tried) return server ? { reason: server } : undefined;
    return {
      verdict: m.verdict === '' ? t('rec.ver.chooseVerdict') : undefined,
      reason: m.verdict === 'tms' && !m.reasonCode ? t('rec.ver.reasonRequired') : server,
    };
  };
  const done = docs.filter((d) => marks[d.kind]!.verdict !== '').length;
  const anyTms = docs.some((d) => marks[d.kind]!.verdict === 'tms');
  const complete = docs.every((d) => {
    const m = marks[d.kind]!;
    return m.verdict === 'ms' || (m.verdict === 'tms' && m.reasonCode !== '');
  });
  const submit = (verdict: 'ms' | 'tms') => {
    setTried(true);
    if (!complete) return;
    const missing = verdict === 'tms' && !anyTms && !fileReason.code;
    setFileReasonMissing(missing);
    if (!missing) save.mutate(verdict);
  };
  const fileReasonError =
    fileReasonMissing && !fileReason.code ? t('rec.ver.reasonRequired') : serverError?.fieldMessage('reasonCode');
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
        <button
          type="button"
          className="btn btn--secondary btn--small"
          onClick={() =>
            setMarks((all) =>
              Object.fromEntries(
                Object.entries(all).map(([k, m]) => [k, { ...m, verdict: 'ms' as const, reasonCode: '' }]),
              ),
            )
          }
        >
          {t('rec.ver.allMs')}
        </button>
        <span className="muted small" aria-live="polite">
          {t('rec.ver.progress', { done, total: docs.length })}
        </span>
      </div>
      {docs.map((d) => (
        <DocumentReview
          key={d.kind}
          file={file}
          doc={d}
          reasons={reasons}
          mark={marks[d.kind]}
          onMark={(m) => setMarks((all) => ({ ...all, [d.kind]: m }))}
          error={errorsFor(d.kind)}
        />
      ))}
      <section className="card" aria-labelledby="verdict-title">
        <h2 id="verdict-title">{t('rec.ver.fileVerdict')}</h2>
        <p>{t('rec.ver.fileVerdictLead')}</p>
        {complete && !anyTms ? (
          <>
            <p className="small">{t('rec.ver.fileReasonLead')}</p>
            <ReasonSelect
              reasons={reasons}
              value={fileReason.code}
              onChange={(code) => setFileReason((r) => ({ ...r, code }))}
              error={fileReasonError}
            />
            <TextField
              label={t('rec.ver.reasonText')}
              value={fileReason.text}
              maxLength={1000}
              onChange={(e) => setFileReason((r) => ({ ...r, text: e.target.value }))}
            />
          </>
        ) : null}
        {tried && !complete ? <Alert tone="error">{t('rec.ver.fixErrors')}</Alert> : null}
        {save.isError && !(serverError && serverError.fields.length > 0) ? <ErrorAlert error={save.error} /> : null}
        {save.isError && serverError && serverError.fields.length > 0 ? (
          <Alert tone="error">{serverError.message}</Alert>
        ) : null}
        <div className="actions">
          <button
            type="button"
            className="btn btn--primary"
            disabled={save.isPending || anyTms}
            onClick={() => submit('ms')}
          >
            {t('rec.ver.saveMs')}
          </button>
          <button type="button" className="btn btn--secondary" disabled={save.isPending} onClick={() => submit('tms')}>
            {t('rec.ver.saveTms')}
          </button>
        </div>
      </section>
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

function Review({ file }: { file: VerificationDetail }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const noteId = useId();
  const [note, setNote] = useState('');
  const review = useMutation({
    mutationFn: (approve: boolean) => recruitmentApi.review(file.id, { approve, note: note.trim() || null }),
    onSuccess: () => qc.invalidateQueries({ queryKey: recKey }),
  });
  return (
    <section className="card" aria-labelledby="review-title">
      <h2 id="review-title">{t('rec.ver.review')}</h2>
      <p>{t('rec.ver.reviewLead')}</p>
      <p>
        {t('rec.ver.proposed')}: <StatusBadge status={file.proposedVerdict ?? ''} />
      </p>
      <div className="field">
        <label htmlFor={noteId}>{t('rec.common.note')}</label>
        <textarea id={noteId} rows={3} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      {review.isError ? <ErrorAlert error={review.error} /> : null}
      <div className="actions">
        <button
          type="button"
          className="btn btn--primary"
          disabled={review.isPending}
          onClick={() => review.mutate(true)}
        >
          {t('rec.ver.approve')}
        </button>
        <button
          type="button"
          className="btn btn--secondary"
          disabled={review.isPending}
          onClick={() => review.mutate(false)}
        >
          {t('rec.ver.returnBtn')}
        </button>
      </div>
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
