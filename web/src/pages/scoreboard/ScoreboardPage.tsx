/** /skor/:sessionId — the public live scoreboard as CAT BKN shows it (masked names), SSE with polling fallback. */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ApiError } from '../../app/api.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { examApi, type Scoreboard, type ScoreRow } from '../../features/exam/api.ts';
import '../../features/exam/exam.css';
import '../../features/exam/i18n.ts';
import { useLiveSnapshot } from '../../features/exam/live.ts';
import { useLang } from '../../features/recruitment/hooks.ts';
import { Alert } from '../../ui/Alert.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { Loading } from '../../ui/Spinner.tsx';
import { TableWrap } from '../../ui/TableWrap.tsx';

function clock(iso: string, lang: 'id' | 'en') {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZone: 'Asia/Makassar',
  }).format(new Date(iso));
}

function Status({ row }: { row: ScoreRow }) {
  const { t } = useTranslation();
  return (
    <>
      <span className={`cat-state cat-state--${row.status}`}>{t(`cat.proctor.state.${row.status}`)}</span>
      {row.status === 'submitted' ? (
        <div className="small">
          {row.passed === null
            ? t('cat.score.noThreshold')
            : row.passed
              ? `✓ ${t('cat.score.passed')}`
              : `✗ ${t('cat.score.notPassed')}`}
        </div>
      ) : null}
    </>
  );
}

/** The latest text, but handed to the live region at most once per `ms`, so screen readers are not flooded. */
function useThrottled(text: string, ms: number): string {
  const [shown, setShown] = useState(text);
  const last = useRef(0);
  useEffect(() => {
    const wait = Math.max(0, last.current + ms - Date.now());
    const id = setTimeout(() => {
      last.current = Date.now();
      setShown(text);
    }, wait);
    return () => clearTimeout(id);
  }, [text, ms]);
  return shown;
}

export function ScoreboardPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { sessionId = '' } = useParams();
  const live = useLiveSnapshot<Scoreboard>({
    streamUrl: examApi.scoreboardStreamUrl(sessionId),
    poll: () => examApi.scoreboard(sessionId),
    pollMs: 5_000,
  });
  const board = live.data;
  const summary = board
    ? t('cat.score.updated', { time: clock(board.updatedAt, lang), count: board.participants.length })
    : '';
  // Snapshots may come every second in a busy session: announce the summary at most every 20 s.
  const announced = useThrottled(summary, 20_000);
  // Finished participants by score; the others (no score yet) after them, by number.
  const rows = board
    ? [...board.participants].sort(
        (a, b) => (b.total ?? -1) - (a.total ?? -1) || (a.participantNo ?? '').localeCompare(b.participantNo ?? ''),
      )
    : [];
  const shown = (n: number | null) =>
    n === null ? (
      <>
        <span aria-hidden="true">—</span>
        <span className="sr-only">{t('cat.score.pending')}</span>
      </>
    ) : (
      n
    );
  return (
    <>
      <PageTitle title={t('cat.score.title')} lead={t('cat.score.lead')}>
        {t('cat.score.title')}
      </PageTitle>
      <p className="strong" data-testid="scoreboard-updated">
        {summary}
      </p>
      <p className="sr-only" aria-live="polite" aria-atomic="true">
        {announced}
      </p>
      {!board && !live.error ? <Loading label={t('app.loading')} /> : null}
      {!board && live.error ? (
        live.error instanceof ApiError && live.error.status === 404 ? (
          <Alert tone="info">{t('cat.score.notFound')}</Alert>
        ) : (
          <ErrorAlert error={live.error} />
        )
      ) : null}
      {board && rows.length === 0 ? <p>{t('cat.score.empty')}</p> : null}
      {rows.length > 0 ? (
        <TableWrap label={t('cat.score.title')}>
          <table>
            <caption className="sr-only">{t('cat.score.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cat.score.col.no')}</th>
                <th scope="col">{t('cat.score.col.name')}</th>
                <th scope="col" className="num">
                  {t('cat.score.col.twk')}
                </th>
                <th scope="col" className="num">
                  {t('cat.score.col.tiu')}
                </th>
                <th scope="col" className="num">
                  {t('cat.score.col.tkp')}
                </th>
                <th scope="col" className="num">
                  {t('cat.score.col.total')}
                </th>
                <th scope="col" className="num">
                  {t('cat.score.col.answered')}
                </th>
                <th scope="col">{t('cat.score.col.status')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.participantNo} data-participant={r.participantNo}>
                  <td className="mono nowrap">{r.participantNo}</td>
                  <td>{r.name}</td>
                  <td className="num">{shown(r.twk)}</td>
                  <td className="num">{shown(r.tiu)}</td>
                  <td className="num">{shown(r.tkp)}</td>
                  <td className="num cat-score-total" data-total={r.total ?? ''}>
                    {shown(r.total)}
                  </td>
                  <td className="num nowrap" data-answered={r.answered}>
                    {r.itemCount > 0 ? `${r.answered}/${r.itemCount}` : '—'}
                  </td>
                  <td>
                    <Status row={r} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
    </>
  );
}
