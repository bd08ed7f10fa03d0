"""The JSON Schema agrees with the format spec and ships with the package."""

import json

import pytest
from jsonschema import Draft202012Validator

from conftest import FIXTURES, MINIMAL, REPO, SPEC_EXAMPLE
from playbook_cli.core.loader import load_file, load_text
from playbook_cli.core.schema import is_valid, schema, schema_findings

SCHEMA_FILE = REPO / "schemas" / "playbook.schema.json"


def test_schema_is_valid_under_the_2020_12_metaschema():
    Draft202012Validator.check_schema(json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))


def test_packaged_schema_is_the_repository_schema():
    assert schema() == json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))


def test_schema_file_is_what_the_generator_writes():
    """Compares only: the committed file is never rewritten by the test suite."""
    import difflib
    import runpy

    generated = runpy.run_path(str(REPO / "scripts" / "make_schema.py"))["schema_json"]()
    committed = SCHEMA_FILE.read_text(encoding="utf-8")
    diff = "".join(
        difflib.unified_diff(committed.splitlines(True), generated.splitlines(True), "schemas/playbook.schema.json", "generated")
    )
    assert not diff, f"the schema file is stale; run python scripts/make_schema.py and commit:\n{diff}"


def test_every_property_has_a_description():
    missing = []

    def walk(node, path):
        if isinstance(node, dict):
            if path.endswith("/if"):
                return  # the kind switch of a node is a condition, not a property
            for name, sub in node.get("properties", {}).items():
                if "description" not in sub:
                    missing.append(f"{path}/{name}")
            for key, sub in node.items():
                walk(sub, f"{path}/{key}")
        elif isinstance(node, list):
            for index, sub in enumerate(node):
                walk(sub, f"{path}/{index}")

    walk(schema(), "")
    assert missing == []


def test_spec_example_is_valid():
    doc = load_file(SPEC_EXAMPLE)
    assert is_valid(doc.data)
    assert schema_findings(doc) == []
    assert Draft202012Validator(schema()).is_valid(doc.data)


@pytest.mark.parametrize(
    "change",
    [
        {"playbook": 2},
        {"extra": 1},
        {"x-anything": {"is": "fine"}},
        {"sla": {"first_reply": "90"}},
        {"sla": {"first_reply": "0m"}},
        {"sla": {"first_reply": "1m2h"}},
        {"languages": []},
        {"title": {"en": ""}},
        {"title": True},
    ],
)
def test_fast_path_agrees_with_jsonschema(change):
    data = {**load_file(SPEC_EXAMPLE).data, **change}
    assert is_valid(data) == Draft202012Validator(schema()).is_valid(data)


# --- revision 1.1 -----------------------------------------------------------------------------

# The examples of format-1.1.md (clocks, calendars, replies per channel) with the inputs,
# asks and pauses its tables describe, in one playbook.
REVISION_1_1 = """\
playbook: 1
id: order-complaint
title: {vi: Khiếu nại đơn hàng, en: Order complaint}
languages: [vi, en]
sla:
  first_reply: 1h
  complaint_reply:
    title: {vi: Phản hồi khiếu nại đơn hàng, en: Order complaint answered}
    target: 4h
    when: [reply-complaint]   # applies only to walks that enter one of these nodes
    starts: opened            # `opened` (default) or a node NAME
    calendar: office          # count business time of this calendar (default: round the clock)
    remind: 30m               # remind this long before the target
  resolution: {target: 2d, when: reply-complaint, starts: reply-complaint, x-team: tier-2}
calendars:
  office:
    timezone: Asia/Ho_Chi_Minh        # an IANA time-zone name (required)
    hours:                            # working hours; a day not listed is off
      mon-fri: ["08:00-12:00", "13:30-17:30"]
      sat: ["08:00-12:00"]
    holidays: [VN, "2027-02-05"]      # a country code: its public holidays; a date: one more day off
    workdays: ["2026-05-09"]          # make-up days: worked with Monday's hours, whatever the weekday
  night:
    timezone: UTC
    hours: {sun: [00:00-06:00, 22:00-24:00]}
    holidays: [2027-01-01]
inputs:
  customer: {prompt: {vi: Tên khách hàng, en: Customer name}, required: true}
  ticket:
    prompt: {vi: Mã yêu cầu, en: Ticket ID}
    pattern: "^CS-[0-9]+$"
    hint: {vi: "ví dụ CS-123", en: "like CS-123"}
  salutation:
    prompt: {vi: Cách xưng hô, en: Form of address}
    options:
      - {vi: Quý khách, en: Sir or Madam}
      - {vi: anh, en: Mr}
      - {vi: chị, en: Ms}
    default: {vi: Quý khách, en: Sir or Madam}
  score: {prompt: {vi: Điểm hài lòng, en: Satisfaction score}, measure: csat}
  effort: {prompt: {vi: Mức độ dễ dàng, en: Effort}, measure: ces, default: "4"}
  loyalty: {prompt: {vi: Mức độ giới thiệu, en: Recommend}, measure: nps}
start: reply-complaint
nodes:
  reply-complaint:
    kind: action
    text: {vi: Trả lời khiếu nại, en: Answer the complaint}
    asks: [ticket, salutation]
    replies:
      email:
        vi: "Kính gửi {{ salutation }} {{ customer }}, ..."
        en: "Dear {{ customer }}, ..."
      chat:
        vi: "Dạ, em chào {{ salutation }} {{ customer }} ạ. ..."
        en: "Hi {{ customer }}, ..."
    fulfills: [first_reply, complaint_reply]
    next: wait
  wait:
    kind: question
    text: {vi: Khách đã xác nhận chưa?, en: Has the customer confirmed?}
    pauses: [complaint_reply, resolution]
    choices:
      - {answer: {vi: Rồi, en: "Yes"}, next: done}
      - {answer: {vi: Chưa, en: "No"}, next: other}
  done:
    kind: end
    text: {vi: Đã giải quyết, en: Resolved}
    asks: [score, effort, loyalty]
    pauses: [resolution]
    outcome: resolved
  other:
    kind: end
    text: {vi: Chuyển tiếp, en: Handed off}
    outcome: handed-off
    handoff: delayed-response
"""


def _node(node: str, lines: str) -> str:
    """MINIMAL with `lines` (each indented for a node key) added to node `node`."""
    marker = {"q": "    text: Q?\n", "a": "    text: Do it\n", "done": "    text: Done\n"}[node]
    return MINIMAL.replace(marker, marker + lines)


def test_revision_1_1_examples_are_valid():
    doc = load_text(REVISION_1_1, "order-complaint.yaml")
    assert schema_findings(doc) == []
    assert is_valid(doc.data)
    assert Draft202012Validator(schema()).is_valid(doc.data)


@pytest.mark.parametrize("path", sorted((REPO / "playbooks").glob("*.yaml")) + sorted(FIXTURES.glob("*.yaml")), ids=lambda path: path.name)
def test_revision_1_0_files_stay_valid(path):
    doc = load_file(path)
    assert schema_findings(doc) == []
    assert is_valid(doc.data)


def test_revision_1_0_input_shapes_stay_valid():
    doc = load_text(MINIMAL + "inputs:\n  note: {prompt: Note, default: ''}\n", "p.yaml")
    assert schema_findings(doc) == []


@pytest.mark.parametrize(
    ("extra", "rule", "where", "fragment"),
    [
        # clocks
        ("sla:\n  reply:\n    remind: 30m\n", "schema/required", (23, 3), "this clock is missing 'target'; add `target: 4h`"),
        (
            "sla:\n  reply:\n    target: 4h\n    remnd: 30m\n",
            "schema/unknown-key",
            (25, 5),
            "unknown key 'remnd' in this clock; did you mean 'remind'?",
        ),
        ("sla:\n  reply:\n    target: 4 hours\n", "schema/value", (24, 13), "'4 hours' is not a duration"),
        ("sla:\n  reply: {target: 4h, remind: 90}\n", "schema/type", (23, 31), "a bare number (90) is not a duration"),
        ("sla:\n  reply: {target: 4h, title: {en: ''}}\n", "schema/value", (23, 35), "this text is empty"),
        ("sla:\n  reply: {target: 4h, calendar: Office}\n", "schema/value", (23, 33), "'Office' is not a valid id"),
        (
            "sla:\n  reply: [4h]\n",
            "schema/type",
            (23, 10),
            "a list is not a clock: a clock is a duration like 4h or a mapping with `target:`",
        ),
        ("sla:\n  reply:\n", "schema/type", (23, 9), "a clock is a duration like 4h or a mapping with `target:`"),
        ("sla:\n  reply: {target: 4h, when: []}\n", "schema/value", (23, 29), "an empty `when` never applies"),
        ("sla:\n  reply: {target: 4h, when: Reply Now}\n", "schema/value", (23, 29), "'Reply Now' is not a valid id"),
        ("sla:\n  reply: {target: 4h, when: [a, Reply Now]}\n", "schema/value", (23, 33), "e.g. 'reply-now'"),
        ("sla:\n  reply: {target: 4h, when: 5}\n", "schema/type", (23, 29), "write a node id or a list of node ids"),
        # the 1.0 messages of a DURATION clock are unchanged
        ("sla:\n  reply: 90\n", "schema/type", (23, 10), "a bare number (90) is not a duration: durations look like 90m or 1h30m"),
        ("sla:\n  reply: 4 hours\n", "schema/value", (23, 10), "'4 hours' is not a duration: durations look like 90m or 1h30m"),
        # calendars
        (
            "calendars:\n  office:\n    hours: {mon: ['08:00-12:00']}\n",
            "schema/required",
            (23, 3),
            "this calendar is missing 'timezone'; add `timezone: Asia/Ho_Chi_Minh`",
        ),
        ("calendars:\n  office: {timezone: UTC}\n", "schema/required", (23, 3), "this calendar is missing 'hours'"),
        (
            "calendars:\n  office: {timezone: '', hours: {}}\n",
            "schema/value",
            (23, 22),
            "write an IANA time-zone name such as Asia/Ho_Chi_Minh",
        ),
        ("calendars:\n  office: {timezone: UTC, hours: {}, holiday: [VN]}\n", "schema/unknown-key", (23, 38), "did you mean 'holidays'?"),
        (
            "calendars:\n  office: {timezone: UTC, hours: {monday: ['08:00-12:00']}}\n",
            "schema/value",
            (23, 35),
            "'monday' is not a day: write mon, tue, wed, thu, fri, sat or sun, or a range such as mon-fri (did you mean 'mon'?)",
        ),
        (
            "calendars:\n  office: {timezone: UTC, hours: {Mon-Fri: ['08:00-12:00']}}\n",
            "schema/value",
            (23, 35),
            "(did you mean 'mon-fri'?)",
        ),
        (
            "calendars:\n  office: {timezone: UTC, hours: {mon: [08:00-12:00], sat: [8-12]}}\n",
            "schema/value",
            (23, 61),
            'write intervals like "08:00-12:00"',
        ),
        (
            "calendars:\n  office: {timezone: UTC, hours: {sat: ['08:00-24:30']}}\n",
            "schema/value",
            (23, 41),
            "'08:00-24:30' is not an interval",
        ),
        (
            "calendars:\n  office: {timezone: UTC, hours: {sat: [12:30]}}\n",
            "schema/type",
            (23, 41),
            'YAML reads 12:30 as a number, not as text; write intervals in quotes, like "08:00-12:00"',
        ),
        (
            "calendars:\n  office: {timezone: UTC, hours: {sat: '08:00-12:00'}}\n",
            "schema/type",
            (23, 40),
            'write the hours of sat as a list of intervals, e.g. sat: ["08:00-12:00"',
        ),
        ("calendars:\n  office: {timezone: UTC, hours: {sat: []}}\n", "schema/value", (23, 40), "sat has no working interval"),
        (
            "calendars:\n  office: {timezone: UTC, hours: {}, holidays: [vn]}\n",
            "schema/value",
            (23, 49),
            "country codes are upper case, write VN",
        ),
        (
            "calendars:\n  office: {timezone: UTC, hours: {}, holidays: [2027-2-5]}\n",
            "schema/value",
            (23, 49),
            "'2027-2-5' is not a holiday: write a country code such as VN",
        ),
        (
            "calendars:\n  office: {timezone: UTC, hours: {}, workdays: [VN]}\n",
            "schema/value",
            (23, 49),
            "'VN' is not a date: write an ISO date such as \"2027-02-05\"",
        ),
        ("calendars:\n  Office: {timezone: UTC, hours: {}}\n", "schema/value", (23, 3), "'Office' is not a valid id"),
        # inputs
        (
            "inputs:\n  s: {prompt: Score, measure: score}\n",
            "schema/value",
            (23, 31),
            "'score' is not allowed here; write one of: csat, nps, ces",
        ),
        ("inputs:\n  s: {prompt: Score, options: [a]}\n", "schema/value", (23, 31), "an input needs at least two options"),
        (
            "inputs:\n  s: {prompt: Score, options: [a, yes]}\n",
            "schema/type",
            (23, 35),
            'YAML reads yes as the boolean true, not as text; write "yes" in quotes',
        ),
        ("inputs:\n  s: {prompt: Score, hint: no}\n", "schema/type", (23, 28), 'write "no" in quotes'),
        (
            "inputs:\n  s: {prompt: Score, default: 5}\n",
            "schema/type",
            (23, 31),
            'YAML reads 5 as a number, not as text; write "5" in quotes',
        ),
        ("inputs:\n  s: {prompt: Score, default: {english: x}}\n", "schema/value", (23, 32), "'english' is not a language code"),
        ("inputs:\n  s: {prompt: Score, default: [a]}\n", "schema/type", (23, 31), "expected text"),
    ],
)
def test_revision_1_1_top_level_errors_are_located(findings, extra, rule, where, fragment):
    got = findings(MINIMAL + extra, rule)
    assert [(line, column) for line, column, _, message in got if fragment in message] == [where], got


@pytest.mark.parametrize(
    ("node", "lines", "rule", "where", "fragment"),
    [
        ("a", "    asks: [x, x]\n", "schema/value", (17, 11), "the same entry twice"),
        ("q", "    pauses: [Reply]\n", "schema/value", (9, 14), "'Reply' is not a valid id"),
        ("done", "    asks: note\n", "schema/type", (21, 11), "expected a list, got a string"),
        (
            "a",
            "    reply: Hi\n    replies:\n      email: Dear\n",
            "schema/value",
            (18, 5),
            "an action has either `reply` (one template) or `replies` (one per channel), not both; move the reply under `replies`",
        ),
        ("a", "    replies: {}\n", "schema/value", (17, 14), "`replies` needs at least one channel"),
        ("a", "    replies: {Email: Hi}\n", "schema/value", (17, 15), "'Email' is not a valid id"),
        ("a", "    replies: {chat: yes}\n", "schema/type", (17, 21), 'write "yes" in quotes'),
        (
            "q",
            "    replies: {email: Hi}\n",
            "schema/unknown-key",
            (9, 5),
            "'replies' does not belong to a question node: only actions carry `replies`",
        ),
        (
            "done",
            "    handoff: other\n",
            "schema/value",
            (22, 14),
            "`handoff` continues the case in another playbook, so the outcome must be `handed-off`; change the outcome or remove `handoff`",
        ),
    ],
)
def test_revision_1_1_node_errors_are_located(findings, node, lines, rule, where, fragment):
    got = findings(_node(node, lines), rule)
    assert [(line, column) for line, column, _, message in got if fragment in message] == [where], got


def test_a_misspelt_outcome_with_handoff_is_one_finding(findings):
    text = MINIMAL.replace("    outcome: resolved\n", "    outcome: resolvd\n    handoff: other\n")
    got = findings(text, "schema/value")
    assert [(line, column) for line, column, _, _ in got] == [(21, 14)]
    assert "'resolvd' is not allowed here" in got[0][3]


def test_handoff_with_outcome_handed_off_is_valid(findings):
    text = MINIMAL.replace("    outcome: resolved\n", "    outcome: handed-off\n    handoff: other\n")
    assert [f for f in findings(text) if f[2].startswith("schema/")] == []


@pytest.mark.parametrize(
    "change",
    [
        {"sla": {"c": {"target": "4h", "when": "a"}}},
        {"sla": {"c": {"when": ["a"]}}},
        {"sla": {"c": {"target": "4h", "when": []}}},
        {"sla": {"c": {"target": "4h", "other": 1}}},
        {"calendars": {"o": {"timezone": "UTC", "hours": {"mon-fri": ["08:00-24:00"]}}}},
        {"calendars": {"o": {"timezone": "UTC", "hours": {"mon-fri": ["08:00-24:01"]}}}},
        {"calendars": {"o": {"timezone": "UTC", "hours": {"monday": ["08:00-12:00"]}}}},
        {"calendars": {"o": {"timezone": "UTC", "hours": {}, "holidays": ["VN", "2027-02-05", "vn"]}}},
        {"inputs": {"s": {"prompt": "S", "measure": "nps", "default": {"en": "9"}}}},
        {"inputs": {"s": {"prompt": "S", "options": ["a"]}}},
    ],
)
def test_fast_path_agrees_with_jsonschema_on_revision_1_1(change):
    data = {**load_file(SPEC_EXAMPLE).data, **change}
    assert is_valid(data) == Draft202012Validator(schema()).is_valid(data)


@pytest.mark.parametrize(
    "node_change",
    [
        {"reply": "Hi", "replies": {"email": "Dear"}},
        {"replies": {"email": "Dear"}},
        {"asks": ["x", "x"]},
    ],
)
def test_fast_path_agrees_on_node_keys(node_change):
    data = load_file(SPEC_EXAMPLE).data
    nodes = {**data["nodes"], "reply-now": {**data["nodes"]["reply-now"], **node_change}}
    changed = {**data, "nodes": nodes}
    assert is_valid(changed) == Draft202012Validator(schema()).is_valid(changed)


def test_fast_path_agrees_on_handoff():
    data = load_file(SPEC_EXAMPLE).data
    for outcome in ("resolved", "handed-off"):
        nodes = {**data["nodes"], "done": {**data["nodes"]["done"], "outcome": outcome, "handoff": "x"}}
        changed = {**data, "nodes": nodes}
        assert is_valid(changed) == Draft202012Validator(schema()).is_valid(changed) == (outcome == "handed-off")
