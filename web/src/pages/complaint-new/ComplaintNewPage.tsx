/**
 * /pengaduan — anyone files a complaint, suggestion or information request, signed in or not,
 * open, confidential or anonymous, with an optional JPG/PDF attachment. Without an account the
 * browser solves the server's anti-spam challenge first. The answer is a tracking ID.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_KINDS,
  COMPLAINT_PRIVACY,
  ComplaintBody,
} from '../../../../common/contracts/participation.ts';
import { formatCalendarDate } from '../../../../common/rules/wita.ts';
import { ApiError } from '../../app/api.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { blankAsNull, useContractForm } from '../../app/useContractForm.ts';
import { useMe } from '../../features/identity/hooks.ts';
import { type ComplaintInput, participationApi } from '../../features/participation/api.ts';
import { ParticipationLinks } from '../../features/participation/components/ParticipationLinks.tsx';
import '../../features/participation/i18n.ts';
import '../../features/participation/participation.css';
import { Alert } from '../../ui/Alert.tsx';
import { SelectField, TextAreaField, TextField } from '../../ui/Field.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';

/** The contract's body without the anti-spam answer (the API helper adds it); blank name/contact mean "not given". */
const ComplaintForm = ComplaintBody.omit({ challenge: true }).extend({
  name: blankAsNull(ComplaintBody.shape.name),
  contact: blankAsNull(ComplaintBody.shape.contact),
});
// Hidden name/contact fields are unregistered, so an anonymous report never carries (or checks) them.
const useComplaintForm = () =>
  useContractForm(
    ComplaintForm,
    { kind: 'pengaduan', category: 'recruitment', title: '', body: '', privacy: 'anonymous' },
    { shouldUnregister: true, serverFields: ['title', 'body', 'name', 'contact'] },
  );

export function ComplaintNewPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const me = useMe();
  const signedIn = !!me.data;
  const stats = useQuery({ queryKey: ['prt', 'stats'], queryFn: participationApi.stats });
  const form = useComplaintForm();
  const [file, setFile] = useState<File | null>(null);
  const send = useMutation({
    mutationFn: async (body: ComplaintInput) => {
      const filed = await participationApi.fileComplaint(body, signedIn);
      let attachError: unknown = null;
      if (file) await participationApi.attach(filed.trackingId, file).catch((e: unknown) => (attachError = e));
      return { ...filed, attachError };
    },
    onError: (e) => form.showServerErrors(e),
  });
  const err = send.error instanceof ApiError ? send.error : null;
  const sla = stats.data?.sla ?? { verifyDays: 3, followUpDays: 5 };
  if (send.isSuccess) return <ComplaintFiled filed={send.data} lang={lang} />;
  return (
    <>
      <PageTitle
        title={t('prt.file.title')}
        lead={t('prt.file.lead', { verify: sla.verifyDays, followUp: sla.followUpDays })}
      >
        {t('prt.file.title')}
      </PageTitle>
      <ParticipationLinks />
      <form
        className="form card"
        noValidate
        aria-label={t('prt.file.title')}
        onSubmit={form.handleSubmit((body) => send.mutate(body))}
      >
        <div className="prt-form-grid">
          <SelectField label={t('prt.file.kind')} {...form.register('kind')}>
            {COMPLAINT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`prt.kinds.${k}`)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('prt.file.category')} {...form.register('category')}>
            {COMPLAINT_CATEGORIES.map((k) => (
              <option key={k} value={k}>
                {t(`prt.categories.${k}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <TextField
          label={t('prt.file.titleField')}
          maxLength={160}
          error={form.fieldError('title')}
          {...form.register('title')}
        />
        <TextAreaField
          label={t('prt.file.body')}
          hint={t('prt.file.bodyHint')}
          rows={6}
          maxLength={5000}
          error={form.fieldError('body')}
          {...form.register('body')}
        />
        <PrivacyFields form={form} signedIn={signedIn} />
        <div className="field">
          <label htmlFor="complaint-file">{t('prt.file.attachment')}</label>
          <input
            id="complaint-file"
            type="file"
            accept="application/pdf,image/jpeg"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        <p className="small muted">{t('prt.file.consent')}</p>
        <div className="actions">
          <button type="submit" className="btn btn--primary" disabled={send.isPending}>
            {send.isPending ? t('prt.file.sending') : t('prt.file.send')}
          </button>
        </div>
        {send.isError && !err?.fields.filter((f) => ['title', 'body', 'name', 'contact'].includes(f.field)).length ? (
          <ErrorAlert error={send.error} />
        ) : null}
      </form>
    </>
  );
}

/** What a reporter sees once the report is stored: the tracking ID, the verification deadline, and an attachment failure if any. */
function ComplaintFiled({
  filed,
  lang,
}: {
  filed: Awaited<ReturnType<typeof participationApi.fileComplaint>> & { attachError: unknown };
  lang: 'id' | 'en';
}) {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle title={t('prt.file.title')}>{t('prt.file.title')}</PageTitle>
      <ParticipationLinks />
      <Alert tone="success">
        <p>{t('prt.file.sent')}</p>
        <p className="prt-tracking" data-testid="tracking-id">
          {filed.trackingId}
        </p>
        <p>{t('prt.file.due', { date: formatCalendarDate(filed.verificationDueOn, lang) })}</p>
        {filed.provisionalYear !== null ? (
          <p className="small">{t('prt.file.provisional', { year: filed.provisionalYear })}</p>
        ) : null}
        <p>
          <Link to={`/pengaduan/lacak/${filed.trackingId}`}>{t('prt.file.follow')}</Link>
        </p>
      </Alert>
      {filed.attachError ? (
        <>
          <p>{t('prt.file.attachFailed')}</p>
          <ErrorAlert error={filed.attachError} />
        </>
      ) : null}
    </>
  );
}

/** The privacy choice and, for an open or confidential report without an account, the reporter's name and contact. */
function PrivacyFields({ form, signedIn }: { form: ReturnType<typeof useComplaintForm>; signedIn: boolean }) {
  const { t } = useTranslation();
  const privacy = form.watch('privacy');
  return (
    <>
      <fieldset className="field">
        <legend>{t('prt.file.privacy')}</legend>
        {COMPLAINT_PRIVACY.map((p) => (
          <label key={p} className="radio">
            <input type="radio" value={p} {...form.register('privacy')} /> {t(`prt.privacy.${p}`)}
          </label>
        ))}
      </fieldset>
      {privacy !== 'anonymous' && signedIn ? <p className="small">{t('prt.file.signedIn')}</p> : null}
      {privacy !== 'anonymous' && !signedIn ? (
        <div className="prt-form-grid">
          <TextField
            label={t('prt.file.name')}
            maxLength={120}
            autoComplete="name"
            error={form.fieldError('name')}
            {...form.register('name')}
          />
          <TextField
            label={t('prt.file.contact')}
            maxLength={160}
            error={form.fieldError('contact')}
            {...form.register('contact')}
          />
        </div>
      ) : null}
    </>
  );
}
