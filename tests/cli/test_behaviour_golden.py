"""The bundled library through every command, frozen: what a user sees must not drift unnoticed.

For each bundled playbook: lint JSON (of the whole library), the Markdown runbook in each
language, the Mermaid and DOT graphs, a scripted walk of its first scenario (the journal
with times replaced by their order) and the Markdown and JSON reports of that walk (rebuilt from the
journal with fixed, evenly spaced times, so it does not depend on the clock).

After an intended change of output, rewrite with
`python -m pytest tests/test_behaviour_golden.py --update-golden` and review the diff.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from conftest import REPO

LIBRARY = REPO / "playbooks"
BUNDLED = sorted(path.stem for path in LIBRARY.glob("*.yaml"))
OPENED = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def _section(title: str, body: str) -> str:
    return f"===== {title}\n{body.rstrip()}\n"


def test_library_lint_json(cli, golden, monkeypatch):
    monkeypatch.chdir(REPO)
    result = cli("lint", "--format", "json", "playbooks")
    assert result.exit_code == 0, result.output
    golden("behaviour/lint.json", result.stdout)


def _walk_and_report(cli, playbook: str, tmp_path) -> str:
    import yaml

    data = yaml.safe_load((LIBRARY / f"{playbook}.yaml").read_text(encoding="utf-8"))
    scenario = data["scenarios"][0]
    answers = tmp_path / "answers.yaml"
    answers.write_text(
        json.dumps({"inputs": scenario.get("inputs", {}), "answers": scenario["answers"]}, ensure_ascii=False), encoding="utf-8"
    )
    journal = tmp_path / "walk.jsonl"
    walked = cli(
        "walk",
        f"playbooks/{playbook}.yaml",
        "--answers",
        answers,
        "--journal",
        journal,
        "--opened-at",
        OPENED.isoformat(),
    )
    assert walked.exit_code == 0, walked.output
    events = [json.loads(line) for line in journal.read_text(encoding="utf-8").splitlines()]
    # Every event one minute after the previous: a walk that took time, independent of the clock.
    for number, event in enumerate(events, 1):
        event["at"] = (OPENED + timedelta(minutes=number)).isoformat().replace("+00:00", "Z")
    journal.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in events), encoding="utf-8")
    frozen = [{k: v for k, v in e.items() if k not in ("at", "path")} for e in events]
    as_of = (OPENED + timedelta(days=1)).isoformat()
    report = cli("report", journal, "--as-of", as_of)
    assert report.exit_code == 0, report.output
    as_json = cli("report", journal, "--as-of", as_of, "--format", "json")
    assert as_json.exit_code == 0, as_json.output
    return (
        _section("journal", "\n".join(json.dumps(e, ensure_ascii=False, sort_keys=True) for e in frozen))
        + _section("report.md", report.stdout.replace(str(journal), "JOURNAL"))
        + _section("report.json", as_json.stdout.replace(str(journal), "JOURNAL"))
    )


@pytest.mark.parametrize("playbook", BUNDLED)
def test_playbook_through_every_command(cli, golden, monkeypatch, tmp_path, playbook):
    monkeypatch.chdir(REPO)
    parts = []
    for lang in ("vi", "en"):
        result = cli("render", f"playbooks/{playbook}.yaml", "--format", "md", "--lang", lang)
        assert result.exit_code == 0, result.output
        parts.append(_section(f"render md {lang}", result.stdout))
    for form in ("mermaid", "dot"):
        result = cli("graph", f"playbooks/{playbook}.yaml", "--format", form)
        assert result.exit_code == 0, result.output
        parts.append(_section(f"graph {form}", result.stdout))
    parts.append(_walk_and_report(cli, playbook, tmp_path))
    golden(f"behaviour/{playbook}.txt", "\n".join(parts))
