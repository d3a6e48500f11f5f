/** /survei — the service units surveyed (SKM), this period's respondents against the sample needed; BKPSDM's admin adds units and prints the QR posters. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PERIOD_KINDS } from '../../../../common/contracts/participation.ts';
import { ApiError } from '../../app/api.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { QueryState } from '../../app/QueryState.tsx';
import { useMe, useOrganizations } from '../../features/identity/hooks.ts';
import { participationApi, type UnitInput } from '../../features/participation/api.ts';
import { ParticipationLinks } from '../../features/participation/components/ParticipationLinks.tsx';
import '../../features/participation/i18n.ts';
import '../../features/participation/participation.css';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';

function NewUnit() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const orgs = useOrganizations();
  const empty: UnitInput = { id: '', name: '', organizationId: 'bkpsdm', desk: '', periodKind: 'triwulan', unsur: null, population: 0 };
  const [v, setV] = useState<UnitInput>(empty);
  const create = useMutation({ mutationFn: () => participationApi.createUnit(v), onSuccess: () => (setV(empty), void qc.invalidateQueries({ queryKey: ['prt', 'units'] })) });
  const err = create.error instanceof ApiError ? create.error : null;
  return (
    <form className="form card" aria-labelledby="new-unit" onSubmit={(e) => (e.preventDefault(), create.mutate())}>
      <h2 id="new-unit">{t('prt.survey.adminTitle')}</h2>
      <div className="prt-form-grid">
        <TextField label={t('prt.survey.unitId')} value={v.id} maxLength={40} onChange={(e) => setV({ ...v, id: e.target.value })} error={err?.fieldMessage('id')} />
        <TextField label={t('prt.survey.unitName')} value={v.name} maxLength={160} onChange={(e) => setV({ ...v, name: e.target.value })} error={err?.fieldMessage('name')} />
        <SelectField label={t('prt.survey.unitOpd')} value={v.organizationId} onChange={(e) => setV({ ...v, organizationId: e.target.value })}>
          {(orgs.data?.organizations ?? []).map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </SelectField>
        <TextField label={t('prt.survey.desk')} value={v.desk ?? ''} maxLength={120} onChange={(e) => setV({ ...v, desk: e.target.value })} />
        <SelectField label={t('prt.survey.periodKind')} value={v.periodKind} onChange={(e) => setV({ ...v, periodKind: e.target.value as UnitInput['periodKind'] })}>
          {PERIOD_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`prt.survey.periodKinds.${k}`)}
            </option>
          ))}
        </SelectField>
        <TextField label={t('prt.survey.population')} type="number" inputMode="numeric" min={0} value={v.population ?? 0} onChange={(e) => setV({ ...v, population: Number(e.target.value) })} error={err?.fieldMessage('population')} />
      </div>
      <div className="actions">
        <button type="submit" className="btn btn--primary" disabled={create.isPending}>
          {t('prt.survey.create')}
        </button>
      </div>
      {create.isError && !err?.fields.length ? <ErrorAlert error={create.error} /> : null}
    </form>
  );
}

export function SurveysPage() {
  const { t } = useTranslation();
  const me = useMe();
  const units = useQuery({ queryKey: ['prt', 'units'], queryFn: participationApi.units });
  return (
    <>
      <PageTitle title={t('prt.survey.listTitle')} lead={t('prt.survey.listLead')}>
        {t('prt.survey.listTitle')}
      </PageTitle>
      <ParticipationLinks />
      <QueryState query={units} isEmpty={(d) => d.units.length === 0} empty={t('prt.survey.noData')}>
        {(d) => (
          <ul className="rec-cards">
            {d.units.map((u) => (
              <li key={u.id}>
                <article className="card" aria-labelledby={`unit-${u.id}`}>
                  <h2 id={`unit-${u.id}`}>{u.name}</h2>
                  <p className="small">
                    {u.organization.name}
                    {u.desk ? ` · ${u.desk}` : ''}
                  </p>
                  <p className="small">{t('prt.survey.responses', { count: u.responses ?? 0, period: u.currentPeriod, need: u.sampleNeeded })}</p>
                  <p>
                    <Link to={`/survei/${u.id}`}>{t('prt.survey.fill')}</Link> · <Link to={`/survei/${u.id}/hasil`}>{t('prt.survey.results')}</Link>
                    {me.data?.role === 'admin' ? (
                      <>
                        {' '}
                        · <a href={participationApi.posterUrl(u.id)}>{t('prt.survey.poster')}</a>
                      </>
                    ) : null}
                  </p>
                </article>
              </li>
            ))}
          </ul>
        )}
      </QueryState>
      {me.data?.role === 'admin' ? <NewUnit /> : null}
    </>
  );
}
