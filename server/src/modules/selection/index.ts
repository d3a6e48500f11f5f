export { runIntegrate, runRank, RANK_USAGE, INTEGRATE_USAGE, type CliIo } from './cli.ts';
export {
  THRESHOLD_RULE_SETS,
  NEED_TYPES,
  thresholdRuleSet,
  passesThreshold,
  isNeedType,
  type NeedType,
  type ThresholdRule,
  type ThresholdRuleSet,
} from './domain/thresholds.ts';
export {
  rankSkd,
  rankFormations,
  rankedRows,
  toSkdTable,
  scoreKey,
  SKB_MULTIPLIER,
  type Formation,
  type SkdTable,
  type SkdRow,
  type RankedRow,
  type RankingResult,
  type Status,
} from './domain/ranking.ts';
export {
  integrate,
  compareFinal,
  finalNumerator,
  roundFinalThousandths,
  INTEGRATION_WEIGHTS,
  FINAL_DENOMINATOR,
  type IntegrationEntry,
  type FinalRow,
  type FinalResult,
} from './domain/integration.ts';
export {
  InputError,
  parseFormationsCsv,
  parseSkdCsv,
  parseRankingCsv,
  parseSkbCsv,
  serializeRanking,
  serializeFinal,
  formatThousandths,
  RANKING_HEADER,
  FINAL_HEADER,
} from './domain/csv.ts';
export { compareBytes } from './domain/byte-order.ts';
export { createSelectionService, type SelectionService } from './selection.service.ts';
export { selectionRoutes } from './selection.routes.ts';
export { createResultAnnouncementService, type ResultAnnouncementService } from './result-announcement.service.ts';
export { publicationsAwaiting } from './selection.reads.ts';
export { selectionScoresOf, type SelectionScores } from './selection.reads.ts';
