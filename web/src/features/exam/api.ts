/** Exam (CAT) endpoints — types inferred from the contract (common/contracts/exam.ts; API.md describes the API). */
import type { z } from 'zod';
import type { SaveAckBody } from '../../../../common/contracts/cat-socket.ts';
import type {
  Blueprint,
  CatSessionSummary,
  ItemContent,
  SessionProctors as SessionProctorsSchema,
  Subtest,
} from '../../../../common/contracts/exam.ts';
import { examEndpoints as E, type ItemQuery } from '../../../../common/contracts/exam.endpoints.ts';
import { call, upload, urlOf } from '../../app/client.ts';
import type { OptionKey } from './queue.ts';

export { CATEGORIES, EXAM_SUBTESTS, EXAM_TYPES, OPTION_KEYS, SUBTESTS } from '../../../../common/contracts/exam.ts';
export type {
  AttemptView,
  BankItem,
  BankItemDetail,
  Blueprint,
  BlueprintRow,
  CatSessionDetail,
  CatSessionState,
  CatSessionSummary,
  ExamResult,
  ExamType,
  ImportReport,
  Incident,
  ItemContent,
  ItemScoring,
  ItemStat,
  ParticipantState,
  ParticipantsSnapshot,
  ProctorParticipant,
  Scoreboard,
  ScoreRow,
  Subtest,
} from '../../../../common/contracts/exam.ts';

/** Subtests scored by option weights (the server's SUBTEST_SCORING 'weights'). */
export const WEIGHTED: ReadonlySet<Subtest> = new Set(['TKP', 'MANAJERIAL', 'SOSIO_KULTURAL', 'WAWANCARA']);

/** What a committed save returns, over HTTP or as the socket's `ack` (common/contracts/cat-socket.ts). */
export type SaveAck = SaveAckBody;

export interface ItemFilter {
  examType?: string;
  subtest?: string;
  category?: string;
  q?: string;
  includeRetired?: 'true' | 'false';
  page?: number;
  pageSize?: number;
}

type Out<T extends z.ZodType> = z.infer<T>;
export type SessionProctors = Out<typeof SessionProctorsSchema>;

/** not_opened → open → closed: the badge a session list shows. */
export type CatSessionPhase = 'not_opened' | 'open' | 'closed';
export const catSessionPhase = (s: Pick<CatSessionSummary, 'cat'>): CatSessionPhase =>
  !s.cat ? 'not_opened' : s.cat.open ? 'open' : 'closed';
/** A period's name, with its year only when the name does not already say it. */
export const periodLabel = (p: { name: string; year: number }) =>
  p.name.includes(String(p.year)) ? p.name : `${p.name} (${p.year})`;

/** The bank filter as the endpoint's query: the page's selects offer only the contract's values. */
const itemQuery = (f: ItemFilter) => f as z.input<typeof ItemQuery>;

export const examApi = {
  // participant
  login: (body: { participantNo: string; password: string; token: string }) => call(E.login, { body }),
  /** items:false — the same without the questions (empty `items`), for re-syncs of a page that shows them. */
  attempt: (opts: { items?: boolean } = {}) =>
    call(E.attempt, { query: opts.items === false ? { items: 'false' } : {} }),
  saveAnswer: (body: { itemId: string; chosen: OptionKey | null; flagged: boolean; seq: number }) =>
    call(E.saveAnswer, { body }),
  submit: () => call(E.submit),
  result: () => call(E.result),
  certificateUrl: urlOf(E.certificate),

  // proctor
  catSessions: (f: { periodId?: string; state?: 'open' | 'all'; page?: number; pageSize?: number } = {}) =>
    call(E.catSessions, { query: f }),
  catSession: (id: string) => call(E.catSession, { params: { id } }),
  openSession: (id: string, body: { blueprintId: string; graceSeconds?: number }) =>
    call(E.openSession, { params: { id }, body }),
  closeSession: (id: string) => call(E.closeSession, { params: { id } }),
  participants: (id: string) => call(E.participants, { params: { id } }),
  grant: (id: string, body: { applicationId: string; minutes: number; reason: string }) =>
    call(E.grant, { params: { id }, body }),
  approveDevice: (id: string, applicationId: string) =>
    call(E.approveDevice, { params: { id }, body: { applicationId } }),
  incidents: (id: string) => call(E.incidents, { params: { id } }),
  hallAddresses: (id: string) => call(E.hallAddresses, { params: { id } }),
  liftHallAddress: (id: string, address: string) => call(E.liftHallAddress, { params: { id }, body: { address } }),
  clearLockout: (id: string, applicationId: string) =>
    call(E.clearLockout, { params: { id }, body: { applicationId } }),
  proctors: (id: string): Promise<SessionProctors> => call(E.proctors, { params: { id } }),
  assignProctor: (id: string, accountId: string): Promise<SessionProctors> =>
    call(E.assignProctor, { params: { id }, body: { accountId } }),
  unassignProctor: (id: string, accountId: string): Promise<SessionProctors> =>
    call(E.unassignProctor, { params: { id, accountId } }),
  eventsUrl: (id: string) => urlOf(E.events, { params: { id } }),
  resultsUrl: (id: string, format?: 'csv') =>
    urlOf(E.sessionResults, { params: { id }, query: format ? { format } : {} }),

  // public
  scoreboard: (id: string) => call(E.scoreboard, { params: { id } }),
  scoreboardStreamUrl: (id: string) => urlOf(E.scoreboardStream, { params: { id } }),

  // exam admin
  items: (f: ItemFilter) => call(E.listItems, { query: itemQuery(f) }),
  item: (id: string) => call(E.getItem, { params: { id } }),
  createItem: (body: ItemContent) => call(E.createItem, { body }),
  updateItem: (id: string, body: ItemContent) => call(E.updateItem, { params: { id }, body }),
  retireItem: (id: string) => call(E.retireItem, { params: { id } }),
  exportUrl: (f: ItemFilter, format: 'xlsx' | 'csv') => {
    const q = itemQuery(f);
    return urlOf(E.exportItems, {
      query: {
        examType: q.examType,
        subtest: q.subtest,
        category: q.category,
        q: q.q,
        includeRetired: q.includeRetired,
        format,
      },
    });
  },
  importItems: (file: File, onProgress?: (p: number) => void) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return upload(E.importItems, {}, form, onProgress);
  },
  uploadItemImage: (file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return upload(E.uploadItemImage, {}, form);
  },
  itemImageUrl: (imageKey: string) => urlOf(E.itemImage, { params: { id: imageKey } }),
  blueprints: () => call(E.listBlueprints),
  createBlueprint: (body: Blueprint) => call(E.createBlueprint, { body }),
  updateBlueprint: (id: string, body: Blueprint) => call(E.updateBlueprint, { params: { id }, body }),
  /** The JSON form (the endpoint answers CSV only for ?format=csv, which itemAnalysisCsvUrl links to). */
  itemAnalysis: async (sessionId: string) => {
    const r = await call(E.itemAnalysis, { params: { id: sessionId } });
    if (typeof r === 'string') throw new Error('item analysis: expected JSON');
    return r;
  },
  itemAnalysisCsvUrl: (sessionId: string) =>
    urlOf(E.itemAnalysis, { params: { id: sessionId }, query: { format: 'csv' } }),
};
