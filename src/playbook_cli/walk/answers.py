"""Answers files (`playbook walk --answers FILE`): the scenario shape without name and expect."""

from __future__ import annotations

from dataclasses import dataclass, field

from playbook_cli.core.errors import InputError, PlaybookLoadError
from playbook_cli.core.loader import load_file
from playbook_cli.core.schema import schema_findings


@dataclass(frozen=True)
class Answers:
    answers: tuple = ()
    inputs: dict = field(default_factory=dict)


def load_answers(path: str) -> Answers:
    try:
        doc = load_file(path)
    except PlaybookLoadError as exc:
        raise InputError(exc.finding.describe()) from None
    findings = list(doc.problems) + schema_findings(doc, "answers_file")
    if findings:
        raise InputError("\n".join(f.describe() for f in findings))
    return Answers(tuple(doc.data["answers"]), dict(doc.data.get("inputs", {})))
