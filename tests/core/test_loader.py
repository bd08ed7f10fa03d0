"""The located loader: locations, and every input the format tells us to refuse."""

import pytest

from playbook_cli.core.errors import PlaybookLoadError
from playbook_cli.core.loader import load_bytes, load_text


def refusal(raw: bytes):
    with pytest.raises(PlaybookLoadError) as info:
        load_bytes(raw, "f.yaml")
    f = info.value.finding
    return f.line, f.column, f.rule, f.message


def test_keys_and_values_keep_their_positions():
    doc = load_text("a: 1\nnodes:\n  x:\n    text: |\n      hi\n", "f.yaml")
    assert doc.key_position(("nodes", "x")) == (3, 3)
    assert doc.value_position(("nodes", "x", "text")) == (4, 11)
    assert doc.loc(("nodes", "x", "text")).style == "|"
    assert doc.loc(("a",)).raw == "1"


def test_mapping_keys_stay_text():
    assert load_text("no: 1\n1: 2\n", "f").data == {"no": 1, "1": 2}


def test_timestamps_stay_text_and_octal_like_numbers_are_numbers():
    assert load_text("a: 2024-01-01\nb: 010\n", "f").data == {"a": "2024-01-01", "b": 8}


def test_duplicate_key_is_a_finding_with_both_lines():
    doc = load_text("a: 1\nb: 2\na: 3\n", "f.yaml")
    [problem] = doc.problems
    assert (problem.line, problem.column, problem.rule) == (3, 1, "yaml/duplicate-key")
    assert "first at line 1" in problem.message


@pytest.mark.parametrize(
    "raw, expected",
    [
        (b"", (1, 1, "yaml/empty")),
        (b"# just a comment\n", (1, 1, "yaml/empty")),
        (b"a: &x 1\n", (1, 4, "yaml/anchor")),
        (b"a: [1]\nb: *x\n", (2, 4, "yaml/anchor")),
        (b"a: !!python/object:os.system 1\n", (1, 4, "yaml/tag")),
        (b"a: !custom 1\n", (1, 4, "yaml/tag")),
        (b"a: b: c\n", (1, 5, "yaml/syntax")),
        (b"a:\n\t- b\n", (2, 1, "yaml/syntax")),
        (b"a: 1\n---\nb: 2\n", (2, 1, "yaml/multiple-documents")),
        (b"a: \x00\n", (1, 4, "yaml/encoding")),
        (b"a: ok\nb: \xc3\x28\n", (2, 4, "yaml/encoding")),
        (b"\xff\xfea\x00", (1, 1, "yaml/encoding")),
        (b"a: \x1b[31mred\n", (1, 4, "yaml/encoding")),
        (b"- a\n- b\n", (1, 1, "yaml/not-mapping")),
        (b"just text\n", (1, 1, "yaml/not-mapping")),
        (b"? [a]\n: 1\n", (1, 3, "yaml/complex-key")),
    ],
)
def test_refused_inputs_are_located_findings(raw, expected):
    assert refusal(raw)[:3] == expected


def test_tab_indentation_gets_a_hint():
    assert "indent with spaces" in refusal(b"a:\n\t- b\n")[3]


def test_bom_and_crlf_are_accepted():
    doc = load_bytes(b"\xef\xbb\xbfa: 1\r\nb:\r\n  c: x\r\n", "f.yaml")
    assert doc.data == {"a": 1, "b": {"c": "x"}}
    assert doc.key_position(("b", "c")) == (3, 3)


def test_deep_nesting_is_refused_or_loaded_without_recursion_error():
    raw = b"a: " + b"[" * 3000 + b"]" * 3000
    try:
        load_bytes(raw, "f.yaml")
    except PlaybookLoadError as exc:
        assert exc.finding.rule in ("yaml/syntax", "yaml/too-large")


def test_the_pure_python_parser_gives_the_same_data_and_positions(monkeypatch):
    import yaml

    from conftest import SPEC_EXAMPLE
    from playbook_cli.core import loader

    fast = loader.load_file(SPEC_EXAMPLE)
    monkeypatch.setattr(loader, "_Loader", yaml.SafeLoader)
    slow = loader.load_file(SPEC_EXAMPLE)
    assert slow.data == fast.data
    assert slow.locations == fast.locations
    with pytest.raises(PlaybookLoadError) as info:
        loader.load_bytes(b"a: 1\na: &x 2\n", "f.yaml")
    assert (info.value.finding.line, info.value.finding.rule) == (2, "yaml/anchor")
