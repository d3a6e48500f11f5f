/** Employee row → contract (a whitelist): the birth date only for BKPSDM and the person; no account id. */
import type { z } from 'zod';
import type { EmployeeView } from '../../../../common/contracts/development.ts';
import type { developmentRepository } from './development.repository.ts';

type Row = NonNullable<Awaited<ReturnType<typeof developmentRepository.employee>>>;

export function presentEmployee(r: Row, opts: { withBirthDate: boolean }): z.infer<typeof EmployeeView> {
  return {
    id: r.id,
    nip: r.nip,
    fullName: r.full_name,
    status: r.status,
    gender: r.gender,
    birthDate: opts.withBirthDate ? r.birth_date : null,
    tmt: r.tmt,
    organization: { id: r.organization_id, name: r.organization_name },
    unit: r.unit,
    jabatanKind: r.jabatan_kind,
    jabatan: r.jabatan,
    jenjang: r.jenjang,
    golongan: r.golongan,
    supervisor: r.supervisor_id ? { id: r.supervisor_id, nip: r.supervisor_nip!, fullName: r.supervisor_name! } : null,
    hasAccount: r.account_id !== null,
  };
}
