import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type Anthropic from '@anthropic-ai/sdk';
import { repairToolPairs } from '../../content/snippets/tool-use/repair-history.ts';

type Msg = Anthropic.MessageParam;
const call = (id: string): Anthropic.ToolUseBlockParam => ({ type: 'tool_use', id, name: 'lookup', input: {} });
const result = (id: string): Anthropic.ToolResultBlockParam => ({ type: 'tool_result', tool_use_id: id, content: 'ok' });
const blocks = (m: Msg) => (typeof m.content === 'string' ? [] : m.content);

/** The two pairing rules the API enforces (the errors quoted in the tool-use chapter). */
function pairingErrors(history: readonly Msg[]): string[] {
  const errors: string[] = [];
  history.forEach((m, i) => {
    const calls = m.role === 'assistant' ? blocks(m).flatMap((b) => (b.type === 'tool_use' ? [b.id] : [])) : [];
    if (calls.length > 0) {
      const next = history[i + 1];
      const answered = new Set(next?.role === 'user' ? blocks(next).flatMap((b) => (b.type === 'tool_result' ? [b.tool_use_id] : [])) : []);
      for (const id of calls) if (!answered.has(id)) errors.push(`messages.${i}: tool_use ${id} without tool_result`);
    }
    if (m.role === 'user') {
      const prev = history[i - 1];
      const asked = new Set(prev?.role === 'assistant' ? blocks(prev).flatMap((b) => (b.type === 'tool_use' ? [b.id] : [])) : []);
      for (const b of blocks(m)) if (b.type === 'tool_result' && !asked.has(b.tool_use_id)) errors.push(`messages.${i}: unexpected ${b.tool_use_id}`);
      const firstText = blocks(m).findIndex((b) => b.type !== 'tool_result');
      const lastResult = blocks(m).map((b) => b.type).lastIndexOf('tool_result');
      if (firstText !== -1 && lastResult > firstText) errors.push(`messages.${i}: text before tool_result`);
    }
  });
  return errors;
}

describe('repairToolPairs (tool-use chapter)', () => {
  it('answers an interrupted call and drops an orphaned result', () => {
    const history: Msg[] = [
      { role: 'user', content: 'refund order 1' },
      { role: 'assistant', content: [call('a'), call('b')] },
      { role: 'user', content: [result('a'), result('stale')] },
      { role: 'assistant', content: [call('c')] },
    ];
    expect(pairingErrors(history).length).toBeGreaterThan(0);
    const repaired = repairToolPairs(history);
    expect(pairingErrors(repaired)).toEqual([]);
    const last = repaired[repaired.length - 1]!;
    expect(last.role).toBe('user');
    expect(blocks(last)).toEqual([expect.objectContaining({ type: 'tool_result', tool_use_id: 'c', is_error: true })]);
  });

  it('drops a result whose call was truncated away (messages.0)', () => {
    const repaired = repairToolPairs([
      { role: 'user', content: [result('gone'), { type: 'text', text: 'and then?' }] },
      { role: 'assistant', content: 'Sure.' },
    ]);
    expect(pairingErrors(repaired)).toEqual([]);
    expect(blocks(repaired[0]!)).toEqual([{ type: 'text', text: 'and then?' }]);
  });

  it('leaves a valid history unchanged in meaning', () => {
    const valid: Msg[] = [
      { role: 'user', content: 'hi' },
      { role: 'assistant', content: [call('x')] },
      { role: 'user', content: [result('x')] },
      { role: 'assistant', content: 'done' },
    ];
    const repaired = repairToolPairs(valid);
    expect(repaired).toHaveLength(4);
    expect(pairingErrors(repaired)).toEqual([]);
  });

  it('always produces a history without pairing errors', () => {
    const ids = fc.constantFrom('a', 'b', 'c', 'd');
    const assistant = fc.array(ids, { maxLength: 3 }).map((xs): Msg => ({ role: 'assistant', content: xs.length ? [...new Set(xs)].map(call) : 'text' }));
    const user = fc
      .tuple(fc.array(ids, { maxLength: 3 }), fc.boolean())
      .map(([xs, withText]): Msg => ({ role: 'user', content: [...[...new Set(xs)].map(result), ...(withText || xs.length === 0 ? [{ type: 'text' as const, text: 'hi' }] : [])] }));
    const turn = fc.tuple(user, assistant);
    fc.assert(
      fc.property(fc.array(turn, { minLength: 1, maxLength: 6 }), (turns) => {
        const history = turns.flatMap(([u, a]) => [u, a]);
        expect(pairingErrors(repairToolPairs(history))).toEqual([]);
      }),
    );
  });
});
