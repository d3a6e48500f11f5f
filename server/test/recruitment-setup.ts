/** Builds a recruitment period with an open registration window and one formation, through the API. */
import { expect } from 'vitest';
import type { Agent, TestContext } from './harness.ts';

const DAY = 86_400_000;
let seq = 0;

export async function openPeriodWithFormation(
  ctx: TestContext,
  committee: Agent,
  formation: Partial<Record<string, unknown>> = {},
  verifiers: Agent[] = [],
) {
  const now = ctx.clock.now().getTime();
  const iso = (offsetDays: number) => new Date(now + offsetDays * DAY).toISOString();
  seq += 1;
  const period = await committee.post('/api/v1/periods', {
    code: `CPNS-T${seq}-${Math.random().toString(36).slice(2, 6).toUpperCase()}`,
    name: 'Seleksi CPNS Pemerintah Kota Palu (uji)',
    year: 2026,
    type: 'CPNS',
    ageCutoffDate: new Date(now).toISOString().slice(0, 10),
    stages: {
      registration: { start: iso(-1), end: iso(10) },
      verification: { start: iso(-1), end: iso(20) },
    },
  });
  expect(period.statusCode, period.body).toBe(201);
  const periodId = period.json().id as string;
  const f = await committee.post(`/api/v1/periods/${periodId}/formations`, {
    code: `PRANATA-${seq}`,
    organizationId: 'kominfo',
    jabatan: 'Pranata Komputer Ahli Pertama',
    educationLevels: ['S1'],
    majors: ['Teknik Informatika', 'Sistem Informasi'],
    needType: 'umum',
    quota: 2,
    placement: 'Dinas Kominfo Kota Palu',
    ...formation,
  });
  expect(f.statusCode, f.body).toBe(201);
  for (const v of verifiers) {
    const me = (await v.get('/api/v1/me')).json().account.id;
    expect((await committee.post(`/api/v1/periods/${periodId}/verifiers`, { accountId: me })).statusCode).toBe(200);
  }
  return { periodId, formationId: f.json().id as string };
}

export const PROFILE = {
  nameOnIjazah: 'Nur Aisyah Lamarauna',
  educationLevel: 'S1',
  major: 'Teknik Informatika',
  institution: 'Universitas Tadulako',
  ipk: 3.41,
  graduationYear: 2021,
  ijazahNumber: 'UNTAD/2021/01234',
  isCumlaude: false,
  hasDisability: false,
  disabilityNote: null,
  isPapuan: false,
  isDiaspora: false,
  experience: [],
};

/** Closes a period's registration and verification a minute ago (SKD results wait for both to close). */
export async function closeRegistrationAndVerification(ctx: TestContext, committee: Agent, periodId: string) {
  const now = ctx.clock.now().getTime();
  const stages = (
    (await committee.get('/api/v1/periods')).json().periods as {
      id: string;
      stages: Record<string, { start: string; end: string }>;
    }[]
  ).find((p) => p.id === periodId)!.stages;
  const ended = (w: { start: string; end: string } | undefined) => ({
    start: w && new Date(w.start).getTime() < now - 60_000 ? w.start : new Date(now - 2 * 86_400_000).toISOString(),
    end: new Date(now - 60_000).toISOString(),
  });
  const res = await committee.put(`/api/v1/periods/${periodId}/stages`, {
    stages: { ...stages, registration: ended(stages.registration), verification: ended(stages.verification) },
  });
  expect(res.statusCode, res.body).toBe(200);
}
