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
