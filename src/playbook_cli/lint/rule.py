"""What a lint rule is: an id, a default severity, a scope and its documentation."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from types import ModuleType
from typing import Any

from playbook_cli.core.findings import Finding, Severity


class Scope(StrEnum):
    """Where a rule looks, and so when it runs."""

    LOAD = "load"  # reported while reading the YAML (core.loader)
    SCHEMA = "schema"  # reported by the JSON Schema check (core.schema)
    FILE = "file"  # one playbook on its own: check(ctx)
    LIBRARY = "library"  # all the playbooks linted together: check(contexts)
    COMMENT = "comment"  # reported about a suppression comment


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    scope: Scope
    documentation: str  # Markdown, the rule's user documentation
    check: Callable[[Any], Iterable[Finding]] | None = None

    @property
    def summary(self) -> str:
        """The first paragraph of the documentation, on one line."""
        return " ".join(self.documentation.split("\n\n")[0].split())

    @classmethod
    def from_module(cls, module: ModuleType) -> Rule:
        """A rule module declares ID, SEVERITY, SCOPE and check(); its docstring documents it."""
        return cls(module.ID, module.SEVERITY, module.SCOPE, inspect.cleandoc(module.__doc__ or ""), module.check)
