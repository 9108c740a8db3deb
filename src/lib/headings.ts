/**
 * Heading anchors of an MDX chapter, computed from its source the way Astro does
 * it (github-slugger over the heading's text): lowercase, drop punctuation and
 * symbols, spaces become hyphens, a repeated slug gets `-1`, `-2`… Pure, used by
 * the tree link checks in tests and at build time.
 */

export interface SourceHeading {
  depth: number;
  text: string;
  slug: string;
}

/** Characters github-slugger keeps: letters, combining marks, digits, connector punctuation (`_`), hyphen, space. */
const DROP = /[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu;

/** The github-slugger slug of one text (no de-duplication). */
export function slugify(text: string): string {
  return text.toLowerCase().replace(DROP, '').replace(/ /g, '-');
}

/** A slugger that de-duplicates like github-slugger's `BananaSlug`. */
export function createSlugger(): (text: string) => string {
  const occurrences = new Map<string, number>();
  return (text: string) => {
    const base = slugify(text);
    let result = base;
    while (occurrences.has(result)) {
      const n = (occurrences.get(base) ?? 0) + 1;
      occurrences.set(base, n);
      result = `${base}-${n}`;
    }
    occurrences.set(result, 0);
    return result;
  };
}

/** The visible text of an inline-Markdown heading: code, links, emphasis and HTML/JSX tags reduced to their text. */
export function headingText(markdown: string): string {
  return markdown
    .replace(/`([^`]*)`/g, '$1')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^\p{L}\p{N}])[*_](.+?)[*_](?=$|[^\p{L}\p{N}])/gu, '$1$2')
    .replace(/\\([\\`*_{}[\]()#+\-.!])/g, '$1')
    .trim();
}

/** ATX headings (`#` … `######`) outside fenced code blocks and frontmatter, with their anchors. */
export function extractHeadings(source: string): SourceHeading[] {
  const slug = createSlugger();
  const headings: SourceHeading[] = [];
  const lines = source.split(/\r?\n/);
  let fence: string | null = null;
  let i = 0;
  if (lines[0]?.trim() === '---') {
    i = lines.findIndex((l, n) => n > 0 && l.trim() === '---') + 1;
  }
  for (; i < lines.length; i++) {
    const line = lines[i] as string;
    const f = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (f) {
      const marker = f[1] as string;
      if (fence === null) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length) fence = null;
      continue;
    }
    if (fence !== null) continue;
    const h = /^ {0,3}(#{1,6})[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$/.exec(line);
    if (!h) continue;
    const text = headingText(h[2] as string);
    headings.push({ depth: (h[1] as string).length, text, slug: slug(text) });
  }
  return headings;
}

/** Anchors a link may target: the h2 and h3 slugs of a chapter. */
export function chapterAnchors(source: string): Set<string> {
  return new Set(extractHeadings(source).filter((h) => h.depth === 2 || h.depth === 3).map((h) => h.slug));
}
