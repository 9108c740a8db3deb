import Anthropic from '@anthropic-ai/sdk';

type Msg = Anthropic.MessageParam;

function hasBlock(msg: Msg, type: 'tool_use' | 'tool_result'): boolean {
  return typeof msg.content !== 'string' && msg.content.some((b) => b.type === type);
}

/**
 * Index where the "recent" tail starts: at least keepLast messages, moved back so
 * the tail never begins with a tool_result whose tool_use would be summarized away
 * (that produces "unexpected `tool_use_id` found in `tool_result` blocks").
 */
function tailStart(history: readonly Msg[], keepLast: number): number {
  let start = Math.max(0, history.length - keepLast);
  while (start > 0) {
    const first = history[start];
    if (first === undefined || first.role !== 'user' || hasBlock(first, 'tool_result')) {
      start -= 1; // tail must open with a plain user turn
      continue;
    }
    break;
  }
  return start;
}

/**
 * Client-side compaction: when the conversation passes `triggerTokens`, replace
 * everything but the recent tail with a summary written by a cheaper model.
 * Works on every model and cloud; the summary is lossy by design.
 */
export async function compactIfNeeded(
  client: Anthropic,
  model: string,
  system: string,
  history: Msg[],
  triggerTokens: number,
  opts: { summarizer: string; keepLast?: number } = { summarizer: model },
): Promise<Msg[]> {
  const { input_tokens } = await client.messages.countTokens({ model, system, messages: history });
  if (input_tokens < triggerTokens) return history;

  const start = tailStart(history, opts.keepLast ?? 6);
  if (start === 0) return history; // nothing safe to summarize
  const older = history.slice(0, start);
  const tail = history.slice(start);

  const transcript = older
    .map((m) => `${m.role.toUpperCase()}: ${typeof m.content === 'string' ? m.content : JSON.stringify(m.content)}`)
    .join('\n\n');
  const summary = await client.messages.create({
    model: opts.summarizer,
    max_tokens: 2000,
    system:
      'Summarize this conversation for the assistant that will continue it. Keep: the user goal, ' +
      'decisions made, facts and identifiers (file names, ids, numbers) still needed, open questions, ' +
      'and the results of tool calls. Drop pleasantries and superseded drafts.',
    messages: [{ role: 'user', content: transcript }],
  });
  const text = summary.content.flatMap((b) => (b.type === 'text' ? [b.text] : [])).join('\n');

  return [
    { role: 'user', content: `Summary of the conversation so far:\n\n${text}` },
    { role: 'assistant', content: 'Understood. Continuing from that summary.' },
    ...tail,
  ];
}
