/**
 * Community satisfaction surveys (SKM, PermenPANRB 14/2017, RULES.md §5.2): service units with
 * their unsur (the nine by default, or their own weighted ones) and survey period (triwulan,
 * semester, tahunan); one questionnaire per respondent per period — a signed-in account, or the
 * service ticket/phone number they type, kept only as a keyed digest; the index per unit and
 * period with its band, the Krejcie–Morgan sample the unit needs, and a QR poster per desk.
 */
import { bindUseCases } from '../../platform/context.ts';
import { createResponseStore, respondToSurvey } from './survey-responses.ts';
import { createUnit, getUnit, listUnits, saveBands, surveyPoster, surveyResults } from './survey-units.ts';
import { DEFAULT_SURVEY_LIMITS, type SurveyLimits, type SurveysContext } from './surveys.shared.ts';

export { DEFAULT_SURVEY_LIMITS, type SurveyLimits, type SurveysContext } from './surveys.shared.ts';

/** What compose.ts hands in: the platform parts, the challenges, the respondent key and optional limits. */
export type SurveyDeps = Omit<SurveysContext, 'limits' | 'unitCache' | 'store'> & { limits?: Partial<SurveyLimits> };

/** The survey use-cases bound to one context (with its unit cache and batch writer), for routes, tests and the seed. */
export function createSurveysService(deps: SurveyDeps) {
  const limits: SurveyLimits = { ...DEFAULT_SURVEY_LIMITS, ...deps.limits };
  const base = { ...deps, limits };
  const ctx: SurveysContext = { ...base, unitCache: new Map(), store: createResponseStore(base) };
  return {
    limits,
    challenge: () => ctx.challenges.issue('survey'),
    ...bindUseCases(ctx, {
      createUnit,
      units: listUnits,
      unit: getUnit,
      respond: respondToSurvey,
      results: surveyResults,
      poster: surveyPoster,
      saveBands,
    }),
  };
}

export type SurveysService = ReturnType<typeof createSurveysService>;
