import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// A <Part> left open swallows the sections after it: MDX still compiles, but the next headings render
// indented inside the previous section's trade-off. Every Part closes before the next one or the next section (h2); h3 inside a Part is fine.
const chapters = join(import.meta.dirname, '../../content/chapters');

export function partProblems(source: string): string[] {
  const problems: string[] = [];
  let open = 0;
  let inFence = false;
  source.split('\n').forEach((line, i) => {
    if (line.startsWith('```')) inFence = !inFence;
    if (inFence) return;
    if (line.startsWith('<Part')) {
      if (open > 0) problems.push(`line ${i + 1}: <Part> opened inside another Part`);
      open += 1;
    } else if (line.startsWith('</Part>')) {
      if (open === 0) problems.push(`line ${i + 1}: </Part> with no open Part`);
      open = Math.max(0, open - 1);
    } else if (line.startsWith('## ') && open > 0) {
      problems.push(`line ${i + 1}: heading inside an open Part`);
    }
  });
  if (open > 0) problems.push('a Part is still open at the end of the file');
  return problems;
}

describe('chapter Parts', () => {
  it('finds an unclosed Part before a heading', () => {
    expect(partProblems('<Part kind="fix">\n\ntext\n\n## Next\n\n</Part>\n')).toEqual(['line 5: heading inside an open Part']);
    expect(partProblems('<Part kind="fix">\n\n```md\n## not a heading\n```\n\n</Part>\n')).toEqual([]);
  });

  it.each(readdirSync(chapters).filter((f) => f.endsWith('.mdx')))('%s closes every Part', (file) => {
    expect(partProblems(readFileSync(join(chapters, file), 'utf8'))).toEqual([]);
  });
});
