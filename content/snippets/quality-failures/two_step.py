"""Split one hard prompt into two easy ones for a small model: first extract the facts
the answer needs (checkable), then answer from the extract alone."""
from __future__ import annotations

import os

import anthropic
from anthropic.types import Message

MODEL = "claude-haiku-5-5"


def text_of(message: Message) -> str:
    return "".join(b.text for b in message.content if b.type == "text")


def extract_then_answer(document: str, question: str) -> str:
    client = anthropic.Anthropic(api_key=os.environ.get("ANTHROPIC_API_KEY"))

    # Step 1: quote, do not interpret: a narrower task than answering.
    extract = text_of(
        client.messages.create(
            model=MODEL,
            max_tokens=1_500,
            messages=[
                {
                    "role": "user",
                    "content": (
                        f"<document>\n{document}\n</document>\n\n"
                        f'List every sentence from the document that helps answer: "{question}". '
                        "Quote each one exactly, one per line. If none does, reply NONE."
                    ),
                }
            ],
        )
    )
    if extract.strip() == "NONE":
        return "The document doesn't answer this."

    # Step 2: answer from a short, relevant context instead of the whole document.
    return text_of(
        client.messages.create(
            model=MODEL,
            max_tokens=500,
            messages=[
                {
                    "role": "user",
                    "content": (
                        f"<quotes>\n{extract}\n</quotes>\n\n"
                        f"Using only these quotes, answer: {question}\nCite the quote you relied on."
                    ),
                }
            ],
        )
    )
