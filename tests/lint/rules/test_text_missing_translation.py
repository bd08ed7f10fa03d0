RULE = "text/missing-translation"

TEXT = """\
playbook: 1
id: p
title: {en: T, vi: T}
languages: [en, vi]
start: done
nodes:
  done:
    kind: end
    text: TEXT
    outcome: resolved
"""


def test_all_languages_present(findings):
    assert findings(TEXT.replace("TEXT", "{en: Done, vi: Xong}"), RULE) == []


def test_missing_language_at_the_key(findings):
    [(line, column, _, message)] = findings(TEXT.replace("TEXT", "{en: Done}"), RULE)
    assert (line, column) == (9, 5)
    assert "add vi" in message


def test_plain_string_when_languages_declared(findings):
    [(line, column, _, message)] = findings(TEXT.replace("TEXT", "Done"), RULE)
    assert (line, column) == (9, 11)
    assert "{en: ..., vi: ...}" in message


def test_no_languages_declared_allows_plain_strings(findings):
    text = TEXT.replace("languages: [en, vi]\n", "").replace("TEXT", "Done")
    assert findings(text, RULE) == []


TEXT_1_1 = """\
playbook: 1
id: p
title: {en: T, vi: T}
languages: [en, vi]
sla:
  first_reply: {target: 1h, title: {en: First reply}}
inputs:
  salutation:
    prompt: {en: Form of address, vi: Xưng hô}
    hint: Pick one
    options: [{en: Sir or Madam, vi: Quý khách}, anh]
    default: {vi: Quý khách}
start: a
nodes:
  a:
    kind: action
    text: {en: Reply, vi: Trả lời}
    replies:
      email: {en: "Dear {{ salutation }}"}
      chat: Hi
    next: done
  done:
    kind: end
    text: {en: Done, vi: Xong}
    outcome: resolved
"""


def test_1_1_text_places(findings):
    got = findings(TEXT_1_1, RULE)
    assert [(line, column) for line, column, _, _ in got] == [(6, 29), (10, 11), (11, 50), (12, 5), (19, 7), (20, 13)]
    assert "add vi" in got[0][3] and "{en: ..., vi: ...}" in got[1][3] and "add en" in got[3][3]


def test_a_plain_default_is_the_same_in_every_language(findings):
    text = TEXT_1_1.replace("    default: {vi: Quý khách}\n", "    default: Quý khách\n")
    assert (12, 5) not in [(line, column) for line, column, _, _ in findings(text, RULE)]
