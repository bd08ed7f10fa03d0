"""Adopting the linter on an old library: a baseline of the findings it had, then only new ones."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import MINIMAL
from playbook_cli.core.errors import InputError
from playbook_cli.core.findings import Finding, Severity
from playbook_cli.lint.baseline import Baseline, baseline_json, fingerprint, read_baseline

OLD = MINIMAL.replace('answer: "Yes"', "answer: Yes").replace("title: T", "titel: T")  # 3 errors


def _finding(line: int, message: str = "m", file: str = "lib/a.yaml") -> Finding:
    return Finding(file, line, 1, "graph/unreachable", Severity.WARNING, message)


def test_generate_then_lint_shows_only_new_findings(cli, write, tmp_path, monkeypatch):
    write(OLD, "lib/p.yaml")
    monkeypatch.chdir(tmp_path)
    generated = cli("lint", "--generate-baseline", "baseline.json", "lib")
    assert generated.exit_code == 0, generated.output
    assert "3 findings in 1 file recorded in baseline.json" in generated.stdout
    recorded = json.loads((tmp_path / "baseline.json").read_text(encoding="utf-8"))
    assert recorded["playbook-baseline"] == 1
    assert [(f["file"], f["rule"], f["count"]) for f in recorded["findings"]] == [
        ("lib/p.yaml", "schema/required", 1),
        ("lib/p.yaml", "schema/type", 1),
        ("lib/p.yaml", "schema/unknown-key", 1),
    ]
    assert all(f["fingerprint"] == fingerprint(f["file"], f["rule"], f["message"]) for f in recorded["findings"])

    clean = cli("lint", "--strict", "--baseline", "baseline.json", "lib")
    assert clean.exit_code == 0, clean.output
    assert "no problems" in clean.stdout and "3 findings hidden by the baseline" in clean.stdout

    # Lines move (a comment on top), and a new problem appears: only the new one is shown.
    write("# moved down by two lines\n#\n" + OLD.replace("text: Do it", "text: Do it\n    titel: again"), "lib/p.yaml")
    new = cli("lint", "--baseline", "baseline.json", "--format", "json", "lib")
    assert new.exit_code == 1
    report = json.loads(new.stdout)
    assert [(f["line"], f["rule"]) for f in report["findings"]] == [(19, "schema/unknown-key")]
    assert report["baselined"] == 3 and report["errors"] == 1


def test_the_baseline_matches_however_the_files_are_named(cli, write, tmp_path, monkeypatch):
    write(OLD, "lib/p.yaml")
    monkeypatch.chdir(tmp_path)
    assert cli("lint", "--generate-baseline", "ci/baseline.json", "./lib/").exit_code == 0
    assert json.loads((tmp_path / "ci/baseline.json").read_text(encoding="utf-8"))["findings"][0]["file"] == "../lib/p.yaml"
    for given in ("lib", str(tmp_path / "lib"), "lib/p.yaml"):
        assert cli("lint", "--baseline", "ci/baseline.json", given).exit_code == 0, given
    monkeypatch.chdir(tmp_path / "lib")
    assert cli("lint", "--baseline", "../ci/baseline.json", "p.yaml").exit_code == 0


def test_a_finding_recorded_once_hides_only_one_of_its_kind():
    baseline = Baseline(directory=Path("."), counts={fingerprint("lib/a.yaml", "graph/unreachable", "m"): 1})
    kept, hidden = baseline.split([_finding(9), _finding(3), _finding(5, "other")])
    assert hidden == 1 and [(f.line, f.message) for f in kept] == [(5, "other"), (9, "m")]  # the first in the file is the known one


def test_counts_add_up_in_the_written_baseline(tmp_path):
    text = baseline_json([_finding(3), _finding(9), _finding(4, "other")], tmp_path)
    entries = json.loads(text)["findings"]
    assert [(e["message"], e["count"]) for e in entries] == [("m", 2), ("other", 1)]
    path = tmp_path / "b.json"
    path.write_text(text, encoding="utf-8")
    kept, hidden = read_baseline(path).split([_finding(1), _finding(2), _finding(3), _finding(4, "other")])
    assert hidden == 3 and len(kept) == 1


@pytest.mark.parametrize(
    "content, says",
    [
        ("not json", "not a baseline (not JSON"),
        ('{"findings": []}', 'one starts with {"playbook-baseline": 1'),
        ('{"playbook-baseline": 1, "findings": [3]}', "finding 1 is not an object"),
        ('{"playbook-baseline": 1, "findings": [{"rule": "x"}]}', "neither a fingerprint nor a file, rule and message"),
        ('{"playbook-baseline": 1, "findings": [{"fingerprint": "x", "count": 0}]}', "count must be a whole number of at least 1"),
    ],
)
def test_a_bad_baseline_is_refused_naming_the_file(tmp_path, content, says):
    path = tmp_path / "b.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=r"--baseline .*b\.json") as raised:
        read_baseline(path)
    assert says in str(raised.value)


def test_baseline_usage_errors_exit_2(cli, write, tmp_path):
    path = write(MINIMAL)
    missing = cli("lint", "--baseline", tmp_path / "none.json", path)
    assert missing.exit_code == 2 and "none.json" in missing.stderr and "--generate-baseline" in missing.stderr
    both = cli("lint", "--baseline", "a.json", "--generate-baseline", "b.json", path)
    assert both.exit_code == 2 and "give one" in both.stderr


def test_a_hand_written_entry_without_fingerprint_counts(cli, write, tmp_path, monkeypatch):
    write(MINIMAL.replace("title: T", "titel: T"), "p.yaml")
    monkeypatch.chdir(tmp_path)
    lint = json.loads(cli("lint", "--format", "json", "p.yaml").stdout)
    entries = [{"file": f["file"], "rule": f["rule"], "message": f["message"]} for f in lint["findings"]]
    (tmp_path / "b.json").write_text(json.dumps({"playbook-baseline": 1, "findings": entries}), encoding="utf-8")
    assert cli("lint", "--baseline", "b.json", "p.yaml").exit_code == 0
