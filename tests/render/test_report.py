"""`playbook report`: an incident report rebuilt from a walk journal."""

import pytest

from conftest import SPEC_EXAMPLE


@pytest.fixture
def journal(cli, tmp_path):
    path = tmp_path / "j.jsonl"
    args = ["walk", SPEC_EXAMPLE, "--set", "customer=An", "--set", "ticket=CS-12", "--opened-at", "2020-01-01T08:00Z", "--journal", path]
    assert cli(*args, input="Yes\n").exit_code == 0
    return path


def test_markdown_report(cli, journal):
    result = cli("report", journal)
    assert result.exit_code == 0, result.output
    md = result.stdout
    assert md.startswith("# Incident report: A customer has waited too long for a reply")
    assert "| Status | **resolved** |" in md and "| Opened at | 2020-01-01 08:00:00 UTC |" in md
    assert "| Customer name | An |" in md and "| Ticket ID | CS\\-12 |" not in md and "| Ticket ID | CS-12 |" in md
    assert "| 1 |" in md and "Is the first-reply target already missed?" in md and "| Yes |" in md
    assert "Dear An, we are sorry for the wait on CS-12." in md
    assert "`first_reply` (Target 1 h): met late" in md


def test_html_report_in_vietnamese(cli, tmp_path):
    path = tmp_path / "j.jsonl"
    cli("walk", SPEC_EXAMPLE, "--set", "customer=<b>An</b>", "--lang", "vi", "--journal", path, input="2\n")
    html = cli("report", path, "--format", "html").stdout
    assert '<html lang="vi">' in html and "Báo cáo sự cố" in html and "đã giải quyết" in html
    assert "&lt;b&gt;An&lt;/b&gt;" in html and "<b>An</b>" not in html


def test_report_of_a_paused_walk(cli, tmp_path):
    path = tmp_path / "j.jsonl"
    cli("walk", SPEC_EXAMPLE, "--set", "customer=An", "--journal", path, input="")
    md = cli("report", path).stdout
    assert "in progress (paused)" in md and "## Outcome" not in md


def test_report_to_a_file_and_errors(cli, journal, tmp_path):
    out = tmp_path / "r.html"
    assert cli("report", journal, "--format", "html", "--out", out).exit_code == 0
    assert "<h1>Incident report" in out.read_text(encoding="utf-8")
    assert cli("report", tmp_path / "missing.jsonl").exit_code == 2
    assert "needs --out" in cli("report", journal, "--format", "pdf").stderr
