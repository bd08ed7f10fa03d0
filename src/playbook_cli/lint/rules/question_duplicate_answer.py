"""Two choices of one question with the same answer.

The person walking cannot tell them apart, and a typed answer would always pick the
first. Answers are compared per language, ignoring case and surrounding spaces. Error.
"""

from playbook_cli.core.findings import Severity
from playbook_cli.core.structure import nodes, sequence
from playbook_cli.lint.rule import Scope

ID = "question/duplicate-answer"
SEVERITY = Severity.ERROR
SCOPE = Scope.FILE


def _forms(answer):
    if isinstance(answer, str):
        return {("", answer.strip().casefold())}
    if isinstance(answer, dict):
        return {(lang, text.strip().casefold()) for lang, text in answer.items() if isinstance(text, str)}
    return set()


def check(ctx):
    for node_id, node in nodes(ctx.data).items():
        if node.get("kind") != "question":
            continue
        seen: dict = {}
        for index, choice in enumerate(sequence(node.get("choices"))):
            if not isinstance(choice, dict):
                continue
            for form in sorted(_forms(choice.get("answer"))):
                if form in seen:
                    lang = f" ({form[0]})" if form[0] else ""
                    yield ctx.at(
                        ("nodes", node_id, "choices", index, "answer"),
                        f"choice {index + 1} of '{node_id}' has the same answer{lang} as choice {seen[form] + 1}; make each answer distinct",
                    )
                    break
                seen[form] = index
