"""Reply templates: compiled (never rendered) by lint, rendered by the walk within bounds that name what was exceeded."""

from __future__ import annotations

import json

import pytest

from conftest import MINIMAL
from playbook_cli.core.reply_templates import ReplyRenderError, render_reply, template_problems, template_variables

RECURSIVE_MACRO = "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}"

# (template, what the error names): each would hang, or build gigabytes, without the bounds.
HOSTILE = [
    pytest.param(RECURSIVE_MACRO, "its calls nest more than 40 deep", id="recursive-macro"),
    pytest.param(
        "{% for i in range(10**6) %}{% for j in range(10**6) %}x{% endfor %}{% endfor %}",
        "range() for more than 10,000 numbers",
        id="nested-range-10**6",
    ),
    pytest.param(
        "{% for i in range(10000) %}{% for j in range(10000) %}x{% endfor %}{% endfor %}",
        "loops run more than 20,000 rounds",
        id="nested-range-10**4",
    ),
    pytest.param("{{ 'a' * 10**10 }}", "a value longer than 100,000 characters", id="string-times-10**10"),
    pytest.param("{{ 10 ** (10 ** 10) }}", "a value longer than 100,000 characters", id="huge-power"),
    pytest.param(
        "{% set ns = namespace(s='a' * 60000) %}{% for i in range(10000) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s }}",
        "a value longer than 100,000 characters",
        id="600MB-by-concatenation",
    ),
    pytest.param(
        "{% for i in range(10000) %}{{ 'a' * 60000 }}{% endfor %}", "the reply would be longer than 100,000 characters", id="600MB-output"
    ),
    pytest.param("{{ range(10000)|join('x' * 60000) }}", "a value longer than 100,000 characters", id="600MB-by-join"),
    pytest.param("{{ '%600000000s'|format('a') }}", "a width or precision above 100,000", id="600MB-by-format-filter"),
    pytest.param("{{ '{:600000000}'.format('a') }}", "a width or precision above 100,000", id="600MB-by-str-format"),
    pytest.param("{{ 'a'|center(600000000) }}", "a number above 100,000", id="600MB-by-center"),
    pytest.param(
        "{% macro f(n) %}{% if n %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}{% endmacro %}{{ f(30) }}",
        "more than 100,000 steps",
        id="exponential-macro",
    ),
]


@pytest.mark.parametrize("source, words", HOSTILE)
def test_rendering_a_hostile_template_stops_naming_the_limit(source, words):
    with pytest.raises(ReplyRenderError) as caught:
        render_reply(source, {"customer": "An"})
    assert words in str(caught.value)


@pytest.mark.parametrize("source, words", HOSTILE)
def test_lint_only_compiles_a_hostile_template(source, words):
    assert template_problems(source) == []
    assert template_variables(source) is not None


def test_ordinary_templates_still_render():
    source = (
        "Dear {{ customer|title }},{% for i in range(3) %} {{ loop.index }}{% endfor %}"
        " {{ '%05d'|format(42) }} {{ '{:,}'.format(1234567) }} {{ ['a', 'b']|map('upper')|join('-') }}"
        " {{ ticket.replace('-', ' ') }}{% macro sign(name) %} -- {{ name }}{% endmacro %}{{ sign('Desk') }}"
    )
    assert render_reply(source, {"customer": "an", "ticket": "CS-12"}) == "Dear An, 1 2 3 00042 1,234,567 A-B CS 12 -- Desk"


@pytest.mark.parametrize(
    "source, words",
    [
        ("{{ customer|uper }}", "there is no filter named 'uper'; did you mean 'upper'?"),
        ("{% if customer %}{{ customer|no_such_filter }}{% endif %}", "there is no filter named 'no_such_filter'"),
        ("{% if customer is definedd %}x{% endif %}", "there is no test named 'definedd'"),
    ],
)
def test_an_unknown_filter_or_test_is_found_by_compiling(source, words):
    [problem] = template_problems(source)
    assert words in problem.message and problem.line == 1
    with pytest.raises(ReplyRenderError, match=words.split(";")[0]):
        render_reply(source, {"customer": "An"})


@pytest.mark.parametrize("source", ["{{ 1 / 0 }}", "{{ 'a' + 1 }}", "{{ 10 ** 5000 }}", "{{ 'x'.expandtabs(8) }}"])
def test_every_failure_of_a_template_is_a_reply_render_error(source):
    with pytest.raises(ReplyRenderError):
        render_reply(source, {})


# --- the walk shows such a reply as not filled in, naming the node and the limit --------


def with_reply(reply: str) -> str:
    with_inputs = MINIMAL.replace("start: q\n", "inputs:\n  customer: {prompt: Name}\nstart: q\n")
    return with_inputs.replace("    text: Do it\n", f"    text: Do it\n    reply: {json.dumps(reply)}\n")


@pytest.mark.parametrize("source, words", HOSTILE)
def test_the_walk_shows_a_hostile_reply_as_not_filled_in(cli, write, tmp_path, source, words):
    path = write(with_reply(source))
    result = cli("walk", path, "--set", "customer=An", "--journal", tmp_path / "j.jsonl", input="1\n")
    assert result.exit_code == 0, result.output
    assert "the reply template of node 'a' could not be filled in" in result.stdout
    assert words in result.stdout
