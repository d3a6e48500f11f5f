/** The link from an employee row to that person's IP ASN page (BKPSDM: anyone; a supervisor: their unit). */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import './i18n.ts';

export function IpAsnLink({ employeeId, name }: { employeeId: string; name: string }) {
  const { t } = useTranslation();
  return (
    <Link to={`/pegawai/indeks/${employeeId}`} aria-label={t('ipasn.person.openOf', { name })}>
      {t('ipasn.person.open')}
    </Link>
  );
}
