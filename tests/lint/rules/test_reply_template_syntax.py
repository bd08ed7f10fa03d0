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
