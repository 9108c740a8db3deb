// Alert on spend per task while it happens, not when the invoice arrives: a daily USD budget per
// task with early warnings, and an anomaly check against the task's own recent days.
// Feed it the cost of each call (see usage-log.ts); send alerts to your pager or chat.
export interface SpendAlert {
  task: string;
  day: string;
  kind: 'budget' | 'anomaly';
  message: string;
}

export class SpendMonitor {
  #byTaskDay = new Map<string, number>(); // "task|YYYY-MM-DD" -> USD
  #fired = new Set<string>();

  constructor(
    private readonly dailyBudgetUsd: Record<string, number>,
    private readonly alert: (a: SpendAlert) => void,
    private readonly thresholds: number[] = [0.5, 0.8, 1],
    private readonly anomalyFactor = 2, // today already above 2x the trailing 7-day average
  ) {}

  record(task: string, costUsd: number, at: Date = new Date()): void {
    const day = at.toISOString().slice(0, 10);
    const key = `${task}|${day}`;
    const total = (this.#byTaskDay.get(key) ?? 0) + costUsd;
    this.#byTaskDay.set(key, total);

    const budget = this.dailyBudgetUsd[task];
    if (budget !== undefined) {
      for (const t of this.thresholds) {
        if (total >= budget * t) this.#once(`${key}|b${t}`, { task, day, kind: 'budget', message: `${task}: ${Math.round(t * 100)}% of its daily budget spent` });
      }
    }
    const baseline = this.#trailingAverage(task, at);
    if (baseline > 0 && total > baseline * this.anomalyFactor) {
      this.#once(`${key}|anomaly`, { task, day, kind: 'anomaly', message: `${task}: today ${total.toFixed(2)} USD vs ${baseline.toFixed(2)} USD/day average` });
    }
  }

  #trailingAverage(task: string, at: Date): number {
    let sum = 0;
    let days = 0;
    for (let i = 1; i <= 7; i++) {
      const d = new Date(at.getTime() - i * 86_400_000).toISOString().slice(0, 10);
      const v = this.#byTaskDay.get(`${task}|${d}`);
      if (v !== undefined) {
        sum += v;
        days++;
      }
    }
    return days === 0 ? 0 : sum / days;
  }

  #once(id: string, a: SpendAlert): void {
    if (this.#fired.has(id)) return;
    this.#fired.add(id);
    this.alert(a);
  }
}
