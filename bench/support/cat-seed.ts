/**
 * Seeds a CAT-ready exam session straight into the tables, for the exam benchmark and the chaos
 * test: an item bank and blueprint (through the item-bank service, so content is validated and
 * audited like an admin's), a period, a formation, a site, one exam session with N participants
 * (accounts sharing ONE argon2id hash — hashing is slow on purpose), applications with participant
 * numbers, seat assignments, and the session opened by a proctor (token). Optionally it also makes
 * what sign-in would make — a `sessions` row (cookie token) and the attempt with its seeded form,
 * bound to a known device cookie — for load that must not pay for argon2 10,000 times.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Services } from '../../server/src/compose.ts';
import type { DB } from '../../server/src/db/schema.ts';
import { hashDevice } from '../../server/src/modules/exam/cat.service.ts';
import {
  type BankEntry,
  type Blueprint,
  type FormItem,
  type ItemContent,
  deadlineOf,
  deriveForm,
} from '../../server/src/modules/exam/domain/index.ts';
import type { Actor } from '../../server/src/modules/identity/index.ts';
import { ruleSetFor } from '../../server/src/modules/recruitment/application-workflow.ts';

const OPTS = ['A', 'B', 'C', 'D', 'E'] as const;
const CATEGORY = { TWK: 'nasionalisme', TIU: 'numerik', TKP: 'pelayanan_publik' } as const;
type Subtest = keyof typeof CATEGORY;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const uuid = () => crypto.randomUUID();

function itemContent(subtest: Subtest, n: number): ItemContent {
  return {
    examType: 'SKD',
    subtest,
    category: CATEGORY[subtest],
    stem: `Soal ${subtest} nomor ${n}: bacalah pernyataan berikut dengan cermat, lalu pilih jawaban yang paling tepat menurut ketentuan yang berlaku.`,
    imageKey: null,
    options: OPTS.map((k) => ({
      key: k,
      text: `Pilihan ${k} untuk soal ${subtest}-${n}, sebuah kalimat jawaban yang cukup panjang`,
    })),
    scoring:
      subtest === 'TKP'
        ? { kind: 'weights', weights: { A: 5, B: 4, C: 3, D: 2, E: 1 } }
        : { kind: 'key', correct: OPTS[n % 5]!, points: 5 },
    explanation: 'Pembahasan rahasia: tidak boleh sampai ke peserta.',
  };
}

export interface SeedOptions {
  participants: number;
  /** Items per subtest on each form (the real SKD: TWK 30, TIU 35, TKP 45). */
  form: Record<Subtest, number>;
  /** Extra items in the bank per subtest beyond the form's count (forms then differ). */
  spare?: number;
  /** One argon2id hash shared by every participant's account. */
  passwordHash: string;
  /** Also create sign-in sessions and attempts (bound to a device cookie) directly. */
  preStart?: boolean;
  log?: (m: string) => void;
}

export interface SeededParticipant {
  index: number;
  accountId: string;
  applicationId: string;
  participantNo: string;
  /** preStart only: the `merit_session` cookie, the `merit_device` cookie, the attempt and its form. */
  sessionToken?: string;
  device?: string;
  attemptId?: string;
  form?: FormItem[];
}

export interface SeededSession {
  sessionId: string;
  token: string;
  blueprintId: string;
  participants: SeededParticipant[];
}

async function inBatches<T>(rows: T[], size: number, insert: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/** Seeds everything a CAT session needs; organizations must already be seeded (`seedOrganizations`). */
export async function seedCatSession(db: Kysely<DB>, services: Services, o: SeedOptions): Promise<SeededSession> {
  const log = o.log ?? (() => {});
  const now = new Date();
  const tag = randomBytes(4).toString('hex');
  const staff = (role: 'exam_admin' | 'proctor') => ({
    id: uuid(),
    email: `${role}.${tag}@bench.merit.test`,
    email_normalized: `${role}.${tag}@bench.merit.test`,
    password_hash: o.passwordHash,
    role,
    full_name: `${role === 'proctor' ? 'Pengawas' : 'Admin Soal'} Bench`,
    organization_id: 'bkpsdm',
    email_verified_at: now,
  });
  const admin = staff('exam_admin');
  const proctor = staff('proctor');
  await db.insertInto('accounts').values([admin, proctor]).execute();
  const adminActor: Actor = { accountId: admin.id, role: 'exam_admin', organizationId: 'bkpsdm' };
  const proctorActor: Actor = { accountId: proctor.id, role: 'proctor', organizationId: 'bkpsdm' };

  // Item bank and blueprint, through the service (validation, versions, audit).
  const spare = o.spare ?? 5;
  await db.transaction().execute(async (trx) => {
    for (const s of ['TWK', 'TIU', 'TKP'] as const) {
      for (let n = 1; n <= o.form[s] + spare; n++) await services.items.insertItem(trx, adminActor, itemContent(s, n));
    }
  });
  const blueprint: Blueprint = {
    examType: 'SKD',
    name: `SKD bench ${tag}`,
    durationMinutes: 100,
    accommodatedMinutes: 130,
    sections: (['TWK', 'TIU', 'TKP'] as const).map((s) => ({ subtest: s, category: CATEGORY[s], count: o.form[s] })),
    thresholdsRef: 'KepMenPANRB 321/2024',
  } as Blueprint;
  const bp = await services.items.createBlueprint(adminActor, blueprint);

  // Period, formation, site, one session big enough for everyone.
  const year = now.getUTCFullYear();
  const periodId = uuid();
  const at = (days: number) => new Date(now.getTime() + days * 86_400_000).toISOString();
  await db
    .insertInto('recruitment_periods')
    .values({
      id: periodId,
      code: `CPNS-CAT-${tag}`,
      name: `Seleksi CPNS Kota Palu ${year} (uji CAT)`,
      year,
      type: 'CPNS',
      rule_set: JSON.stringify(ruleSetFor(year, 'CPNS')),
      stages: JSON.stringify({
        registration: { start: at(-40), end: at(-20) },
        verification: { start: at(-20), end: at(-10) },
      }),
      age_cutoff_date: now.toISOString().slice(0, 10),
    })
    .execute();
  const formationId = uuid();
  await db
    .insertInto('formations')
    .values({
      id: formationId,
      period_id: periodId,
      code: 'F-CAT-1',
      organization_id: 'bkpsdm',
      jabatan: 'Pranata Komputer Ahli Pertama',
      education_levels: ['S1'],
      majors: ['Teknik Informatika'],
      need_type: 'umum',
      quota: Math.max(1, Math.ceil(o.participants / 3)),
      placement: 'BKPSDM Kota Palu',
    })
    .execute();
  const siteId = uuid();
  await db
    .insertInto('exam_sites')
    .values({
      id: siteId,
      period_id: periodId,
      name: 'UPT BKN Palu',
      address: 'Jl. Tanjung Manimbaya, Palu',
      accessible: true,
    })
    .execute();
  const sessionId = uuid();
  await db
    .insertInto('exam_sessions')
    .values({ id: sessionId, site_id: siteId, starts_at: now, duration_minutes: 100, capacity: o.participants })
    .execute();

  const participants: SeededParticipant[] = Array.from({ length: o.participants }, (_, i) => ({
    index: i,
    accountId: uuid(),
    applicationId: uuid(),
    participantNo: `${year % 100}${tag.slice(0, 4)}${String(i + 1).padStart(6, '0')}`,
  }));
  log(`seeding ${o.participants.toLocaleString('en')} participants (accounts, applications, seats)`);
  await inBatches(participants, 1000, (b) =>
    db
      .insertInto('accounts')
      .values(
        b.map((p) => ({
          id: p.accountId,
          email: `peserta${p.index + 1}.${tag}@bench.merit.test`,
          email_normalized: `peserta${p.index + 1}.${tag}@bench.merit.test`,
          password_hash: o.passwordHash,
          role: 'applicant' as const,
          full_name: `Peserta Uji ${p.index + 1}`,
          email_verified_at: now,
        })),
      )
      .execute(),
  );
  await inBatches(participants, 1000, (b) =>
    db
      .insertInto('applications')
      .values(
        b.map((p) => ({
          id: p.applicationId,
          period_id: periodId,
          applicant_id: p.accountId,
          formation_id: formationId,
          registration_no: `REG-${tag}-${p.index + 1}`,
          status: 'ms',
          published_result: 'ms',
          published_at: now,
          submitted_at: now,
          participant_no: p.participantNo,
        })) as never,
      )
      .execute(),
  );
  await inBatches(participants, 1000, (b) =>
    db
      .insertInto('exam_assignments')
      .values(
        b.map((p) => ({ application_id: p.applicationId, session_id: sessionId, seat: p.index + 1, extra_minutes: 0 })),
      )
      .execute(),
  );

  // The committee assigns the proctor to the session (only an assigned proctor may open it).
  await db
    .insertInto('exam_session_proctors')
    .values({ session_id: sessionId, proctor_id: proctor.id, assigned_by: null, assigned_at: now })
    .execute();
  const opened = await services.cat.openSession(proctorActor, sessionId, { blueprintId: bp.id, graceSeconds: 30 });

  if (o.preStart) {
    // What sign-in would write: a session row (only the token's SHA-256 is stored) and the attempt.
    log('creating sign-in sessions and attempts with seeded forms');
    const bankRows = await db
      .selectFrom('items')
      .innerJoin('item_versions', (j) =>
        j.onRef('item_versions.item_id', '=', 'items.id').onRef('item_versions.version', '=', 'items.current_version'),
      )
      .select([
        'items.id',
        'items.current_version',
        'item_versions.subtest',
        'item_versions.category',
        'item_versions.content',
      ])
      .where('items.retired_at', 'is', null)
      .where('item_versions.exam_type', '=', 'SKD')
      .execute();
    const bank: BankEntry[] = bankRows.map((r) => ({
      itemId: r.id,
      version: r.current_version,
      subtest: r.subtest as BankEntry['subtest'],
      category: r.category,
      optionKeys: (r.content as ItemContent).options.map((x) => x.key),
    }));
    const deadline = deadlineOf({
      startedAt: now,
      durationMinutes: blueprint.durationMinutes,
      extraMinutes: 0,
      grantsMinutes: [],
    });
    const rows = participants.map((p) => {
      p.sessionToken = randomBytes(32).toString('base64url');
      p.device = randomBytes(24).toString('base64url');
      p.attemptId = uuid();
      const seed = randomBytes(16).toString('base64url');
      p.form = deriveForm(bank, blueprint, seed);
      return { p, seed };
    });
    const expires = new Date(now.getTime() + 12 * 3600_000);
    await inBatches(rows, 2000, (b) =>
      db
        .insertInto('sessions')
        .values(b.map(({ p }) => ({ id_hash: sha256(p.sessionToken!), account_id: p.accountId, expires_at: expires })))
        .execute(),
    );
    await inBatches(rows, 250, (b) =>
      db
        .insertInto('attempts')
        .values(
          b.map(({ p, seed }) => ({
            id: p.attemptId!,
            session_id: sessionId,
            application_id: p.applicationId,
            form_seed: seed,
            form: JSON.stringify(p.form),
            started_at: now,
            deadline_at: deadline,
            extra_minutes: 0,
            status: 'in_progress',
            device_hash: hashDevice(p.device!),
            last_seen_at: now,
          })),
        )
        .execute(),
    );
    // Every drawn version is now delivered (frozen), as createAttempt does.
    await db
      .updateTable('item_versions')
      .set({ first_delivered_at: now })
      .where('first_delivered_at', 'is', null)
      .execute();
  }
  return { sessionId, token: opened.token, blueprintId: bp.id, participants };
}
