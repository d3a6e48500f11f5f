/**
 * Issue 15 safeguards on the proctor console: the committee assigns the session's proctors (only
 * they may run it), and a proctor clears a participant's sign-in lockout (after repeated wrong
 * passwords with the right token) or lifts the slowdown of their hall's address. All are audited
 * on the server.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApplicationBody, ProctorAssignBody } from '../../../../../common/contracts/exam.endpoints.ts';
import { formatWitaDateTime } from '../../../../../common/rules/wita.ts';
import { ErrorAlert } from '../../../app/ErrorAlert.tsx';
import { QueryState } from '../../../app/QueryState.tsx';
import { useContractForm } from '../../../app/useContractForm.ts';
import { useFirstOption } from '../../../app/useFirstOption.ts';
import { type Column, DataTable } from '../../../ui/DataTable.tsx';
import '../../identity/i18n.ts';
import { Alert } from '../../../ui/Alert.tsx';
import { SelectField } from '../../../ui/Field.tsx';
import { examApi, type ProctorParticipant, type SessionProctors } from '../api.ts';

/** Committee only: who proctors this session. */
export function ProctorAssignments({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const key = ['cat', 'session-proctors', sessionId];
  const list = useQuery({ queryKey: key, queryFn: () => examApi.proctors(sessionId) });
  const done = (data: SessionProctors) => qc.setQueryData(key, data);
  const assign = useMutation({
    mutationFn: (accountId: string) => examApi.assignProctor(sessionId, accountId),
    onSuccess: done,
  });
  const remove = useMutation({
    mutationFn: (accountId: string) => examApi.unassignProctor(sessionId, accountId),
    onSuccess: done,
  });
  const assigned = new Set(list.data?.proctors.map((p) => p.accountId));
  const choices = list.data?.available.filter((a) => !assigned.has(a.accountId)) ?? [];
  return (
    <section className="card" aria-labelledby="proctors-title">
      <h2 id="proctors-title">{t('idsec.proctors.title')}</h2>
      <p className="muted small">{t('idsec.proctors.lead')}</p>
      {list.isError ? <ErrorAlert error={list.error} /> : null}
      {list.data && list.data.proctors.length === 0 ? <p>{t('idsec.proctors.none')}</p> : null}
      <ul>
        {list.data?.proctors.map((p) => (
          <li key={p.accountId}>
            {p.fullName}{' '}
            <button
              type="button"
              className="btn btn--secondary btn--small"
              onClick={() => remove.mutate(p.accountId)}
              disabled={remove.isPending}
            >
              {t('idsec.proctors.remove', { name: p.fullName })}
            </button>
          </li>
        ))}
      </ul>
      {choices.length > 0 ? (
        <AssignForm choices={choices} pending={assign.isPending} onAssign={(accountId) => assign.mutate(accountId)} />
      ) : null}
      {assign.isError ? <ErrorAlert error={assign.error} /> : null}
      {remove.isError ? <ErrorAlert error={remove.error} /> : null}
    </section>
  );
}

/**
 * The choice of a proctor to assign, checked as the contract's body. What was assigned leaves the
 * list; the choice then moves to the first one left.
 */
function AssignForm({
  choices,
  pending,
  onAssign,
}: {
  choices: { accountId: string; fullName: string }[];
  pending: boolean;
  onAssign: (accountId: string) => void;
}) {
  const { t } = useTranslation();
  const form = useContractForm(ProctorAssignBody, { accountId: choices[0]?.accountId ?? '' });
  useFirstOption(
    form,
    'accountId',
    choices.map((c) => c.accountId),
  );
  return (
    <form className="form" noValidate onSubmit={form.handleSubmit((b) => onAssign(b.accountId))}>
      <SelectField
        label={t('idsec.proctors.pick')}
        error={form.fieldError('accountId')}
        {...form.register('accountId')}
      >
        {choices.map((c) => (
          <option key={c.accountId} value={c.accountId}>
            {c.fullName}
          </option>
        ))}
      </SelectField>
      <button type="submit" className="btn btn--primary" disabled={pending}>
        {t('idsec.proctors.assign')}
      </button>
    </form>
  );
}

/** A participant locked out after wrong passwords (with the right token) can be let in again. */
export function ClearLockout({ sessionId, participants }: { sessionId: string; participants: ProctorParticipant[] }) {
  const { t } = useTranslation();
  const ids = participants.map((p) => p.applicationId);
  const form = useContractForm(ApplicationBody, { applicationId: ids[0] ?? '' });
  useFirstOption(form, 'applicationId', ids);
  const clear = useMutation({ mutationFn: (applicationId: string) => examApi.clearLockout(sessionId, applicationId) });
  return (
    <form
      className="card form"
      noValidate
      aria-labelledby="lockout-title"
      onSubmit={form.handleSubmit((b) => clear.mutate(b.applicationId))}
    >
      <h2 id="lockout-title">{t('idsec.lockout.title')}</h2>
      <p className="muted small">{t('idsec.lockout.lead')}</p>
      <SelectField
        label={t('idsec.lockout.who')}
        disabled={participants.length === 0}
        error={form.fieldError('applicationId')}
        {...form.register('applicationId')}
      >
        {participants.map((p) => (
          <option key={p.applicationId} value={p.applicationId}>
            {p.participantNo} — {p.fullName}
          </option>
        ))}
      </SelectField>
      {clear.isError ? <ErrorAlert error={clear.error} /> : null}
      {clear.isSuccess ? <Alert tone="success">{t('idsec.lockout.done', { count: clear.data.cleared })}</Alert> : null}
      <button type="submit" className="btn btn--secondary" disabled={clear.isPending || participants.length === 0}>
        {t('idsec.lockout.submit')}
      </button>
    </form>
  );
}

type HallAddress = Awaited<ReturnType<typeof examApi.hallAddresses>>['addresses'][number];

/**
 * Issue 24 §1: the addresses that signed in to this session, with their failures; a slowed one
 * (a hall behind one NAT after many typos) the proctor lifts here (audited on the server).
 */
export function HallAddresses({ sessionId }: { sessionId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const qc = useQueryClient();
  const key = ['cat', 'hall-addresses', sessionId];
  // Refreshed now and then: sign-ins arrive while the console is open.
  const list = useQuery({ queryKey: key, queryFn: () => examApi.hallAddresses(sessionId), refetchInterval: 15_000 });
  const lift = useMutation({
    mutationFn: (address: string) => examApi.liftHallAddress(sessionId, address),
    onSuccess: () => void qc.invalidateQueries({ queryKey: key }),
  });
  const columns: Column<HallAddress>[] = [
    { key: 'address', header: t('idsec.address.colAddress'), cell: (r) => <code>{r.address}</code>, rowHeader: true },
    { key: 'failures', header: t('idsec.address.colFailures'), cell: (r) => r.failures, className: 'num' },
    { key: 'tokens', header: t('idsec.address.colTokens'), cell: (r) => r.scoped, className: 'num' },
    {
      key: 'state',
      header: t('idsec.address.colState'),
      cell: (r) => (
        <span className={r.slowed ? 'badge badge--warn' : 'badge badge--muted'}>
          {t(r.slowed ? 'idsec.address.slowed' : 'idsec.address.normal')}
        </span>
      ),
    },
    {
      key: 'last',
      header: t('idsec.address.colLast'),
      cell: (r) => formatWitaDateTime(r.lastAt, lang),
      className: 'nowrap',
    },
    {
      key: 'lift',
      header: <span className="sr-only">{t('idsec.address.submit')}</span>,
      cell: (r) =>
        r.failures + r.scoped > 0 ? (
          <button
            type="button"
            className="btn btn--secondary btn--small"
            onClick={() => lift.mutate(r.address)}
            disabled={lift.isPending}
          >
            {t('idsec.address.lift', { address: r.address })}
          </button>
        ) : null,
    },
  ];
  return (
    <section className="card" aria-labelledby="hall-addresses-title">
      <h2 id="hall-addresses-title">{t('idsec.address.title')}</h2>
      <p className="muted small">{t('idsec.address.lead')}</p>
      <QueryState query={list} isEmpty={(d) => d.addresses.length === 0} empty={t('idsec.address.none')}>
        {(d) => (
          <DataTable
            label={t('idsec.address.tableLabel')}
            columns={columns}
            rows={d.addresses}
            rowKey={(r) => r.address}
          />
        )}
      </QueryState>
      {lift.isError ? <ErrorAlert error={lift.error} /> : null}
      {lift.isSuccess ? (
        <Alert tone="success">
          {t('idsec.address.done', { address: lift.data.address, count: lift.data.cleared })}
        </Alert>
      ) : null}
    </section>
  );
}
