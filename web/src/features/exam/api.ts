/** Exam (CAT) endpoints — types inferred from the contract (common/contracts/exam.ts; API.md describes the API). */
import type { z } from 'zod';
import type { SaveAckBody } from '../../../../common/contracts/cat-socket.ts';
import type {
  AttemptView,
  BankItemDetail,
  BankItemPage,
  Blueprint,
  BlueprintList,
  BlueprintRow,
  CatSessionDetail,
  CatSessionPage,
  CatSessionSummary,
  DeviceApproved,
  ExamResult,
  ImportReport,
  IncidentList,
  ItemAnalysis,
  ItemContent,
  ItemImageUploaded,
  ItemUpdateResult,
  LockoutCleared,
  MyResult,
  OkResponse,
  ParticipantsSnapshot,
  Scoreboard,
  SessionClosed,
  SessionOpened,
  SessionProctors as SessionProctorsSchema,
  Subtest,
  TimeGranted,
} from '../../../../common/contracts/exam.ts';
import type { AddressBlockList, AddressLifted } from '../../../../common/contracts/identity.ts';
import { api } from '../../app/api.ts';
import { uploadForm } from '../../app/upload.ts';
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
export const catSessionPhase = (s: Pick<CatSessionSummary, 'cat'>): CatSessionPhase => (!s.cat ? 'not_opened' : s.cat.open ? 'open' : 'closed');
/** A period's name, with its year only when the name does not already say it. */
export const periodLabel = (p: { name: string; year: number }) => (p.name.includes(String(p.year)) ? p.name : `${p.name} (${p.year})`);

/** Query string from defined, non-empty values. */
export function query(params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

const enc = encodeURIComponent;

export const examApi = {
  // participant
  login: (body: { participantNo: string; password: string; token: string }) => api<AttemptView>('/api/v1/cat/login', { method: 'POST', body }),
  /** items:false — the same without the questions (empty `items`), for re-syncs of a page that shows them. */
  attempt: (opts: { items?: boolean } = {}) => api<AttemptView>(`/api/v1/cat/attempt${opts.items === false ? '?items=false' : ''}`),
  saveAnswer: (body: { itemId: string; chosen: OptionKey | null; flagged: boolean; seq: number }) => api<SaveAck>('/api/v1/cat/answers', { method: 'PUT', body }),
  submit: () => api<ExamResult>('/api/v1/cat/submit', { method: 'POST' }),
  result: () => api<MyResult>('/api/v1/cat/result'),
  certificateUrl: '/api/v1/cat/certificate.pdf',

  // proctor
  catSessions: (f: { periodId?: string; state?: 'open' | 'all'; page?: number; pageSize?: number } = {}) =>
    api<Out<typeof CatSessionPage>>(`/api/v1/cat/sessions${query({ ...f })}`),
  catSession: (id: string) => api<CatSessionDetail>(`/api/v1/cat/sessions/${enc(id)}`),
  openSession: (id: string, body: { blueprintId: string; graceSeconds?: number }) => api<Out<typeof SessionOpened>>(`/api/v1/cat/sessions/${enc(id)}/open`, { method: 'POST', body }),
  closeSession: (id: string) => api<Out<typeof SessionClosed>>(`/api/v1/cat/sessions/${enc(id)}/close`, { method: 'POST' }),
  participants: (id: string) => api<ParticipantsSnapshot>(`/api/v1/cat/sessions/${enc(id)}/participants`),
  grant: (id: string, body: { applicationId: string; minutes: number; reason: string }) => api<Out<typeof TimeGranted>>(`/api/v1/cat/sessions/${enc(id)}/grants`, { method: 'POST', body }),
  approveDevice: (id: string, applicationId: string) => api<Out<typeof DeviceApproved>>(`/api/v1/cat/sessions/${enc(id)}/device-approvals`, { method: 'POST', body: { applicationId } }),
  incidents: (id: string) => api<Out<typeof IncidentList>>(`/api/v1/cat/sessions/${enc(id)}/incidents`),
  hallAddresses: (id: string) => api<Out<typeof AddressBlockList>>(`/api/v1/cat/sessions/${enc(id)}/address-blocks`),
  liftHallAddress: (id: string, address: string) => api<Out<typeof AddressLifted>>(`/api/v1/cat/sessions/${enc(id)}/address-blocks/lift`, { method: 'POST', body: { address } }),
  clearLockout: (id: string, applicationId: string) => api<Out<typeof LockoutCleared>>(`/api/v1/cat/sessions/${enc(id)}/lockouts/clear`, { method: 'POST', body: { applicationId } }),
  proctors: (id: string) => api<SessionProctors>(`/api/v1/cat/sessions/${enc(id)}/proctors`),
  assignProctor: (id: string, accountId: string) => api<SessionProctors>(`/api/v1/cat/sessions/${enc(id)}/proctors`, { method: 'POST', body: { accountId } }),
  unassignProctor: (id: string, accountId: string) => api<SessionProctors>(`/api/v1/cat/sessions/${enc(id)}/proctors/${enc(accountId)}`, { method: 'DELETE' }),
  eventsUrl: (id: string) => `/api/v1/cat/sessions/${enc(id)}/events`,

  // public
  scoreboard: (id: string) => api<Scoreboard>(`/api/v1/public/cat/sessions/${enc(id)}/scoreboard`),
  scoreboardStreamUrl: (id: string) => `/api/v1/public/cat/sessions/${enc(id)}/scoreboard/stream`,

  // exam admin
  items: (f: ItemFilter) => api<BankItemPage>(`/api/v1/exam/items${query({ ...f })}`),
  item: (id: string) => api<BankItemDetail>(`/api/v1/exam/items/${enc(id)}`),
  createItem: (body: ItemContent) => api<BankItemDetail>('/api/v1/exam/items', { method: 'POST', body }),
  updateItem: (id: string, body: ItemContent) => api<Out<typeof ItemUpdateResult>>(`/api/v1/exam/items/${enc(id)}`, { method: 'PUT', body }),
  retireItem: (id: string) => api<Out<typeof OkResponse>>(`/api/v1/exam/items/${enc(id)}`, { method: 'DELETE' }),
  exportUrl: (f: ItemFilter, format: 'xlsx' | 'csv') => `/api/v1/exam/items/export${query({ examType: f.examType, subtest: f.subtest, category: f.category, q: f.q, includeRetired: f.includeRetired, format })}`,
  importItems: (file: File, onProgress?: (p: number) => void) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return uploadForm<ImportReport>('POST', '/api/v1/exam/items/import', form, onProgress);
  },
  uploadItemImage: (file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return uploadForm<Out<typeof ItemImageUploaded>>('POST', '/api/v1/exam/item-images', form);
  },
  itemImageUrl: (imageKey: string) => `/api/v1/exam/item-images/${enc(imageKey)}`,
  blueprints: () => api<Out<typeof BlueprintList>>('/api/v1/exam/blueprints'),
  createBlueprint: (body: Blueprint) => api<BlueprintRow>('/api/v1/exam/blueprints', { method: 'POST', body }),
  updateBlueprint: (id: string, body: Blueprint) => api<BlueprintRow>(`/api/v1/exam/blueprints/${enc(id)}`, { method: 'PUT', body }),
  itemAnalysis: (sessionId: string) => api<Out<typeof ItemAnalysis>>(`/api/v1/cat/sessions/${enc(sessionId)}/item-analysis`),
  itemAnalysisCsvUrl: (sessionId: string) => `/api/v1/cat/sessions/${enc(sessionId)}/item-analysis?format=csv`,
};
