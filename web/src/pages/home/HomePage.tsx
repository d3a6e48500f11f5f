/** /beranda — who you are and what your role lets you do here. */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Me } from '../../../../common/contracts/identity.ts';
import { RequireAuth } from '../../features/identity/components/RequireAuth.tsx';
import { useOrganizations } from '../../features/identity/hooks.ts';
import '../../features/selection/i18n.ts';
import '../../features/exam/i18n.ts';
import { PageTitle } from '../../ui/PageTitle.tsx';

function Home({ me }: { me: Me }) {
  const { t } = useTranslation();
  const orgs = useOrganizations();
  const orgName = me.organizationId
    ? (orgs.data?.organizations.find((o) => o.id === me.organizationId)?.name ?? me.organizationId)
    : t('home.noOrganization');
  const tasks = t(`roles.${me.role}.tasks`, { returnObjects: true }) as string[];

  return (
    <>
      <PageTitle title={t('home.title')}>{t('home.greeting', { name: me.fullName })}</PageTitle>
      <div className="grid grid--2">
        <section className="card" aria-labelledby="account-title">
          <h2 id="account-title">{t('home.account')}</h2>
          <dl className="facts">
            <div>
              <dt>{t('home.name')}</dt>
              <dd>{me.fullName}</dd>
            </div>
            <div>
              <dt>{t('home.role')}</dt>
              <dd>
                <span className="badge">{t(`roles.${me.role}.name`)}</span>
              </dd>
            </div>
            <div>
              <dt>{t('home.organization')}</dt>
              <dd>{orgName}</dd>
            </div>
            <div>
              <dt>{t('home.email')}</dt>
              <dd className="break">{me.email}</dd>
            </div>
            {me.nikMasked ? (
              <div>
                <dt>{t('home.nik')}</dt>
                <dd className="mono">{me.nikMasked}</dd>
              </div>
            ) : null}
          </dl>
        </section>
        <section className="card card--role" aria-labelledby="role-title">
          <h2 id="role-title">{t(`roles.${me.role}.name`)}</h2>
          <p>{t(`roles.${me.role}.desc`)}</p>
          <h3>{t('home.yourWork')}</h3>
          <ul className="checklist">
            {tasks.map((task) => (
              <li key={task}>{task}</li>
            ))}
          </ul>
          <p className="muted small">{t('home.comingSoon')}</p>
        </section>
      </div>
      {me.role === 'applicant' || me.role === 'verifier' || me.role === 'committee' ? (
        <section className="card" aria-labelledby="rec-title">
          <h2 id="rec-title">{t('rec.home.applicantTitle')}</h2>
          <ul className="link-list">
            {me.role === 'applicant' ? (
              <>
                <li>
                  <Link to="/biodata">{t('rec.home.toBiodata')}</Link>
                </li>
                <li>
                  <Link to="/formasi">{t('rec.home.toCatalog')}</Link>
                </li>
                <li>
                  <Link to="/lamaran">{t('rec.home.toApplications')}</Link>
                </li>
              </>
            ) : null}
            {me.role === 'verifier' || me.role === 'committee' ? (
              <li>
                <Link to="/verifikasi">{t('rec.home.toVerification')}</Link>
              </li>
            ) : null}
            {me.role === 'committee' ? (
              <>
                <li>
                  <Link to="/panitia">{t('rec.home.toCommittee')}</Link>
                </li>
                <li>
                  <Link to="/seleksi">{t('sel.home.committee')}</Link>
                </li>
              </>
            ) : null}
          </ul>
        </section>
      ) : null}
      {me.role === 'admin' ? (
        <section className="card" aria-labelledby="admin-title">
          <h2 id="admin-title">{t('home.adminTools')}</h2>
          <ul className="link-list">
            <li>
              <Link to="/admin/akun">{t('home.toAccounts')}</Link>
            </li>
            <li>
              <Link to="/admin/kotak-keluar">{t('home.toOutbox')}</Link>
            </li>
            <li>
              <Link to="/seleksi">{t('sel.home.committee')}</Link>
            </li>
            <li>
              <Link to="/audit">{t('home.toAudit')}</Link>
            </li>
          </ul>
        </section>
      ) : null}
      {me.role === 'applicant' || me.role === 'proctor' || me.role === 'committee' || me.role === 'exam_admin' ? (
        <section className="card" aria-labelledby="cat-home-title">
          <h2 id="cat-home-title">{t('cat.nav.exam')}</h2>
          <ul className="link-list">
            {me.role === 'applicant' ? (
              <li>
                <Link to="/ujian">{t('cat.home.exam')}</Link>
              </li>
            ) : null}
            {me.role === 'proctor' || me.role === 'committee' ? (
              <li>
                <Link to="/pengawas">{t('cat.home.proctor')}</Link>
              </li>
            ) : null}
            {me.role === 'exam_admin' ? (
              <li>
                <Link to="/bank-soal">{t('cat.home.bank')}</Link>
              </li>
            ) : null}
          </ul>
        </section>
      ) : null}
    </>
  );
}

export function HomePage() {
  return <RequireAuth>{(me) => <Home me={me} />}</RequireAuth>;
}
