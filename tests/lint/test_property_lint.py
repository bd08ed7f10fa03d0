"""Whatever bytes a writer saves, lint ends in findings or a usage error, never a traceback."""

import subprocess
import sys

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from playbook_cli.lint.runner import lint_paths

YAMLISH = st.text(alphabet=st.sampled_from(list("ab:-[]{}'\"!&*#|>? \n\t0123456789yesnoYN,.\\%@`~\x00\x1b")), max_size=200)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(st.binary(max_size=200), YAMLISH.map(lambda s: s.encode("utf-8"))))
def test_any_bytes_end_in_findings(tmp_path, raw):
    path = tmp_path / "p.yaml"
    path.write_bytes(raw)
    result = lint_paths([str(path)])
    assert result.errors >= 1  # none of these is a valid playbook
    assert all(f.line >= 1 and f.column >= 1 for f in result.findings)


def _mutations():
    from conftest import MINIMAL

    lines = MINIMAL.splitlines(keepends=True)

    def apply(edits):
        replaced = dict(edits)
        return "".join(replaced.get(index, line) for index, line in enumerate(lines))

    # Replace up to three lines of a valid playbook with YAML-ish noise.
    return st.lists(st.tuples(st.integers(0, len(lines) - 1), YAMLISH), max_size=3).map(apply)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(_mutations())
def test_mutated_playbooks_never_crash_a_rule(tmp_path, text):
    path = tmp_path / "p.yaml"
    path.write_text(text, encoding="utf-8")
    result = lint_paths([str(path)])
    assert all(f.line >= 1 and f.column >= 1 for f in result.findings)


def test_the_real_command_prints_no_traceback(tmp_path):
    samples = [b"\x00\xff", b"a: &x [*x]", b"nodes: {a: {kind: question, choices: 3}}", b"- 1", b"{" * 2000]
    for index, raw in enumerate(samples):
        path = tmp_path / f"s{index}.yaml"
        path.write_bytes(raw)
        proc = subprocess.run([sys.executable, "-m", "playbook_cli", "lint", str(path)], capture_output=True, text=True)
        assert proc.returncode in (1, 2), proc
        assert "Traceback" not in proc.stdout + proc.stderr


def test_unwritable_output_and_internal_errors_are_one_line(tmp_path):
    from conftest import SPEC_EXAMPLE

    blocked = tmp_path / "file"
    blocked.write_text("not a directory")
    proc = subprocess.run(
        [sys.executable, "-m", "playbook_cli", "render", str(SPEC_EXAMPLE), "--format", "html", "--out", str(blocked / "out")],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "playbook: " in proc.stderr and "Not a directory" in proc.stderr


def test_a_bug_is_reported_in_one_line_not_a_traceback(monkeypatch, cli, tmp_path):
    from playbook_cli.cli import lint_command

    def broken(*_args, **_kwargs):
        raise RuntimeError("boom")

    monkeypatch.delenv("PLAYBOOK_DEBUG", raising=False)
    monkeypatch.setattr(lint_command, "lint_paths", broken)
    result = cli("lint", tmp_path)
    assert result.exit_code == 2
    assert "internal error: RuntimeError: boom" in result.stderr and "PLAYBOOK_DEBUG=1" in result.stderr
    assert "Traceback" not in result.stderr
