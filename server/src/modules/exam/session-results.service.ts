/**
 * The results sheet of one CAT session, as the committee files it after the exam (berita acara
 * hasil): every seated participant with their state, times, answered count, TWK/TIU/TKP/total
 * and the passing-grade verdict stored with the submitted score. XLSX or CSV through the platform
 * sheet writer. Proctors get only their own sessions; every export is audited because it carries
 * names out of the platform.
 */
import { formatWitaDateTime } from '../../../../common/rules/wita.ts';
import { notFound } from '../../errors.ts';
import { bindUseCases } from '../../platform/context.ts';
import { type SheetFormat, writeSheet } from '../../platform/sheets.ts';
import type { Actor } from '../identity/index.ts';
import { mayProctor } from './cat-sessions.service.ts';
import type { ExamContext } from './exam.shared.ts';
import { sessionResultsRepository as repo } from './session-results.repository.ts';

interface StoredScore {
  twk: number;
  tiu: number;
  tkp: number;
  total: number;
  answered: number;
  passed?: boolean | null;
}

const STATE = {
  not_started: 'Tidak hadir / belum mulai',
  in_progress: 'Sedang mengerjakan',
  submitted: 'Selesai',
} as const;
const COLUMNS = [
  { name: 'Kursi', width: 8, text: false },
  { name: 'Nomor peserta', width: 18 },
  { name: 'Nama', width: 32 },
  { name: 'Kode formasi', width: 16 },
  { name: 'Status', width: 24 },
  { name: 'Mulai (WITA)', width: 24 },
  { name: 'Selesai (WITA)', width: 24 },
  { name: 'Dikirim oleh', width: 26 },
  { name: 'Soal terjawab', width: 14, text: false },
  { name: 'TWK', width: 8, text: false },
  { name: 'TIU', width: 8, text: false },
  { name: 'TKP', width: 8, text: false },
  { name: 'Total', width: 8, text: false },
  { name: 'Ambang batas', width: 20 },
] as const;

/** The results sheet of a session that was opened, for the exam admin or a proctor of it (audited). */
export async function sheet(
  { db, audit }: Pick<ExamContext, 'db' | 'audit'>,
  actor: Actor,
  sessionId: string,
  format: SheetFormat,
): Promise<{ data: Buffer; filename: string }> {
  const session = await repo.session(db, sessionId);
  if (!session || !session.opened_at || (actor.role !== 'exam_admin' && !(await mayProctor(db, actor, sessionId))))
    throw notFound();
  const rows = await repo.rows(db, sessionId);
  const data = await writeSheet(
    {
      name: 'Hasil sesi CAT',
      columns: COLUMNS,
      rows: rows.map((r) => {
        const state = !r.status ? 'not_started' : r.status === 'submitted' ? 'submitted' : 'in_progress';
        const score = state === 'submitted' ? (r.score as StoredScore | null) : null;
        return [
          r.seat,
          r.participant_no ?? '',
          r.full_name,
          r.formation_code,
          STATE[state],
          r.started_at ? formatWitaDateTime(new Date(r.started_at)) : '',
          r.submitted_at ? formatWitaDateTime(new Date(r.submitted_at)) : '',
          r.submitted_by === 'participant' ? 'Peserta' : r.submitted_by === 'server' ? 'Otomatis (waktu habis)' : '',
          score?.answered ?? '',
          score?.twk ?? '',
          score?.tiu ?? '',
          score?.tkp ?? '',
          score?.total ?? '',
          score?.passed === true ? 'Memenuhi' : score?.passed === false ? 'Tidak memenuhi' : '',
        ];
      }),
    },
    format,
  );
  await db.transaction().execute((trx) =>
    audit.record(trx, {
      actor: { id: actor.accountId, role: actor.role },
      action: 'cat.session.export',
      subjectType: 'exam_session',
      subjectId: sessionId,
      after: { rows: rows.length, format },
    }),
  );
  const day = new Date(session.starts_at).toISOString().slice(0, 10);
  return {
    data,
    filename: `hasil-cat-${day}-${session.site_name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')}.${format}`,
  };
}

export const createSessionResultsService = (ctx: Pick<ExamContext, 'db' | 'audit'>) => bindUseCases(ctx, { sheet });

export type SessionResultsService = ReturnType<typeof createSessionResultsService>;
