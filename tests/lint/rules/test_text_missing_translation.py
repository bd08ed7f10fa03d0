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
