"""Which files lint reads: each once, and none skipped in silence."""

import os

from conftest import MINIMAL


def test_the_same_directory_given_twice_counts_once(cli, write, tmp_path):
    write(MINIMAL, "lib/p.yaml")
    result = cli("lint", "--format", "json", tmp_path / "lib", f"{tmp_path}/lib/", f"{tmp_path}/lib/../lib")
    assert '"files": 1' in result.stdout and "library/duplicate-id" not in result.stdout


def test_a_broken_link_and_a_pipe_are_reported_not_skipped_or_read(cli, write, tmp_path):
    write(MINIMAL, "lib/p.yaml")
    os.symlink(tmp_path / "gone.yaml", tmp_path / "lib" / "broken.yaml")
    os.mkfifo(tmp_path / "lib" / "pipe.yaml")
    result = cli("lint", tmp_path / "lib")
    assert result.exit_code == 1
    assert "broken.yaml" in result.stdout and "cannot read the file" in result.stdout
    assert "pipe.yaml" in result.stdout and "not a regular file" in result.stdout


def test_an_id_with_a_trailing_newline_is_not_a_name(findings):
    bad = MINIMAL.replace("id: p", 'id: "p\\n"')
    assert [rule for _, _, rule, _ in findings(bad)].count("schema/value") == 1
