"""`playbook stats` as a person runs it: JSON, the tables, the HTML page, filters and bad input.

The figures themselves are checked against a hand computation in tests/team/test_team_stats.py;
here the command passes them through, in each format.
"""

from __future__ import annotations

import io
import json
import re
from datetime import UTC, datetime

import pytest
from typer.testing import CliRunner

from conftest import FIXTURES, REPO
from playbook_cli.cli.app import app
from playbook_cli.cli.env import Environment

JOURNALS = "tests/fixtures/journals"
AS_OF = "2026-12-01T12:00:00Z"


def run(*args):
    env = Environment(
        stdin=io.StringIO(), stdout=io.StringIO(), stderr=io.StringIO(), stdin_is_terminal=False,
        now=lambda: datetime(2026, 12, 1, 12, 0, tzinfo=UTC), width=160,
    )  # fmt: skip
    result = CliRunner().invoke(app, ["stats", *map(str, args)], obj=env, catch_exceptions=False)
    return result.exit_code, env.stdout.getvalue(), env.stderr.getvalue()


@pytest.fixture(autouse=True)
def in_repo(monkeypatch):
    monkeypatch.chdir(REPO)  # the fixture journals name their playbooks relative to the repository


def test_json_and_the_warnings_about_skipped_journals():
    code, out, err = run(JOURNALS, "--format", "json", "--as-of", AS_OF)
    assert code == 0
    data = json.loads(out)
    assert list(data) == ["stats", "as_of", "walks", "clocks", "people", "steps", "cases", "measures"]
    assert data["walks"]["total"] == 8 and data["cases"]["first_contact_resolution"] == 0.5714
    assert "damaged.jsonl" in err and "foreign.jsonl" in err


def test_filters():
    code, out, _ = run(JOURNALS, "-f", "json", "--playbook", "business-hours", "--since", "2026-11-23", "--until", "2026-11-23")
    assert code == 0 and json.loads(out)["walks"]["total"] == 2  # bh-1 and bh-2; bh-3 opened on 1 December
    code, out, _ = run(JOURNALS, "-f", "json", "--until", "2026-11-22", "--timezone", "America/Los_Angeles")
    assert code == 0 and json.loads(out)["walks"]["total"] == 6


@pytest.mark.parametrize(
    "args, message",
    [
        (["--since", "last week"], "--since 'last week' is not a date"),
        (["--since", "2026-12-02", "--until", "2026-12-01"], "--since 2026-12-02 is after --until 2026-12-01"),
        (["--timezone", "Mars/Olympus"], "--timezone 'Mars/Olympus' is not a time zone"),
    ],
)
def test_bad_options_are_usage_errors(args, message):
    code, _, err = run(JOURNALS, *args)
    assert code == 2 and message in err


def test_a_missing_directory_is_a_usage_error():
    code, _, err = run("no/such/dir")
    assert code == 2 and "no/such/dir: no such directory of journals" in err


def test_the_tables_in_vietnamese():
    code, out, _ = run(JOURNALS, "--lang", "vi", "--as-of", AS_OF)
    assert code == 0
    for words in ("Tỉ lệ đạt SLA theo chỉ tiêu", "Phản hồi đầu tiên", "33,3%", "Theo nhân sự", "Các bước chậm nhất", "57,1%"):
        assert words in out, words


def test_the_html_page_is_self_contained_charts_no_script(tmp_path):
    page = tmp_path / "out" / "stats.html"
    code, _, _ = run(JOURNALS, "--format", "html", "-o", page, "--lang", "vi", "--as-of", AS_OF)
    assert code == 0
    html = page.read_text(encoding="utf-8")
    assert html.count("<svg") == 3  # compliance per clock, per week, slowest steps
    assert "<script" not in html
    assert not re.search(r"(?:href|src)=|url\(", html)  # nothing fetched: every chart is inline
    assert '<html lang="vi">' in html and "Thống kê của nhóm" in html and "2026-W48" in html and "2026-W49" in html


def test_everything_from_journals_is_escaped_in_the_page(tmp_path):
    hostile = '<img src=x onerror="document.title=1">'
    journal = (FIXTURES / "journals" / "dr-1.jsonl").read_text(encoding="utf-8").replace('"minh"', json.dumps(hostile))
    directory = tmp_path / "journals"
    directory.mkdir()
    (directory / "x.jsonl").write_text(journal, encoding="utf-8")
    page = tmp_path / "stats.html"
    assert run(directory, "-f", "html", "-o", page, "--as-of", AS_OF)[0] == 0
    html = page.read_text(encoding="utf-8")
    assert "<img" not in html and "&lt;img src=x" in html
    assert re.search(r"<h1>Team statistics</h1>", html)
