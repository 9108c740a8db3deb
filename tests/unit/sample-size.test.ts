import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalQuantile, sampleSizePerArm, zStatistic } from '../../content/snippets/mixed-model-workflows/sample-size.ts';

// The A/B sample-size calculation shown in the mixed-model-workflows chapter.
// Reference values come from Python's statistics.NormalDist with the same formula.
describe('sample-size snippet', () => {
  it('matches known normal quantiles', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.8)).toBeCloseTo(0.841621, 5);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 9);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232, 5);
  });

  it('is antisymmetric around 0.5', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 0.5, noNaN: true }), (p) => {
        expect(normalQuantile(p)).toBeCloseTo(-normalQuantile(1 - p), 6);
      }),
    );
  });

  it('gives the textbook per-arm sizes', () => {
    expect(sampleSizePerArm({ baseline: 0.8, minDetectableEffect: 0.05 })).toBe(906);
    expect(sampleSizePerArm({ baseline: 0.9, minDetectableEffect: 0.02 })).toBe(3213);
    expect(sampleSizePerArm({ baseline: 0.5, minDetectableEffect: -0.1 })).toBe(388);
    // The two examples quoted in the chapter text.
    expect(sampleSizePerArm({ baseline: 0.8, minDetectableEffect: -0.05 })).toBe(1094);
    expect(sampleSizePerArm({ baseline: 0.9, minDetectableEffect: -0.02 })).toBe(3841);
  });

  it('needs more samples for smaller effects and for more power', () => {
    const base = { baseline: 0.7, minDetectableEffect: 0.05 };
    expect(sampleSizePerArm({ ...base, minDetectableEffect: 0.02 })).toBeGreaterThan(sampleSizePerArm(base));
    expect(sampleSizePerArm({ ...base, power: 0.9 })).toBeGreaterThan(sampleSizePerArm(base));
    expect(sampleSizePerArm({ ...base, alpha: 0.01 })).toBeGreaterThan(sampleSizePerArm(base));
  });

  it('rejects impossible rates', () => {
    expect(() => sampleSizePerArm({ baseline: 0.98, minDetectableEffect: 0.05 })).toThrow(RangeError);
    expect(() => sampleSizePerArm({ baseline: 0.5, minDetectableEffect: 0 })).toThrow(RangeError);
  });

  it('computes the two-proportion z statistic', () => {
    // 800/1000 vs 850/1000: pooled 0.825, z ≈ 2.9424
    expect(zStatistic(800, 1000, 850, 1000)).toBeCloseTo(2.9424, 3);
    expect(zStatistic(0, 10, 0, 10)).toBe(0);
  });
});
