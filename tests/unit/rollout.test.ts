import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bucket, modelFor, type Rollout } from '../../content/snippets/switching-models/rollout.ts';

const base: Rollout = { name: 'sonnet-4-6-to-5-5', from: 'claude-sonnet-4-6', to: 'claude-sonnet-5-5', percent: 0 };

describe('percentage rollout (switching-models chapter)', () => {
  it('keeps every key on the old model at 0% and moves all at 100%', () => {
    fc.assert(
      fc.property(fc.string(), (key) => {
        expect(modelFor({ ...base, percent: 0 }, key)).toBe(base.from);
        expect(modelFor({ ...base, percent: 100 }, key)).toBe(base.to);
      }),
    );
  });

  it('is sticky and monotonic: raising the percentage never moves a key back', () => {
    fc.assert(
      fc.property(fc.string(), fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true }), (key, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        if (modelFor({ ...base, percent: lo }, key) === base.to) expect(modelFor({ ...base, percent: hi }, key)).toBe(base.to);
        expect(modelFor({ ...base, percent: lo }, key)).toBe(modelFor({ ...base, percent: lo }, key));
      }),
    );
  });

  it('sends roughly the configured share', () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => `user-${i}`);
    const moved = keys.filter((k) => modelFor({ ...base, percent: 5 }, k) === base.to).length / keys.length;
    expect(moved).toBeGreaterThan(0.04);
    expect(moved).toBeLessThan(0.06);
  });

  it('puts buckets in 0..9999 and reshuffles with a new rollout name', () => {
    const a = Array.from({ length: 200 }, (_, i) => bucket('one', `k${i}`));
    const b = Array.from({ length: 200 }, (_, i) => bucket('two', `k${i}`));
    expect(a.every((x) => x >= 0 && x < 10_000)).toBe(true);
    expect(a).not.toEqual(b);
  });
});
