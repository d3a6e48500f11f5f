/** Selection endpoints (response shapes as server/src/modules/selection/selection.service.ts returns them). */
import type { z } from 'zod';
import type { RankingPreviewResponse, SkbComponentBody, ThresholdRuleSetBody } from '../../../../common/contracts/selection.ts';
import type { NEED_TYPES } from '../../../../common/contracts/vocabulary.ts';
import { api } from '../../app/api.ts';
import { uploadForm } from '../recruitment/api.ts';

export type NeedTypeKey = (typeof NEED_TYPES)[number];
export type ThresholdBody = z.infer<typeof ThresholdRuleSetBody>;
export type ThresholdRule = ThresholdBody['rules'][NeedTypeKey];
export type SkbComponent = z.infer<typeof SkbComponentBody>;
export type Stage = 'skd' | 'final';

export interface ThresholdSet extends ThresholdBody {
  year: number;
  updatedAt: string;
}

export interface PublicationFile {
  name: string;
  sha256: string;
  bytes: number;
}

export interface Publication {
  id: string;
  stage: Stage;
  version: number;
  status: 'proposed' | 'published' | 'rejected';
  reason: string | null;
  proposedAt: string;
  decidedAt: string | null;
  files: PublicationFile[];
}

export type RankingPreview = z.infer<typeof RankingPreviewResponse>;
export type RankingRow = RankingPreview['rows'][number];
export type UnscoredParticipant = RankingPreview['missing'][number];

export interface SkdResult {
  participantNo: string;
  maskedName: string;
  twk: number | null;
  tiu: number | null;
  tkp: number | null;
  total: number | null;
  rank: number | null;
  code: string;
}

export interface FinalResult {
  participantNo: string;
  maskedName: string;
  skdTotal: number;
  skb: string | null;
  finalScore: string | null;
  rank: number | null;
  result: string;
}

export interface HistogramBin {
  from: number;
  to: number;
  count: number;
}

export interface FormationResults {
  formationCode: string;
  skdVersion: number;
  finalVersion: number | null;
  skd: SkdResult[];
  final: FinalResult[] | null;
  histogram: HistogramBin[];
}

export const announcementUrl = (publicationId: string) => `/api/v1/public/results/publications/${publicationId}/announcement.pdf`;
export const fileUrl = (publicationId: string, name: string) => `/api/v1/public/results/publications/${publicationId}/files/${encodeURIComponent(name)}`;

function csvForm(file: File): FormData {
  const form = new FormData();
  form.append('file', file, file.name);
  return form;
}

export const selectionApi = {
  publicResults: (periodId: string) => api<{ publications: Publication[] }>(`/api/v1/public/results/periods/${periodId}`),
  formationResults: (periodId: string, code: string) => api<FormationResults>(`/api/v1/public/results/periods/${periodId}/formations/${encodeURIComponent(code)}`),
  thresholds: () => api<{ thresholds: ThresholdSet[] }>('/api/v1/public/thresholds'),
  setThresholds: (year: number, body: ThresholdBody) => api<{ ok: true }>(`/api/v1/admin/thresholds/${year}`, { method: 'PUT', body }),

  importSkd: (periodId: string, file: File, onProgress?: (p: number) => void) => uploadForm<{ imported: number }>('POST', `/api/v1/periods/${periodId}/skd-scores/import`, csvForm(file), onProgress),
  ranking: (periodId: string) => api<RankingPreview>(`/api/v1/periods/${periodId}/ranking`),
  recordAbsences: (periodId: string, participantNos: string[]) => api<{ recorded: number }>(`/api/v1/periods/${periodId}/skd-scores/absences`, { method: 'POST', body: { participantNos } }),
  skbWeights: (formationId: string) => api<{ components: SkbComponent[]; configured: boolean }>(`/api/v1/formations/${formationId}/skb-weights`),
  setSkbWeights: (formationId: string, components: SkbComponent[]) => api<{ ok: true }>(`/api/v1/formations/${formationId}/skb-weights`, { method: 'PUT', body: { components } }),
  importSkb: (periodId: string, file: File, onProgress?: (p: number) => void) => uploadForm<{ imported: number }>('POST', `/api/v1/periods/${periodId}/skb-scores/import`, csvForm(file), onProgress),
  publications: (periodId: string) => api<{ publications: Publication[] }>(`/api/v1/periods/${periodId}/publications`),
  propose: (periodId: string, stage: Stage, reason: string | null) =>
    api<{ id: string; version: number; files: PublicationFile[] }>(`/api/v1/periods/${periodId}/publications`, { method: 'POST', body: { stage, reason } }),
  decide: (publicationId: string, approve: boolean) => api<{ ok: true }>(`/api/v1/publications/${publicationId}/decision`, { method: 'POST', body: { approve } }),
};
