from test_text_missing_translation import TEXT

RULE = "text/undeclared-language"


def test_declared_languages_only(findings):
    assert findings(TEXT.replace("TEXT", "{en: Done, vi: Xong}"), RULE) == []


def test_typo_language_is_a_warning(findings):
    [(line, column, _, message)] = findings(TEXT.replace("TEXT", "{en: Done, vi: Xong, vn: Xong}"), RULE)
    assert (line, column) == (9, 32)
    assert "'vn'" in message
