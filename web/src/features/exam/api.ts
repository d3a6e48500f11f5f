/** Exam (CAT) endpoints — shapes as server/src/modules/exam/API.md documents them. */
import type { SaveAckBody } from '../../../../common/contracts/cat-socket.ts';
import { api } from '../../app/api.ts';
import { uploadForm } from '../recruitment/api.ts';
import type { OptionKey, ServerAnswer } from './queue.ts';

export const EXAM_TYPES = ['SKD', 'SKB', 'PPPK', 'PELATIHAN'] as const;
export type ExamType = (typeof EXAM_TYPES)[number];
export const SUBTESTS = ['TWK', 'TIU', 'TKP', 'TEKNIS', 'MANAJERIAL', 'SOSIO_KULTURAL', 'WAWANCARA', 'PELATIHAN'] as const;
export type Subtest = (typeof SUBTESTS)[number];
export const OPTION_KEYS = ['A', 'B', 'C', 'D', 'E'] as const;
/** Mirrors the server's item rules (items.ts): categories per subtest, subtests per exam, scoring kind. */
export const CATEGORIES: Record<Subtest, readonly string[]> = {
  TWK: ['nasionalisme', 'integritas', 'bela_negara', 'pilar_negara', 'bahasa_indonesia'],
  TIU: ['verbal', 'numerik', 'figural'],
  TKP: ['pelayanan_publik', 'jejaring_kerja', 'sosial_budaya', 'tik', 'profesionalisme', 'anti_radikalisme'],
  TEKNIS: ['teknis'],
  MANAJERIAL: ['manajerial'],
  SOSIO_KULTURAL: ['sosio_kultural'],
  WAWANCARA: ['wawancara'],
  PELATIHAN: ['umum', 'nilai_dasar_asn', 'kesiapsiagaan_bencana', 'teknis'],
};
export const EXAM_SUBTESTS: Record<ExamType, readonly Subtest[]> = { SKD: ['TWK', 'TIU', 'TKP'], SKB: ['TEKNIS'], PPPK: ['TEKNIS', 'MANAJERIAL', 'SOSIO_KULTURAL', 'WAWANCARA'], PELATIHAN: ['PELATIHAN'] };
export const WEIGHTED: ReadonlySet<Subtest> = new Set(['TKP', 'MANAJERIAL', 'SOSIO_KULTURAL', 'WAWANCARA']);

export interface ExamResult {
  twk: number;
  tiu: number;
  tkp: number;
  total: number;
  answered: number;
  bySubtest: Record<string, number>;
  passed: boolean | null;
  thresholdText: string;
}

export interface AttemptView {
  attempt: { id: string; sessionId: string; status: 'in_progress' | 'submitted'; startedAt: string; deadlineAt: string; now: string; remainingMs: number; graceSeconds: number; extraMinutes: number; submittedAt: string | null };
  items: { number: number; itemId: string; subtest: string; stem: string; imageKey: string | null; options: { key: OptionKey; text: string }[] }[];
  answers: ServerAnswer[];
  result: ExamResult | null;
}

/** What a committed save returns, over HTTP or as the socket's `ack` (common/contracts/cat-socket.ts). */
export type SaveAck = SaveAckBody;

export type ParticipantState = 'not_started' | 'in_progress' | 'submitted';

export interface ProctorParticipant {
  applicationId: string;
  participantNo: string;
  fullName: string;
  seat: number | null;
  extraMinutes: number;
  attemptId: string | null;
  state: ParticipantState;
  disconnected: boolean;
  answered: number;
  itemCount: number;
  timeLeftMs: number;
  deadlineAt: string | null;
  lastSeenAt: string | null;
  submittedBy: 'participant' | 'server' | null;
}

export interface ParticipantsSnapshot {
  sessionId: string;
  open: boolean;
  now: string;
  participants: ProctorParticipant[];
}

export interface Incident {
  id: string | number;
  kind: string;
  detail: string;
  at: string;
  attemptId: string | null;
  applicationId: string | null;
  participantNo: string | null;
}

export interface ScoreRow {
  participantNo: string;
  name: string;
  status: ParticipantState;
  /** Scores appear only once the attempt is submitted (an open attempt's running score would reveal keys). */
  twk: number | null;
  tiu: number | null;
  tkp: number | null;
  total: number | null;
  answered: number;
  itemCount: number;
  timeLeftMs: number;
  passed: boolean | null;
}

export interface Scoreboard {
  sessionId: string;
  updatedAt: string;
  participants: ScoreRow[];
}

export interface Blueprint {
  examType: ExamType;
  name: string;
  durationMinutes: number;
  accommodatedMinutes: number;
  /** Cap on a proctor's extra time per attempt; the server's default (30) when absent. */
  maxGrantMinutes?: number | undefined;
  sections: { subtest: Subtest; category: string | null; count: number }[];
  thresholdsRef: string;
}

export interface BlueprintRow {
  id: string;
  name: string;
  examType: ExamType;
  itemCount: number;
  blueprint: Blueprint;
  updatedAt: string;
}

export type ItemScoring = { kind: 'key'; correct: OptionKey; points: number } | { kind: 'weights'; weights: Partial<Record<OptionKey, number>> };

export interface ItemContent {
  examType: ExamType;
  subtest: Subtest;
  category: string;
  stem: string;
  imageKey: string | null;
  options: { key: OptionKey; text: string }[];
  scoring: ItemScoring;
  explanation?: string | null;
}

export interface BankItem {
  id: string;
  version: number;
  delivered: boolean;
  retired: boolean;
  updatedAt: string;
  content: ItemContent;
}

export interface BankItemDetail extends BankItem {
  versions: { version: number; delivered: boolean; createdAt: string }[];
}

export interface ItemFilter {
  examType?: string;
  subtest?: string;
  category?: string;
  q?: string;
  includeRetired?: 'true' | 'false';
  page?: number;
  pageSize?: number;
}

export interface ImportReport {
  ok: boolean;
  created: number;
  updated: number;
  unchanged: number;
  report: { line: number; itemId: string | null; status: string; problems: { field: string; message: string }[] }[];
}

export interface ItemStat {
  itemId: string;
  version: number;
  subtest: string;
  category: string;
  stem: string;
  n: number;
  difficulty: number;
  /** Mean points per attempt; for a weighted (TKP) item the mean weight chosen, of `maxPoints`. */
  meanPoints: number;
  maxPoints: number;
  /** Scored by option weights (TKP): no single right answer, so no easy/hard judgement. */
  weighted: boolean;
  pointBiserial: number | null;
  optionDistribution: Partial<Record<OptionKey | 'blank', number>>;
  flags: ('too_easy' | 'too_hard' | 'low_discrimination' | 'negative_discrimination')[];
}

/** CAT state of an exam session (GET /cat/sessions, /cat/sessions/:id); never carries the token. */
export interface CatSessionState {
  blueprintId: string;
  blueprintName: string;
  open: boolean;
  /** When the current token was issued: opening again issues a new token and moves this time. */
  openedAt: string;
  closedAt: string | null;
  graceSeconds: number;
}

export interface CatSessionSummary {
  sessionId: string;
  period: { id: string; name: string; year: number };
  site: { id: string; name: string };
  startsAt: string;
  durationMinutes: number;
  capacity: number;
  assigned: number;
  cat: CatSessionState | null;
  /** started counts every attempt, submitted ones included. */
  counts: { started: number; submitted: number };
}

export interface CatSessionDetail extends CatSessionSummary {
  blueprint: { id: string; name: string; examType: ExamType; durationMinutes: number; itemCount: number } | null;
}

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
  result: () => api<ExamResult & { attemptId: string; participantNo: string; submittedAt: string; submittedBy: 'participant' | 'server' }>('/api/v1/cat/result'),
  certificateUrl: '/api/v1/cat/certificate.pdf',

  // proctor
  catSessions: (f: { periodId?: string; state?: 'open' | 'all'; page?: number; pageSize?: number } = {}) =>
    api<{ sessions: CatSessionSummary[]; page: number; pageSize: number; total: number }>(`/api/v1/cat/sessions${query({ ...f })}`),
  catSession: (id: string) => api<CatSessionDetail>(`/api/v1/cat/sessions/${enc(id)}`),
  openSession: (id: string, body: { blueprintId: string; graceSeconds?: number }) => api<{ sessionId: string; token: string; graceSeconds: number }>(`/api/v1/cat/sessions/${enc(id)}/open`, { method: 'POST', body }),
  closeSession: (id: string) => api<{ ok: true }>(`/api/v1/cat/sessions/${enc(id)}/close`, { method: 'POST' }),
  participants: (id: string) => api<ParticipantsSnapshot>(`/api/v1/cat/sessions/${enc(id)}/participants`),
  grant: (id: string, body: { applicationId: string; minutes: number; reason: string }) => api<{ attemptId: string; deadlineAt: string }>(`/api/v1/cat/sessions/${enc(id)}/grants`, { method: 'POST', body }),
  approveDevice: (id: string, applicationId: string) => api<{ attemptId: string; approved: true }>(`/api/v1/cat/sessions/${enc(id)}/device-approvals`, { method: 'POST', body: { applicationId } }),
  incidents: (id: string) => api<{ incidents: Incident[] }>(`/api/v1/cat/sessions/${enc(id)}/incidents`),
  eventsUrl: (id: string) => `/api/v1/cat/sessions/${enc(id)}/events`,

  // public
  scoreboard: (id: string) => api<Scoreboard>(`/api/v1/public/cat/sessions/${enc(id)}/scoreboard`),
  scoreboardStreamUrl: (id: string) => `/api/v1/public/cat/sessions/${enc(id)}/scoreboard/stream`,

  // exam admin
  items: (f: ItemFilter) => api<{ total: number; page: number; pageSize: number; items: BankItem[] }>(`/api/v1/exam/items${query({ ...f })}`),
  item: (id: string) => api<BankItemDetail>(`/api/v1/exam/items/${enc(id)}`),
  createItem: (body: ItemContent) => api<BankItemDetail>('/api/v1/exam/items', { method: 'POST', body }),
  updateItem: (id: string, body: ItemContent) => api<{ outcome: 'updated' | 'new_version' | 'unchanged'; item: BankItemDetail }>(`/api/v1/exam/items/${enc(id)}`, { method: 'PUT', body }),
  retireItem: (id: string) => api<{ ok: true }>(`/api/v1/exam/items/${enc(id)}`, { method: 'DELETE' }),
  exportUrl: (f: ItemFilter, format: 'xlsx' | 'csv') => `/api/v1/exam/items/export${query({ examType: f.examType, subtest: f.subtest, category: f.category, q: f.q, includeRetired: f.includeRetired, format })}`,
  importItems: (file: File, onProgress?: (p: number) => void) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return uploadForm<ImportReport>('POST', '/api/v1/exam/items/import', form, onProgress);
  },
  uploadItemImage: (file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return uploadForm<{ imageKey: string; mime: string; size: number }>('POST', '/api/v1/exam/item-images', form);
  },
  itemImageUrl: (imageKey: string) => `/api/v1/exam/item-images/${enc(imageKey)}`,
  blueprints: () => api<{ blueprints: BlueprintRow[] }>('/api/v1/exam/blueprints'),
  createBlueprint: (body: Blueprint) => api<BlueprintRow>('/api/v1/exam/blueprints', { method: 'POST', body }),
  updateBlueprint: (id: string, body: Blueprint) => api<BlueprintRow>(`/api/v1/exam/blueprints/${enc(id)}`, { method: 'PUT', body }),
  itemAnalysis: (sessionId: string) => api<{ sessionId: string; attempts: number; minSample: number; items: ItemStat[] }>(`/api/v1/cat/sessions/${enc(sessionId)}/item-analysis`),
  itemAnalysisCsvUrl: (sessionId: string) => `/api/v1/cat/sessions/${enc(sessionId)}/item-analysis?format=csv`,
};
