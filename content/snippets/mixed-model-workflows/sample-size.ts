/**
 * How many requests per arm an A/B test needs to detect a change in a success
 * rate (task solved, JSON valid, user accepted the answer). Two-sided test of
 * two proportions, normal approximation. Pure: no API calls.
 */

/** Inverse of the standard normal CDF (Acklam's rational approximation, relative error below 1.2e-9). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError('p must be in (0, 1)');
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const [a0, a1, a2, a3, a4, a5] = a as [number, number, number, number, number, number];
  const [b0, b1, b2, b3, b4] = b as [number, number, number, number, number];
  const [c0, c1, c2, c3, c4, c5] = c as [number, number, number, number, number, number];
  const [d0, d1, d2, d3] = d as [number, number, number, number];
  const low = 0.02425;
  let x: number;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    x = (((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
  } else if (p <= 1 - low) {
    const q = p - 0.5;
    const r = q * q;
    x = ((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q) / (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x = -(((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
  }
  return x;
}

export interface SampleSizeInput {
  /** Success rate of the current model, 0..1 (from your logs or eval). */
  baseline: number;
  /** Smallest absolute change worth detecting, e.g. 0.03 for 3 points. */
  minDetectableEffect: number;
  /** False-positive rate, two-sided. Default 0.05. */
  alpha?: number;
  /** Probability of detecting a real effect of that size. Default 0.8. */
  power?: number;
}

/** Requests needed in EACH arm. */
export function sampleSizePerArm({ baseline, minDetectableEffect, alpha = 0.05, power = 0.8 }: SampleSizeInput): number {
  const p1 = baseline;
  const p2 = baseline + minDetectableEffect;
  if (!(p1 > 0 && p1 < 1 && p2 > 0 && p2 < 1)) throw new RangeError('baseline and baseline + effect must be in (0, 1)');
  if (minDetectableEffect === 0) throw new RangeError('minDetectableEffect must not be 0');
  const zAlpha = normalQuantile(1 - alpha / 2);
  const zBeta = normalQuantile(power);
  const pBar = (p1 + p2) / 2;
  const numerator = zAlpha * Math.sqrt(2 * pBar * (1 - pBar)) + zBeta * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
  return Math.ceil(numerator ** 2 / (p2 - p1) ** 2);
}

/** Two-proportion z statistic for the finished test: |z| > normalQuantile(1 - alpha/2) is significant. */
export function zStatistic(successA: number, totalA: number, successB: number, totalB: number): number {
  const pA = successA / totalA;
  const pB = successB / totalB;
  const pooled = (successA + successB) / (totalA + totalB);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / totalA + 1 / totalB));
  return se === 0 ? 0 : (pB - pA) / se;
}
