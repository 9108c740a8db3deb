/**
 * Turns the facts `classifyError` read out of a pasted error into one plain sentence with the numbers,
 * e.g. "You are 19,898 tokens (9.9%) over the 200,000-token window." Pure; used by the paste box.
 */
import type { ErrorMatch } from './classify-error.ts';

const nf = new Intl.NumberFormat('en-US');
const n = (v: string | number | undefined): string => (typeof v === 'number' ? nf.format(v) : String(v ?? ''));
const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function modelPhrase(facts: ErrorMatch['facts']): string {
  const m = facts.model ?? facts.modelName;
  return typeof m === 'string' && m !== '' ? m : '';
}

function pct(v: unknown): string {
  return num(v) ? ` (${v}%)` : '';
}

/** One sentence describing what was read from the paste, or '' when there is nothing specific to say. */
export function describeMatch(match: ErrorMatch): string {
  const f = match.facts;
  const model = modelPhrase(f);
  const whose = model ? `${model}'s` : 'the';
  switch (match.errorId) {
    case 'prompt-too-long':
      if (num(f.tokens) && num(f.limit) && num(f.overBy))
        return `Your input is ${n(f.tokens)} tokens: you are ${n(f.overBy)} tokens${pct(f.percentOver)} over ${whose} ${n(f.limit)}-token window.`;
      break;
    case 'context-limit-exceeded':
      if (num(f.tokens) && num(f.maxTokens) && num(f.limit) && num(f.overBy))
        return `${n(f.tokens)} input tokens plus max_tokens ${n(f.maxTokens)} is ${n(f.overBy)} tokens${pct(f.percentOver)} over the ${n(f.limit)}-token limit.`;
      break;
    case 'max-tokens-too-large':
      if (num(f.maxTokens) && num(f.limit))
        return `You asked for max_tokens ${n(f.maxTokens)}; ${model ? `${model} allows` : 'the model allows'} at most ${n(f.limit)} output tokens.`;
      if (num(f.limit)) return `The model allows at most ${n(f.limit)} output tokens.`;
      break;
    case 'rate-limit-tokens':
    case 'rate-limit-requests':
      if (num(f.limit) && typeof f.limitKind === 'string')
        return `Your organisation's limit${model ? ` for ${model}` : ''} is ${n(f.limit)} ${f.limitKind}.`;
      break;
    case 'image-too-large':
      if (num(f.bytes) && num(f.limit) && num(f.overBy))
        return `The image is ${n(f.bytes)} bytes: ${n(f.overBy)} bytes${pct(f.percentOver)} over the ${n(f.limit)}-byte limit.`;
      break;
    case 'cache-control-limit':
      if (num(f.limit) && num(f.found)) return `The request has ${n(f.found)} cache_control blocks; the limit is ${n(f.limit)}.`;
      break;
    case 'spend-cap-reached':
    case 'subscription-usage-limit':
      if (typeof f.resetsAt === 'string') return `Access resets at ${f.resetsAt}.`;
      break;
    case 'tool-use-without-tool-result':
    case 'unexpected-tool-use-id':
      if (typeof f.toolUseId === 'string')
        return `Tool call ${f.toolUseId}${num(f.messageIndex) ? ` in messages[${f.messageIndex}]` : ''} has no matching partner block.`;
      break;
    case 'invalid-tool-input-schema':
      if (num(f.toolIndex)) return `The bad schema is on tools[${f.toolIndex}] of your request.`;
      break;
    case 'model-deprecated':
      if (typeof f.retires === 'string') return `${model || 'The model'} reaches end of life on ${f.retires}.`;
      break;
    default:
      break;
  }
  const bits: string[] = [];
  if (num(f.status)) bits.push(`HTTP ${f.status}`);
  if (typeof f.errorType === 'string') bits.push(f.errorType);
  if (model) bits.push(`model ${model}`);
  return bits.length ? `Read from your paste: ${bits.join(', ')}.` : '';
}
