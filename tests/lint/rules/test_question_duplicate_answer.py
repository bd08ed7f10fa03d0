from conftest import MINIMAL

RULE = "question/duplicate-answer"


def test_distinct_answers(findings):
    assert findings(MINIMAL, RULE) == []


def test_same_answer_ignoring_case_and_spaces(findings):
    bad = MINIMAL.replace('answer: "No"', 'answer: " yes "')
    [(line, column, _, message)] = findings(bad, RULE)
    assert (line, column) == (12, 17)
    assert "same answer as choice 1" in message


def test_same_answer_in_one_language_only(findings):
    bad = MINIMAL.replace('answer: "Yes"', "answer: {en: 'Yes', vi: 'Có'}").replace('answer: "No"', "answer: {en: 'No', vi: 'Có'}")
    [(_, _, _, message)] = findings(bad, RULE)
    assert "(vi)" in message
