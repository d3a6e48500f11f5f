import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../../features/exam/i18n.ts';
import { z } from 'zod';
import { FormationBody, NEED_TYPES } from '../../../../common/contracts/recruitment.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { blankAsNull, useContractForm } from '../../app/useContractForm.ts';
import { useOrganizations } from '../../features/identity/hooks.ts';
import { recruitmentApi } from '../../features/recruitment/api.ts';
import { UploadProgress } from '../../features/recruitment/components/bits.tsx';
import { Pager } from '../../ui/Pager.tsx';
import { recKey, useCatalog, useMsg } from '../../features/recruitment/hooks.ts';
import '../../features/recruitment/recruitment.css';
import type { Formation, ImportReport, Period } from '../../features/recruitment/types.ts';
import { Alert } from '../../ui/Alert.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { TableWrap } from '../../ui/TableWrap.tsx';
import '../../features/recruitment/i18n.ts';

/** A period's formations: the paged list, export links, one formation by form, and a sheet import. */
export function Formations({ period }: { period: Period }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const list = useCatalog({ periodId: period.id, page, pageSize: 10 }, true);
  return (
    <section className="card" aria-labelledby="formations-title">
      <h2 id="formations-title">
        {t('rec.com.formations')}
        {list.data ? (
          <span className="muted small"> · {t('rec.catalog.total', { count: list.data.total })}</span>
        ) : null}
      </h2>
      {list.isError ? <ErrorAlert error={list.error} /> : null}
      {list.data && list.data.formations.length > 0 ? <FormationTable formations={list.data.formations} /> : null}
      {list.data ? <Pager page={page} total={list.data.total} pageSize={10} onPage={setPage} /> : null}
      <p className="actions">
        <span>{t('rec.com.export')}:</span>
        <a href={recruitmentApi.exportFormationsUrl(period.id, 'xlsx')} download>
          {t('rec.com.exportXlsx')}
        </a>
        <a href={recruitmentApi.exportFormationsUrl(period.id, 'csv')} download>
          {t('rec.com.exportCsv')}
        </a>
      </p>
      <hr className="rec-sep" />
      <AddFormationForm period={period} />
      <hr className="rec-sep" />
      <ImportFormationsForm period={period} />
    </section>
  );
}

function FormationTable({ formations }: { formations: Formation[] }) {
  const { t } = useTranslation();
  return (
    <TableWrap label={t('rec.catalog.tableLabel')}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('rec.com.formationCode')}</th>
            <th scope="col">{t('rec.catalog.jabatan')}</th>
            <th scope="col">{t('rec.catalog.organization')}</th>
            <th scope="col">{t('rec.catalog.educationLevel')}</th>
            <th scope="col">{t('rec.catalog.needType')}</th>
            <th scope="col" className="num">
              {t('rec.catalog.quota')}
            </th>
            <th scope="col" className="num">
              {t('rec.catalog.applicants')}
            </th>
          </tr>
        </thead>
        <tbody>
          {formations.map((f) => (
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
    </TableWrap>
  );
}

/** The contract's formation body as typed: levels comma-separated, majors semicolon-separated, blank placement = none. */
const FormationFields = FormationBody.extend({
  code: z.string().trim().pipe(FormationBody.shape.code),
  educationLevels: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim().toUpperCase())
        .filter(Boolean),
    )
    .pipe(FormationBody.shape.educationLevels),
  majors: z
    .string()
    .transform((v) =>
      v
        .split(';')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(FormationBody.shape.majors),
  placement: blankAsNull(FormationBody.shape.placement),
});

const EMPTY = {
  code: '',
  organizationId: '',
  jabatan: '',
  educationLevels: 'S1',
  majors: '',
  needType: 'umum',
  quota: 1,
  placement: '',
} as const;

function AddFormationForm({ period }: { period: Period }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const orgs = useOrganizations();
  const form = useContractForm(FormationFields, EMPTY);
  const add = useMutation({
    mutationFn: (body: z.infer<typeof FormationFields>) => recruitmentApi.createFormation(period.id, body),
    onSuccess: () => {
      form.reset();
      void qc.invalidateQueries({ queryKey: recKey });
    },
    onError: (e) => form.showServerErrors(e),
  });
  return (
    <form
      className="form"
      noValidate
      aria-labelledby="add-formation-title"
      onSubmit={form.handleSubmit((body) => add.mutate(body))}
    >
      <h3 id="add-formation-title">{t('rec.com.addFormation')}</h3>
      {add.isSuccess ? <Alert tone="success">{t('rec.com.added')}</Alert> : null}
      {add.isError ? <ErrorAlert error={add.error} /> : null}
      <TextField label={t('rec.com.formationCode')} error={form.fieldError('code')} {...form.register('code')} />
      <SelectField
        label={t('rec.com.organizationId')}
        error={form.fieldError('organizationId')}
        {...form.register('organizationId')}
      >
        <option value="">{t('rec.biodata.choose')}</option>
        {orgs.data?.organizations.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </SelectField>
      <TextField label={t('rec.catalog.jabatan')} error={form.fieldError('jabatan')} {...form.register('jabatan')} />
      <TextField
        label={t('rec.com.educationLevels')}
        error={form.fieldError('educationLevels')}
        {...form.register('educationLevels')}
      />
      <TextField label={t('rec.com.majorsList')} error={form.fieldError('majors')} {...form.register('majors')} />
      <SelectField label={t('rec.catalog.needType')} {...form.register('needType')}>
        {NEED_TYPES.map((n) => (
          <option key={n} value={n}>
            {t(`rec.need.${n}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('rec.com.quota')}
        inputMode="numeric"
        error={form.fieldError('quota')}
        {...form.register('quota', { valueAsNumber: true })}
      />
      <TextField label={t('rec.com.placement')} error={form.fieldError('placement')} {...form.register('placement')} />
      <button type="submit" className="btn btn--primary" disabled={add.isPending}>
        {t('rec.com.addFormation')}
      </button>
    </form>
  );
}

function ImportFormationsForm({ period }: { period: Period }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [percent, setPercent] = useState<number | null>(null);
  const imp = useMutation<ImportReport, unknown, File>({
    mutationFn: (f) => recruitmentApi.importFormations(period.id, f, setPercent),
    onSettled: () => setPercent(null),
    onSuccess: () => qc.invalidateQueries({ queryKey: recKey }),
  });
  return (
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
        <input
          id={fileId}
          type="file"
          accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </div>
      {percent !== null ? <UploadProgress percent={percent} label={t('rec.com.importing', { percent })} /> : null}
      <button type="submit" className="btn btn--secondary" disabled={!file || imp.isPending}>
        {t('rec.com.importBtn')}
      </button>
      {imp.isError ? <ErrorAlert error={imp.error} /> : null}
      {imp.data ? <ImportResult report={imp.data} /> : null}
    </form>
  );
}

function ImportResult({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const pick = useMsg();
  return (
    <>
      {report.imported > 0 ? (
        <Alert tone="success">{t('rec.com.imported', { count: report.imported })}</Alert>
      ) : (
        <Alert tone="error">{t('rec.com.importFailed')}</Alert>
      )}
      <TableWrap label={t('rec.com.import')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('rec.com.line')}</th>
              <th scope="col">{t('rec.com.formationCode')}</th>
              <th scope="col">{t('rec.com.problems')}</th>
            </tr>
          </thead>
          <tbody>
            {report.report.map((r, i) => (
              <tr key={i}>
                <td className="num">{r.line}</td>
                <td className="mono">{r.code ?? '—'}</td>
                <td>
                  {r.status === 'ok' ? (
                    <span className="badge badge--ok">{t('rec.com.ok')}</span>
                  ) : (
                    <ul>
                      {r.problems.map((p, j) => (
                        <li key={j}>{pick(p)}</li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}
