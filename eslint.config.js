/**
 * Lint that holds the shape of the code (docs/adr/0005-platform-kit-and-boundaries.md):
 *   merit/module-boundary      modules meet only through each other's index.ts; platform/ knows
 *                              modules only as types from an index.ts
 *   merit/pure-domain          domain/ and common/ do no I/O, read no clock, draw no randomness
 *   merit/sql-in-repositories  SQL (Kysely builders, `sql` templates) lives in *.repository.ts,
 *                              migrations, db/ and platform/ adapters — not in services or routes
 *   merit/own-tables           a module's code names only its own tables (scripts/lint/table-owners.js);
 *                              statements that must span modules are listed, with a reason, in
 *                              scripts/lint/table-allowlist.js
 * Files that predate a rule and still break it are listed in LEGACY below; the list only shrinks.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import { TABLE_ALLOWLIST } from './scripts/lint/table-allowlist.js';
import { SHARED_READ_TABLES, TABLE_OWNERS } from './scripts/lint/table-owners.js';

const ROOT = path.dirname(fileURLToPath(import.meta.url));
const rel = (file) => path.relative(ROOT, file).split(path.sep).join('/');
const resolveImport = (file, spec) => (spec.startsWith('.') ? rel(path.resolve(path.dirname(file), spec)) : null);
const moduleOf = (p) => /^server\/src\/modules\/([^/]+)\//.exec(p)?.[1] ?? null;
const isDomain = (p) => p.startsWith('common/') || /\/domain\//.test(p);

const IO_PACKAGES =
  /^(kysely|pg|@electric-sql\/|fastify|@fastify\/|nodemailer|exceljs|pdfkit|pdf-lib|qrcode|ws|file-type|@node-rs\/)/;
const INFRA_DIRS = /^server\/src\/(db|platform|http)\//;

const boundary = {
  meta: {
    type: 'problem',
    messages: {
      cross: 'Modul "{{from}}" hanya boleh memakai modul "{{to}}" lewat index.ts-nya (bukan {{target}}).',
      platform: 'platform/ hanya boleh mengenal modul sebagai tipe dari index.ts ({{target}}).',
    },
  },
  create(context) {
    const file = rel(context.filename);
    const from = moduleOf(file);
    const check = (node) => {
      const target = resolveImport(context.filename, node.source.value);
      if (!target) return;
      const to = moduleOf(target);
      if (!to) return;
      const viaIndex = target === `server/src/modules/${to}/index.ts`;
      if (from && from !== to && !viaIndex) context.report({ node, messageId: 'cross', data: { from, to, target } });
      if (
        file.startsWith('server/src/platform/') &&
        !file.endsWith('.test.ts') &&
        (!viaIndex || node.importKind !== 'type')
      )
        context.report({ node, messageId: 'platform', data: { target } });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: (n) => n.source && check(n),
      ExportAllDeclaration: check,
    };
  },
};

const pureDomain = {
  meta: {
    type: 'problem',
    messages: {
      io: 'Aturan domain tidak melakukan I/O: jangan impor {{what}}. Teruskan sebagai parameter.',
      impure: 'Aturan domain tidak membaca jam, acak, atau lingkungan ({{what}}): jadikan parameter.',
    },
  },
  create(context) {
    const file = rel(context.filename);
    if (!isDomain(file) || /\.test\.ts$/.test(file)) return {};
    const web = file.startsWith('common/');
    return {
      ImportDeclaration(node) {
        const spec = node.source.value;
        const target = resolveImport(context.filename, spec);
        if (
          target &&
          (INFRA_DIRS.test(target) || (moduleOf(target) && !isDomain(target) && node.importKind !== 'type'))
        )
          context.report({ node, messageId: 'io', data: { what: spec } });
        // node:crypto's hashing is deterministic; common/ runs in the browser too, so nothing from node there.
        if (spec.startsWith('node:') && (web || spec !== 'node:crypto'))
          context.report({ node, messageId: 'io', data: { what: spec } });
        if (IO_PACKAGES.test(spec)) context.report({ node, messageId: 'io', data: { what: spec } });
      },
      'CallExpression[callee.object.name="Date"][callee.property.name="now"]': (node) =>
        context.report({ node, messageId: 'impure', data: { what: 'Date.now()' } }),
      'CallExpression[callee.object.name="Math"][callee.property.name="random"]': (node) =>
        context.report({ node, messageId: 'impure', data: { what: 'Math.random()' } }),
      'NewExpression[callee.name="Date"][arguments.length=0]': (node) =>
        context.report({ node, messageId: 'impure', data: { what: 'new Date()' } }),
      'MemberExpression[object.name="process"][property.name="env"]': (node) =>
        context.report({ node, messageId: 'impure', data: { what: 'process.env' } }),
      'CallExpression[callee.name=/^random(Bytes|Int|UUID)$/]': (node) =>
        context.report({ node, messageId: 'impure', data: { what: node.callee.name } }),
    };
  },
};

const SQL_BUILDERS = new Set(['selectFrom', 'insertInto', 'updateTable', 'deleteFrom', 'replaceInto', 'mergeInto']);
const sqlInRepositories = {
  meta: {
    type: 'problem',
    messages: {
      sql: 'SQL hanya di *.repository.ts, migrasi, db/ dan adaptor platform/: pindahkan {{what}} ke repository modul ini.',
    },
  },
  create(context) {
    const file = rel(context.filename);
    if (!moduleOf(file) || /\.(repository|test|int\.test|unit\.test)\.ts$/.test(file) || file.endsWith('.test.ts'))
      return {};
    return {
      'CallExpression > MemberExpression.callee'(node) {
        if (node.property.type === 'Identifier' && SQL_BUILDERS.has(node.property.name))
          context.report({ node, messageId: 'sql', data: { what: `.${node.property.name}()` } });
      },
      'TaggedTemplateExpression[tag.name="sql"]': (node) =>
        context.report({ node, messageId: 'sql', data: { what: 'sql`…`' } }),
    };
  },
};

// Kysely methods whose string arguments name tables ('t' or 't as alias'; arrays too).
const TABLE_METHODS = new Set([
  'selectFrom',
  'insertInto',
  'updateTable',
  'deleteFrom',
  'replaceInto',
  'mergeInto',
  'using',
  'innerJoin',
  'leftJoin',
  'rightJoin',
  'fullJoin',
  'crossJoin',
  'innerJoinLateral',
  'leftJoinLateral',
  'crossJoinLateral',
]);
// Words after which a `sql` template names a table.
const SQL_TABLE_WORD = /\b(from|join|into|update)\s+([a-z_][a-z0-9_]*)/gi;
const WRITE_METHODS = new Set(['insertInto', 'updateTable', 'deleteFrom', 'replaceInto', 'mergeInto']);

/** A factory so the unit test can check the rule against its own map and allowlist. */
export function createOwnTablesRule(
  owners = TABLE_OWNERS,
  allowlist = TABLE_ALLOWLIST,
  sharedReads = SHARED_READ_TABLES,
) {
  return {
    meta: {
      type: 'problem',
      messages: {
        foreign:
          'Tabel "{{table}}" milik {{owner}}: modul "{{module}}" memakainya lewat fungsi baca pemiliknya (x.reads.ts / platform/), bukan langsung — atau catat (berkas, tabel) di scripts/lint/table-allowlist.js dengan alasannya.',
        stale:
          'scripts/lint/table-allowlist.js mengizinkan "{{table}}" di berkas ini, tetapi berkas ini tidak lagi memakainya: hapus entri itu.',
      },
    },
    create(context) {
      const file = rel(context.filename);
      const module = moduleOf(file);
      if (!module || file.endsWith('.test.ts')) return {};
      const allowed = allowlist[file] ?? {};
      const used = new Set();
      const check = (node, raw, writes) => {
        const table = raw.trim().split(/\s+/)[0].toLowerCase();
        const owner = owners[table];
        if (!owner || owner === module || (!writes && sharedReads.has(table))) return;
        used.add(table);
        if (!Object.hasOwn(allowed, table))
          context.report({ node, messageId: 'foreign', data: { table, owner, module } });
      };
      const checkArg = (arg, writes) => {
        if (arg?.type === 'Literal' && typeof arg.value === 'string') check(arg, arg.value, writes);
        else if (arg?.type === 'ArrayExpression') arg.elements.forEach((a) => checkArg(a, writes));
      };
      return {
        'CallExpression > MemberExpression.callee'(node) {
          if (node.property.type === 'Identifier' && TABLE_METHODS.has(node.property.name))
            checkArg(node.parent.arguments[0], WRITE_METHODS.has(node.property.name));
        },
        'TaggedTemplateExpression[tag.name="sql"]'(node) {
          const text = node.quasi.quasis.map((q) => q.value.cooked ?? q.value.raw).join(' ');
          for (const m of text.matchAll(SQL_TABLE_WORD)) check(node, m[2], /^(into|update)$/i.test(m[1]));
        },
        'Program:exit'(node) {
          for (const table of Object.keys(allowed))
            if (!used.has(table))
              context.report({ node, loc: { line: 1, column: 0 }, messageId: 'stale', data: { table } });
        },
      };
    },
  };
}
const ownTables = createOwnTablesRule();

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'web/dist/**', 'dist/**', 'coverage/**', 'bench/results/**'] },
  // typescript-eslint's recommended rules everywhere; the hooks rules in the web.
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [tseslint.configs.recommended],
    // `_name` marks a value left out on purpose (a destructured field dropped, an unused parameter).
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  // Tests and tools read arbitrary JSON answers from the API.
  { files: ['**/*.test.ts', 'e2e/**', 'server/test/**'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  {
    files: ['web/src/**/*.tsx', 'web/src/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { ecmaVersion: 'latest', sourceType: 'module', ecmaFeatures: { jsx: true } },
    },
    plugins: {
      merit: {
        rules: {
          'module-boundary': boundary,
          'pure-domain': pureDomain,
          'sql-in-repositories': sqlInRepositories,
          'own-tables': ownTables,
        },
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'merit/module-boundary': 'error',
      'merit/pure-domain': 'error',
      'merit/sql-in-repositories': 'error',
      'merit/own-tables': 'error',
    },
  },
);
