/**
 * The CAT exam (RULES.md §2), put together from its parts: a proctor opens a session with a
 * blueprint and shows a token (cat-session-control); participants sign in with participant
 * number, password and token and get a form derived from a seed stored with the attempt
 * (cat-login); the server owns the clock and answers are group-committed (cat-attempt,
 * answer-writer); scoring runs only at submit, and a sweeper submits attempts whose deadline +
 * grace has passed (cat-submit); then the result and certificate (cat-result), the proctor console
 * (proctor-console), the public scoreboard (scoreboard) and item analysis (item-analysis). What
 * they share is in cat-shared.ts.
 */
import { createCatAttempts } from './cat-attempt.service.ts';
import { createCatLogin } from './cat-login.service.ts';
import { createCatResults } from './cat-result.service.ts';
import { createSessionControl } from './cat-session-control.service.ts';
import { type CatDeps, createCatCore } from './cat-shared.ts';
import { createCatSubmit } from './cat-submit.service.ts';
import { createItemAnalysis } from './item-analysis.service.ts';
import { createProctorConsole } from './proctor-console.service.ts';
import { createScoreboard } from './scoreboard.service.ts';

export {
  type AttemptViewJson,
  type CatDeps,
  DISCONNECTED_AFTER_MS,
  hashDevice,
  hashToken,
  newDeviceId,
} from './cat-shared.ts';

export function createCatService(deps: CatDeps) {
  const core = createCatCore(deps);
  const { internal, ...attempts } = createCatAttempts(core);
  return {
    ...createSessionControl(core),
    ...createCatLogin(core, internal),
    ...attempts,
    ...createCatSubmit(core, internal),
    ...createCatResults(core),
    ...createProctorConsole(core),
    ...createScoreboard(core),
    ...createItemAnalysis(core),
  };
}

export type CatService = ReturnType<typeof createCatService>;
