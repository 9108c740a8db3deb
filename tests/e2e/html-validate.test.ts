import { describe, expect, it } from 'vitest';
import { HtmlValidate } from 'html-validate';
import { builtHtml } from './support/site.ts';

// Every built page is valid HTML. Rules off here are about authoring style, not validity, and each says why.
const validator = new HtmlValidate({
  extends: ['html-validate:standard'],
  rules: {
    'no-inline-style': 'off', // Shiki colours tokens with style attributes (allowed by the CSP's style-src)
    'attribute-boolean-style': 'off', // Astro writes boolean attributes as attr="" / attr
    'no-trailing-whitespace': 'off', // generated markup
    'void-style': 'off', // Astro self-closes void elements
    'long-title': 'off', // chapter titles are descriptive on purpose
  },
});

describe('HTML validity', () => {
  it('every built page validates with zero errors', async () => {
    const failures: string[] = [];
    const pages = builtHtml();
    for (const [file, html] of pages) {
      const report = await validator.validateString(html, file);
      if (!report.valid) {
        for (const r of report.results)
          for (const m of r.messages.slice(0, 8)) failures.push(`${file}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
      }
    }
    expect(pages.length).toBeGreaterThan(60);
    expect(failures).toEqual([]);
  }, 300_000);
});

describe('text that reads as written', () => {
  // Astro drops the line break between an expression and the text after it ("50requests", "headers.Input"), and a
  // template can leak internal wording. Both are checked inside each text node of every built page.
  it('no word glued to a figure or a sentence, and no internal wording, on any page', () => {
    const glued = [/[a-z]{3}\.[A-Z][a-z]{2}/, /\d(?:requests|input|output|tokens|days|models)\b/, /[a-z],[A-Za-z]{3}/];
    const internal = /reference facts|by one reviewer|a second reviewer|multipliers\.\w+|TODO|lorem ipsum/i;
    const bad: string[] = [];
    for (const [file, html] of builtHtml()) {
      const text = html.replace(/<(script|style|pre|code)\b.*?<\/\1>/gs, '');
      for (const m of text.matchAll(/>([^<]+)</g)) {
        const t = m[1]!;
        if (/\b(e\.g|i\.e)\./.test(t)) continue;
        if (glued.some((re) => re.test(t)) || internal.test(t)) bad.push(`${file}: ${t.trim().slice(0, 100)}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('no word glued to the inline element next to it ("save each page of<code>", "tiers.</strong>The")', () => {
    const bad: string[] = [];
    for (const [file, html] of builtHtml()) {
      const text = html.replace(/<(script|style|pre)\b.*?<\/\1>/gs, '');
      for (const m of text.matchAll(/[A-Za-z,.;:]<(?:code|a|strong|em)\b[^>]*>[^<]{0,20}|<\/(?:code|a|strong|em)>[A-Za-z(][^<]{0,20}/g)) {
        if (/^.<strong class="models-retiring"/.test(m[0]) || /^<\/(?:a|code)>s\b/.test(m[0])) continue;
        bad.push(`${file}: ${m[0].replace(/<[^>]*>/g, '⟨⟩')}`);
      }
    }
    expect(bad).toEqual([]);
  });
});
