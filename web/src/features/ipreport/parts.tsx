/** Pieces both IP ASN pages use: number formatting, the band label, the instrument's provisional cells. */
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../ui/DataTable.tsx';
import type { Band, IpReport } from './api.ts';
import './i18n.ts';

/** Two decimals in the reader's language (78,25 / 78.25). */
export function useNumber() {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-GB' : 'id-ID';
  return (x: number | null | undefined, digits = 2) =>
    x === null || x === undefined
      ? '—'
      : x.toLocaleString(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function BandText({ band }: { band: Band | null }) {
  const { t } = useTranslation();
  return <>{band ? t(`ipr.band.${band}`) : t('ipr.common.none')}</>;
}

/** The instrument version and every cell no source settles, with its value and note. */
export function InstrumentNote({ instrument }: { instrument: NonNullable<IpReport['instrument']> }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="ipr-instrument">
      <h2 id="ipr-instrument">{t('ipr.instrument.title', { version: instrument.version })}</h2>
      <p className="small">{t('ipr.instrument.lead', { count: instrument.provisionalCells.length })}</p>
      <details>
        <summary>{t('ipr.instrument.table')}</summary>
        <DataTable
          label={t('ipr.instrument.table')}
          caption={t('ipr.instrument.table')}
          captionHidden
          rows={instrument.provisionalCells}
          rowKey={(c) => c.cell}
          columns={[
            { key: 'c', header: t('ipr.instrument.cell'), cell: (c) => <span className="mono">{c.cell}</span> },
            { key: 'p', header: t('ipr.instrument.points'), className: 'num', cell: (c) => c.points },
            { key: 'n', header: t('ipr.instrument.note'), cell: (c) => c.note },
          ]}
        />
      </details>
    </section>
  );
}
