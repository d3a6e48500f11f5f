export { createItemBankService, type ItemBankService } from './item-bank.service.ts';
export { createCatService, type CatService } from './cat.service.ts';
export { createAnswerWriter, type AnswerWriter, CAT_CHANNEL } from './answer-writer.ts';
export { createLiveHub, type LiveHub } from './live.ts';
export { examRoutes, DEVICE_COOKIE } from './exam.routes.ts';
export { createSessionResultsService, type SessionResultsService } from './session-results.service.ts';
export { createItemImagesService, type ItemImagesService } from './item-images.service.ts';
export {
  createAssessmentService,
  type AssessmentService,
  type AssessmentResult,
  type AssessmentSummary,
} from './assessment.service.ts';
