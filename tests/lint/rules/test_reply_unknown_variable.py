from conftest import MINIMAL

RULE = "reply/unknown-variable"
WITH_INPUTS = MINIMAL.replace("start: q\n", "inputs:\n  customer: {prompt: Name}\n  ticket: {prompt: Ticket}\nstart: q\n")


def with_reply(reply_yaml: str) -> str:
    return WITH_INPUTS.replace("    text: Do it\n", "    text: Do it\n" + reply_yaml)


def test_only_inputs_used(findings):
    good = with_reply("    reply: '{% for c in [customer] %}{{ c }}{% endfor %} {{ ticket | upper }}'\n")
    assert findings(good, RULE) == []


def test_undeclared_variable_on_its_line_in_a_block(findings):
    bad = with_reply("    reply: |\n      Dear {{ customer }},\n      about {{ tiket }}.\n")
    [(line, column, _, message)] = findings(bad, RULE)
    assert (line, column) == (22, 7)
    assert "'tiket'" in message and "did you mean 'ticket'?" in message


def test_every_channel_and_language_of_replies(findings):
    replies = (
        "    replies:\n      email: {en: 'Dear {{ customer }}', vi: 'Kính gửi {{ custmer }}'}\n      chat: |\n        Hi {{ tiket }}\n"
    )
    got = findings(with_reply(replies), RULE)
    assert [(line, column) for line, column, _, _ in got] == [(21, 46), (23, 9)]
    assert "did you mean 'customer'?" in got[0][3] and "did you mean 'ticket'?" in got[1][3]
