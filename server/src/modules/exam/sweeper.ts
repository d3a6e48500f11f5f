/** The server-side deadline: a timer that submits every attempt past its deadline + grace. */
import type { Services } from '../../compose.ts';

/**
 * Starts sweeping every `intervalMs` (default 5 s); returns the stop function. Safe on several
 * instances at once (the sweep takes attempts with `for update skip locked`).
 */
export function startExamSweeper(
  services: Pick<Services, 'cat'>,
  opts: { intervalMs?: number; onError?: (err: unknown) => void } = {},
): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    services.cat
      .sweep()
      .catch((err) => opts.onError?.(err))
      .finally(() => {
        running = false;
      });
  }, opts.intervalMs ?? 5000);
  timer.unref?.();
  return () => clearInterval(timer);
}
