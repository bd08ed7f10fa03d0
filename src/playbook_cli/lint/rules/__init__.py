"""The decision-tree rules, one module each.

Each module has a stable `ID`, a `SEVERITY`, a `SCOPE` (FILE: `check(ctx)` sees one
playbook; LIBRARY: `check(contexts)` sees all the files linted together), a docstring
that is its user documentation, and `check`, which yields findings. `lint.catalogue`
registers them.

Roster rules (`roster_*`) check a team's roster, not a playbook: the runner runs them
on rosters only (a file whose first key is `roster`), and every other rule on
playbooks only. `roster/unheld-role` is a library rule that sees the playbooks and
the roster given with `--roster`.
"""

from __future__ import annotations

from types import ModuleType

from playbook_cli.lint.rules import (
    calendar_invalid,
    calendar_unused,
    graph_dangling_next,
    graph_trap_loop,
    graph_unreachable,
    inputs_asked_twice,
    inputs_bad_default,
    inputs_bad_pattern,
    inputs_measure_conflict,
    inputs_options_with_pattern,
    inputs_unknown_ask,
    library_duplicate_id,
    library_unknown_handoff,
    meta_id_mismatch,
    question_duplicate_answer,
    reply_input_not_asked,
    reply_template_syntax,
    reply_unknown_variable,
    roles_unknown_owner,
    roles_unused_role,
    roster_duplicate_role,
    roster_invalid_calendar,
    roster_no_roles,
    roster_unheld_role,
    roster_unknown_shift,
    roster_unknown_timezone,
    scenario_expect_not_end,
    scenario_unknown_input,
    sla_never_fulfilled,
    sla_remind_too_long,
    sla_unknown_calendar,
    sla_unknown_clock,
    sla_unknown_node,
    sla_unmeetable,
    sla_when_unreachable,
    text_missing_translation,
    text_not_nfc,
    text_undeclared_language,
)

PLAYBOOK_MODULES: tuple[ModuleType, ...] = (
    graph_dangling_next,
    graph_unreachable,
    graph_trap_loop,
    question_duplicate_answer,
    roles_unknown_owner,
    roles_unused_role,
    sla_unknown_clock,
    sla_unknown_node,
    sla_unknown_calendar,
    sla_remind_too_long,
    sla_when_unreachable,
    sla_never_fulfilled,
    sla_unmeetable,
    calendar_invalid,
    calendar_unused,
    reply_template_syntax,
    reply_unknown_variable,
    reply_input_not_asked,
    text_missing_translation,
    text_undeclared_language,
    text_not_nfc,
    inputs_bad_pattern,
    inputs_bad_default,
    inputs_options_with_pattern,
    inputs_measure_conflict,
    inputs_unknown_ask,
    inputs_asked_twice,
    scenario_unknown_input,
    scenario_expect_not_end,
    meta_id_mismatch,
    library_duplicate_id,
    library_unknown_handoff,
)

ROSTER_MODULES: tuple[ModuleType, ...] = (
    roster_unknown_shift,
    roster_duplicate_role,
    roster_no_roles,
    roster_unknown_timezone,
    roster_invalid_calendar,
    roster_unheld_role,
)

MODULES: tuple[ModuleType, ...] = PLAYBOOK_MODULES + ROSTER_MODULES

# The ids of the rules that look at rosters; the runner keeps them and the playbook rules apart.
ROSTER_RULES: frozenset[str] = frozenset(module.ID for module in ROSTER_MODULES)
