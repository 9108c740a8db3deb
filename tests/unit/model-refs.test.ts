import { describe, expect, it } from 'vitest';
import { modelReferences } from '../../src/lib/model-refs.ts';

describe('modelReferences', () => {
  it('reads Fact and table attributes', () => {
    expect(modelReferences('<Fact model="sonnet-5-5" field="maxOutput" /> <ModelTable models={["haiku-4-5", "opus-5-5"]} />')).toEqual([
      'sonnet-5-5',
      'haiku-4-5',
      'opus-5-5',
    ]);
  });

  it('reads ids in code, with snapshots, Bedrock and Vertex forms, once each', () => {
    const code = `model="claude-opus-4-5-20251101"; x = 'us.anthropic.claude-sonnet-4-5-20250929-v1:0'; v = "claude-haiku-4-5@20251001"; o = "claude-opus-4-20250514"`;
    expect(modelReferences(code)).toEqual(['claude-opus-4-5-20251101', 'claude-sonnet-4-5-20250929', 'claude-haiku-4-5', 'claude-opus-4-20250514']);
  });

  it('reads calculator links', () => {
    expect(modelReferences('(/calculator/?models=haiku-4-5,sonnet-4-6&mix=haiku-5-5:0.7,opus-5-5:0.3)')).toEqual([
      'haiku-4-5',
      'sonnet-4-6',
      'haiku-5-5',
      'opus-5-5',
    ]);
  });

  it('finds nothing in prose without ids', () => {
    expect(modelReferences('Choose the smallest model that passes your evaluation.')).toEqual([]);
  });
});
