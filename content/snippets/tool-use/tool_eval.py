import json
import os
from dataclasses import dataclass, field
from typing import Any, Optional

import anthropic


@dataclass
class ToolCase:
    prompt: str
    expect_tool: Optional[str]  # None: the model should ask or answer instead
    expect_args: dict[str, Any] = field(default_factory=dict)


@dataclass
class ToolScore:
    model: str
    cases: int
    correct: int = 0
    wrong_tool: int = 0
    called_when_should_ask: int = 0  # the "invented parameters" failure
    wrong_args: int = 0
    output_tokens: int = 0


def score_tool_use(models: list[str], system: str, tools: list[dict[str, Any]], cases: list[ToolCase]) -> list[ToolScore]:
    """Score each model's FIRST move on the same labelled cases. Code-graded, no judge."""
    client = anthropic.Anthropic(api_key=os.environ["ANTHROPIC_API_KEY"])
    scores = []
    for model in models:
        s = ToolScore(model=model, cases=len(cases))
        for c in cases:
            res = client.messages.create(
                model=model, system=system, tools=tools, max_tokens=1024,
                messages=[{"role": "user", "content": c.prompt}],
            )
            s.output_tokens += res.usage.output_tokens
            call = next((b for b in res.content if b.type == "tool_use"), None)
            if c.expect_tool is None:
                if call is None:
                    s.correct += 1
                else:
                    s.called_when_should_ask += 1
                continue
            if call is None or call.name != c.expect_tool:
                s.wrong_tool += 1
                continue
            args = call.input or {}
            if all(json.dumps(args.get(k)) == json.dumps(v) for k, v in c.expect_args.items()):
                s.correct += 1
            else:
                s.wrong_args += 1
        scores.append(s)
    return scores
