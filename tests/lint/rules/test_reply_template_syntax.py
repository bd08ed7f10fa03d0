import json
import resource
import subprocess
import sys

from conftest import MINIMAL

RULE = "reply/template-syntax"
WITH_INPUTS = MINIMAL.replace("start: q\n", "inputs:\n  customer: {prompt: Name}\nstart: q\n")


def with_reply(reply_yaml: str) -> str:
    return WITH_INPUTS.replace("    text: Do it\n", "    text: Do it\n" + reply_yaml)


def test_valid_template(findings):
    assert findings(with_reply("    reply: 'Dear {{ customer }}'\n"), RULE) == []


def test_error_inside_a_block_scalar_points_at_its_line(findings):
    bad = with_reply("    reply: |\n      Dear {{ customer }},\n      we are {% if customer %}sorry.\n      Bye\n")
    [(line, column, _, message)] = findings(bad, RULE)
    # Jinja reports the unclosed {% if %} at the template's last line (line 3 of the block).
    assert (line, column) == (21, 7)
    assert "does not parse" in message


def test_error_in_a_per_language_template(findings):
    bad = with_reply("    reply:\n      en: 'Dear {{ customer'\n")
    [(line, column, _, _)] = findings(bad, RULE)
    assert (line, column) == (20, 11)


def test_error_in_one_channel_of_replies(findings):
    bad = with_reply("    replies:\n      email: 'Dear {{ customer }}'\n      chat:\n        en: 'Hi {{ customer'\n")
    [(line, column, _, _)] = findings(bad, RULE)
    assert (line, column) == (22, 13)


def test_unknown_filter_points_at_its_name_and_suggests_the_closest(findings):
    [(line, column, _, message)] = findings(with_reply("    reply: 'Dear {{ customer|uper }}'\n"), RULE)
    assert (line, column) == (19, 30)
    assert message == "the reply template does not compile: there is no filter named 'uper'; did you mean 'upper'?"


def test_unknown_filter_inside_an_if_is_found_too(findings):
    bad = with_reply("    reply: |\n      Dear {{ customer }},\n      {% if customer %}{{ customer|no_such_filter }}{% endif %}\n")
    [(line, column, _, message)] = findings(bad, RULE)
    assert (line, column) == (21, 36)
    assert "there is no filter named 'no_such_filter'" in message


def test_unknown_test_is_an_error(findings):
    [(line, column, _, message)] = findings(with_reply("    reply: '{% if customer is definedd %}x{% endif %}'\n"), RULE)
    assert (line, column) == (19, 31)
    assert "there is no test named 'definedd'; did you mean 'defined'?" in message


# Each would hang, or build hundreds of megabytes, if lint rendered (or constant-folded) it.
HOSTILE = [
    "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}",
    "{% for i in range(10**6) %}{% for j in range(10**6) %}x{% endfor %}{% endfor %}",
    "{{ 'a' * 10**10 }}",
    "{{ 'a' * 600000000 }}",
    "{{ ('a' * 300000000) ~ ('b' * 300000000) }}",
    "{{ (['a'] * 600000000)|join }}",
    "{{ range(10000)|join('x' * 60000) }}",
    "{{ '%600000000s'|format('a') }}",
    "{{ 'a'|center(600000000) }}",
    "{{ 'a'|indent(600000000, true) }}",
]


def limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


def test_lint_compiles_templates_that_would_hang_or_explode_without_running_them(write, tmp_path):
    for number, template in enumerate(HOSTILE):
        playbook = with_reply(f"    reply: {json.dumps(template)}\n").replace("id: p\n", f"id: p{number}\n")
        write(playbook, f"library/p{number}.yaml")
    # In a child under 1 GB of address space: building one of these strings would end it.
    child = subprocess.run(
        [sys.executable, "-m", "playbook_cli", "lint", str(tmp_path / "library")],
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=limit_memory,
    )
    assert child.returncode == 0, child.stdout[-2000:] + child.stderr[-2000:]
    assert f"{len(HOSTILE)} files checked, no problems" in child.stdout


def test_lint_of_an_unknown_filter_and_test_ends_in_findings_not_an_internal_error(cli, write):
    result = cli("lint", write(with_reply('    reply: "{{ customer|no_such_filter }}{% if customer is no_such_test %}{% endif %}"\n')))
    assert result.exit_code == 1
    assert result.stdout.count("[reply/template-syntax]") == 2 and "internal error" not in result.output
