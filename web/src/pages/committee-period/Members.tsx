/**
 * A period's people of one kind (its verifiers, its committee): the list, and for who may change
 * it, a picker of the accounts not yet on it and a remove button per person. Focus stays in the
 * panel when a removed row leaves with its button.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AccountBody } from '../../../../common/contracts/recruitment.endpoints.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { useContractForm } from '../../app/useContractForm.ts';
import '../../features/recruitment/recruitment.css';
import type { VerifierAccount } from '../../features/recruitment/types.ts';
import { Alert } from '../../ui/Alert.tsx';
import { SelectField } from '../../ui/Field.tsx';
import { Loading } from '../../ui/Spinner.tsx';
import { serverFieldError } from './shared.ts';
import '../../features/recruitment/i18n.ts';

type Account = Pick<VerifierAccount, 'id' | 'fullName' | 'email'>;

export interface MembersLabels {
  title: string;
  lead: string;
  none: string;
  add: string;
  assign: string;
  assigned: (name: string) => string;
  remove: string;
  removeFor: (name: string) => string;
  removed: (name: string) => string;
  noneLeft: string;
}

export function Members(props: {
  anchor: string;
  queryKey: readonly unknown[];
  labels: MembersLabels;
  list: () => Promise<Account[]>;
  /** Absent: the viewer may only look. */
  edit?:
    | {
        candidates: () => Promise<Account[]>;
        candidatesKey: readonly unknown[];
        add: (id: string) => Promise<unknown>;
        remove: (id: string) => Promise<unknown>;
      }
    | undefined;
}) {
  const { t } = useTranslation();
  const { labels, edit } = props;
  const qc = useQueryClient();
  const assigned = useQuery({ queryKey: props.queryKey, queryFn: props.list });
  const all = useQuery({
    queryKey: edit?.candidatesKey ?? ['none'],
    queryFn: () => edit!.candidates(),
    enabled: edit !== undefined,
  });
  const form = useMemberForm();
  const [done, setDone] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const refresh = () => qc.invalidateQueries({ queryKey: props.queryKey });
  const add = useMutation({
    mutationFn: (a: Account) => edit!.add(a.id),
    onMutate: () => setDone(null),
    onError: (e) => form.showServerErrors(e),
    onSuccess: (_r, a) => {
      form.reset();
      setDone(labels.assigned(a.fullName));
      return refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (a: Account) => edit!.remove(a.id),
    onMutate: () => setDone(null),
    onSuccess: (_r, a) => {
      setDone(labels.removed(a.fullName));
      headingRef.current?.focus();
      return refresh();
    },
  });
  const titleId = `${props.anchor}-title`;
  const assignedIds = new Set(assigned.data?.map((a) => a.id) ?? []);
  const available = (all.data ?? []).filter((a) => !assignedIds.has(a.id));
  const choice = form.watch('accountId');
  const picked = available.find((a) => a.id === choice);
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId} ref={headingRef} tabIndex={-1}>
        {labels.title}
      </h2>
      <p className="small">{labels.lead}</p>
      {done ? <Alert tone="success">{done}</Alert> : null}
      {assigned.isError ? <ErrorAlert error={assigned.error} /> : null}
      {remove.isError ? <ErrorAlert error={remove.error} /> : null}
      {assigned.isPending ? <Loading label={t('app.loading')} /> : null}
      {assigned.data && assigned.data.length === 0 ? <p>{labels.none}</p> : null}
      {assigned.data && assigned.data.length > 0 ? (
        <MemberList
          titleId={titleId}
          members={assigned.data}
          labels={labels}
          removing={remove.isPending}
          {...(edit ? { onRemove: (a: Account) => remove.mutate(a) } : {})}
        />
      ) : null}
      {edit ? (
        <form
          className="form"
          noValidate
          aria-labelledby={`${props.anchor}-add-title`}
          onSubmit={form.handleSubmit(() => {
            if (picked) add.mutate(picked);
          })}
        >
          <h3 id={`${props.anchor}-add-title`}>{labels.add}</h3>
          {all.isError ? <ErrorAlert error={all.error} /> : null}
          {add.isError && !serverFieldError(add.error, 'accountId') ? <ErrorAlert error={add.error} /> : null}
          {all.data && assigned.data && available.length === 0 ? (
            <p>{labels.noneLeft}</p>
          ) : (
            <MemberPicker form={form} available={available} labels={labels} busy={!picked || add.isPending} />
          )}
        </form>
      ) : null}
    </section>
  );
}

const useMemberForm = () => useContractForm(AccountBody, { accountId: '' });

/** The accounts not yet on the list to pick from, and the button that adds the one picked. */
function MemberPicker({
  form,
  available,
  labels,
  busy,
}: {
  form: ReturnType<typeof useMemberForm>;
  available: Account[];
  labels: MembersLabels;
  busy: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <SelectField label={labels.title} error={form.fieldError('accountId')} {...form.register('accountId')}>
        <option value="">{t('rec.biodata.choose')}</option>
        {available.map((a) => (
          <option key={a.id} value={a.id}>
            {a.fullName} ({a.email})
          </option>
        ))}
      </SelectField>
      <button type="submit" className="btn btn--primary" disabled={busy}>
        {labels.assign}
      </button>
    </>
  );
}

/** The people on the list, each with a remove button when the viewer may change it. */
function MemberList({
  titleId,
  members,
  labels,
  removing,
  onRemove,
}: {
  titleId: string;
  members: Account[];
  labels: MembersLabels;
  removing: boolean;
  onRemove?: (a: Account) => void;
}) {
  return (
    <ul className="rec-cards" aria-labelledby={titleId}>
      {members.map((a) => (
        <li key={a.id} className="rec-row">
          <span>
            <span className="strong">{a.fullName}</span> <span className="muted small">{a.email}</span>
          </span>
          {onRemove ? (
            <button
              type="button"
              className="btn btn--secondary btn--small"
              disabled={removing}
              aria-label={labels.removeFor(a.fullName)}
              onClick={() => onRemove(a)}
            >
              {labels.remove}
            </button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
