import { describe, expect, it } from 'vitest';
import type Anthropic from '@anthropic-ai/sdk';
import { afterHistoryEdit, inToolLoop, prepareForSwitch, thinkingOff } from '../../content/snippets/mixed-model-workflows/switch-safely.ts';
import { paramsForModel } from '../../content/snippets/switching-models/params-for-model.ts';

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

describe('afterHistoryEdit and thinkingOff (mixed-model-workflows chapter)', () => {
  const history: Msg[] = [
    { role: 'user', content: 'q1' },
    { role: 'assistant', content: [thinking, { type: 'text', text: 'a1' }] },
    { role: 'user', content: 'q2 (edited)' },
    { role: 'assistant', content: [thinking, { type: 'text', text: 'a2' }] },
    { role: 'user', content: 'q3' },
  ];
  const hasThinking = (m: Msg) => typeof m.content !== 'string' && m.content.some((b) => b.type === 'thinking');

  it('drops thinking from the edited message on and keeps it before', () => {
    const out = afterHistoryEdit(history, 2);
    expect(hasThinking(out[1]!)).toBe(true);
    expect(hasThinking(out[3]!)).toBe(false);
    expect(out).toHaveLength(history.length);
  });

  it('an edit of the system prompt or tools (index 0) drops every block', () => {
    expect(afterHistoryEdit(history, 0).some(hasThinking)).toBe(false);
  });

  const caps = (disabled: boolean, betweenTools: boolean) =>
    ({
      thinking: {
        supported: true,
        types: {
          adaptive: { supported: true },
          between_tools: { supported: betweenTools },
          disabled: { supported: disabled },
          enabled: { supported: false },
        },
      },
    }) as unknown as Anthropic.ModelCapabilities;

  it('uses between_tools where disabled is rejected (Sonnet 5.5), disabled elsewhere, nothing when neither', () => {
    expect(thinkingOff(caps(false, true))).toEqual({ type: 'between_tools' });
    expect(thinkingOff(caps(true, false))).toEqual({ type: 'disabled' });
    expect(thinkingOff(caps(false, false))).toBeUndefined();
    expect(thinkingOff(null)).toEqual({ type: 'disabled' });
  });

  it('refuses an edit that reaches the last assistant turn of an open tool loop, allows one after the loop', () => {
    const loop: Msg[] = [
      { role: 'user', content: 'q (to redact)' },
      { role: 'assistant', content: [thinking, { type: 'tool_use', id: 't1', name: 'x', input: {} }] },
      { role: 'user', content: [{ type: 'tool_result', tool_use_id: 't1', content: 'r' }] },
    ];
    expect(() => afterHistoryEdit(loop, 0)).toThrow(/tool loop/);
    const closed: Msg[] = [...loop, { role: 'assistant', content: [{ type: 'text', text: 'done' }] }, { role: 'user', content: 'next' }];
    expect(afterHistoryEdit(closed, 0).some(hasThinking)).toBe(false);
  });
});

describe('paramsForModel (switching-models chapter)', () => {
  const sonnet55 = {
    thinking: {
      supported: true,
      types: { adaptive: { supported: true }, between_tools: { supported: true }, disabled: { supported: false }, enabled: { supported: false } },
    },
    effort: { supported: true, low: { supported: true }, medium: { supported: true }, high: { supported: true }, xhigh: { supported: true }, max: { supported: true } },
  };
  const client = { models: { retrieve: async () => ({ capabilities: sonnet55 }) } } as unknown as Anthropic;
  const base = { model: 'claude-sonnet-5-5', max_tokens: 100, messages: [{ role: 'user' as const, content: 'hi' }], thinkingOff: true, temperature: 0.2 };

  it('turns thinking off with between_tools at high effort and drops sampling parameters', async () => {
    const { params, changes } = await paramsForModel(client, { ...base, effort: 'high' });
    expect(params.thinking).toEqual({ type: 'between_tools' });
    expect(params.output_config).toEqual({ effort: 'high' });
    expect('temperature' in params).toBe(false);
    expect(changes.some((c) => c.startsWith('dropped temperature'))).toBe(true);
  });

  it('leaves thinking adaptive at xhigh and max, where between_tools is a 400, and says so', async () => {
    for (const effort of ['xhigh', 'max'] as const) {
      const { params, changes } = await paramsForModel(client, { ...base, effort });
      expect(params.thinking).toBeUndefined();
      expect(params.output_config).toEqual({ effort });
      expect(changes.some((c) => c.includes('between_tools is rejected'))).toBe(true);
    }
  });
});
