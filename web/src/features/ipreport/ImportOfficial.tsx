/** BKPSDM imports BKN's official figures: check the sheet first, then save every row or none. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Msg } from '../../../../common/contracts/messages.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { DataTable } from '../../ui/DataTable.tsx';
import { TextField } from '../../ui/Field.tsx';
import { ipReportApi } from './api.ts';
import './i18n.ts';

export function ImportOfficial() {
  const { t, i18n } = useTranslation();
  const text = (m: Msg) => (i18n.language === 'en' ? m.en : m.id);
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const run = useMutation({
    mutationFn: (commit: boolean) => ipReportApi.importOfficial(file!, commit),
    onSuccess: (r) => {
      if (r.committed) void qc.invalidateQueries({ queryKey: ['ipr'] });
    },
  });
  const r = run.data;
  return (
    <section className="card" aria-labelledby="ipr-import">
      <h2 id="ipr-import">{t('ipr.import.title')}</h2>
      <p className="small">{t('ipr.import.lead')}</p>
      <p>
        <a href={ipReportApi.templateUrl()} download>
          {t('ipr.import.template')}
        </a>
      </p>
      <form
        className="form"
        aria-labelledby="ipr-import"
        onSubmit={(e) => {
          e.preventDefault();
          if (file) run.mutate(false);
        }}
      >
        <TextField
          label={t('ipr.import.file')}
          type="file"
          accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            run.reset();
          }}
        />
        <div className="actions">
          <button type="submit" className="btn btn--secondary" disabled={!file || run.isPending}>
            {t('ipr.import.check')}
          </button>
          {r && r.ok && !r.committed ? (
            <button
              type="button"
              className="btn btn--primary"
              disabled={run.isPending}
              onClick={() => run.mutate(true)}
            >
              {t('ipr.import.run', { count: r.counts.valid })}
            </button>
          ) : null}
        </div>
      </form>
      {run.isError ? <ErrorAlert error={run.error} /> : null}
      {r ? (
        <>
          <div role="status">
            <Alert tone={r.committed ? 'success' : r.ok ? 'info' : 'error'}>
              {r.committed
                ? t('ipr.import.done', r.counts)
                : r.ok
                  ? t('ipr.import.ok', r.counts)
                  : t('ipr.import.bad', r.counts)}
            </Alert>
          </div>
          {r.report.some((x) => x.status === 'error') ? (
            <DataTable
              label={t('ipr.import.table')}
              caption={t('ipr.import.table')}
              rows={r.report.filter((x) => x.status === 'error')}
              rowKey={(x) => String(x.line)}
              columns={[
                { key: 'l', header: t('ipr.import.line'), className: 'num', cell: (x) => x.line },
                { key: 'p', header: t('ipr.import.problems'), cell: (x) => x.problems.map((p) => text(p)).join(' ') },
              ]}
            />
          ) : null}
        </>
      ) : null}
    </section>
  );
}
