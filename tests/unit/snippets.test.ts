import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Every code file a chapter shows is real: TypeScript is type-checked by `npm run check` (tsconfig
// includes content/), Python is compiled here, and every import in a chapter points at a file that exists.

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === '__pycache__') return [];
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const snippetFiles = walk('content/snippets');
const pythonFiles = snippetFiles.filter((f) => f.endsWith('.py'));

describe('code shown in chapters', () => {
  it('has Python and TypeScript files to check', () => {
    expect(pythonFiles.length).toBeGreaterThan(10);
    expect(snippetFiles.filter((f) => f.endsWith('.ts')).length).toBeGreaterThan(10);
  });

  it('compiles every Python snippet', () => {
    // compile() checks syntax without writing .pyc files; a SyntaxError names the file and line.
    const script = [
      'import sys',
      'bad = []',
      'for f in sys.argv[1:]:',
      '    try:',
      '        compile(open(f, encoding="utf-8").read(), f, "exec")',
      '    except SyntaxError as e:',
      '        bad.append(f"{f}:{e.lineno}: {e.msg}")',
      'print("\\n".join(bad))',
    ].join('\n');
    const out = execFileSync('python3', ['-c', script, ...pythonFiles], { encoding: 'utf8' }).trim();
    expect(out).toBe('');
  });

  it('imports only files that exist, from every chapter', () => {
    const missing: string[] = [];
    for (const chapter of walk('content/chapters').filter((f) => f.endsWith('.mdx'))) {
      const source = readFileSync(chapter, 'utf8');
      for (const m of source.matchAll(/^import\s+\w+\s+from\s+'(\.\.\/(?:snippets|recipes)\/[^'?]+)\?raw';/gm)) {
        const target = join('content/chapters', m[1]!);
        try {
          statSync(target);
        } catch {
          missing.push(`${chapter} imports ${m[1]}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
