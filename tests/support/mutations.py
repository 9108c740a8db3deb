"""Mutation check for the recipes (issue 15, point 6): each row breaks one line of a recipe or a twin, runs the
tests that should notice, and prints KILLED (a test failed) or SURVIVED, then restores the file.
Not part of npm test (it runs the suites ~30 times). Usage: python3 tests/support/mutations.py [filter ...]
"""
import subprocess, sys, pathlib
T='tests/unit/recipes/'
M=[
 ("content/recipes/retry.ts","  if (err.status === 429) return !isSpendCap(err);","  if (err.status === 429) return retryAfterMs(err) !== undefined;",T+"scenarios.test.ts"),
 ("content/recipes/circuit-breaker.ts","    if (admitted.generation !== this.#generation) return; // admitted before the breaker last opened: too late to count","    if (!failed) return void ((this.#state = 'closed'), (this.#probing = false)); // any success closes (the old bug)",T+"findings.test.ts "+T+"chaos.test.ts"),
 ("content/recipes/hedge.ts","      if (event.type === 'content_block_start') resolve();","      if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') resolve();",T+"findings.test.ts"),
 ("content/recipes/degrade.ts","    if (isCompleteAnswer(message)) {","    if (message.content.length >= 0) {",T+"scenarios.test.ts"),
 ("content/recipes/cascade.ts","      if (isRefusal(message)) {","      if (message.id === '') {",T+"scenarios.test.ts"),
 ("content/recipes/cross-cloud.ts","    model: cloud === 'bedrock' ? bedrockProfileId(key, bedrockGeo) : modelId(key, cloud),","    model: modelId(key, cloud),",T+"cross-cloud.test.ts"),
 ("content/recipes/refusal.ts","  return token ? { ...params, fallback_credit_token: { token, mode: 'best_effort' } } : params;","  return params;",T+"scenarios.test.ts"),
 ("content/recipes/routing.ts","  return /^(us|eu|apac|global)\\./.test(base) ? base : `${geo}.${base}`;","  return base;",T+"findings.test.ts"),
 ("content/recipes/kill-switch.ts","    if (setting.enabled === false) throw new TaskDisabledError(task);","",T+"kill-switch.test.ts"),
 ("content/recipes/chunking.ts","  return window - maxTokens;","  return window;",T+"chunking.test.ts"),
 ("content/recipes/refine.ts","    if (await accept(draft)) return","    if (!(await accept(draft))) return",T+"refine.test.ts"),
 ("content/recipes/shadow.ts","  if (random() < sampleRate) {","  if (random() >= sampleRate) {",T+"shadow.test.ts"),
 ("content/snippets/fallbacks/fallback-policy.ts","      if (isSpendCap(err)) {","      if (isSpendCap(err) || retryAfterMs(err) === undefined) {",T+"scenarios.test.ts"),
 ("content/snippets/fallbacks/resilient-call.ts","        if (isRefusal(message)) {","        if (message.id === '') {",T+"findings.test.ts"),
 ("content/snippets/rate-limits/classify-429.ts","  if (cloud) return { kind: 'cloud-quota', retry: true, cloud };","  if (cloud) return { kind: 'spend-cap', retry: false, code: 'none' };",T+"scenarios.test.ts"),
 ("content/snippets/pricing-caching-batch/cost-per-task.ts","  if (writes1h === 0) return at5m.total;","  return at5m.total;",T+"pricing-snippets.test.ts"),
 ("content/snippets/pricing-caching-batch/us-inference.ts","  if (message.usage.inference_geo !== 'us') {","  if (message.usage.inference_geo === 'nowhere') {",T+"pricing-snippets.test.ts"),
 ("content/snippets/pricing-caching-batch/batch-submit.ts","      if (!(error instanceof Anthropic.NotFoundError) || attempt >= attempts) throw error;","      throw error;",T+"pricing-snippets.test.ts"),
 ("content/snippets/rate-limits/retry.py","    if err.status_code == 200:","    if err.status_code == -1:",T+"python.test.ts"),
 ("content/snippets/fallbacks/circuit_breaker.py",'            if generation != self._generation:\n                return','            if not failed:\n                self.state, self._probing = "closed", False\n                return',T+"python.test.ts"),
 ("content/snippets/fallbacks/fallback_policy.py","    if status == 200:","    if status == -1:",T+"python.test.ts"),
 ("content/snippets/fallbacks/degrade.py","        if is_complete_answer(message):\n            text = _text(message)","        if message is not None:\n            text = _text(message)",T+"python.test.ts"),
 ("content/snippets/fallbacks/cascade.py","        if is_refusal(message):","        if message is None:",T+"python.test.ts"),
 ("content/snippets/fallbacks/hedge.py",'                    if event.type == "content_block_start" and not self.started.done():','                    if event.type == "content_block_delta" and event.delta.type == "text_delta" and not self.started.done():',T+"python.test.ts"),
 ("content/snippets/fallbacks/resilient_call.py","                if is_refusal(message):","                if message is None:",T+"python.test.ts"),
 ("content/snippets/rate-limits/classify_429.py",'        return Throttle("cloud-quota", retry=True, after_seconds=after)','        return Throttle("spend-cap", retry=False)',T+"python.test.ts"),
 ("content/snippets/pricing-caching-batch/cost_per_task.py","        + writes_1h * rates.cache_write_1h","        + writes_1h * rates.cache_write_5m",T+"python.test.ts"),
 ("content/snippets/pricing-caching-batch/us_inference.py",'    if geo != "us":','    if geo == "nowhere":',T+"python.test.ts"),
 ("content/snippets/pricing-caching-batch/batch_submit.py","        except anthropic.NotFoundError:","        except ZeroDivisionError:",T+"python.test.ts"),
 ("content/recipes/hedge.ts#chaos","    for (const a of attempts) if (a !== winner) a.controller.abort();","",T+"chaos.test.ts"),
 ("content/recipes/retry.ts#chaos","  return err instanceof APIError && err.status === 429 && err.errorCode !== null && SPEND_CAP_CODES.has(err.errorCode);","  return false;",T+"chaos.test.ts"),
 ("content/snippets/fallbacks/resilient-call.ts#chaos","      if (remainingMs <= 0) throw new AllRoutesFailedError(attempts, 'deadline passed');","",T+"chaos.test.ts"),
]
only = sys.argv[1:]
for f, old, new, tests in M:
    if only and not any(o in f for o in only): continue
    p = pathlib.Path(f.split('#')[0]); src = p.read_text()
    n = src.count(old)
    if n != 1:
        print(f"SKIP {f}: pattern found {n} times"); continue
    line = src[:src.index(old)].count("\n") + 1
    p.write_text(src.replace(old, new))
    try:
        r = subprocess.run(f"npx vitest run --project unit {tests} --reporter=json --outputFile=tmp/mutation-report.json", shell=True, capture_output=True, text=True, timeout=300)
        import json
        rep = json.load(open("tmp/mutation-report.json"))
        failed = [a["fullName"] for t in rep["testResults"] for a in t["assertionResults"] if a["status"] == "failed"]
        print(f"{'KILLED' if failed else 'SURVIVED'} {f}:{line} -> {len(failed)} failing; e.g. {failed[:2]}", flush=True)
    finally:
        p.write_text(src)
