/** /pengaduan/kelola — the coordinator's (all reports) or an OPD's (its reports) complaint list, late ones flagged. */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { z } from 'zod';
import { COMPLAINT_STATUS_VALUES, ComplaintListQuery } from '../../../../common/contracts/participation.ts';
import { formatCalendarDate, formatWitaDate } from '../../../../common/rules/wita.ts';
import { QueryState } from '../../app/QueryState.tsx';
import { useContractForm } from '../../app/useContractForm.ts';
import { RequireAuth } from '../../features/identity/components/RequireAuth.tsx';
import { participationApi } from '../../features/participation/api.ts';
import '../../features/participation/i18n.ts';
import '../../features/participation/participation.css';
import { SelectField } from '../../ui/Field.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';

/** The list query's filters as the selects hold them: '' is "all". */
const FilterForm = ComplaintListQuery.pick({ status: true, late: true }).extend({
  status: ComplaintListQuery.shape.status.unwrap().or(z.literal('')),
  late: ComplaintListQuery.shape.late.unwrap().or(z.literal('')),
});
type Filter = z.infer<typeof FilterForm>;

export const COMPLAINT_STAFF_ROLES = [
  'admin',
  'committee',
  'verifier',
  'exam_admin',
  'proctor',
  'training_admin',
  'supervisor',
  'employee',
] as const;

function List({ coordinator }: { coordinator: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  // The home's inbox links here with ?status=submitted / ?status=disposed: the same filter it counts.
  const [params] = useSearchParams();
  const initial = params.get('status') ?? '';
  const [filter, setFilter] = useState<Filter>({
    status: COMPLAINT_STATUS_VALUES.find((s) => s === initial) ?? '',
    late: '',
  });
  const form = useContractForm(FilterForm, filter);
  const list = useQuery({
    queryKey: ['prt', 'staff', filter],
    queryFn: () => participationApi.staffList(filter.status, filter.late),
  });
  return (
    <>
      <PageTitle
        title={t('prt.staff.title')}
        lead={coordinator ? t('prt.staff.leadCoordinator') : t('prt.staff.leadOpd')}
      >
        {t('prt.staff.title')}
      </PageTitle>
      <form
        className="form filters"
        noValidate
        aria-label={t('prt.staff.filter')}
        onSubmit={form.handleSubmit(setFilter)}
      >
        <SelectField label={t('prt.staff.status')} error={form.fieldError('status')} {...form.register('status')}>
          <option value="">{t('prt.staff.all')}</option>
          {COMPLAINT_STATUS_VALUES.map((s) => (
            <option key={s} value={s}>
              {t(`prt.status.${s}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('prt.staff.lateOnly')} error={form.fieldError('late')} {...form.register('late')}>
          <option value="">{t('prt.staff.all')}</option>
          <option value="true">{t('prt.staff.onlyLate')}</option>
          <option value="false">{t('prt.staff.onlyOnTime')}</option>
        </SelectField>
        <div className="actions">
          <button type="submit" className="btn btn--secondary">
            {t('prt.staff.apply')}
          </button>
        </div>
      </form>
      <QueryState query={list} isEmpty={(d) => d.complaints.length === 0} empty={t('prt.staff.empty')}>
        {(d) => (
          <div className="table-wrap" tabIndex={0} role="region" aria-label={t('prt.staff.table')}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('prt.staff.tracking')}</th>
                  <th scope="col">{t('prt.staff.titleCol')}</th>
                  <th scope="col">{t('prt.file.category')}</th>
                  <th scope="col">{t('prt.staff.status')}</th>
                  <th scope="col">{t('prt.track.opd')}</th>
                  <th scope="col">{t('prt.staff.filed')}</th>
                  <th scope="col">{t('prt.staff.due')}</th>
                </tr>
              </thead>
              <tbody>
                {d.complaints.map((c) => (
                  <tr key={c.id}>
                    <td className="mono">
                      <Link to={`/pengaduan/kelola/${c.id}`}>{c.trackingId}</Link>
                    </td>
                    <td>{c.title}</td>
                    <td>{t(`prt.categories.${c.category}`)}</td>
                    <td>{t(`prt.status.${c.status}`)}</td>
                    <td>{c.organization?.name ?? '—'}</td>
                    <td>{formatWitaDate(c.filedAt, lang)}</td>
                    <td>
                      {c.clock.dueOn ? formatCalendarDate(c.clock.dueOn, lang) : '—'}
                      {c.clock.provisionalYear !== null ? (
                        <> ({t('prt.track.provisional', { year: c.clock.provisionalYear })})</>
                      ) : null}
                      {c.clock.late ? (
                        <span className="prt-late"> · {t('prt.track.late', { count: c.clock.lateDays })}</span>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryState>
    </>
  );
}

export function ComplaintsStaffPage() {
  return (
    <RequireAuth roles={COMPLAINT_STAFF_ROLES}>
      {(me) => <List coordinator={me.role === 'admin' || me.role === 'committee'} />}
    </RequireAuth>
  );
}
