"""Runs the shared scenario table (tests/unit/recipes/scenarios.json) through the Python twins of the
recipes, with the real `anthropic` SDK, against the fault server that tests/unit/recipes/python.test.ts
started. Each request carries `x-scenario: <group>/<name>`; the server answers from that row's replies.
Prints one JSON object per check: {"id", "ok", "detail"}.

usage: python run_scenarios.py <fault-server-url> <scenarios.json> <repo root>
"""

from __future__ import annotations

import asyncio
import json
import sys
import traceback
from pathlib import Path
from typing import Any, Callable

url, table_path, root, cost_path = sys.argv[1], sys.argv[2], Path(sys.argv[3]), sys.argv[4]
# The twins import each other by module name, as they would sit side by side in a reader's project.
sys.path[:0] = [
    str(root / "content/snippets/fallbacks"),
    str(root / "content/snippets/rate-limits"),
    str(root / "content/snippets/pricing-caching-batch"),
]

import anthropic  # noqa: E402
from cascade import CascadeExhaustedError, Step, cascade  # noqa: E402
from circuit_breaker import CircuitBreaker, CircuitOpenError  # noqa: E402
from classify_429 import classify_throttle  # noqa: E402
from degrade import answer_or_degrade  # noqa: E402
from fallback_policy import decide  # noqa: E402
from hedge import hedge  # noqa: E402
from refusal import RefusalError  # noqa: E402
from retry import RetryBudget, is_retryable, is_spend_cap  # noqa: E402
from resilient_call import AllRoutesFailedError, Route, resilient_create  # noqa: E402
from circuit_breaker import BreakerRegistry  # noqa: E402
from cross_cloud import CloudIds, Target, bedrock_profile_id, cross_cloud, same_model_on_each_cloud  # noqa: E402
from batch_submit import retry_not_found, split_into_batches  # noqa: E402
from cost_per_task import Prices, request_cost  # noqa: E402
from us_inference import NotInUsError, ask_in_us  # noqa: E402

table = json.loads(Path(table_path).read_text())
PARAMS: dict[str, Any] = {"model": "claude-opus-5-5", "max_tokens": 64, "messages": [{"role": "user", "content": "hi"}]}
STEPS = [Step("claude-opus-5-5"), Step("claude-sonnet-5-5"), Step("claude-haiku-5-5")]


def client(scenario: str) -> anthropic.Anthropic:
    return anthropic.Anthropic(api_key="test-key", base_url=url, max_retries=0, default_headers={"x-scenario": scenario})


def report(check_id: str, fn: Callable[[], None]) -> None:
    try:
        fn()
        print(json.dumps({"id": check_id, "ok": True, "detail": ""}), flush=True)
    except BaseException:  # noqa: BLE001 - every failure is reported, none stops the run
        print(json.dumps({"id": check_id, "ok": False, "detail": traceback.format_exc(limit=4)}), flush=True)


def failure_of(c: anthropic.Anthropic, stream: bool) -> BaseException:
    try:
        if stream:
            for _ in c.messages.create(**PARAMS, stream=True):
                pass
        else:
            c.messages.create(**PARAMS)
    except Exception as err:  # noqa: BLE001
        return err
    raise AssertionError("expected the call to fail")


def check_classification(row: dict[str, Any]) -> None:
    err = failure_of(client(f"classification/{row['name']}"), row.get("stream", False))
    assert is_retryable(err) == row["retryable"], f"is_retryable={is_retryable(err)} for {err!r}"
    assert is_spend_cap(err) == row["spendCap"], f"is_spend_cap={is_spend_cap(err)}"
    assert classify_throttle(err).kind == row["throttle"], f"classify_throttle={classify_throttle(err)}"
    action = decide(err, attempt=0, remaining_s=30.0)
    assert action.kind == row["policy"][0], f"decide={action}"
    if row["policy"][1] and action.kind == "fall-back":
        assert action.scope == row["policy"][1], f"decide={action}"


def check_cascade(row: dict[str, Any]) -> None:
    try:
        _message, model = cascade(client(f"cascade/{row['name']}"), STEPS, {k: v for k, v in PARAMS.items() if k != "model"})
        outcome: Any = model
    except Exception as err:  # noqa: BLE001
        outcome = err
    if row["answeredBy"] is not None:
        assert outcome == STEPS[row["answeredBy"]].model, f"answered by {outcome!r}"
    elif row["throws"] == "spend-cap":
        assert is_spend_cap(outcome), repr(outcome)
    elif row["throws"] == "request":
        assert isinstance(outcome, anthropic.BadRequestError), repr(outcome)
    else:
        assert isinstance(outcome, CascadeExhaustedError), repr(outcome)
        assert all(isinstance(e, RefusalError) for _m, e in outcome.failures)


def check_degrade(row: dict[str, Any]) -> None:
    cache: dict[str, str] = {}
    try:
        answer = answer_or_degrade(
            client(f"degrade/{row['name']}"), PARAMS, "k", cache, "unavailable", reduced={"model": "claude-haiku-5-5", "max_tokens": 32}
        )
        source: Any = answer.source
    except anthropic.BadRequestError:
        source = "throws"
    assert source == row["source"], f"source={source}"
    assert cache.get("k") == row["cached"], f"cache={cache}"


class Clock:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


def overloaded() -> anthropic.APIStatusError:
    return failure_of(client("classification/529 overloaded"), False)  # type: ignore[return-value]


def check_breaker_straggler() -> None:
    """A slow call admitted while closed succeeds after the breaker opened: it must stay open (review FC1)."""
    clock = Clock()
    breaker = CircuitBreaker("k", failure_threshold=3, window_s=10, cooldown_s=30, clock=clock)
    err = overloaded()
    straggler_result: list[str] = []

    def straggler() -> str:
        def fail() -> None:
            raise err

        for _ in range(3):  # while the straggler is in flight, three failures open the breaker
            try:
                breaker.call(fail)
            except anthropic.APIStatusError:
                pass
        assert breaker.state == "open"
        return "late success"

    straggler_result.append(breaker.call(straggler))
    assert breaker.state == "open", f"straggler closed the breaker: {breaker.state}"
    try:
        breaker.call(lambda: "x")
        raise AssertionError("an open breaker let a call through")
    except CircuitOpenError:
        pass
    clock.t += 31  # cooldown over: one probe, and only the probe closes it
    inner: list[str] = []

    def probe() -> str:
        try:
            breaker.call(lambda: "second probe")
            inner.append("second probe ran")
        except CircuitOpenError:
            inner.append("second probe refused")
        return "probe ok"

    assert breaker.call(probe) == "probe ok"
    assert inner == ["second probe refused"], inner
    assert breaker.state == "closed"


def check_hedge(name: str, expect_hedged: bool, expect_refusal: bool = False) -> None:
    async def run() -> None:
        c = anthropic.AsyncAnthropic(api_key="test-key", base_url=url, max_retries=0, default_headers={"x-scenario": f"hedge/{name}"})
        try:
            _message, _winner, hedged = await hedge(c, PARAMS, hedge_after_s=1.0, deadline_s=10)
        except RefusalError:
            assert expect_refusal, "refusal raised unexpectedly"
            return
        assert not expect_refusal, "a refusal was returned as an answer"
        assert hedged == expect_hedged, f"hedged={hedged}"

    asyncio.run(run())


for row in table["classification"]:
    report(f"classification/{row['name']}", lambda row=row: check_classification(row))
for row in table["cascade"]:
    report(f"cascade/{row['name']}", lambda row=row: check_cascade(row))
for row in table["degrade"]:
    report(f"degrade/{row['name']}", lambda row=row: check_degrade(row))
report("breaker/straggler cannot close an open breaker; one probe at a time", check_breaker_straggler)
report("hedge/tool_use only", lambda: check_hedge("tool_use only", expect_hedged=False))
report("hedge/thinking first", lambda: check_hedge("thinking first", expect_hedged=False))
report("hedge/refusal", lambda: check_hedge("refusal", expect_hedged=False, expect_refusal=True))


def check_cost(row: dict[str, Any]) -> None:
    p = dict(row["prices"])
    if "long" in p:
        p["long"] = Prices(**p["long"])
    got = request_cost(row["log"]["usage"], Prices(**p), row["log"].get("batch", False))
    assert abs(got - row["expectedUsd"]) < 1e-12, f"{got} != {row['expectedUsd']}"


def check_batch() -> None:
    reqs = [{"custom_id": f"d{i}", "params": {"model": "m", "max_tokens": 8, "messages": []}} for i in range(25)]
    assert [len(b) for b in split_into_batches(reqs, max_requests=10, max_bytes=10**9)] == [10, 10, 5]
    size = len(json.dumps(reqs[0]).encode())
    assert [len(b) for b in split_into_batches(reqs[:5], max_requests=1000, max_bytes=size * 2)] == [2, 2, 1]
    err = failure_of(client("classification/404 retired model"), False)
    calls = []

    def flaky() -> str:
        calls.append(1)
        if len(calls) < 3:
            raise err
        return "ended"

    assert retry_not_found(flaky, base_s=0.001) == "ended" and len(calls) == 3


def check_us_inference() -> None:
    c = client("us-inference/fails closed")
    assert ask_in_us(c, "claude-sonnet-5-5", "hi").usage.inference_geo == "us"
    try:
        ask_in_us(c, "claude-sonnet-5-5", "hi")  # the server reports it ran outside the US
        raise AssertionError("an answer from outside the US was returned")
    except NotInUsError:
        pass
    try:
        ask_in_us(c, "claude-haiku-4-5-20251001", "hi")
        raise AssertionError("a model without inference_geo was sent")
    except NotInUsError:
        pass


for row in json.loads(Path(cost_path).read_text()):
    report(f"cost/{row['name']}", lambda row=row: check_cost(row))
report("batch/split under the limits and retry the transient 404", check_batch)
report("us-inference/fails closed", check_us_inference)


def check_resilient(name: str, expect_route: str | None) -> None:
    c = client(f"resilient/{name}")
    routes = [Route("a", "anthropic", c, "claude-opus-5-5"), Route("b", "anthropic", c, "claude-sonnet-5-5")]
    body = {k: v for k, v in PARAMS.items() if k != "model"}
    try:
        _message, route = resilient_create(routes, body, RetryBudget(), BreakerRegistry(), deadline_s=5)
    except AllRoutesFailedError:
        route = None
    assert route == expect_route, f"answered by {route}"


report("resilient/refusal moves to the next route", lambda: check_resilient("refusal moves to the next route", "b"))
report("resilient/Vertex throttle keeps the provider", lambda: check_resilient("Vertex throttle keeps the provider", "b"))
report("resilient/every route refuses", lambda: check_resilient("every route refuses", None))


def check_cross_cloud() -> None:
    assert bedrock_profile_id("anthropic.claude-sonnet-4-6") == "us.anthropic.claude-sonnet-4-6"
    assert bedrock_profile_id("global.anthropic.claude-opus-4-7") == "global.anthropic.claude-opus-4-7"
    def at(prefix: str) -> anthropic.Anthropic:
        return anthropic.Anthropic(api_key="k", base_url=url + prefix, max_retries=0, default_headers={"x-scenario": "cross-cloud/throttle then refusal"})
    targets = [
        Target("anthropic", at(""), "claude-sonnet-5-5"),
        Target("bedrock", at("/bedrock"), bedrock_profile_id("anthropic.claude-sonnet-5-5")),
        Target("vertex", at("/vertex"), "claude-sonnet-5-5"),
    ]
    body = {k: v for k, v in PARAMS.items() if k != "model"}
    try:
        cross_cloud(targets, body)
        raise AssertionError("a refusal was returned as an answer")
    except RefusalError:
        pass


report("cross-cloud/throttle then refusal", check_cross_cloud)


def check_cloud_ids() -> None:
    try:
        same_model_on_each_cloud(CloudIds(anthropic="claude-sonnet-5-5", bedrock="", vertex="claude-sonnet-5-5"))
        raise AssertionError("a missing Bedrock id was accepted")
    except ValueError as e:
        assert "bedrock" in str(e), str(e)


report("cross-cloud/a missing id fails at startup", check_cloud_ids)


class _StubClient:
    """Raises `err` from messages.create, or answers with `message`: a cloud without a server."""

    def __init__(self, err: BaseException | None = None, message: Any = None) -> None:
        self.err, self.message, self.messages = err, message, self
        self.calls = 0

    def with_options(self, **_: Any) -> "_StubClient":
        return self

    def create(self, **_: Any) -> Any:
        self.calls += 1
        if self.err is not None:
            raise self.err
        return self.message


def check_cross_cloud_stops_like_ts() -> None:
    # The TypeScript shouldSwitchCloud moves on only for retryable errors and the spend cap: a 409 (or 402) stops.
    # Build the 409 from a real SDK response so the status and body are read as the SDK reads them.
    base = failure_of(client("classification/529 overloaded"), False)
    assert isinstance(base, anthropic.APIStatusError), repr(base)
    body = {"type": "error", "error": {"type": "conflict_error", "message": "stub"}}
    conflict = anthropic.ConflictError("stub", response=type(base.response)(409, request=base.response.request, json=body), body=body)
    first, second = _StubClient(err=conflict), _StubClient(message=object())
    try:
        cross_cloud([Target("anthropic", first, "claude-sonnet-5-5"), Target("bedrock", second, "us.anthropic.claude-sonnet-5-5")], {})  # type: ignore[arg-type]
        raise AssertionError("a 409 moved to the next cloud")
    except anthropic.ConflictError:
        pass
    assert second.calls == 0, "the next cloud was called after a 409"


report("cross-cloud/a 409 stops, as in the TypeScript", check_cross_cloud_stops_like_ts)
