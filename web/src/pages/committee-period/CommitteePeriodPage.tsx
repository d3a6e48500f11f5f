/**
 * /panitia/periode/:id — one period for the committee: the stage windows (WITA), the assigned
 * verifiers, formations (add, XLSX/CSV import with the row report, export), announcements under
 * the two-person rule, objections with answers, and exam sites, sessions and seat assignment.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../../features/exam/i18n.ts';
import { Link, useParams } from 'react-router-dom';
import type { Me } from '../../../../common/contracts/identity.ts';
import { EDUCATION_LEVELS, NEED_TYPES, STAGE_NAMES } from '../../../../common/contracts/recruitment.ts';
import { ApiError } from '../../app/api.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { formatDateTime } from '../../app/format.ts';
import { RequireAuth } from '../../features/identity/components/RequireAuth.tsx';
import { useOrganizations } from '../../features/identity/hooks.ts';
import { recruitmentApi } from '../../features/recruitment/api.ts';
import { Fact, Pager, StatusBadge, UploadProgress } from '../../features/recruitment/components/bits.tsx';
import { recKey, useCatalog, useLang, useMsg, useStaffPeriods } from '../../features/recruitment/hooks.ts';
import '../../features/recruitment/recruitment.css';
import type { ImportReport, Objection, Period, VerifierAccount } from '../../features/recruitment/types.ts';
import { Alert } from '../../ui/Alert.tsx';
import { CheckboxField, RadioGroup, SelectField, TextField } from '../../ui/Field.tsx';
import { DateTimeField } from '../../ui/DateFields.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { Loading } from '../../ui/Spinner.tsx';
import { witaIso } from '../committee/CommitteePage.tsx';

function serverFieldError(error: unknown, field: string) {
  return error instanceof ApiError ? error.fieldMessage(field) : undefined;
}

type StageName = (typeof STAGE_NAMES)[number];
type LocalWindow = { start: string; end: string };

/** An instant as the value of a datetime-local input in WITA (UTC+8), e.g. 2026-05-01T08:00. */
function witaLocal(iso: string | undefined): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? '' : new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16);
}

function localStages(period: Period): Record<StageName, LocalWindow> {
  return Object.fromEntries(STAGE_NAMES.map((s) => [s, { start: witaLocal(period.stages[s]?.start), end: witaLocal(period.stages[s]?.end) }])) as Record<StageName, LocalWindow>;
}

/**
 * Every stage window of the period, edited in WITA like the create form. A stage with both inputs
 * empty is removed; one half-filled is sent as is so the server's message shows on that input.
 */
function StageEditor({ period }: { period: Period }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [v, setV] = useState(() => localStages(period));
  const save = useMutation({
    mutationFn: () => {
      const stages: Partial<Record<StageName, LocalWindow>> = {};
      for (const s of STAGE_NAMES) {
        const w = v[s];
        if (w.start || w.end) stages[s] = { start: witaIso(w.start), end: witaIso(w.end) };
      }
      return recruitmentApi.updateStages(period.id, stages);
    },
    onSuccess: (p) => {
      setV(localStages(p));
      void qc.invalidateQueries({ queryKey: recKey });
    },
  });
  const fe = (s: StageName, half: 'start' | 'end') => serverFieldError(save.error, `stages.${s}.${half}`) ?? (half === 'end' ? serverFieldError(save.error, `stages.${s}`) : undefined);
  return (
    <section className="card" aria-labelledby="stages-title">
      <h2 id="stages-title">{t('rec.com.stagesEdit')}</h2>
      <form
        className="form"
        noValidate
        aria-labelledby="stages-title"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <p className="small">{t('rec.com.stagesLead')}</p>
        {save.isSuccess ? <Alert tone="success">{t('rec.com.stagesSaved')}</Alert> : null}
        {save.isError ? <ErrorAlert error={save.error} /> : null}
        {STAGE_NAMES.map((s) => {
          const name = t(`rec.com.stage.${s}`);
          return (
            <fieldset key={s} className="rec-row">
              <legend>{name}</legend>
              <DateTimeField label={t('rec.com.stageStart', { stage: name })} value={v[s].start} error={fe(s, 'start')} onChange={(x) => setV({ ...v, [s]: { ...v[s], start: x } })} />
              <DateTimeField label={t('rec.com.stageEnd', { stage: name })} value={v[s].end} error={fe(s, 'end')} onChange={(x) => setV({ ...v, [s]: { ...v[s], end: x } })} />
            </fieldset>
          );
        })}
        <button type="submit" className="btn btn--primary" disabled={save.isPending}>
          {t('rec.com.stagesSave')}
        </button>
      </form>
    </section>
  );
}

/** The verifiers assigned to the period (they see its queue only while assigned). */
function Verifiers({ period }: { period: Period }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const key = [...recKey, 'period-verifiers', period.id];
  const assigned = useQuery({ queryKey: key, queryFn: () => recruitmentApi.periodVerifiers(period.id) });
  const all = useQuery({ queryKey: [...recKey, 'verifiers'], queryFn: recruitmentApi.verifiers });
  const [choice, setChoice] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const refresh = () => qc.invalidateQueries({ queryKey: key });
  const add = useMutation({
    mutationFn: (v: VerifierAccount) => recruitmentApi.assignVerifier(period.id, v.id),
    onMutate: () => setDone(null),
    onSuccess: (_r, v) => {
      setChoice('');
      setDone(t('rec.com.verifierAssigned', { name: v.fullName }));
      return refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (v: VerifierAccount) => recruitmentApi.unassignVerifier(period.id, v.id),
    onMutate: () => setDone(null),
    onSuccess: (_r, v) => {
      setDone(t('rec.com.verifierRemoved', { name: v.fullName }));
      // The pressed button leaves with its row: keep keyboard focus in the panel.
      headingRef.current?.focus();
      return refresh();
    },
  });
  const assignedIds = new Set(assigned.data?.verifiers.map((v) => v.id) ?? []);
  const available = (all.data?.verifiers ?? []).filter((v) => !assignedIds.has(v.id));
  const picked = available.find((v) => v.id === choice);
  return (
    <section className="card" aria-labelledby="verifiers-title">
      <h2 id="verifiers-title" ref={headingRef} tabIndex={-1}>
        {t('rec.com.verifiers')}
      </h2>
      <p className="small">{t('rec.com.verifiersLead')}</p>
      {done ? <Alert tone="success">{done}</Alert> : null}
      {assigned.isError ? <ErrorAlert error={assigned.error} /> : null}
      {remove.isError ? <ErrorAlert error={remove.error} /> : null}
      {assigned.isPending ? <Loading label={t('app.loading')} /> : null}
      {assigned.data && assigned.data.verifiers.length === 0 ? <p>{t('rec.com.noVerifiers')}</p> : null}
      {assigned.data && assigned.data.verifiers.length > 0 ? (
        <ul className="rec-cards" aria-labelledby="verifiers-title">
          {assigned.data.verifiers.map((v) => (
            <li key={v.id} className="rec-row">
              <span>
                <span className="strong">{v.fullName}</span> <span className="muted small">{v.email}</span>
              </span>
              <button type="button" className="btn btn--secondary btn--small" disabled={remove.isPending} aria-label={t('rec.com.verifierRemoveFor', { name: v.fullName })} onClick={() => remove.mutate(v)}>
                {t('rec.com.verifierRemove')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <form
        className="form"
        noValidate
        aria-labelledby="verifier-add-title"
        onSubmit={(e) => {
          e.preventDefault();
          if (picked) add.mutate(picked);
        }}
      >
        <h3 id="verifier-add-title">{t('rec.com.verifierAdd')}</h3>
        {all.isError ? <ErrorAlert error={all.error} /> : null}
        {add.isError && !serverFieldError(add.error, 'accountId') ? <ErrorAlert error={add.error} /> : null}
        {all.data && assigned.data && available.length === 0 ? (
          <p>{t('rec.com.verifierNoneLeft')}</p>
        ) : (
          <>
            <SelectField label={t('rec.com.verifiers')} value={choice} error={serverFieldError(add.error, 'accountId')} onChange={(e) => setChoice(e.target.value)}>
              <option value="">{t('rec.biodata.choose')}</option>
              {available.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.fullName} ({v.email})
                </option>
              ))}
            </SelectField>
            <button type="submit" className="btn btn--primary" disabled={!picked || add.isPending}>
              {t('rec.com.verifierAssign')}
            </button>
          </>
        )}
      </form>
    </section>
  );
}

function Formations({ period }: { period: Period }) {
  const { t } = useTranslation();
  const pick = useMsg();
  const qc = useQueryClient();
  const orgs = useOrganizations();
  const fileId = useId();
  const [page, setPage] = useState(1);
  const list = useCatalog({ periodId: period.id, page, pageSize: 10 }, true);
  const empty = { code: '', organizationId: '', jabatan: '', educationLevels: 'S1', majors: '', needType: 'umum', quota: '1', placement: '' };
  const [v, setV] = useState(empty);
  const add = useMutation({
    mutationFn: () =>
      recruitmentApi.createFormation(period.id, {
        code: v.code.trim(),
        organizationId: v.organizationId,
        jabatan: v.jabatan.trim(),
        educationLevels: v.educationLevels.split(',').map((s) => s.trim().toUpperCase()).filter(Boolean) as (typeof EDUCATION_LEVELS)[number][],
        majors: v.majors.split(';').map((s) => s.trim()).filter(Boolean),
        needType: v.needType as (typeof NEED_TYPES)[number],
        quota: Number(v.quota),
        placement: v.placement.trim() || null,
      }),
    onSuccess: () => {
      setV(empty);
      void qc.invalidateQueries({ queryKey: recKey });
    },
  });
  const [file, setFile] = useState<File | null>(null);
  const [percent, setPercent] = useState<number | null>(null);
  const imp = useMutation<ImportReport, unknown, File>({
    mutationFn: (f) => recruitmentApi.importFormations(period.id, f, setPercent),
    onSettled: () => setPercent(null),
    onSuccess: () => qc.invalidateQueries({ queryKey: recKey }),
  });
  const fe = (f: string) => serverFieldError(add.error, f);
  const onAdd = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  return (
    <section className="card" aria-labelledby="formations-title">
      <h2 id="formations-title">
        {t('rec.com.formations')}
        {list.data ? <span className="muted small"> · {t('rec.catalog.total', { count: list.data.total })}</span> : null}
      </h2>
      {list.isError ? <ErrorAlert error={list.error} /> : null}
      {list.data && list.data.formations.length > 0 ? (
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t('rec.catalog.tableLabel')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('rec.com.formationCode')}</th>
                <th scope="col">{t('rec.catalog.jabatan')}</th>
                <th scope="col">{t('rec.catalog.organization')}</th>
                <th scope="col">{t('rec.catalog.educationLevel')}</th>
                <th scope="col">{t('rec.catalog.needType')}</th>
                <th scope="col" className="num">{t('rec.catalog.quota')}</th>
                <th scope="col" className="num">{t('rec.catalog.applicants')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.formations.map((f) => (
                <tr key={f.id}>
                  <td className="mono">{f.code}</td>
                  <td>{f.jabatan}</td>
                  <td>{f.organizationName}</td>
                  <td>{f.educationLevels.join(', ')}</td>
                  <td>{t(`rec.need.${f.needType}`)}</td>
                  <td className="num">{f.quota}</td>
                  <td className="num">{f.applicants}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {list.data ? <Pager page={page} total={list.data.total} pageSize={10} onPage={setPage} /> : null}
      <p className="actions">
        <span>{t('rec.com.export')}:</span>
        <a href={`/api/v1/periods/${period.id}/formations/export?format=xlsx`} download>
          {t('rec.com.exportXlsx')}
        </a>
        <a href={`/api/v1/periods/${period.id}/formations/export?format=csv`} download>
          {t('rec.com.exportCsv')}
        </a>
      </p>
      <hr className="rec-sep" />
      <form className="form" noValidate aria-labelledby="add-formation-title" onSubmit={onAdd}>
        <h3 id="add-formation-title">{t('rec.com.addFormation')}</h3>
        {add.isSuccess ? <Alert tone="success">{t('rec.com.added')}</Alert> : null}
        {add.isError ? <ErrorAlert error={add.error} /> : null}
        <TextField label={t('rec.com.formationCode')} value={v.code} error={fe('code')} onChange={(e) => setV({ ...v, code: e.target.value })} />
        <SelectField label={t('rec.com.organizationId')} value={v.organizationId} error={fe('organizationId')} onChange={(e) => setV({ ...v, organizationId: e.target.value })}>
          <option value="">{t('rec.biodata.choose')}</option>
          {orgs.data?.organizations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </SelectField>
        <TextField label={t('rec.catalog.jabatan')} value={v.jabatan} error={fe('jabatan')} onChange={(e) => setV({ ...v, jabatan: e.target.value })} />
        <TextField label={t('rec.com.educationLevels')} value={v.educationLevels} error={fe('educationLevels')} onChange={(e) => setV({ ...v, educationLevels: e.target.value })} />
        <TextField label={t('rec.com.majorsList')} value={v.majors} error={fe('majors')} onChange={(e) => setV({ ...v, majors: e.target.value })} />
        <SelectField label={t('rec.catalog.needType')} value={v.needType} onChange={(e) => setV({ ...v, needType: e.target.value })}>
          {NEED_TYPES.map((n) => (
            <option key={n} value={n}>
              {t(`rec.need.${n}`)}
            </option>
          ))}
        </SelectField>
        <TextField label={t('rec.com.quota')} inputMode="numeric" value={v.quota} error={fe('quota')} onChange={(e) => setV({ ...v, quota: e.target.value })} />
        <TextField label={t('rec.com.placement')} value={v.placement} onChange={(e) => setV({ ...v, placement: e.target.value })} />
        <button type="submit" className="btn btn--primary" disabled={add.isPending}>
          {t('rec.com.addFormation')}
        </button>
      </form>
      <hr className="rec-sep" />
      <form
        className="form"
        noValidate
        aria-labelledby="import-title"
        onSubmit={(e) => {
          e.preventDefault();
          if (file) imp.mutate(file);
        }}
      >
        <h3 id="import-title">{t('rec.com.import')}</h3>
        <p className="small">{t('rec.com.importLead')}</p>
        <div className="field">
          <label htmlFor={fileId}>{t('rec.com.importFile')}</label>
          <input id={fileId} type="file" accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </div>
        {percent !== null ? <UploadProgress percent={percent} label={t('rec.com.importing', { percent })} /> : null}
        <button type="submit" className="btn btn--secondary" disabled={!file || imp.isPending}>
          {t('rec.com.importBtn')}
        </button>
        {imp.isError ? <ErrorAlert error={imp.error} /> : null}
        {imp.data ? (
          <>
            {imp.data.imported > 0 ? <Alert tone="success">{t('rec.com.imported', { count: imp.data.imported })}</Alert> : <Alert tone="error">{t('rec.com.importFailed')}</Alert>}
            <div className="table-wrap" tabIndex={0} role="region" aria-label={t('rec.com.import')}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('rec.com.line')}</th>
                    <th scope="col">{t('rec.com.formationCode')}</th>
                    <th scope="col">{t('rec.com.problems')}</th>
                  </tr>
                </thead>
                <tbody>
                  {imp.data.report.map((r, i) => (
                    <tr key={i}>
                      <td className="num">{r.line}</td>
                      <td className="mono">{r.code ?? '—'}</td>
                      <td>{r.status === 'ok' ? <span className="badge badge--ok">{t('rec.com.ok')}</span> : <ul>{r.problems.map((p, j) => <li key={j}>{pick(p)}</li>)}</ul>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        ) : null}
      </form>
    </section>
  );
}

function Announcements({ period, me }: { period: Period; me: Me }) {
  const { t } = useTranslation();
  const lang = useLang();
  const qc = useQueryClient();
  const list = useQuery({ queryKey: [...recKey, 'announcements', period.id], queryFn: () => recruitmentApi.announcements(period.id) });
  const propose = useMutation({ mutationFn: (stage: 'administration' | 'reannouncement') => recruitmentApi.proposeAnnouncement(period.id, { stage, note: null }), onSuccess: () => qc.invalidateQueries({ queryKey: recKey }) });
  const decide = useMutation({ mutationFn: (x: { id: string; approve: boolean }) => recruitmentApi.decideAnnouncement(x.id, { approve: x.approve, note: null }), onSuccess: () => qc.invalidateQueries({ queryKey: recKey }) });
  const isCommittee = me.role === 'committee';
  return (
    <section className="card" aria-labelledby="ann-title">
      <h2 id="ann-title">{t('rec.com.announcements')}</h2>
      <Alert tone="info">{t('rec.com.twoPerson')}</Alert>
      {propose.isSuccess ? <Alert tone="success">{t('rec.com.proposed')}</Alert> : null}
      {propose.isError ? <ErrorAlert error={propose.error} /> : null}
      {decide.isSuccess ? <Alert tone="success">{t('rec.com.published', { count: decide.data.published })}</Alert> : null}
      {decide.isError ? <ErrorAlert error={decide.error} /> : null}
      {isCommittee ? (
        <div className="actions">
          <button type="button" className="btn btn--primary" disabled={propose.isPending} onClick={() => propose.mutate('administration')}>
            {t('rec.com.proposeAdmin')}
          </button>
          <button type="button" className="btn btn--secondary" disabled={propose.isPending} onClick={() => propose.mutate('reannouncement')}>
            {t('rec.com.proposeRe')}
          </button>
        </div>
      ) : null}
      {list.isError ? <ErrorAlert error={list.error} /> : null}
      {list.data && list.data.announcements.length === 0 ? <p>{t('rec.com.noAnnouncements')}</p> : null}
      <ul className="rec-cards">
        {list.data?.announcements.map((a) => (
          <li key={a.id}>
            <h3>
              {a.stage === 'administration' ? t('rec.com.stageAdministration') : t('rec.com.stageReannouncement')} <StatusBadge status={a.status} />
            </h3>
            <p className="small">{formatDateTime(a.proposedAt, lang)}</p>
            {a.summary ? (
              <p className="small">
                MS {a.summary.ms} · TMS {a.summary.tms}
              </p>
            ) : null}
            {a.status === 'proposed' && a.proposedBy === me.id ? <p className="small strong">{t('rec.com.yours')}</p> : null}
            {a.status === 'proposed' && a.proposedBy !== me.id && isCommittee ? (
              <div className="actions">
                <button type="button" className="btn btn--primary btn--small" disabled={decide.isPending} onClick={() => decide.mutate({ id: a.id, approve: true })}>
                  {t('rec.com.approveAnn')}
                </button>
                <button type="button" className="btn btn--secondary btn--small" disabled={decide.isPending} onClick={() => decide.mutate({ id: a.id, approve: false })}>
                  {t('rec.com.rejectAnn')}
                </button>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function AnswerForm({ o }: { o: Objection }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const respId = useId();
  const [accept, setAccept] = useState('');
  const [response, setResponse] = useState('');
  const answer = useMutation({ mutationFn: () => recruitmentApi.answerObjection(o.id, { accept: accept === 'accept', response: response.trim() }), onSuccess: () => qc.invalidateQueries({ queryKey: recKey }) });
  const respError = serverFieldError(answer.error, 'response');
  return (
    <form
      className="form"
      noValidate
      aria-label={t('rec.com.answer', { no: o.registrationNo })}
      onSubmit={(e) => {
        e.preventDefault();
        answer.mutate();
      }}
    >
      <RadioGroup
        legend={t('rec.com.decision')}
        options={[
          { value: 'accept', label: t('rec.com.accept') },
          { value: 'reject', label: t('rec.com.reject') },
        ]}
        input={{ name: `answer-${o.id}`, onChange: (e) => setAccept(e.target.value) }}
      />
      <div className={`field${respError ? ' field--invalid' : ''}`}>
        <label htmlFor={respId}>{t('rec.com.responseText')}</label>
        <textarea id={respId} rows={3} maxLength={2000} value={response} aria-invalid={respError ? true : undefined} onChange={(e) => setResponse(e.target.value)} />
      </div>
      {answer.isError ? <ErrorAlert error={answer.error} /> : null}
      <button type="submit" className="btn btn--primary btn--small" disabled={!accept || answer.isPending}>
        {t('rec.com.send')}
      </button>
    </form>
  );
}

function Objections({ period, me }: { period: Period; me: Me }) {
  const { t } = useTranslation();
  const lang = useLang();
  const list = useQuery({ queryKey: [...recKey, 'objections', period.id], queryFn: () => recruitmentApi.objections(period.id) });
  return (
    <section className="card" aria-labelledby="obj-title">
      <h2 id="obj-title">{t('rec.com.objections')}</h2>
      {list.isError ? <ErrorAlert error={list.error} /> : null}
      {list.data && list.data.objections.length === 0 ? <p>{t('rec.com.noObjections')}</p> : null}
      <ul className="rec-cards">
        {list.data?.objections.map((o) => (
          <li key={o.id}>
            <h3>
              <span className="mono">{o.registrationNo}</span> — {o.fullName} <StatusBadge status={o.status} /> {o.overdue ? <span className="badge badge--warn">{t('rec.com.overdue')}</span> : null}
            </h3>
            <dl className="facts facts--inline">
              <Fact label={t('rec.app.objectionReason')}>
                <span className="rec-pre">{o.reason}</span>
              </Fact>
              <Fact label={t('rec.app.deadline')}>{formatDateTime(o.deadlineAt, lang)}</Fact>
              {o.response ? <Fact label={t('rec.app.response')}>{o.response}</Fact> : null}
            </dl>
            <p className="small">
              <Link to={`/verifikasi/${o.applicationId}`}>{t('rec.ver.openFile', { no: o.registrationNo })}</Link>
              {o.hasEvidence ? (
                <>
                  {' · '}
                  <a href={`/api/v1/objections/${o.id}/evidence`} download>
                    {t('rec.com.evidence')}
                  </a>
                </>
              ) : null}
            </p>
            {o.status === 'filed' && me.role === 'committee' ? <AnswerForm o={o} /> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Exam({ period }: { period: Period }) {
  const { t } = useTranslation();
  const lang = useLang();
  const qc = useQueryClient();
  const sites = useQuery({ queryKey: [...recKey, 'sites', period.id], queryFn: () => recruitmentApi.sites(period.id) });
  const [site, setSite] = useState({ name: '', address: '', accessible: true });
  const [session, setSession] = useState({ siteId: '', startsAt: '', duration: '100', capacity: '40' });
  const refresh = () => qc.invalidateQueries({ queryKey: [...recKey, 'sites', period.id] });
  const addSite = useMutation({ mutationFn: () => recruitmentApi.createSite(period.id, { name: site.name.trim(), address: site.address.trim(), accessible: site.accessible }), onSuccess: () => { setSite({ name: '', address: '', accessible: true }); void refresh(); } });
  const addSession = useMutation({
    mutationFn: () => recruitmentApi.createSession(session.siteId || sites.data?.sites[0]?.id || '', { startsAt: witaIso(session.startsAt), durationMinutes: Number(session.duration), capacity: Number(session.capacity) }),
    onSuccess: () => void refresh(),
  });
  const assign = useMutation({ mutationFn: () => recruitmentApi.assign(period.id), onSuccess: () => void qc.invalidateQueries({ queryKey: recKey }) });
  return (
    <section className="card" aria-labelledby="exam-title">
      <h2 id="exam-title">{t('rec.com.exam')}</h2>
      {sites.isError ? <ErrorAlert error={sites.error} /> : null}
      {sites.data && sites.data.sites.length === 0 ? <p>{t('rec.com.noSites')}</p> : null}
      <ul className="rec-cards">
        {sites.data?.sites.map((s) => (
          <li key={s.id}>
            <h3>
              {s.name} {s.accessible ? <span className="badge badge--ok">{t('rec.com.accessible')}</span> : null}
            </h3>
            <p className="small">{s.address}</p>
            <ul>
              {s.sessions.map((x) => (
                <li key={x.id}>
                  {formatDateTime(x.startsAt, lang)} · {t('cat.bp.minutes', { n: x.durationMinutes })} · {t('rec.com.assignedOf', { assigned: x.assigned, capacity: x.capacity })}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      <hr className="rec-sep" />
      <form className="form" noValidate aria-labelledby="site-title" onSubmit={(e) => { e.preventDefault(); addSite.mutate(); }}>
        <h3 id="site-title">{t('rec.com.addSite')}</h3>
        {addSite.isSuccess ? <Alert tone="success">{t('rec.com.siteAdded')}</Alert> : null}
        {addSite.isError ? <ErrorAlert error={addSite.error} /> : null}
        <TextField label={t('rec.com.siteName')} value={site.name} error={serverFieldError(addSite.error, 'name')} onChange={(e) => setSite({ ...site, name: e.target.value })} />
        <TextField label={t('rec.com.address')} value={site.address} error={serverFieldError(addSite.error, 'address')} onChange={(e) => setSite({ ...site, address: e.target.value })} />
        <CheckboxField label={t('rec.com.accessible')} checked={site.accessible} onChange={(e) => setSite({ ...site, accessible: e.target.checked })} />
        <button type="submit" className="btn btn--secondary" disabled={addSite.isPending}>
          {t('rec.com.addSite')}
        </button>
      </form>
      {sites.data && sites.data.sites.length > 0 ? (
        <form className="form" noValidate aria-labelledby="session-title" onSubmit={(e) => { e.preventDefault(); addSession.mutate(); }}>
          <h3 id="session-title">{t('rec.com.addSession')}</h3>
          {addSession.isSuccess ? <Alert tone="success">{t('rec.com.sessionAdded')}</Alert> : null}
          {addSession.isError ? <ErrorAlert error={addSession.error} /> : null}
          <SelectField label={t('rec.com.site')} value={session.siteId} onChange={(e) => setSession({ ...session, siteId: e.target.value })}>
            {sites.data.sites.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </SelectField>
          <DateTimeField label={t('rec.com.startsAt')} value={session.startsAt} error={serverFieldError(addSession.error, 'startsAt')} onChange={(x) => setSession({ ...session, startsAt: x })} />
          <TextField label={t('rec.com.duration')} inputMode="numeric" value={session.duration} onChange={(e) => setSession({ ...session, duration: e.target.value })} />
          <TextField label={t('rec.com.capacity')} inputMode="numeric" value={session.capacity} onChange={(e) => setSession({ ...session, capacity: e.target.value })} />
          <button type="submit" className="btn btn--secondary" disabled={addSession.isPending}>
            {t('rec.com.addSession')}
          </button>
        </form>
      ) : null}
      <hr className="rec-sep" />
      <button type="button" className="btn btn--primary" disabled={assign.isPending} onClick={() => assign.mutate()}>
        {t('rec.com.assign')}
      </button>
      {assign.isSuccess ? <Alert tone="success">{t('rec.com.assignResult', { assigned: assign.data.assigned, unassigned: assign.data.unassigned.length })}</Alert> : null}
      {assign.isError ? <ErrorAlert error={assign.error} /> : null}
    </section>
  );
}

function PeriodView({ id, me }: { id: string; me: Me }) {
  const { t } = useTranslation();
  const periods = useStaffPeriods();
  if (periods.isPending) return <Loading label={t('app.loading')} />;
  if (periods.isError) return <ErrorAlert error={periods.error} />;
  const period = periods.data.periods.find((p) => p.id === id);
  if (!period) return <Alert tone="error">{t('notFound.text')}</Alert>;
  return (
    <>
      <PageTitle title={t('rec.com.periodTitle', { name: period.name })} lead={`${period.code} · ${period.type} · ${period.year}`}>
        {t('rec.com.periodTitle', { name: period.name })}
      </PageTitle>
      <p>
        <Link to="/panitia">{t('rec.com.title')}</Link>
      </p>
      <StageEditor period={period} />
      <Verifiers period={period} />
      <Formations period={period} />
      <Announcements period={period} me={me} />
      <Objections period={period} me={me} />
      <Exam period={period} />
    </>
  );
}

export function CommitteePeriodPage() {
  const { id = '' } = useParams();
  return <RequireAuth roles={['committee', 'admin']}>{(me) => <PeriodView id={id} me={me} />}</RequireAuth>;
}
