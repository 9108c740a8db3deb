// Before you trust an LLM judge, grade 50–100 cases by hand and measure how often
// the judge agrees with people. Cohen's kappa corrects for the agreement you would
// get by chance (it matters when most answers pass).

export interface Labelled {
  id: string;
  human: number; // 1–5, from a person following the same rubric
  judge: number; // 1–5, from the LLM judge
  answerLength: number; // characters, to check for verbosity bias
}

export interface Calibration {
  n: number;
  exactAgreement: number;
  withinOne: number;
  /** Kappa on pass/fail at `passAt` (≥ 0.6 is usually read as substantial agreement). */
  kappa: number;
  /** Spearman correlation of (judge − human) with answer length: clearly positive = the judge rewards length. */
  lengthBias: number;
  /** Cases to read first: the largest disagreements. */
  worst: string[];
}

function ranks(values: readonly number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const r = new Array<number>(values.length).fill(0);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
    for (let k = i; k <= j; k++) r[order[k]![1]] = (i + j) / 2 + 1; // ties share the mean rank
    i = j + 1;
  }
  return r;
}

function pearson(x: readonly number[], y: readonly number[]): number {
  const n = x.length;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i]! - mx) * (y[i]! - my);
    sxx += (x[i]! - mx) ** 2;
    syy += (y[i]! - my) ** 2;
  }
  return sxx === 0 || syy === 0 ? 0 : sxy / Math.sqrt(sxx * syy);
}

export function calibrate(rows: readonly Labelled[], passAt = 4): Calibration {
  const n = rows.length;
  if (n === 0) throw new Error('no labelled rows');
  const exact = rows.filter((r) => r.human === r.judge).length / n;
  const withinOne = rows.filter((r) => Math.abs(r.human - r.judge) <= 1).length / n;
  const h = rows.map((r) => r.human >= passAt);
  const j = rows.map((r) => r.judge >= passAt);
  const observed = h.filter((v, i) => v === j[i]).length / n;
  const pH = h.filter(Boolean).length / n;
  const pJ = j.filter(Boolean).length / n;
  const chance = pH * pJ + (1 - pH) * (1 - pJ);
  const kappa = chance === 1 ? 1 : (observed - chance) / (1 - chance);
  const lengthBias = pearson(
    ranks(rows.map((r) => r.judge - r.human)),
    ranks(rows.map((r) => r.answerLength)),
  );
  const worst = [...rows]
    .sort((a, b) => Math.abs(b.judge - b.human) - Math.abs(a.judge - a.human))
    .slice(0, 10)
    .map((r) => r.id);
  return { n, exactAgreement: exact, withinOne, kappa, lengthBias, worst };
}
