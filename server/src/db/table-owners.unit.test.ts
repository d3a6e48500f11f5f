/**
 * merit/own-tables (eslint.config.js): a module's code may name only its own tables, except the
 * (file, table) pairs of scripts/lint/table-allowlist.js; every table has exactly one owner.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Linter as LinterType, Linter, type Rule } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
type Owners = Record<string, string>;
type Allowlist = Record<string, Record<string, string>>;
// Plain-JS modules (the lint config and its data) are loaded by path so TypeScript needs no declarations.
const load = async <T>(file: string): Promise<T> => (await import(path.join(ROOT, file))) as T;
const { createOwnTablesRule } = await load<{
  createOwnTablesRule: (o?: Owners, a?: Allowlist, shared?: Set<string>) => Rule.RuleModule;
}>('eslint.config.js');
const { TABLE_OWNERS } = await load<{ TABLE_OWNERS: Owners }>('scripts/lint/table-owners.js');
const { TABLE_ALLOWLIST } = await load<{ TABLE_ALLOWLIST: Allowlist }>('scripts/lint/table-allowlist.js');

const OWNERS: Owners = {
  applications: 'recruitment',
  skd_scores: 'selection',
  throttle_events: 'platform',
  organizations: 'platform',
};
const SHARED = new Set(['organizations']);
const SELECTION_REPO = 'server/src/modules/selection/selection.repository.ts';

function lint(
  file: string,
  code: string,
  allowlist: Allowlist = {},
  owners: Owners = OWNERS,
): LinterType.LintMessage[] {
  const linter = new Linter({ configType: 'flat', cwd: ROOT });
  const config: LinterType.Config[] = [
    {
      files: ['**/*.ts'],
      languageOptions: { parser: tseslint.parser as LinterType.Parser },
      plugins: { merit: { rules: { 'own-tables': createOwnTablesRule(owners, allowlist, SHARED) } } },
      rules: { 'merit/own-tables': 'error' },
    },
  ];
  return linter.verify(code, config, { filename: path.join(ROOT, file) });
}
const ids = (messages: LinterType.LintMessage[]) => messages.map((m) => m.messageId ?? m.message);

describe('merit/own-tables', () => {
  it("rejects a repository that deletes from another module's table", () => {
    const messages = lint(
      SELECTION_REPO,
      "export const purge = (db: any) => db.deleteFrom('applications').where('id', '=', 'x').execute();",
    );
    expect(ids(messages)).toEqual(['foreign']);
    expect(messages[0]?.message).toContain('applications');
  });

  it('rejects the same delete with the real ownership map', () => {
    expect(
      ids(
        lint(
          'server/src/modules/exam/purge.repository.ts',
          "db.deleteFrom('complaints').execute();",
          TABLE_ALLOWLIST,
          TABLE_OWNERS,
        ),
      ),
    ).toEqual(['foreign']);
  });

  it("passes a repository that writes its own module's table", () => {
    expect(
      lint(SELECTION_REPO, "db.deleteFrom('skd_scores').execute(); db.insertInto('skd_scores').values({}).execute();"),
    ).toEqual([]);
    expect(
      lint('server/src/modules/recruitment/recruitment.repository.ts', "db.deleteFrom('applications').execute();"),
    ).toEqual([]);
  });

  it('passes a foreign table the allowlist names for that file, and only for that file', () => {
    const allow = { [SELECTION_REPO]: { applications: "selection's ranking joins applications" } };
    const code =
      "db.selectFrom('skd_scores as s').innerJoin('applications as a', 'a.id', 's.application_id').selectAll().execute();";
    expect(lint(SELECTION_REPO, code, allow)).toEqual([]);
    expect(ids(lint('server/src/modules/selection/other.repository.ts', code, allow))).toEqual(['foreign']);
  });

  it('lets any module read shared reference data, and none write it', () => {
    const read =
      "db.selectFrom('skd_scores').innerJoin('organizations as o', 'o.id', 'skd_scores.org').execute(); sql`select name from organizations`;";
    expect(ids(lint(SELECTION_REPO, read))).toEqual([]);
    const write =
      "db.updateTable('organizations').set({ name: 'x' }).execute(); sql`insert into organizations values (1)`;";
    expect(ids(lint(SELECTION_REPO, write))).toEqual(['foreign', 'foreign']);
  });

  it('sees aliased tables, joins, arrays and the words of sql templates', () => {
    expect(
      ids(lint(SELECTION_REPO, "db.selectFrom('skd_scores as s').leftJoin('applications as a', 'a.id', 's.id');")),
    ).toEqual(['foreign']);
    expect(ids(lint(SELECTION_REPO, "db.selectFrom(['skd_scores', 'applications']);"))).toEqual(['foreign']);
    expect(ids(lint(SELECTION_REPO, 'sql`delete from applications where id = ${id}`;'))).toEqual(['foreign']);
    expect(ids(lint(SELECTION_REPO, 'sql`insert into throttle_events (key) values (${k})`;'))).toEqual(['foreign']);
    expect(lint(SELECTION_REPO, 'sql`select count(*) from skd_scores where extract(year from at) = ${y}`;')).toEqual(
      [],
    );
  });

  it('reports an allowlist entry the file no longer needs, so the list only shrinks', () => {
    const allow = { [SELECTION_REPO]: { applications: 'once joined applications' } };
    expect(ids(lint(SELECTION_REPO, "db.selectFrom('skd_scores').selectAll();", allow))).toEqual(['stale']);
  });

  it('leaves tests and code outside the modules alone', () => {
    expect(
      lint('server/src/modules/selection/selection.int.test.ts', "db.deleteFrom('applications').execute();"),
    ).toEqual([]);
    expect(lint('server/src/platform/throttle.ts', "db.deleteFrom('throttle_events').execute();")).toEqual([]);
  });
});

describe('table ownership data', () => {
  it('names an owner for exactly the tables the migrations make', () => {
    const generated = readFileSync(path.join(ROOT, 'server/src/db/generated.ts'), 'utf8');
    const dbBlock = generated.slice(generated.indexOf('export interface DB {'));
    const tables = [...dbBlock.matchAll(/^\s+([a-z_]+): [A-Z]/gm)].map((m) => m[1]);
    expect(Object.keys(TABLE_OWNERS).sort()).toEqual(tables.sort());
  });

  it('gives every allowlist entry a foreign table and a reason', () => {
    for (const [file, tables] of Object.entries(TABLE_ALLOWLIST)) {
      const module = /^server\/src\/modules\/([^/]+)\//.exec(file)?.[1];
      expect(module, file).toBeDefined();
      for (const [table, reason] of Object.entries(tables)) {
        expect(TABLE_OWNERS[table], `${file} ${table}`).toBeDefined();
        expect(TABLE_OWNERS[table], `${file} ${table}`).not.toBe(module);
        expect(reason.trim().length, `${file} ${table}`).toBeGreaterThan(10);
      }
    }
  });
});
