/**
 * Lists production functions by length (lines from signature to closing brace), longest first:
 * `npx tsx scripts/function-lengths.ts [rows]`. Tests, migrations, seeds' fixtures and benches are
 * not production code. server/src/code-shape.unit.test.ts holds the bounds.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const ROOTS = ['common', 'server/src', 'web/src'];
const isProduction = (f: string) => /\.tsx?$/.test(f) && !/\.test\.tsx?$|\.e2e\.ts$|\/fixtures\//.test(f);

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) yield* files(p);
    else if (isProduction(p)) yield p;
  }
}

export interface FunctionLength {
  file: string;
  name: string;
  line: number;
  lines: number;
}

/** Every function-like node's span in lines; nested functions count in their parent too. */
export function functionLengths(root = process.cwd()): FunctionLength[] {
  const out: FunctionLength[] = [];
  for (const r of ROOTS) {
    for (const file of files(path.join(root, r))) {
      const text = readFileSync(file, 'utf8');
      const sf = ts.createSourceFile(
        file,
        text,
        ts.ScriptTarget.Latest,
        true,
        file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
      );
      const visit = (node: ts.Node) => {
        if (ts.isFunctionLike(node) && 'body' in node && node.body) {
          const start = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
          const end = sf.getLineAndCharacterOfPosition(node.getEnd()).line;
          const parent = node.parent;
          const name =
            (node.name && ts.isIdentifier(node.name) ? node.name.text : undefined) ??
            (parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)
              ? parent.name.text
              : undefined) ??
            (parent && ts.isPropertyAssignment(parent) && ts.isIdentifier(parent.name)
              ? parent.name.text
              : '(anonymous)');
          out.push({ file: path.relative(root, file), name, line: start + 1, lines: end - start + 1 });
        }
        ts.forEachChild(node, visit);
      };
      visit(sf);
    }
  }
  return out.sort((a, b) => b.lines - a.lines);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const limit = Number(process.argv[2] ?? 30);
  const all = functionLengths();
  for (const f of all.slice(0, limit)) console.log(`${String(f.lines).padStart(4)}  ${f.file}:${f.line}  ${f.name}`);
  console.log(
    `\n${all.filter((f) => f.lines > 100).length} over 100 lines, ${all.filter((f) => f.lines > 80).length} over 80`,
  );
}
