"""The decision-tree rules, one module each.

Each module has a stable `ID`, a `SEVERITY`, a `SCOPE` (FILE: `check(ctx)` sees one
playbook; LIBRARY: `check(contexts)` sees all the files linted together), a docstring
that is its user documentation, and `check`, which yields findings. `lint.catalogue`
registers them.
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

MODULES: tuple[ModuleType, ...] = (
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
