"""The bundled library: every playbook lints clean, is fully covered by its scenarios,
walks to every end in both languages through the real CLI, and renders."""

import json
import re
import subprocess

import pytest

from conftest import REPO
from playbook_cli.lint.runner import lint_paths, load_playbook

LIBRARY = REPO / "playbooks"
PLAYBOOKS = sorted(LIBRARY.glob("*.yaml"))
EXPECTED = {
    "repeated-serious-issue",
    "competitor-pressure",
    "price-service-pressure",
    "delayed-response",
    "angry-customer",
    "negative-feedback",
    "after-service-follow-up",
    "loyal-customer-at-risk",
    "inconsistent-information",
    "coverage-24-7",
    "proactive-notice",
    "feedback-review",
    "loyal-customer-care",
}


def test_the_library_has_every_situation_in_the_sources():
    assert {path.stem for path in PLAYBOOKS} == EXPECTED


def test_the_library_lints_clean_with_strict(cli):
    result = lint_paths([str(LIBRARY)])
    assert result.findings == ()
    assert cli("lint", "--strict", LIBRARY).exit_code == 0


def test_scenarios_pass_with_full_coverage(cli):
    result = cli("test", LIBRARY, "--min-coverage", "100", "--format", "json")
    assert result.exit_code == 0, result.stdout
    report = json.loads(result.stdout)
    assert report["failed"] == 0 and report["coverage"] == {"nodes": 100.0, "choices": 100.0}


@pytest.mark.parametrize("path", PLAYBOOKS, ids=lambda p: p.stem)
def test_each_playbook_follows_the_house_rules(path):
    """The conventions of playbooks/README.md and vi-style.md, for the customer-facing text."""
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schemas/playbook.schema.json\n")
    playbook = load_playbook(path)
    assert playbook.languages == ("vi", "en")
    assert playbook.roles and playbook.sla and playbook.inputs
    assert sum(1 for node in playbook.nodes.values() if node.kind == "question") >= 3
    assert all(playbook.owner_of(node) for node in playbook.nodes.values())
    assert all(clock.title is not None and clock.remind is not None for clock in playbook.sla.values())
    customer_facing = [node for node in playbook.nodes.values() if node.replies]
    assert customer_facing, "a playbook of the library writes to the customer"
    assert not [node.id for node in playbook.nodes.values() if node.reply is not None]  # replies per channel only
    assert "salutation" in playbook.inputs and playbook.inputs["salutation"].options
    for node in customer_facing:
        assert {"email", "chat"} <= set(node.replies) or set(node.replies) & {"phone", "public"}, node.id
        for channel, reply in node.replies.items():
            vi, en = reply.values["vi"], reply.values["en"]
            assert "{{ salutation }}" in vi or channel == "public", (node.id, channel)
            assert "anh/chị {{" not in vi and not re.search(r"\bbạn\b", vi, re.IGNORECASE), (node.id, channel)
            if channel == "email":
                assert vi.startswith("Kính gửi") and "Trân trọng" in vi, node.id
            if channel == "chat":
                assert "Kính gửi" not in vi and " em " in f" {vi} ", node.id
            assert en.strip(), (node.id, channel)


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("path", PLAYBOOKS, ids=lambda p: p.stem)
def test_each_scenario_walks_to_its_end_in_both_languages(cli, tmp_path, path, lang):
    playbook = load_playbook(path)
    ends = set()
    for index, scenario in enumerate(playbook.scenarios):
        answers = tmp_path / f"answers-{index}.yaml"
        answers.write_text(
            json.dumps({"inputs": dict(scenario.inputs), "answers": list(scenario.answers)}, ensure_ascii=False), encoding="utf-8"
        )
        journal = tmp_path / f"j-{index}.jsonl"
        result = cli("walk", path, "--lang", lang, "--answers", answers, "--journal", journal)
        assert result.exit_code == 0, f"{scenario.name}: {result.output}"
        last = json.loads(journal.read_text(encoding="utf-8").splitlines()[-1])
        assert last["event"] == "end" and last["node"] == scenario.expect_end
        ends.add(last["node"])
    assert ends == {node.id for node in playbook.nodes.values() if node.kind == "end"}


def test_the_library_renders_in_both_languages(cli, tmp_path):
    for fmt in ("md", "html"):
        out = tmp_path / fmt
        result = cli("render", LIBRARY, "--format", fmt, "--lang", "all", "--out", out)
        assert result.exit_code == 0, result.output
        assert len(list(out.glob(f"*.{fmt}"))) == 2 * len(PLAYBOOKS) + 2
    vi = (tmp_path / "html" / "delayed-response.vi.html").read_text(encoding="utf-8")
    assert '<html lang="vi">' in vi and "Bảng phân quyền" in vi and "Kính gửi {{ salutation }} {{ customer }}," in vi


def test_the_library_prints_to_pdf(cli, tmp_path):
    out = tmp_path / "pdf"
    assert cli("render", LIBRARY, "--format", "pdf", "--lang", "all", "--out", out).exit_code == 0
    pdfs = sorted(out.glob("*.pdf"))
    assert len(pdfs) == 2 * len(PLAYBOOKS) + 2
    text = subprocess.run(["pdftotext", str(out / "angry-customer.vi.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    assert "Xử lý khách hàng đang bức xúc" in text and "Chúng tôi thành thật xin lỗi" in text


def test_a_handoff_prints_the_command_that_continues_the_case(cli, tmp_path):
    answers = tmp_path / "answers.yaml"
    answers.write_text(
        'inputs: {customer: "Trần Thị Bình", ticket: CS-9, problem: "Ứng dụng tự thoát"}\nanswers: ["Đúng", "Đã báo nhiều lần"]\n',
        encoding="utf-8",
    )
    result = cli(
        "walk", LIBRARY / "angry-customer.yaml", "--answers", answers, "--opened-at", "2026-01-05T09:00Z", "--journal", tmp_path / "j.jsonl"
    )
    assert result.exit_code == 0
    command = f"playbook walk {LIBRARY / 'repeated-serious-issue.yaml'} --opened-at 2026-01-05T09:00:00.000Z --set 'customer=Trần Thị Bình' --set ticket=CS-9"
    assert command in " ".join(result.stdout.split())
    assert "--lang vi" in result.stdout
