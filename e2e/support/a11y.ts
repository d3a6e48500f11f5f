/** axe-core checks: a page passes when it has no `serious` or `critical` violation. */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

export interface SeriousViolation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

export async function seriousViolations(page: Page): Promise<SeriousViolation[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact ?? '',
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
}

/**
 * Issue 16's bar for the pages the journeys visit: no critical, serious or moderate violation
 * (`scrollable-region-focusable`, `landmark-unique`, `heading-order`,
 * `landmark-complementary-is-top-level`, … — every rule axe rates moderate or above).
 */
export async function moderateOrWorseViolations(page: Page): Promise<SeriousViolation[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'moderate' || v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact ?? '', help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
}
