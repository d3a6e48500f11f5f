/** Selection endpoints; response types are inferred from the contracts the server enforces (common/contracts/selection.ts). */
import type { z } from 'zod';
import type {
  FormationResultsResponse,
  ImportedResponse,
  OkResponse,
  ProposedPublicationResponse,
  PublicPublicationsResponse,
  RankingPreviewResponse,
  RecordedAbsencesResponse,
  SkbComponentBody,
  SkbWeightsResponse,
  StaffPublicationsResponse,
  ThresholdRuleSetBody,
  ThresholdsResponse,
} from '../../../../common/contracts/selection.ts';
import type { NEED_TYPES } from '../../../../common/contracts/vocabulary.ts';
import { api } from '../../app/api.ts';
import { uploadForm } from '../../app/upload.ts';

export type NeedTypeKey = (typeof NEED_TYPES)[number];
export type ThresholdBody = z.infer<typeof ThresholdRuleSetBody>;
export type ThresholdRule = ThresholdBody['rules'][NeedTypeKey];
export type SkbComponent = z.infer<typeof SkbComponentBody>;
export type Stage = 'skd' | 'final';

export type ThresholdSet = z.infer<typeof ThresholdsResponse>['thresholds'][number];
export type StaffPublication = z.infer<typeof StaffPublicationsResponse>['publications'][number];
export type Publication = z.infer<typeof PublicPublicationsResponse>['publications'][number];
export type PublicationFile = Publication['files'][number];

export type RankingPreview = z.infer<typeof RankingPreviewResponse>;
export type RankingRow = RankingPreview['rows'][number];
export type UnscoredParticipant = RankingPreview['missing'][number];

export type FormationResults = z.infer<typeof FormationResultsResponse>;
export type SkdResult = FormationResults['skd'][number];
export type FinalResult = NonNullable<FormationResults['final']>[number];
export type HistogramBin = FormationResults['histogram'][number];
type Ok = z.infer<typeof OkResponse>;
type Imported = z.infer<typeof ImportedResponse>;

export const announcementUrl = (publicationId: string) => `/api/v1/public/results/publications/${publicationId}/announcement.pdf`;
export const fileUrl = (publicationId: string, name: string) => `/api/v1/public/results/publications/${publicationId}/files/${encodeURIComponent(name)}`;

function csvForm(file: File): FormData {
  const form = new FormData();
  form.append('file', file, file.name);
  return form;
}

export const selectionApi = {
  publicResults: (periodId: string) => api<z.infer<typeof PublicPublicationsResponse>>(`/api/v1/public/results/periods/${periodId}`),
  formationResults: (periodId: string, code: string) => api<FormationResults>(`/api/v1/public/results/periods/${periodId}/formations/${encodeURIComponent(code)}`),
  thresholds: () => api<z.infer<typeof ThresholdsResponse>>('/api/v1/public/thresholds'),
  setThresholds: (year: number, body: ThresholdBody) => api<Ok>(`/api/v1/admin/thresholds/${year}`, { method: 'PUT', body }),

  importSkd: (periodId: string, file: File, onProgress?: (p: number) => void) => uploadForm<Imported>('POST', `/api/v1/periods/${periodId}/skd-scores/import`, csvForm(file), onProgress),
  ranking: (periodId: string) => api<RankingPreview>(`/api/v1/periods/${periodId}/ranking`),
  recordAbsences: (periodId: string, participantNos: string[]) => api<z.infer<typeof RecordedAbsencesResponse>>(`/api/v1/periods/${periodId}/skd-scores/absences`, { method: 'POST', body: { participantNos } }),
  skbWeights: (formationId: string) => api<z.infer<typeof SkbWeightsResponse>>(`/api/v1/formations/${formationId}/skb-weights`),
  setSkbWeights: (formationId: string, components: SkbComponent[]) => api<Ok>(`/api/v1/formations/${formationId}/skb-weights`, { method: 'PUT', body: { components } }),
  importSkb: (periodId: string, file: File, onProgress?: (p: number) => void) => uploadForm<Imported>('POST', `/api/v1/periods/${periodId}/skb-scores/import`, csvForm(file), onProgress),
  publications: (periodId: string) => api<z.infer<typeof StaffPublicationsResponse>>(`/api/v1/periods/${periodId}/publications`),
  propose: (periodId: string, stage: Stage, reason: string | null) =>
    api<z.infer<typeof ProposedPublicationResponse>>(`/api/v1/periods/${periodId}/publications`, { method: 'POST', body: { stage, reason } }),
  decide: (publicationId: string, approve: boolean) => api<Ok>(`/api/v1/publications/${publicationId}/decision`, { method: 'POST', body: { approve } }),
};
