// Property-based tests for the paste-an-error classifier (src/lib/classify-error.ts) and the sentence built from its
// facts (src/lib/describe-match.ts).
//
// The properties, for any input at all:
// - classifyError never throws; it returns null or a match whose category is a non-empty string, whose errorId is one of
//   CLASSIFIER_ERROR_IDS, and whose facts are plain strings or finite numbers (never NaN or Infinity);
// - numeric facts are what a number read from an error can be: finite, non-negative, HTTP statuses the guide knows;
// - the classifier never manufactures markup. Every structured fact (model id, request id, tool-use id, error type,
//   limit kind, dates) has a fixed shape that cannot hold `<`, `>`, `"` or `&`. The one free-text fact, `resetsAt`
//   ("resets 5pm (Europe/London)"), can hold `<` or `>` only when the paste itself had them (or their HTML entities,
//   which the classifier decodes because errors are copied from web pages). Facts are rendered as text (escaped by
//   Preact; tests/unit/fuzz-islands.test.tsx checks the rendered paste box), so even that is inert;
// - describeMatch always returns a string in which "NaN", "Infinity" and "undefined" appear only if they were pasted;
// - the answer depends on the text only (same input, same output), and moderately long adversarial pastes are
//   classified quickly (no exponential regex backtracking).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CLASSIFIER_ERROR_IDS, classifyError, type ErrorMatch } from '../../src/lib/classify-error.ts';
import { describeMatch } from '../../src/lib/describe-match.ts';
import { HOSTILE_VALUES, ensure, hostileString, numberText } from '../support/hostile.ts';

const RUNS = 3000;

const dev: string[] = readFileSync(new URL('../fixtures/eval/errors-dev.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => (JSON.parse(l) as { message: string }).message);

/** Digit strings from 1 to 400 digits (finite but enormous once converted), and hostile numbers. */
const bigDigits = fc.oneof(
  fc.integer({ min: 0, max: 10_000_000 }).map(String),
  fc.integer({ min: 1, max: 400 }).chain((n) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n })),
  fc.constantFrom('0', '1', '9'.repeat(308), '1' + '0'.repeat(308), '9'.repeat(309), '9'.repeat(400)),
  numberText,
);

/** Real error shapes with the numbers and names replaced by random or hostile ones. */
const templated = fc.oneof(
  fc.tuple(bigDigits, bigDigits).map(([a, b]) => `prompt is too long: ${a} tokens > ${b} maximum`),
  fc.tuple(bigDigits, bigDigits, bigDigits).map(([a, b, c]) => `input length and \`max_tokens\` exceed context limit: ${a} + ${b} > ${c}, decrease input length or \`max_tokens\` and try again`),
  fc.tuple(bigDigits, bigDigits, hostileString).map(([a, b, m]) => `max_tokens: ${a} > ${b}, which is the maximum allowed number of output tokens for ${m}`),
  fc.tuple(bigDigits).map(([a]) => `The maximum tokens you requested exceed the model limit of ${a}.`),
  fc.tuple(bigDigits, bigDigits).map(([a, b]) => `messages.0.content.1.image.source.base64: image exceeds 5 MB maximum: ${a} bytes > ${b} bytes`),
  fc.tuple(bigDigits, bigDigits).map(([a, b]) => `A maximum of ${a} blocks with cache_control may be provided. Found ${b}.`),
  fc.tuple(bigDigits, fc.constantFrom('input tokens', 'output tokens', 'requests'), hostileString).map(
    ([n, kind, model]) => `Error code: 429 - {'type': 'error', 'error': {'type': 'rate_limit_error', 'message': 'This request would exceed the rate limit for your organization of ${n} ${kind} per minute. model: ${model}'}}`,
  ),
  fc.tuple(bigDigits).map(([e]) => `Claude AI usage limit reached|${e.slice(0, 12)}`),
  fc.tuple(hostileString, hostileString).map(([t, z]) => `5-hour limit reached ∙ resets ${t.slice(0, 5)}pm (${z})`),
  fc.tuple(hostileString).map(([d]) => `You have reached your API usage limits. You will regain access on ${d} at 00:00 UTC.`),
  fc.tuple(hostileString, hostileString).map(([m, d]) => `The model '${m}' is deprecated and will reach end-of-life on ${d}.`),
  fc.tuple(hostileString).map(([id]) => `messages.2: \`tool_use\` ids were found without \`tool_result\` blocks immediately after: toolu_${id}`),
  fc.tuple(bigDigits, bigDigits).map(([r, a]) => `Overloaded. Retrying in ${r} seconds… (attempt ${a}/10) max retries: ${a}`),
  fc.tuple(hostileString, bigDigits).map(([m, s]) => `API Error (${m}): ${s} {"type":"error","error":{"type":"not_found_error","message":"model: ${m}"},"request_id":"req_${m}"}`),
);

/** Dev-set messages with hostile noise inserted, prepended or appended. */
const noisyDev = fc.tuple(fc.constantFrom(...dev), hostileString, fc.nat(), fc.constantFrom('prefix', 'suffix', 'insert')).map(([msg, noise, at, where]) => {
  if (where === 'prefix') return noise + msg;
  if (where === 'suffix') return msg + noise;
  const i = at % (msg.length + 1);
  return msg.slice(0, i) + noise + msg.slice(i);
});

const anyPaste = fc.oneof(
  { weight: 3, arbitrary: hostileString },
  { weight: 3, arbitrary: templated },
  { weight: 2, arbitrary: noisyDev },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 300 }) },
  { weight: 1, arbitrary: fc.array(fc.oneof(hostileString, fc.constantFrom(...dev)), { maxLength: 6 }).map((xs) => xs.join(' ')) },
);

const KNOWN_STATUS = [400, 401, 402, 403, 404, 408, 409, 413, 429, 500, 502, 503, 504, 529];
/** Every fact the classifier may report, with the shape of its value. `resetsAt` is the only free-text fact. */
const STRING_SHAPES: Record<string, RegExp> = {
  errorType: /^[A-Za-z_]+$/,
  model: /^[A-Za-z0-9][\w.:@[\]-]*$/,
  modelName: /^[A-Z][a-z]+ \d+(?:\.\d+)?$/,
  requestId: /^req_\w+$/,
  toolUseId: /^toolu_[A-Za-z0-9]+$/,
  limitKind: /^(?:input tokens|output tokens|tokens|requests) per (?:minute|day)$/,
  retires: /^(?:[A-Z][a-z]+ \d{1,2}(?:st|nd|rd|th)?,? \d{4}|\d{4}-\d{2}-\d{2})$/i,
};
const NUMBER_FACTS = ['status', 'tokens', 'limit', 'maxTokens', 'overBy', 'percentOver', 'bytes', 'found', 'retryInSeconds', 'attempt', 'maxAttempts', 'maxRetries', 'messageIndex', 'toolIndex'];

const IDS = new Set(CLASSIFIER_ERROR_IDS);

function checkMatch(text: string, match: ErrorMatch | null) {
  if (match === null) return;
  ensure(Object.keys(match).sort().join() === 'by,category,errorId,facts,why', () => `unexpected keys ${Object.keys(match).join()}`);
  ensure(['code', 'rule', 'generic'].includes(match.by), () => `by ${match.by}`);
  ensure(typeof match.why === 'string' && match.why.length > 0 && match.why.length <= 90, () => `why ${match.why}`);
  ensure(typeof match.category === 'string' && /^[a-z][a-z-]*$/.test(match.category), () => `category ${match.category}`);
  ensure(IDS.has(match.errorId), () => `unknown error id ${match.errorId}`);
  ensure(Object.getPrototypeOf(match.facts) === Object.prototype, 'facts is not a plain object');
  for (const [key, value] of Object.entries(match.facts)) {
    if (typeof value === 'number') {
      ensure(NUMBER_FACTS.includes(key), `unexpected numeric fact ${key}`);
      ensure(Number.isFinite(value) && value >= 0, () => `${key} = ${value}`);
      if (key === 'status') ensure(KNOWN_STATUS.includes(value), `status ${value}`);
    } else {
      ensure(typeof value === 'string', () => `${key} is a ${typeof value}`);
      if (key === 'resetsAt') {
        // Free text read from the paste: markup characters only if the paste had them (raw or as entities).
        if (/[<>]/.test(value)) ensure(/[<>]|&lt;|&gt;|\\u003[ce]/i.test(text), () => `resetsAt ${value} has markup the paste did not`);
      } else {
        const shape = STRING_SHAPES[key];
        ensure(shape !== undefined, `unexpected text fact ${key}`);
        ensure(shape.test(value), () => `${key} = ${JSON.stringify(value)} does not match ${shape}`);
      }
    }
  }
  const sentence = describeMatch(match);
  ensure(typeof sentence === 'string', 'describeMatch did not return a string');
  for (const m of sentence.matchAll(/NaN|Infinity|undefined|∞/g)) ensure(text.includes(m[0]), () => `"${m[0]}" in "${sentence}"`);
}

describe('classifyError under random and hostile pastes', () => {
  it('never throws; returns null or a well-formed match with finite numbers and shaped strings', () => {
    fc.assert(
      fc.property(anyPaste, (text) => {
        checkMatch(text, classifyError(text));
      }),
      { numRuns: RUNS },
    );
  });

  it('reads enormous numbers out of real error shapes without producing NaN or Infinity', () => {
    fc.assert(
      fc.property(templated, (text) => {
        const match = classifyError(text);
        checkMatch(text, match);
      }),
      { numRuns: RUNS },
    );
  });

  it('returns null for anything that is not a string, and for blank or tiny strings', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.string({ unit: fc.constantFrom(' ', '\t', '\n', '\u00a0', '\u3000'), maxLength: 50 })), (value) => {
        if (typeof value === 'string' && value.trim().length >= 3) return;
        expect(classifyError(value as string)).toBeNull();
      }),
      { numRuns: 2000 },
    );
  });

  it('is a function of the text: the same paste gives the same answer', () => {
    fc.assert(
      fc.property(anyPaste, (text) => {
        expect(classifyError(text)).toEqual(classifyError(text));
      }),
      { numRuns: 1000 },
    );
  });

  it('classifies 2,000-character adversarial pastes quickly (no exponential backtracking)', () => {
    const unit = fc.constantFrom(...HOSTILE_VALUES.filter((v) => v.length < 50), '0', '1', ' ', ',', ':', '>', '+', '(', 'tokens', 'bytes', 'max_tokens', 'claude-', '\\n', '&lt;', 'req_', 'toolu_', '.');
    const long = fc.array(unit, { minLength: 50, maxLength: 600 }).map((xs) => xs.join('').slice(0, 2000));
    fc.assert(
      fc.property(long, (text) => {
        const t0 = performance.now();
        const match = classifyError(text);
        const ms = performance.now() - t0;
        expect(ms, `${ms.toFixed(0)} ms for ${JSON.stringify(text.slice(0, 80))}…`).toBeLessThan(250);
        checkMatch(text, match);
      }),
      { numRuns: 300 },
    );
  });
});
