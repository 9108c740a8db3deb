import Anthropic from '@anthropic-ai/sdk';

export type ToolHandler = (input: Record<string, unknown>) => Promise<string>;

export interface ToolSpec {
  definition: Anthropic.Tool;
  handler: ToolHandler;
}

/** Missing required fields, checked in code: never trust the model to have asked. */
function missingRequired(spec: ToolSpec, input: Record<string, unknown>): string[] {
  const required = spec.definition.input_schema.required ?? [];
  return required.filter((key) => input[key] === undefined || input[key] === null || input[key] === '');
}

async function runOne(
  block: Anthropic.ToolUseBlock,
  tools: ReadonlyMap<string, ToolSpec>,
): Promise<Anthropic.ToolResultBlockParam> {
  const spec = tools.get(block.name);
  const input = (block.input ?? {}) as Record<string, unknown>;
  if (spec === undefined) {
    return { type: 'tool_result', tool_use_id: block.id, is_error: true, content: `Unknown tool ${block.name}` };
  }
  const missing = missingRequired(spec, input);
  if (missing.length > 0) {
    return {
      type: 'tool_result',
      tool_use_id: block.id,
      is_error: true,
      content: `Missing required parameter(s): ${missing.join(', ')}. Ask the user; do not guess.`,
    };
  }
  try {
    return { type: 'tool_result', tool_use_id: block.id, content: await spec.handler(input) };
  } catch (err) {
    // A failed tool still needs a tool_result, or the next request is a 400.
    return { type: 'tool_result', tool_use_id: block.id, is_error: true, content: String(err) };
  }
}

/**
 * A tool loop that keeps the history valid on every path: the assistant turn is
 * stored exactly as returned, every tool_use gets a tool_result in the very next
 * user message (all parallel results in one message), a response cut off at
 * max_tokens is retried once with more room (up to the model's output cap) instead of
 * executing partial input, and a refusal is raised, never returned as an answer.
 */
/** The model declined (stop_reason "refusal", an HTTP 200): fall back to another model, see /guide/fallbacks/#refusals-http-200-with-stop_reason-refusal. */
export class ToolLoopRefusal extends Error {
  constructor(
    readonly model: string,
    readonly category: string | null,
    readonly history: Anthropic.MessageParam[],
  ) {
    super(`${model} refused (category ${category ?? 'none'}): fall back, do not retry on the same model`);
  }
}

export async function runToolLoop(
  model: string,
  system: string,
  userText: string,
  specs: readonly ToolSpec[],
  opts: { maxTokens?: number; maxTurns?: number } = {},
): Promise<{ text: string; history: Anthropic.MessageParam[] }> {
  const client = new Anthropic({ apiKey: process.env['ANTHROPIC_API_KEY'] });
  const tools = new Map(specs.map((s) => [s.definition.name, s] as const));
  const history: Anthropic.MessageParam[] = [{ role: 'user', content: userText }];
  let maxTokens = opts.maxTokens ?? 4096;
  let retriedTruncation = false;

  for (let turn = 0; turn < (opts.maxTurns ?? 20); turn++) {
    const res = await client.messages.create({
      model,
      system,
      max_tokens: maxTokens,
      tools: specs.map((s) => s.definition),
      messages: history,
    });

    if (res.stop_reason === 'refusal') {
      // Not an answer: never store it or act on its partial text.
      throw new ToolLoopRefusal(model, res.stop_details?.category ?? null, history);
    }
    if (res.stop_reason === 'max_tokens' && res.content.some((b) => b.type === 'tool_use')) {
      // The last tool_use input may be truncated JSON. Do not run it and do not store it.
      if (retriedTruncation) throw new Error('Tool call still truncated after retry: shrink the tool input');
      // Double, but never past the model's output cap, which the Models API reports (null: unknown).
      const cap = (await client.models.retrieve(model)).max_tokens ?? maxTokens * 2;
      if (maxTokens >= cap) throw new Error(`Tool call truncated at the output cap of ${model} (${cap}): shrink the tool input`);
      retriedTruncation = true;
      maxTokens = Math.min(maxTokens * 2, cap);
      continue;
    }

    history.push({ role: 'assistant', content: res.content });
    const calls = res.content.filter((b): b is Anthropic.ToolUseBlock => b.type === 'tool_use');
    if (res.stop_reason !== 'tool_use' || calls.length === 0) {
      const text = res.content.flatMap((b) => (b.type === 'text' ? [b.text] : [])).join('');
      return { text, history };
    }
    // Parallel calls: run them together, answer all of them in ONE user message.
    const results = await Promise.all(calls.map((c) => runOne(c, tools)));
    history.push({ role: 'user', content: results });
  }
  throw new Error('Tool loop did not finish within maxTurns');
}
