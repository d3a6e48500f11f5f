/** Selection endpoints; response types are inferred from the contracts the server enforces (common/contracts/selection.ts). */
import type { z } from 'zod';
import {
  type PUBLISHED_FILE_NAMES,
  selectionEndpoints as E,
} from '../../../../common/contracts/selection.endpoints.ts';
import type {
  FormationResultsResponse,
  PublicPublicationsResponse,
  RankingPreviewResponse,
  SkbComponentBody,
  StaffPublicationsResponse,
  ThresholdRuleSetBody,
  ThresholdsResponse,
} from '../../../../common/contracts/selection.ts';
import type { NEED_TYPES } from '../../../../common/contracts/vocabulary.ts';
import { call, upload, urlOf } from '../../app/client.ts';

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
type PublishedFileName = (typeof PUBLISHED_FILE_NAMES)[number];

export const announcementUrl = (publicationId: string) => urlOf(E.announcement, { params: { id: publicationId } });
export const fileUrl = (publicationId: string, name: string) =>
  urlOf(E.publishedFile, { params: { id: publicationId, name: name as PublishedFileName } });

function csvForm(file: File): FormData {
  const form = new FormData();
  form.append('file', file, file.name);
  return form;
}

export const selectionApi = {
  publicResults: (periodId: string) => call(E.publicResults, { params: { id: periodId } }),
  formationResults: (periodId: string, code: string) => call(E.formationResults, { params: { id: periodId, code } }),
  thresholds: () => call(E.thresholds),
  setThresholds: (year: number, body: ThresholdBody) => call(E.setThresholds, { params: { year }, body }),

  importSkd: (periodId: string, file: File, onProgress?: (p: number) => void) =>
    upload(E.importSkd, { params: { id: periodId } }, csvForm(file), onProgress),
  ranking: (periodId: string) => call(E.ranking, { params: { id: periodId } }),
  recordAbsences: (periodId: string, participantNos: string[]) =>
    call(E.recordAbsences, { params: { id: periodId }, body: { participantNos } }),
  skbWeights: (formationId: string) => call(E.skbWeights, { params: { id: formationId } }),
  setSkbWeights: (formationId: string, components: SkbComponent[]) =>
    call(E.setSkbWeights, { params: { id: formationId }, body: { components } }),
  /** One participant's SKB scores from the form; null components = absent. */
  enterSkb: (periodId: string, participantNo: string, components: Record<string, string> | null) =>
    call(E.enterSkb, { params: { id: periodId, participantNo }, body: { components } }),
  importSkb: (periodId: string, file: File, onProgress?: (p: number) => void) =>
    upload(E.importSkb, { params: { id: periodId } }, csvForm(file), onProgress),
  publications: (periodId: string) => call(E.publications, { params: { id: periodId } }),
  propose: (periodId: string, stage: Stage, reason: string | null) =>
    call(E.propose, { params: { id: periodId }, body: { stage, reason } }),
  decide: (publicationId: string, approve: boolean) =>
    call(E.decide, { params: { id: publicationId }, body: { approve } }),
};
