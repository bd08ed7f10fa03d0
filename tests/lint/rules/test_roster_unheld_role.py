"""`playbook lint DIR --roster FILE`: the roster is linted, rosters and playbooks each get their own rules, unheld roles warn."""

import shutil

import pytest

from conftest import FIXTURES, MINIMAL, SPEC_EXAMPLE
from playbook_cli.core.loader import load_file
from playbook_cli.lint.rule import Scope
from playbook_cli.lint.rules import ROSTER_MODULES
from playbook_cli.lint.rules._context import RuleContext
from playbook_cli.lint.runner import lint_paths

RULE = "roster/unheld-role"
TEAM = FIXTURES / "roster" / "team.yaml"
# Default owner agent (held by lan and chi); node `a` owned by billing, which nobody holds.
BILLING = MINIMAL.replace("start: q\n", "owner: agent\nstart: q\n").replace("    text: Do it\n", "    text: Do it\n    owner: billing\n")


@pytest.fixture
def library(tmp_path):
    """A directory holding the spec's playbook and the spec's roster."""
    folder = tmp_path / "library"
    folder.mkdir()
    shutil.copy(SPEC_EXAMPLE, folder / SPEC_EXAMPLE.name)
    shutil.copy(TEAM, folder / "team.yaml")
    return folder


def unheld(paths, roster):
    return [(f.file, f.line, f.column, f.severity.value, f.message) for f in lint_paths(paths, roster=roster).findings if f.rule == RULE]


def test_a_roster_in_a_directory_of_playbooks_is_recognised_and_lints_clean(library):
    alone = lint_paths([str(library / SPEC_EXAMPLE.name)]).findings  # the playbook's own (one warning)
    result = lint_paths([str(library)])
    assert len(result.files) == 2 and result.findings == alone


def test_the_spec_roster_holds_every_role_of_the_spec_playbook(library):
    alone = lint_paths([str(library / SPEC_EXAMPLE.name)]).findings
    result = lint_paths([str(library)], roster=str(library / "team.yaml"))
    assert len(result.files) == 2 and result.findings == alone


def test_roster_rules_skip_playbooks():
    doc = load_file(SPEC_EXAMPLE)
    for module in ROSTER_MODULES:
        if module.SCOPE is Scope.FILE:
            assert list(module.check(RuleContext(doc, module.ID, module.SEVERITY))) == []
        else:
            assert list(module.check([RuleContext(doc, module.ID, module.SEVERITY)])) == []


def test_a_role_nobody_holds_warns_at_the_owner_of_the_step(write):
    path = write(BILLING, "lib/p.yaml")
    [(file, line, column, severity, message)] = unheld([str(path.parent)], str(TEAM))
    assert (file, line, column, severity) == (str(path), 18, 12, "warning")
    assert message.startswith(f"nobody in the roster {TEAM} holds or backs up 'billing'; add 'billing' to someone's roles or backup_for")


def test_a_default_owner_warns_at_the_default_when_some_step_has_no_owner(write):
    path = write(MINIMAL.replace("start: q\n", "owner: sales\nstart: q\n"))
    [(_, line, column, _, message)] = unheld([str(path)], str(TEAM))
    assert (line, column) == (4, 8) and "'sales'" in message


def test_a_default_owner_every_step_overrides_owns_nothing(write):
    text = MINIMAL.replace("start: q\n", "owner: sales\nstart: q\n").replace("    kind: ", "    owner: agent\n    kind: ")
    assert unheld([str(write(text))], str(TEAM)) == []


def test_backing_up_a_role_covers_it(write):
    path = write(BILLING.replace("owner: billing", "owner: technical"))
    assert unheld([str(path)], str(TEAM)) == []


def test_without_a_roster_nothing_is_compared(write):
    path = write(BILLING, "lib/p.yaml")
    shutil.copy(TEAM, path.parent / "team.yaml")
    assert unheld([str(path.parent)], None) == []


def test_the_roster_is_linted_too_and_counted_once(write):
    path = write(MINIMAL)
    result = lint_paths([str(path)], roster=str(FIXTURES / "roster" / "broken.yaml"))
    assert len(result.files) == 2
    assert {f.rule for f in result.findings} >= {"roster/unknown-shift", "roster/no-roles"}


# --- the command --------------------------------------------------------------


def test_lint_with_roster_warns_and_fails_only_when_strict(cli, write):
    path = write(BILLING)
    result = cli("lint", path, "--roster", TEAM)
    assert result.exit_code == 0, result.output
    assert "18:12" in result.stdout and RULE in result.stdout and "(0 errors, 1 warning) in 2 files" in result.stdout
    assert cli("lint", "--strict", path, "--roster", TEAM).exit_code == 1
    assert cli("lint", "--strict", "--ignore", RULE, path, "--roster", TEAM).exit_code == 0


def test_playbook_roster_is_the_default_of_the_option(cli, write, monkeypatch):
    path = write(BILLING)
    monkeypatch.setenv("PLAYBOOK_ROSTER", str(TEAM))
    assert RULE in cli("lint", path).stdout
    monkeypatch.setenv("PLAYBOOK_ROSTER", "")
    assert RULE not in cli("lint", path).stdout


def test_a_missing_roster_or_a_playbook_given_as_roster_exits_2(cli, write, monkeypatch, tmp_path):
    path = write(MINIMAL)
    missing = cli("lint", path, "--roster", tmp_path / "nope.yaml")
    assert missing.exit_code == 2 and "--roster" in missing.stderr and "no such file" in missing.stderr
    not_roster = cli("lint", path, "--roster", SPEC_EXAMPLE)
    assert not_roster.exit_code == 2 and "not a roster" in not_roster.stderr
    monkeypatch.setenv("PLAYBOOK_ROSTER", str(tmp_path / "gone.yaml"))
    from_environment = cli("lint", path)
    assert from_environment.exit_code == 2 and "PLAYBOOK_ROSTER=" in from_environment.stderr


def test_the_spec_roster_lints_clean():
    result = lint_paths([str(TEAM)])
    assert result.files == (str(TEAM),) and result.findings == ()
