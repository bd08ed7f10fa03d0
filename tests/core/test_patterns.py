"""Input patterns run by RE2: linear time, clear words for what RE2 cannot run, the walk answers at once."""

from __future__ import annotations

import pytest

from conftest import MINIMAL
from playbook_cli.core.patterns import Pattern, PatternProblem, compile_pattern, matches

CATASTROPHIC = "^(a|aa)+$"
LONG_ANSWER = "a" * 50_000 + "b"  # exponential for a backtracking engine


def test_a_pattern_compiles_once_and_is_cached():
    first = compile_pattern("^CS-[0-9]+$")
    assert isinstance(first, Pattern) and first.text == "^CS-[0-9]+$"
    assert compile_pattern("^CS-[0-9]+$") is first


@pytest.mark.parametrize(
    "value, expected",
    [("CS-12", True), ("cs-12", False), ("CS-", False), ("see CS-12 now", True)],
)
def test_matches_searches_like_re_search(value, expected):
    assert matches("CS-[0-9]+", value) is expected


def test_anchors_match_the_whole_value_and_dollar_takes_no_trailing_newline():
    assert matches("^[A-Z]+-[0-9]+$", "CS-12")
    assert not matches("^[A-Z]+-[0-9]+$", "x CS-12")
    assert not matches("^[A-Z]+-[0-9]+$", "CS-12\n")  # Python's re.search would accept it


def test_a_catastrophic_pattern_is_answered_at_once():
    assert matches(CATASTROPHIC, "a" * 10)
    assert not matches(CATASTROPHIC, LONG_ANSWER)


@pytest.mark.parametrize(
    "pattern, words",
    [
        ("^(?=a)b", "RE2 does not support lookahead (?=...); write the pattern without it"),
        ("^(?!a)b", "RE2 does not support negative lookahead (?!...)"),
        ("(?<=a)b", "RE2 does not support lookbehind (?<=...)"),
        ("(?<!a)b", "RE2 does not support negative lookbehind (?<!...)"),
        (r"(a)\1", r"RE2 does not support backreferences (\1)"),
        ("(?P<x>a)(?P=x)", "RE2 does not support backreferences (?P=name)"),
        ("(?>a)", "RE2 does not support atomic groups (?>...)"),
        ("a++", "RE2 does not support possessive quantifiers (++)"),
        (r"a\Z", r"RE2 does not support \Z; write \z (or $)"),
        ("a{1001}", "RE2 allows at most 1000 repetitions ({1001})"),
        ("^CS-[0-9+$", "missing ]: [0-9+$; fix it"),
    ],
)
def test_what_re2_cannot_run_is_a_problem_in_plain_words(pattern, words):
    problem = compile_pattern(pattern)
    assert isinstance(problem, PatternProblem)
    assert words in problem.message


def test_a_pattern_re2_cannot_run_refuses_every_value():
    assert not matches("(a)\\1", "aa")


def test_re2_writes_nothing_on_stderr(capfd):
    compile_pattern("^(?=x)never-seen-before$")
    assert capfd.readouterr().err == ""


# --- through the CLI: the scripted walk and lint ------------------------------------------


def with_pattern(pattern: str, default: str | None = None) -> str:
    spec = f"{{prompt: Code, pattern: '{pattern}'" + (f", default: '{default}'" if default is not None else "") + "}"
    return MINIMAL.replace("start: q\n", f"inputs:\n  code: {spec}\nstart: q\n")


def test_the_walk_answers_a_long_value_for_a_catastrophic_pattern_at_once(cli, write, tmp_path):
    path = write(with_pattern(CATASTROPHIC))
    refused = cli("walk", path, "--set", f"code={LONG_ANSWER}", "--journal", tmp_path / "refused.jsonl", input="2\n")
    assert refused.exit_code == 2
    assert "it must match ^(a|aa)+$" in refused.stderr
    accepted = cli("walk", path, "--set", f"code={'a' * 50_000}", "--journal", tmp_path / "accepted.jsonl", input="2\n")
    assert accepted.exit_code == 0, accepted.output


def test_lint_answers_at_once_for_a_long_default_of_a_catastrophic_pattern(cli, write):
    path = write(with_pattern(CATASTROPHIC, LONG_ANSWER))
    result = cli("lint", path)
    assert result.exit_code == 1
    assert "inputs/bad-default" in result.stdout and "does not match its pattern ^(a|aa)+$" in result.stdout


def test_lint_refuses_a_pattern_only_python_can_run(cli, write):
    result = cli("lint", write(with_pattern("^(?=CS)[A-Z]+-[0-9]+$")))
    assert result.exit_code == 1
    assert "RE2 does not support lookahead" in result.stdout and "inputs/bad-pattern" in result.stdout
