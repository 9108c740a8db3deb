import { describe, expect, it } from 'vitest';
import type Anthropic from '@anthropic-ai/sdk';
import { inToolLoop, prepareForSwitch } from '../../content/snippets/mixed-model-workflows/switch-safely.ts';

type Msg = Anthropic.MessageParam;
const thinking: Anthropic.ThinkingBlockParam = { type: 'thinking', thinking: 'plan', signature: 'sig' };

describe('prepareForSwitch (mixed-model-workflows chapter)', () => {
  const history: Msg[] = [
    { role: 'user', content: 'q1' },
    { role: 'assistant', content: [thinking, { type: 'text', text: 'a1' }] },
    { role: 'user', content: 'q2' },
    { role: 'assistant', content: [thinking] },
    { role: 'user', content: 'q3' },
  ];

  it('strips thinking blocks when the target has thinking off, never leaving an empty turn', () => {
    const out = prepareForSwitch(history, { thinkingEnabled: false });
    for (const m of out) {
      if (typeof m.content === 'string') continue;
      expect(m.content.some((b) => b.type === 'thinking' || b.type === 'redacted_thinking')).toBe(false);
      expect(m.content.length).toBeGreaterThan(0);
    }
    expect(out).toHaveLength(history.length);
  });

  it('keeps the history as is when the target has thinking on', () => {
    expect(prepareForSwitch(history, { thinkingEnabled: true })).toEqual(history);
  });

  it('refuses to switch in the middle of a tool loop', () => {
    const loop: Msg[] = [
      { role: 'user', content: 'q' },
      { role: 'assistant', content: [thinking, { type: 'tool_use', id: 't1', name: 'x', input: {} }] },
      { role: 'user', content: [{ type: 'tool_result', tool_use_id: 't1', content: 'r' }] },
    ];
    expect(inToolLoop(loop)).toBe(true);
    expect(() => prepareForSwitch(loop, { thinkingEnabled: false })).toThrow(/tool loop/);
    expect(inToolLoop(history)).toBe(false);
  });
});
