"""A prompt layout that small models follow: role and rules in the system prompt,
variable input in tags, one example of the exact output, and the output contract
restated right before the answer (long inputs push early instructions out of focus)."""
from __future__ import annotations

import os

import anthropic
from anthropic.types import MessageParam

SYSTEM = """You answer customer questions about Acme's invoices.

Rules:
1. Answer only from the <invoice> document. If it does not contain the answer, say "I can't find that on this invoice."
2. Reply in the customer's language.
3. Keep the reply under 80 words.
4. Refer to amounts exactly as written on the invoice, with the currency.

Example:
Question: Why is there a second charge on 3 March?
Reply: The second charge on 3 March is the annual support plan (EUR 120.00), listed under "Add-ons"."""


def build_messages(invoice: str, question: str) -> list[MessageParam]:
    return [
        {
            "role": "user",
            "content": (
                f"<invoice>\n{invoice}\n</invoice>\n\n"
                f"<question>\n{question}\n</question>\n\n"
                # The contract again, last: this is what the model reads just before it writes.
                "Answer using only the invoice, in the language of the question, in under 80 words. "
                "If the invoice does not say, reply exactly: I can't find that on this invoice."
            ),
        }
    ]


def answer(invoice: str, question: str) -> str:
    client = anthropic.Anthropic(api_key=os.environ.get("ANTHROPIC_API_KEY"))
    message = client.messages.create(
        model="claude-haiku-5-5",
        max_tokens=300,
        system=SYSTEM,
        messages=build_messages(invoice, question),
    )
    return "".join(b.text for b in message.content if b.type == "text")
