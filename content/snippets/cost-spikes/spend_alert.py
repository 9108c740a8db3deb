"""Alert on spend per task while it happens, not when the invoice arrives: a daily USD budget per
task with early warnings, and an anomaly check against the task's own recent days.
Feed it the cost of each call (see usage_log.py); send alerts to your pager or chat."""
from __future__ import annotations

import datetime as dt
from typing import Callable, Optional, Sequence


class SpendMonitor:
    def __init__(
        self,
        daily_budget_usd: dict[str, float],
        alert: Callable[[str], None],
        thresholds: Sequence[float] = (0.5, 0.8, 1.0),
        anomaly_factor: float = 2.0,  # today already above 2x the trailing 7-day average
    ) -> None:
        self.daily_budget_usd = daily_budget_usd
        self.alert = alert
        self.thresholds = thresholds
        self.anomaly_factor = anomaly_factor
        self._by_task_day: dict[tuple[str, dt.date], float] = {}
        self._fired: set[str] = set()

    def record(self, task: str, cost_usd: float, at: Optional[dt.datetime] = None) -> None:
        day = (at or dt.datetime.now(dt.timezone.utc)).date()
        total = self._by_task_day.get((task, day), 0.0) + cost_usd
        self._by_task_day[(task, day)] = total

        budget = self.daily_budget_usd.get(task)
        if budget is not None:
            for t in self.thresholds:
                if total >= budget * t:
                    self._once(f"{task}|{day}|b{t}", f"{task}: {round(t * 100)}% of its daily budget spent")
        baseline = self._trailing_average(task, day)
        if baseline > 0 and total > baseline * self.anomaly_factor:
            self._once(f"{task}|{day}|anomaly", f"{task}: today {total:.2f} USD vs {baseline:.2f} USD/day average")

    def _trailing_average(self, task: str, day: dt.date) -> float:
        values = [
            v
            for i in range(1, 8)
            if (v := self._by_task_day.get((task, day - dt.timedelta(days=i)))) is not None
        ]
        return sum(values) / len(values) if values else 0.0

    def _once(self, key: str, message: str) -> None:
        if key not in self._fired:
            self._fired.add(key)
            self.alert(message)
