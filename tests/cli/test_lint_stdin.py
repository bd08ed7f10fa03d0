"""`playbook lint -`: a playbook from standard input, as editors lint the buffer being written."""

from __future__ import annotations

import json

from conftest import MINIMAL

BAD = MINIMAL.replace("title: T", "titel: T")


def test_lint_reads_a_playbook_from_stdin(cli):
    result = cli("lint", "-", input=BAD)
    assert result.exit_code == 1
    assert result.stdout.startswith("<stdin>\n")
    assert "3:1     error   unknown key 'titel'" in result.stdout
    assert cli("lint", "-", input=MINIMAL).exit_code == 0


def test_stdin_filename_names_the_findings(cli):
    result = cli("lint", "-", "--stdin-filename", "playbooks/p.yaml", "--format", "json", input=BAD)
    assert result.exit_code == 1
    findings = json.loads(result.stdout)["findings"]
    assert {f["file"] for f in findings} == {"playbooks/p.yaml"}
    assert (findings[1]["line"], findings[1]["column"], findings[1]["rule"]) == (3, 1, "schema/unknown-key")
    # The file name counts as a file's does: id p matches p.yaml, not q.yaml.
    other = cli("lint", "-", "--stdin-filename", "q.yaml", "--format", "json", input=MINIMAL)
    assert [f["rule"] for f in json.loads(other.stdout)["findings"]] == ["meta/id-mismatch"]


def test_the_buffer_stands_for_its_file_among_the_library(cli, write, tmp_path):
    on_disk = write(MINIMAL, "lib/p.yaml")
    write(MINIMAL.replace("id: p", "id: other"), "lib/other.yaml")
    result = cli("lint", "-", tmp_path / "lib", "--stdin-filename", on_disk, "--format", "json", input=BAD)
    report = json.loads(result.stdout)
    assert report["files"] == 2  # the buffer replaced lib/p.yaml, not added to it
    assert {f["file"] for f in report["findings"]} == {str(on_disk)}
    assert "unknown-key" in {f["rule"].split("/")[1] for f in report["findings"]}


def test_stdin_is_checked_like_a_file(cli):
    broken = cli("lint", "-", input=b"playbook: 1\nid: [unclosed\n")
    assert broken.exit_code == 1 and "yaml/syntax" in broken.stdout
    not_utf8 = cli("lint", "-", input=b"playbook: 1\ntitle: \xff\xfe\n")
    assert not_utf8.exit_code == 1 and "yaml/encoding" in not_utf8.stdout
    roster = cli(
        "lint", "-", "--stdin-filename", "team/roster.yaml", input="roster: 1\ntimezone: UTC\npeople:\n  lan: {name: Lan, roles: []}\n"
    )
    assert roster.exit_code == 1 and "roster/no-roles" in roster.stdout  # a roster, recognised by its first key


def test_stdin_filename_without_stdin_is_refused(cli, write):
    result = cli("lint", write(MINIMAL), "--stdin-filename", "x.yaml")
    assert result.exit_code == 2 and "give - among the paths" in result.stderr
