"""Many journals read once: which files, one playbook load per content, and what is skipped and why."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime

import pytest
from team_journals import DELAYED, delayed_walk, write_journals

from playbook_cli.core.errors import UsageError
from playbook_cli.team.journals import JournalReader, PlaybookCache, in_parallel, journal_files

OPENED = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)


def test_a_directory_that_does_not_exist_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="no-such-dir: no such directory of journals"):
        journal_files([str(tmp_path / "no-such-dir")])


def test_journals_are_found_in_subdirectories_once_each_in_a_stable_order(tmp_path):
    write_journals(tmp_path / "team" / "minh", b=delayed_walk(OPENED))
    write_journals(tmp_path / "team", a=delayed_walk(OPENED))
    (tmp_path / "team" / "a.jsonl.torn").write_text("{", encoding="utf-8")
    (tmp_path / "team" / "notes.txt").write_text("x", encoding="utf-8")
    base = str(tmp_path / "team")
    assert [path.relative_to(tmp_path).as_posix() for path in journal_files([base, base])] == ["team/a.jsonl", "team/minh/b.jsonl"]


def test_a_playbook_shared_by_many_journals_is_loaded_once(tmp_path):
    walks = {f"w{number}": delayed_walk(OPENED, ticket=f"CS-{number}") for number in range(20)}
    directory = write_journals(tmp_path / "journals", **walks)
    reader = JournalReader()
    assert len(list(reader.walks(journal_files([str(directory)])))) == 20
    assert reader.cache.loads == 1 and reader.skipped == []


def test_a_changed_playbook_is_loaded_again_an_unchanged_one_is_not(tmp_path):
    playbook = tmp_path / "delayed-response.yaml"
    shutil.copy(DELAYED, playbook)
    cache = PlaybookCache()
    first = cache.load(str(playbook))
    assert cache.load(str(playbook)) is first
    playbook.write_text(playbook.read_text(encoding="utf-8") + "# a comment\n", encoding="utf-8")
    assert cache.load(str(playbook)) is not first and cache.loads == 2


def test_what_cannot_be_read_is_skipped_with_a_reason(tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("playbook: 1\nid: broken\n", encoding="utf-8")
    gone = delayed_walk(OPENED)
    gone[0]["file"] = str(tmp_path / "moved-away.yaml")
    invalid = delayed_walk(OPENED)
    invalid[0]["file"] = str(broken)
    stale = delayed_walk(OPENED)
    stale[3]["node"] = "renamed-step"
    directory = write_journals(tmp_path / "journals", good=delayed_walk(OPENED), gone=gone, invalid=invalid, stale=stale)
    (directory / "empty.jsonl").write_text("", encoding="utf-8")
    (directory / "not-a-walk.jsonl").write_text('{"event": "enter", "at": "2026-11-23T01:00:00Z", "node": "x"}\n', encoding="utf-8")
    reader = JournalReader()
    walks = list(reader.walks(journal_files([str(directory)])))
    assert [walk.journal.rsplit("/", 1)[-1] for walk in walks] == ["good.jsonl"]
    reasons = {entry.journal.rsplit("/", 1)[-1]: entry.reason for entry in reader.skipped}
    assert reasons["empty.jsonl"] == "the journal is empty"
    assert reasons["gone.jsonl"].startswith(f"the playbook '{tmp_path / 'moved-away.yaml'}' it was recorded with is not there")
    assert reasons["invalid.jsonl"].startswith(f"{broken} has errors")
    assert reasons["not-a-walk.jsonl"] == "it does not begin with a start event; it is not a walk journal"
    assert "renamed-step" in reasons["stale.jsonl"]


def test_a_torn_last_line_is_a_warning_and_the_walk_counts(tmp_path):
    directory = write_journals(tmp_path / "journals", torn=delayed_walk(OPENED))
    with open(directory / "torn.jsonl", "a", encoding="utf-8") as journal:
        journal.write('{"event": "do')
    reader = JournalReader()
    assert len(list(reader.walks(journal_files([str(directory)])))) == 1
    assert len(reader.warnings) == 1 and "torn last line" in reader.warnings[0]


def _lengths(chunk):
    return [len(path.name) for path in chunk]


def test_work_is_split_in_order_only_when_there_is_enough(tmp_path):
    files = [tmp_path / ("x" * number) for number in range(1, 8)]
    assert in_parallel(files, _lengths, workers=2) == [[1, 2, 3, 4, 5, 6, 7]]  # too few files: one call, here
    assert in_parallel(files, _lengths, workers=2, least=1) == [[1, 2, 3, 4], [5, 6, 7]]
