/**
 * One person's IP ASN: each year's four dimensions with points, maximum and the reasons in words,
 * the total and band, "data belum lengkap" and "sementara" marks, the history as an accessible
 * SVG chart with the same numbers in a table, and what would raise it linked to real action.
 */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatCalendarDate, formatWitaDateTime } from '../../../../common/rules/wita.ts';
import { TableWrap } from '../../ui/TableWrap.tsx';
import type { IpPerson, IpPersonYear, IpRaise } from './api.ts';
import './i18n.ts';
import './ipasn.css';

const DIMS = ['kualifikasi', 'kompetensi', 'kinerja', 'disiplin'] as const;
type Msg = { id: string; en: string };

function useText() {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  return { lang, text: (m: Msg) => m[lang] } as const;
}
const num = (n: number, lang: 'id' | 'en') => n.toLocaleString(lang === 'en' ? 'en-GB' : 'id-ID');

function ProvisionalMark() {
  const { t } = useTranslation();
  return <span className="badge badge--warn ipasn-mark">{t('ipasn.person.provisional')}</span>;
}

function YearCard({ y }: { y: IpPersonYear }) {
  const { t } = useTranslation();
  const { lang, text } = useText();
  const r = y.result;
  const headingId = `ipasn-year-${y.year}`;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('ipasn.person.year', { year: y.year })}</h2>
      <p className="small muted">
        {y.live
          ? t('ipasn.person.live', { date: formatCalendarDate(r.asOf, lang) })
          : t('ipasn.person.stored', {
              date: formatCalendarDate(r.asOf, lang),
              at: y.computedAt ? formatWitaDateTime(y.computedAt, lang) : '—',
            })}{' '}
        {t('ipasn.person.version', { version: y.version })}
      </p>
      <p className="ipasn-total">
        <strong>{t('ipasn.person.totalLine', { total: num(r.total, lang), band: t(`ipasn.band.${r.band}`) })}</strong>{' '}
        {r.complete ? null : <span className="badge badge--warn">{t('ipasn.person.incomplete')}</span>}{' '}
        {r.provisional ? <ProvisionalMark /> : null}
      </p>
      {r.complete ? null : <p className="small">{t('ipasn.person.incompleteIndex')}</p>}
      <TableWrap label={t('ipasn.person.dimCaption', { year: y.year })}>
        <table>
          <caption>{t('ipasn.person.dimCaption', { year: y.year })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ipasn.person.colDimension')}</th>
              <th scope="col">{t('ipasn.person.colPoints')}</th>
              <th scope="col">{t('ipasn.person.colReasons')}</th>
            </tr>
          </thead>
          <tbody>
            {DIMS.map((d) => {
              const dim = r.dimensions[d];
              return (
                <tr key={d}>
                  <th scope="row">{t(`ipasn.dims.${d}`)}</th>
                  <td>
                    {t('ipasn.person.pointsOf', { points: num(dim.points, lang), max: num(dim.max, lang) })}
                    {dim.complete ? null : (
                      <>
                        {' '}
                        <span className="badge badge--warn">{t('ipasn.person.incomplete')}</span>
                      </>
                    )}
                  </td>
                  <td>
                    <ul className="ipasn-lines">
                      {dim.lines.map((l, i) => (
                        <li key={i}>
                          {text(l.text)} {l.verified ? null : <ProvisionalMark />}
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableWrap>
      {r.provisional ? <p className="small muted">{t('ipasn.person.provisionalHint')}</p> : null}
      {y.otherVersions.length > 0 ? (
        <p className="small">
          {t('ipasn.person.otherVersions')}{' '}
          {y.otherVersions
            .map((o) =>
              t('ipasn.person.otherVersion', {
                version: o.version,
                total: num(o.total, lang),
                band: t(`ipasn.band.${o.band}`),
              }),
            )
            .join('; ')}
        </p>
      ) : null}
    </section>
  );
}

/** Totals per year as vertical bars on a 0–100 scale, with band thresholds; described by its caption. */
export function HistoryChart({ years }: { years: IpPersonYear[] }) {
  const { t } = useTranslation();
  const { lang } = useText();
  const [w, h, left, bottom] = [560, 220, 36, 24];
  const slot = (w - left) / Math.max(years.length, 1);
  const y = (v: number) => (h - bottom) * (1 - v / 100);
  return (
    <figure className="prt-chart">
      <svg viewBox={`0 0 ${w} ${h}`} role="img" aria-label={t('ipasn.person.chartCaption')} className="prt-chart-svg">
        {[0, 61, 71, 81, 91, 100].map((v) => (
          <g key={v}>
            <line x1={left} x2={w} y1={y(v)} y2={y(v)} className="ipasn-grid" />
            <text x={left - 4} y={y(v) + 4} textAnchor="end" className="prt-chart-label">
              {v}
            </text>
          </g>
        ))}
        {years.map((yr, i) => {
          const x = left + i * slot + slot * 0.25;
          const total = yr.result.total;
          return (
            <g key={yr.year}>
              <rect
                x={x}
                y={y(total)}
                width={slot * 0.5}
                height={Math.max(1, y(0) - y(total))}
                className="prt-chart-bar--plain"
              >
                <title>{`${yr.year}: ${num(total, lang)} (${t(`ipasn.band.${yr.result.band}`)})`}</title>
              </rect>
              <text x={x + slot * 0.25} y={y(total) - 4} textAnchor="middle" className="prt-chart-label">
                {num(total, lang)}
              </text>
              <text x={x + slot * 0.25} y={h - 6} textAnchor="middle" className="prt-chart-label">
                {yr.year}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="small muted">{t('ipasn.person.chartCaption')}</figcaption>
    </figure>
  );
}

function History({ years }: { years: IpPersonYear[] }) {
  const { t } = useTranslation();
  const { lang } = useText();
  return (
    <section className="card" aria-labelledby="ipasn-history">
      <h2 id="ipasn-history">{t('ipasn.person.history')}</h2>
      <HistoryChart years={years} />
      <TableWrap label={t('ipasn.person.historyCaption')}>
        <table>
          <caption>{t('ipasn.person.historyCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ipasn.person.colYear')}</th>
              {DIMS.map((d) => (
                <th scope="col" key={d}>
                  {t(`ipasn.dims.${d}`)}
                </th>
              ))}
              <th scope="col">{t('ipasn.person.total')}</th>
              <th scope="col">{t('ipasn.person.colBand')}</th>
              <th scope="col">{t('ipasn.person.colComplete')}</th>
            </tr>
          </thead>
          <tbody>
            {years.map((yr) => (
              <tr key={yr.year}>
                <th scope="row">{yr.year}</th>
                {DIMS.map((d) => (
                  <td key={d}>{num(yr.result.dimensions[d].points, lang)}</td>
                ))}
                <td>{num(yr.result.total, lang)}</td>
                <td>{t(`ipasn.band.${yr.result.band}`)}</td>
                <td>{yr.result.complete ? t('ipasn.person.complete') : t('ipasn.person.incomplete')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}

function RaiseItem({ r }: { r: IpRaise }) {
  const { t } = useTranslation();
  const { lang, text } = useText();
  const isBatch = r.action === 'teknis' || r.action === 'seminar' || r.action === 'kepemimpinan';
  return (
    <li className="ipasn-raise">
      <strong>
        {r.gain > 0 ? t('ipasn.person.gain', { gain: num(r.gain, lang) }) : t('ipasn.person.gainUnknown')}
      </strong>{' '}
      {text(r.text)}
      {r.links.length > 0 ? (
        <>
          {' '}
          {isBatch ? t('ipasn.person.openBatches') : t('ipasn.person.actions')}
          <ul>
            {r.links.map((l, i) => (
              <li key={i}>
                <Link to={l.to}>{text(l.label)}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : isBatch ? (
        <> {t('ipasn.person.noBatches')}</>
      ) : null}
    </li>
  );
}

/** The whole index of one person (their own page or BKPSDM's/a supervisor's view of it). */
export function IndexView({ data }: { data: IpPerson }) {
  const { t } = useTranslation();
  const e = data.employee;
  return (
    <>
      <p>
        {t('ipasn.person.who', {
          nip: e.nip,
          status: e.status,
          organization: e.organization,
          jabatan: e.jabatan,
          type: e.jabatanType ? t(`ipasn.jabatan.${e.jabatanType}`) : t('ipasn.jabatan.unknown'),
        })}
      </p>
      {data.years.length === 0 ? <p>{t('ipasn.person.noYears')}</p> : null}
      {data.years.length > 0 ? (
        <section className="card" aria-labelledby="ipasn-raise">
          <h2 id="ipasn-raise">{t('ipasn.person.raise')}</h2>
          <p className="small muted">{t('ipasn.person.raiseLead')}</p>
          {data.raises.length === 0 ? <p>{t('ipasn.person.raiseNone')}</p> : null}
          <ul>
            {data.raises.map((r, i) => (
              <RaiseItem key={`${r.action}-${i}`} r={r} />
            ))}
          </ul>
        </section>
      ) : null}
      {[...data.years].reverse().map((y) => (
        <YearCard key={y.year} y={y} />
      ))}
      {data.years.length > 0 ? <History years={data.years} /> : null}
    </>
  );
}
