/**
 * /panitia/periode/:id — one period for the committee: the stage windows (WITA), the assigned
 * verifiers, formations (add, XLSX/CSV import with the row report, export), announcements under
 * the two-person rule, objections with answers, and exam sites, sessions and seat assignment.
 * One component per section (files beside this one); a section index with anchors on top, so a
 * long page is one tap from each part and each part has a link of its own (#sanggah, #ujian …).
 */
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router-dom';
import type { Me } from '../../../../common/contracts/identity.ts';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { RequireAuth } from '../../features/identity/components/RequireAuth.tsx';
import { useStaffPeriods } from '../../features/recruitment/hooks.ts';
import '../../features/recruitment/recruitment.css';
import '../../features/home/i18n.ts';
import { Alert } from '../../ui/Alert.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { Loading } from '../../ui/Spinner.tsx';
import { Announcements } from './Announcements.tsx';
import { ExamSchedule } from './ExamSchedule.tsx';
import { Formations } from './Formations.tsx';
import { Objections } from './Objections.tsx';
import { StageEditor } from './StageEditor.tsx';
import { Committee, Verifiers } from './Verifiers.tsx';
import '../../features/recruitment/i18n.ts';

/** The page's parts in order: anchor id and the i18n key of its name in the index. */
const PARTS = [
  ['jadwal', 'hm.parts.stages'],
  ['panitia', 'hm.parts.committee'],
  ['verifikator', 'hm.parts.verifiers'],
  ['formasi', 'hm.parts.formations'],
  ['pengumuman', 'hm.parts.announcements'],
  ['sanggah', 'hm.parts.objections'],
  ['ujian', 'hm.parts.exam'],
] as const;

function PeriodView({ id, me }: { id: string; me: Me }) {
  const { t } = useTranslation();
  const { hash } = useLocation();
  const periods = useStaffPeriods();
  const ready = periods.isSuccess;
  // A shared link (…#sanggah) lands on its part once the page has rendered.
  useEffect(() => {
    if (ready && hash) document.getElementById(decodeURIComponent(hash.slice(1)))?.scrollIntoView();
  }, [ready, hash]);
  if (periods.isPending) return <Loading label={t('app.loading')} />;
  if (periods.isError) return <ErrorAlert error={periods.error} />;
  const period = periods.data.periods.find((p) => p.id === id);
  if (!period) return <Alert tone="error">{t('notFound.text')}</Alert>;
  const parts: Record<(typeof PARTS)[number][0], ReactNode> = {
    jadwal: <StageEditor period={period} />,
    panitia: <Committee period={period} me={me} />,
    verifikator: <Verifiers period={period} />,
    formasi: <Formations period={period} />,
    pengumuman: <Announcements period={period} me={me} />,
    sanggah: <Objections period={period} me={me} />,
    ujian: <ExamSchedule period={period} />,
  };
  return (
    <>
      <PageTitle
        title={t('rec.com.periodTitle', { name: period.name })}
        lead={`${period.code} · ${period.type} · ${period.year}`}
      >
        {t('rec.com.periodTitle', { name: period.name })}
      </PageTitle>
      <p>
        <Link to="/panitia">{t('rec.com.title')}</Link>
      </p>
      <nav className="part-index" aria-label={t('hm.parts.label')}>
        <ul>
          {PARTS.map(([anchor, key]) => (
            <li key={anchor}>
              <a href={`#${anchor}`}>{t(key)}</a>
            </li>
          ))}
        </ul>
      </nav>
      {PARTS.map(([anchor]) => (
        <div key={anchor} id={anchor} className="part">
          {parts[anchor]}
        </div>
      ))}
    </>
  );
}

export function CommitteePeriodPage() {
  const { id = '' } = useParams();
  return <RequireAuth roles={['committee', 'admin']}>{(me) => <PeriodView id={id} me={me} />}</RequireAuth>;
}
