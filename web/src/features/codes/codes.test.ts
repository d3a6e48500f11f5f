/**
 * Every audit action and subject the server records has an Indonesian and an English label, and
 * every action's area has a filter label on /audit: a new `audit.record(...)` without one fails here.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { audEn } from '../transparency/locales/aud.en.ts';
import { audId } from '../transparency/locales/aud.id.ts';
import { CODE_GROUPS } from './i18n.ts';

const SERVER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../server/src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [full] : [];
  });
}

const text = sources(SERVER)
  .map((f) => readFileSync(f, 'utf8'))
  .join('\n');
// `action: 'x.y'`, `action: cond ? 'x.y' : 'x.z'` and a machine's events behind `policy.milestone.${event}`.
const actions = new Set<string>();
for (const m of text.matchAll(/action: ([^,}\n]+)/g))
  for (const q of m[1]!.matchAll(/'([a-z_]+(?:\.[a-z_]+)+)'/g)) actions.add(q[1]!);
for (const e of ['start', 'complete', 'reopen']) actions.add(`policy.milestone.${e}`);
const subjects = new Set([...text.matchAll(/subjectType: '([a-z_]+)'/g)].map((m) => m[1]!));

describe('no raw code on /audit', () => {
  it('finds the actions the server records', () => {
    expect(actions.size).toBeGreaterThan(150);
    expect(actions).toContain('training.certificate.issue');
  });

  it.each([...actions].sort())('%s has a label in both languages and an area', (action) => {
    const label = CODE_GROUPS.audit[action];
    expect(label?.[0], `id label for ${action}`).toBeTruthy();
    expect(label?.[1], `en label for ${action}`).toBeTruthy();
    const area = action.split('.')[0]! as keyof typeof audId.areas;
    expect(audId.areas[area], `area ${area}`).toBeTruthy();
    expect(audEn.areas[area], `area ${area}`).toBeTruthy();
  });

  it.each([...subjects].sort())('subject %s has a label in both languages', (subject) => {
    expect(CODE_GROUPS.subject[subject]?.every((x) => x.length > 0)).toBe(true);
  });
});
