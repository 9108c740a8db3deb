// @vitest-environment happy-dom
// Property-based tests of the islands that render untrusted values: the paste box (whatever is typed), the calculator
// (whatever is in the query string) and the decision-tree walker (whatever answers are in the link). Rendered in
// happy-dom, and on the server with preact-render-to-string, with hostile input. The properties:
// - nothing throws while rendering;
// - the visible text never shows "NaN", "Infinity", "∞" or "undefined" unless the reader typed that word;
// - no markup from the input becomes markup: the rendered HTML, parsed again, has no <script>, no other element the
//   islands do not render, no on* attribute and no javascript: link.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { h, render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { renderToString } from 'preact-render-to-string';
import { parse } from 'yaml';
import PasteBox from '../../src/islands/PasteBox.tsx';
import type { FixEntry } from '../../src/islands/FixCandidates.tsx';
import Calculator from '../../src/islands/Calculator.tsx';
import TreeWalker from '../../src/islands/TreeWalker.tsx';
import { catalogueIndex, slimPricingData, MODEL_IDS } from '../../src/lib/catalogue.ts';
import { parseQuery } from '../../src/lib/calculator-state.ts';
import { resolveUrlState } from '../../src/lib/tree-url.ts';
import { treeSchema } from '../../src/schemas/tree.ts';
import type { Tree } from '../../src/lib/tree-types.ts';
import { ensure, hostileString, numberText } from '../support/hostile.ts';

const root = join(import.meta.dirname, '../..');

const pasteErrors: FixEntry[] = readdirSync(join(root, 'content/errors'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => parse(readFileSync(join(root, 'content/errors', f), 'utf8')) as { id: string; title: string; fixSummary: string; category: string; chapter: string })
  .map((e) => ({ id: e.id, title: e.title, fix: e.fixSummary, category: e.category, chapter: e.chapter, chapterTitle: e.chapter }));

const dev: string[] = readFileSync(join(root, 'tests/fixtures/eval/errors-dev.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => (JSON.parse(l) as { message: string }).message);

const trees: Tree[] = readdirSync(join(root, 'content/trees'))
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => treeSchema.parse(parse(readFileSync(join(root, 'content/trees', f), 'utf8'))) as Tree);
const pages = trees.flatMap((t) => [...t.questions.map((q) => q.id), ...t.outcomes.map((o) => o.id)].map((node) => ({ tree: t.id, node })));
const tokens = trees.flatMap((t) => t.questions.flatMap((q) => q.options.map((o) => `${q.id}:${o.id}`)));

const calculatorData = JSON.stringify(slimPricingData());

/** Elements the three islands render; anything else in their HTML came from input. */
const ALLOWED = new Set(
  'div p span a strong em code q label textarea input select option button fieldset legend form section h2 h3 ul ol li nav table caption thead tbody tr th td svg title g rect text br details summary'.split(' '),
);

/** Parses `html` again and checks it holds no markup that came from input. */
function checkMarkup(html: string) {
  ensure(!/<script/i.test(html), () => `<script in ${html.slice(0, 300)}`);
  const box = document.createElement('div');
  box.innerHTML = html;
  for (const el of box.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    ensure(ALLOWED.has(tag), () => `unexpected <${tag}> in rendered HTML`);
    for (const attr of el.getAttributeNames()) ensure(!/^on/i.test(attr), () => `event-handler attribute ${attr} on <${tag}>`);
    const href = el.getAttribute('href');
    if (href !== null) ensure(/^(\/|#|https:\/\/)/.test(href), () => `suspicious href ${href}`);
  }
}

/** Visible text: "NaN", "Infinity", "∞" and "undefined" only if typed. */
function checkText(text: string, typed: string) {
  for (const m of text.matchAll(/NaN|Infinity|∞|undefined/g)) ensure(typed.includes(m[0]), () => `"${m[0]}" shown but not typed`);
}

let container: HTMLElement | null = null;
function mount(vnode: ComponentChild): HTMLElement {
  container = document.createElement('div');
  document.body.append(container);
  act(() => render(vnode, container!));
  return container;
}
afterEach(() => {
  if (container) {
    act(() => render(null, container!));
    container.remove();
    container = null;
  }
});

function unmount() {
  if (container) {
    act(() => render(null, container!));
    container.remove();
    container = null;
  }
}

const bigDigits = fc.oneof(fc.integer({ min: 0, max: 1e9 }).map(String), fc.integer({ min: 1, max: 400 }).map((n) => '9'.repeat(n)), numberText);
const paste = fc.oneof(
  { weight: 3, arbitrary: hostileString },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...dev), hostileString).map(([m, n]) => m + n) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...dev), hostileString).map(([m, n]) => n + m) },
  { weight: 1, arbitrary: fc.tuple(bigDigits, bigDigits).map(([a, b]) => `prompt is too long: ${a} tokens > ${b} maximum`) },
  { weight: 1, arbitrary: fc.tuple(bigDigits, bigDigits).map(([a, b]) => `max_tokens: ${a} > ${b}, which is the maximum allowed number of output tokens for claude-opus-4-7`) },
  { weight: 1, arbitrary: fc.tuple(hostileString).map(([z]) => `5-hour limit reached ∙ resets 5pm (${z})`) },
);

describe('islands render hostile input safely', () => {
  it('PasteBox: whatever is typed, the result shows no NaN/Infinity/undefined, no injected markup, and links only to the guide', () => {
    fc.assert(
      fc.property(paste, (text) => {
        const el = mount(h(PasteBox, { errors: pasteErrors }));
        const area = el.querySelector('textarea') as HTMLTextAreaElement;
        act(() => {
          area.value = text;
          area.dispatchEvent(new Event('input', { bubbles: true }));
        });
        const result = el.querySelector('.paste-box__result') as HTMLElement;
        checkMarkup(result.innerHTML);
        checkText(result.textContent ?? '', text);
        if (text.trim()) ensure((result.textContent ?? '').trim() !== '', 'nothing shown for a non-empty paste');
        for (const a of result.querySelectorAll('a')) {
          ensure(/^\/(errors\/([a-z0-9-]+\/)?|troubleshoot\/|guide\/[a-z0-9-]+\/(#[a-z0-9_-]+)?|search\/(\?q=[^"<>\s]*)?)$/.test(a.getAttribute('href') ?? ''), () => `link ${a.getAttribute('href')}`);
        }
        unmount();
      }),
      { numRuns: 400 },
    );
  }, 30_000);

  it('Calculator: any query string renders finite figures and messages, with no injected markup', () => {
    const key = fc.constantFrom('models', 'input', 'cached', 'output', 'hit', 'ttl', 'perDay', 'perMonth', 'batch', 'geo', 'mix', 'ref');
    const value = fc.oneof(
      hostileString,
      numberText,
      fc.subarray([...MODEL_IDS], { minLength: 1, maxLength: 4 }).map((ids) => ids.join(',')),
      fc.constantFrom('10000000', '1000000000', '1', '0', 'us', '1h', 'opus-4-1', 'haiku-3-5', 'haiku-4-5:0.5,opus-4-7:0.5', 'haiku-5-5'),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(key, value), { maxLength: 8 }), (entries) => {
        const search = new URLSearchParams(entries).toString();
        history.replaceState(null, '', `/calculator/?${search}`);
        const el = mount(h(Calculator, { data: calculatorData }));
        const typed = entries.map(([, v]) => v).join('\n');
        checkMarkup(el.innerHTML);
        checkText(el.textContent ?? '', typed);
        // The island read the query: every field the parser refuses is marked, and the summary counts them.
        const errors = Object.keys(parseQuery(catalogueIndex, location.search).errors);
        ensure(el.querySelectorAll('.calc-error').length >= (errors.length ? 1 : 0), () => `no message shown for ${errors.join(', ')}`);
        // Each refused text field is marked invalid for assistive technology.
        const textFields = errors.filter((f) => ['input', 'cached', 'output', 'hit', 'batch', 'volume', 'mix'].includes(f));
        const marked = el.querySelectorAll('input[type="text"][aria-invalid="true"]').length;
        ensure(marked === textFields.length, () => `${marked} fields marked invalid, expected ${textFields.join(', ') || 'none'}`);
        unmount();
      }),
      { numRuns: 60 },
    );
  }, 30_000); // property runs over a whole island: slow on a shared machine

  it('Calculator: the server-rendered page (what a reader without JavaScript sees) shows the default figures', () => {
    const html = renderToString(h(Calculator, { data: calculatorData }));
    checkMarkup(html);
    expect(html).not.toMatch(/NaN|Infinity|undefined|∞/);
    expect(html).toMatch(/\$\d/);
  });

  it('TreeWalker: any answers in the link render a walk or a plain message, with no injected markup', () => {
    const answers = fc.array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...tokens) }, { weight: 1, arbitrary: hostileString }), { maxLength: 8 });
    fc.assert(
      fc.property(fc.constantFrom(...pages), answers, fc.boolean(), (at, as, encode) => {
        const a = as.join(',');
        const search = encode ? `?${new URLSearchParams([['a', a]]).toString()}` : `?a=${a.replace(/[#%\s]|[\ud800-\udfff]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`)}`;
        const tree = trees.find((t) => t.id === at.tree)!;
        const path = at.node === tree.start ? (tree.id === 'master' ? '/troubleshoot/' : `/troubleshoot/${tree.id}/`) : `/troubleshoot/${tree.id}/${at.node}/`;
        history.replaceState(null, '', path + search);
        // (Against the URL as the browser stored it: control characters in a typed link are normalised by the URL parser.
        // Read before the island runs: it replaces a link that does not fit with the state it shows.)
        const state = resolveUrlState(trees, at, location.search);
        const el = mount(h(TreeWalker, { trees, tree: at.tree, node: at.node }));
        checkMarkup(el.innerHTML);
        checkText(el.textContent ?? '', a);
        ensure(el.querySelector('h2, p, a') !== null, 'the walker rendered nothing');
        // A link that does not fit is explained, and the start of the tree is shown instead.
        const problem = el.querySelector('.tw-problem');
        if (state.status === 'problem') ensure(problem?.textContent?.includes(state.message), () => `problem "${state.message}" not shown`);
        else ensure(problem === null, 'a problem shown for a link that fits');
        ensure(el.querySelector('.tw')?.getAttribute('data-node') === state.node, () => `shows ${el.querySelector('.tw')?.getAttribute('data-node')}, expected ${state.node}`);
        unmount();
      }),
      { numRuns: 250 },
    );
  }, 30_000); // property runs over a whole island: slow on a shared machine

  it('TreeWalker: every node of every tree renders on the server with links only, no undefined or NaN', () => {
    for (const at of pages) {
      const html = renderToString(h(TreeWalker, { trees, tree: at.tree, node: at.node }));
      checkMarkup(html);
      expect(html, `${at.tree}/${at.node}`).not.toMatch(/NaN|Infinity|undefined|∞/);
      expect(html, `${at.tree}/${at.node}`).toMatch(/<a [^>]*href="\//);
    }
  });
});
