"""The catalogue of lint rules.

Each rule is one module with a stable `ID`, a `SEVERITY`, a docstring that is its user
documentation, and either `check(ctx)` (one file) or `check_library(contexts)` (all the
files linted together), yielding findings.
"""

from __future__ import annotations

from types import ModuleType

from playbook_cli.lint.rules import (
    graph_dangling_next,
    graph_trap_loop,
    graph_unreachable,
    inputs_bad_pattern,
    library_duplicate_id,
    library_unknown_handoff,
    meta_id_mismatch,
    question_duplicate_answer,
    reply_template_syntax,
    reply_unknown_variable,
    roles_unknown_owner,
    roles_unused_role,
    scenario_unknown_input,
    sla_never_fulfilled,
    sla_unknown_clock,
    sla_unmeetable,
    text_missing_translation,
    text_undeclared_language,
)

RULES: tuple[ModuleType, ...] = (
    graph_dangling_next,
    graph_unreachable,
    graph_trap_loop,
    question_duplicate_answer,
    roles_unknown_owner,
    roles_unused_role,
    sla_unknown_clock,
    sla_never_fulfilled,
    sla_unmeetable,
    reply_template_syntax,
    reply_unknown_variable,
    text_missing_translation,
    text_undeclared_language,
    inputs_bad_pattern,
    scenario_unknown_input,
    meta_id_mismatch,
    library_duplicate_id,
    library_unknown_handoff,
)

FILE_RULES = tuple(rule for rule in RULES if hasattr(rule, "check"))
LIBRARY_RULES = tuple(rule for rule in RULES if hasattr(rule, "check_library"))


def description(rule: ModuleType) -> str:
    """The first paragraph of the rule's docstring, on one line."""
    return " ".join((rule.__doc__ or "").strip().split("\n\n")[0].split())


def documentation(rule: ModuleType) -> str:
    """The whole docstring, dedented: the rule's user documentation."""
    import inspect

    return inspect.cleandoc(rule.__doc__ or "")
