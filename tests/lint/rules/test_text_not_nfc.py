import unicodedata

from conftest import MINIMAL

RULE = "text/not-nfc"
COMPOSED = "Phản hồi khiếu nại"
DECOMPOSED = unicodedata.normalize("NFD", COMPOSED)


def test_composed_text(findings):
    assert findings(MINIMAL.replace("text: Do it", f"text: {COMPOSED}"), RULE) == []


def test_decomposed_text_anywhere_is_located_at_the_value(findings):
    text = MINIMAL.replace("text: Do it", f"text: {DECOMPOSED}")
    text += f"scenarios:\n  - name: s\n    answers: ['{DECOMPOSED}']\n    expect: {{end: done}}\n"
    got = findings(text, RULE)
    assert [(line, column) for line, column, _, _ in got] == [(16, 11), (24, 15)]
    assert got[0][3] == (
        "this text is not in composed (NFC) form, so it looks the same but does not match when searched or compared; "
        "retype it or save the file as NFC (e.g. 'ể' as one character, not 'ê' plus a combining mark)"
    )


def test_one_finding_per_string(findings):
    text = MINIMAL.replace("title: T", f"title: {{vi: '{DECOMPOSED} {DECOMPOSED}'}}")
    [(line, column, _, _)] = findings(text, RULE)
    assert (line, column) == (3, 13)
