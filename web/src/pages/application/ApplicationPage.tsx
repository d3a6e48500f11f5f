/**
 * /lamaran/:id — one application: the document checklist with per-document upload (progress and
 * the server's message inline), a summary and the locking "Kirim lamaran"; after a published TMS,
 * the reasons per document and the one-time sanggah form while its window is open.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router-dom';
import { ApiError } from '../../app/api.ts';
import { ErrorAlert, errorText } from '../../app/ErrorAlert.tsx';
import { formatDateTime } from '../../app/format.ts';
import { RequireAuth } from '../../features/identity/components/RequireAuth.tsx';
import { cardCheckPath, documentUrl, recruitmentApi } from '../../features/recruitment/api.ts';
import {
  CardCheckLink,
  ConfirmDialog,
  Fact,
  StatusBadge,
  UploadProgress,
} from '../../features/recruitment/components/bits.tsx';
import {
  byDocumentOrder,
  formatKb,
  mimeLabel,
  recKey,
  useLang,
  useMsg,
  useMyApplication,
} from '../../features/recruitment/hooks.ts';
import '../../features/recruitment/recruitment.css';
import type { AppDocument, Application } from '../../features/recruitment/types.ts';
import { Alert } from '../../ui/Alert.tsx';
import { FieldError } from '../../ui/Field.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { Loading } from '../../ui/Spinner.tsx';
import '../../features/recruitment/i18n.ts';

/** Whether the document is uploaded (name, size, time, a download link) or not yet. */
function UploadedLine({ app, doc, label }: { app: Application; doc: AppDocument; label: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <p className="small">
      {doc.uploaded ? (
        <>
          <span className="badge badge--ok">✓</span>{' '}
          {t('rec.app.uploaded', {
            name: doc.uploaded.originalName ?? doc.kind,
            size: formatKb(doc.uploaded.size),
            at: formatDateTime(doc.uploaded.uploadedAt, lang),
          })}{' '}
          <a href={documentUrl(app.id, doc.kind)} download>
            {t('rec.ver.download')}
            <span className="sr-only"> {label}</span>
          </a>
        </>
      ) : (
        <span className="badge badge--muted">{t('rec.app.notUploaded')}</span>
      )}
    </p>
  );
}

/** The verifier's verdict on the document, with the reason when there is one. */
function DocumentVerdict({ doc }: { doc: AppDocument }) {
  const pick = useMsg();
  if (!doc.verdict) return null;
  return (
    <p>
      <StatusBadge status={doc.verdict} />
      {doc.reason ? (
        <span className="rec-pre">
          {' '}
          {(doc.reason.label ? pick(doc.reason.label) : '') || doc.reason.code}
          {doc.reason.text ? ` — ${doc.reason.text}` : ''}
        </span>
      ) : null}
    </p>
  );
}

function DocumentRow({ app, doc, editable }: { app: Application; doc: AppDocument; editable: boolean }) {
  const { t } = useTranslation();
  const pick = useMsg();
  const qc = useQueryClient();
  const inputId = useId();
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const [percent, setPercent] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const label = pick(doc.label);
  const accept = doc.mime.join(',');

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    setDone(false);
    setPercent(0);
    try {
      await recruitmentApi.upload(app.id, doc.kind, file, setPercent);
      setDone(true);
      await qc.invalidateQueries({ queryKey: recKey });
    } catch (err) {
      setError(err instanceof ApiError ? (err.fieldMessage(doc.kind) ?? errorText(err, t)) : errorText(err, t));
    } finally {
      setPercent(null);
    }
  };

  return (
    <div className="rec-doc">
      <h3>
        {label}
        {doc.required ? (
          <>
            <span aria-hidden="true"> *</span>
            <span className="sr-only"> ({t('rec.app.required')})</span>
          </>
        ) : (
          <span className="muted small"> ({t('rec.app.optional')})</span>
        )}
      </h3>
      <p id={hintId} className="field-hint">
        {t('rec.app.format', { formats: mimeLabel(doc.mime), kb: formatKb(doc.maxBytes) })}
      </p>
      <UploadedLine app={app} doc={doc} label={label} />
      <DocumentVerdict doc={doc} />
      {editable ? (
        <div className={`field${error ? ' field--invalid' : ''}`}>
          <label htmlFor={inputId}>{t('rec.app.choose', { label })}</label>
          <input
            id={inputId}
            type="file"
            accept={accept}
            aria-invalid={error ? true : undefined}
            aria-describedby={[error ? errorId : '', hintId].filter(Boolean).join(' ')}
            disabled={percent !== null}
            onChange={(e) => {
              void onFile(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
          {percent !== null ? <UploadProgress percent={percent} label={t('rec.app.uploading', { percent })} /> : null}
          {done ? (
            <p role="status" className="small">
              {t('rec.app.uploadOk', { label })}
            </p>
          ) : null}
          <FieldError id={errorId}>{error}</FieldError>
        </div>
      ) : null}
    </div>
  );
}

function SubmitPanel({ app }: { app: Application }) {
  const { t } = useTranslation();
  const pick = useMsg();
  const qc = useQueryClient();
  const [confirm, setConfirm] = useState(false);
  const submit = useMutation({
    mutationFn: () => recruitmentApi.submit(app.id),
    onSettled: () => {
      setConfirm(false);
      void qc.invalidateQueries({ queryKey: recKey });
    },
  });
  const missing = app.documents.filter((d) => d.required && !d.uploaded);
  return (
    <section className="card" aria-labelledby="summary-title">
      <h2 id="summary-title">{t('rec.app.summary')}</h2>
      <dl className="facts">
        <Fact label={t('rec.app.formation')}>
          {app.formation.jabatan} — {app.formation.organizationName} ({app.formation.code})
        </Fact>
        <Fact label={t('rec.app.documents')}>
          {app.documents.filter((d) => d.uploaded).length}/{app.documents.length}
        </Fact>
      </dl>
      {missing.length > 0 ? (
        <Alert tone="warning">{t('rec.app.missing', { list: missing.map((d) => pick(d.label)).join(', ') })}</Alert>
      ) : (
        <Alert tone="success">{t('rec.app.complete')}</Alert>
      )}
      {submit.isError ? (
        <Alert tone="error">
          <p>{errorText(submit.error, t)}</p>
          {submit.error instanceof ApiError && submit.error.fields.length > 0 ? (
            <ul>
              {submit.error.fields.map((f) => (
                <li key={f.field}>{f.message}</li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}
      <button type="button" className="btn btn--primary" onClick={() => setConfirm(true)}>
        {t('rec.app.submit')}
      </button>
      <ConfirmDialog
        open={confirm}
        title={t('rec.app.confirmTitle')}
        confirmLabel={t('rec.app.confirmYes')}
        onConfirm={() => submit.mutate()}
        onCancel={() => setConfirm(false)}
        busy={submit.isPending}
      >
        <p>{t('rec.app.confirmText')}</p>
      </ConfirmDialog>
    </section>
  );
}

function ObjectionPanel({ app }: { app: Application }) {
  const { t } = useTranslation();
  const lang = useLang();
  const qc = useQueryClient();
  const reasonId = useId();
  const fileId = useId();
  const [reason, setReason] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [percent, setPercent] = useState<number | null>(null);
  const send = useMutation({
    mutationFn: () => recruitmentApi.objection(app.id, reason, file, setPercent),
    onSettled: () => setPercent(null),
    onSuccess: () => qc.invalidateQueries({ queryKey: recKey }),
  });
  if (app.objection) {
    return (
      <section className="card" aria-labelledby="obj-title">
        <h2 id="obj-title">{t('rec.app.objection')}</h2>
        {send.isSuccess ? <Alert tone="success">{t('rec.app.objectionSent')}</Alert> : null}
        <dl className="facts">
          <Fact label={t('rec.app.objectionStatus')}>
            <StatusBadge status={app.objection.status} />
          </Fact>
          <Fact label={t('rec.app.objectionReason')}>
            <span className="rec-pre">{app.objection.reason}</span>
          </Fact>
          <Fact label={t('rec.app.deadline')}>{formatDateTime(app.objection.deadlineAt, lang)}</Fact>
          {app.objection.response ? (
            <Fact label={t('rec.app.response')}>
              <span className="rec-pre">{app.objection.response}</span>
            </Fact>
          ) : null}
        </dl>
      </section>
    );
  }
  const w = app.period.stages.objection;
  const now = Date.now();
  const open = w ? Date.parse(w.start) <= now && now < Date.parse(w.end) : false;
  const err = send.error instanceof ApiError ? send.error : null;
  const reasonError = err?.fieldMessage('reason');
  const fileError = err?.fieldMessage('evidence');
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    send.mutate();
  };
  return (
    <section className="card" aria-labelledby="obj-title">
      <h2 id="obj-title">{t('rec.app.objectionTitle')}</h2>
      <p>{t('rec.app.objectionLead')}</p>
      {!open ? (
        <Alert tone="info">{t('rec.app.objectionClosed')}</Alert>
      ) : (
        <form className="form" noValidate onSubmit={onSubmit}>
          {send.isError && !reasonError && !fileError ? <ErrorAlert error={send.error} /> : null}
          <div className={`field${reasonError ? ' field--invalid' : ''}`}>
            <label htmlFor={reasonId}>{t('rec.app.objectionReason')}</label>
            <p id={`${reasonId}-hint`} className="field-hint">
              {t('rec.app.objectionReasonHint', app.objectionLimits.reasonChars)}
            </p>
            <textarea
              id={reasonId}
              rows={5}
              maxLength={app.objectionLimits.reasonChars.max}
              value={reason}
              aria-invalid={reasonError ? true : undefined}
              aria-describedby={`${reasonError ? `${reasonId}-error ` : ''}${reasonId}-hint`}
              onChange={(e) => setReason(e.target.value)}
            />
            <FieldError id={`${reasonId}-error`}>{reasonError}</FieldError>
          </div>
          <div className={`field${fileError ? ' field--invalid' : ''}`}>
            <label htmlFor={fileId}>{t('rec.app.objectionFile')}</label>
            <input
              id={fileId}
              type="file"
              accept="application/pdf,image/jpeg"
              aria-invalid={fileError ? true : undefined}
              aria-describedby={fileError ? `${fileId}-error` : undefined}
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
            <FieldError id={`${fileId}-error`}>{fileError}</FieldError>
          </div>
          {percent !== null ? <UploadProgress percent={percent} label={t('rec.app.uploading', { percent })} /> : null}
          <button type="submit" className="btn btn--primary" disabled={send.isPending}>
            {t('rec.app.objectionSubmit')}
          </button>
        </form>
      )}
    </section>
  );
}

function ApplicationView({ id }: { id: string }) {
  const { t } = useTranslation();
  const location = useLocation();
  const app = useMyApplication(id);
  if (app.isPending) return <Loading label={t('app.loading')} />;
  if (app.isError) return <ErrorAlert error={app.error} />;
  const a = app.data;
  const editable = a.status === 'draft';
  const checkPath = cardCheckPath(a.cardCheckUrl);
  const created = (location.state as { created?: boolean } | null)?.created;
  return (
    <>
      <PageTitle
        title={t('rec.app.title', { no: a.registrationNo })}
        lead={`${a.formation.jabatan} — ${a.formation.organizationName}`}
      >
        {t('rec.app.title', { no: a.registrationNo })}
      </PageTitle>
      {created && editable ? <Alert tone="success">{t('rec.catalog.applied')}</Alert> : null}
      <p>
        <Link to="/lamaran">{t('rec.app.back')}</Link>
      </p>
      <section className="card" aria-labelledby="status-title">
        <h2 id="status-title">{t('rec.mine.status')}</h2>
        <dl className="facts">
          <Fact label={t('rec.mine.status')}>
            <StatusBadge status={a.status} />
          </Fact>
          <Fact label={t('rec.mine.result')}>
            {a.result ? <StatusBadge status={a.result} /> : t('rec.mine.noResult')}
          </Fact>
        </dl>
        {a.status === 'submitted' ? (
          <Alert tone="success">{t('rec.app.submitted')}</Alert>
        ) : !editable ? (
          <p className="muted">{t('rec.app.locked')}</p>
        ) : null}
        {checkPath ? (
          <p className="actions">
            <CardCheckLink path={checkPath} registrationNo={a.registrationNo} />
          </p>
        ) : null}
      </section>
      <section className="card" aria-labelledby="docs-title">
        <h2 id="docs-title">{t('rec.app.documents')}</h2>
        {editable ? <p>{t('rec.app.docsLead')}</p> : null}
        {byDocumentOrder(a.documents).map((d) => (
          <DocumentRow key={d.kind} app={a} doc={d} editable={editable} />
        ))}
      </section>
      {editable ? <SubmitPanel app={a} /> : null}
      {a.result === 'tms' || a.objection ? <ObjectionPanel app={a} /> : null}
    </>
  );
}

export function ApplicationPage() {
  const { id = '' } = useParams();
  return <RequireAuth roles={['applicant']}>{() => <ApplicationView id={id} />}</RequireAuth>;
}
