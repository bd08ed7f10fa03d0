from test_text_missing_translation import TEXT

RULE = "text/undeclared-language"


def test_declared_languages_only(findings):
    assert findings(TEXT.replace("TEXT", "{en: Done, vi: Xong}"), RULE) == []


def test_typo_language_is_a_warning(findings):
    [(line, column, _, message)] = findings(TEXT.replace("TEXT", "{en: Done, vi: Xong, vn: Xong}"), RULE)
    assert (line, column) == (9, 32)
    assert "'vn'" in message


def test_1_1_text_places(findings):
    from test_text_missing_translation import TEXT_1_1

    text = TEXT_1_1.replace("hint: Pick one", "hint: {en: Pick one, vi: Chọn, vn: Chọn}").replace(
        "chat: Hi", "chat: {en: Hi, vi: Chào, fr: Salut}"
    )
    got = findings(text, RULE)
    assert [(line, column) for line, column, _, _ in got] == [(10, 36), (20, 32)]
