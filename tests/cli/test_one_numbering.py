"""One number per node, its position in the file: the same `#N` in runbook, graph, walk and report."""

import json
import re

import pytest

from conftest import REPO
from playbook_cli.lint.runner import load_playbook

LIBRARY = sorted((REPO / "playbooks").glob("*.yaml"))


@pytest.mark.parametrize("path", LIBRARY[:4], ids=lambda p: p.stem)
def test_each_output_numbers_a_node_as_its_position_in_the_file(cli, tmp_path, path):
    playbook = load_playbook(path)
    expected = {node_id: number for number, node_id in enumerate(playbook.nodes, 1)}

    runbook = cli("render", path, "--format", "html", "--lang", "vi").stdout
    headed = {
        node: int(number) for node, number in re.findall(r'id="step-([a-z0-9_-]+)">\n<h3><span class="kind">[^<]*</span>#(\d+) ', runbook)
    }
    assert headed == expected

    dot = cli("graph", path, "--format", "dot").stdout
    graphed = {node: int(number) for node, number in re.findall(r'^\s*"?([a-z0-9_-]+)"? \[label="#(\d+) ', dot, re.MULTILINE)}
    assert graphed == expected

    scenario = playbook.scenarios[0]
    answers = tmp_path / "answers.yaml"
    answers.write_text(
        json.dumps({"inputs": dict(scenario.inputs), "answers": list(scenario.answers)}, ensure_ascii=False), encoding="utf-8"
    )
    journal = tmp_path / "j.jsonl"
    walked = cli("walk", path, "--answers", answers, "--journal", journal)
    assert walked.exit_code == 0, walked.output
    path_nodes = [json.loads(line)["node"] for line in journal.read_text(encoding="utf-8").splitlines() if '"event":"enter"' in line]
    say = playbook.localizer("vi")
    for node in path_nodes[:-1]:  # each step's header: "#N <text>" (the end closes the walk with its summary)
        assert f"#{expected[node]} {say(playbook.nodes[node].text)}"[:40] in " ".join(walked.stdout.split())

    report = cli("report", journal).stdout
    for node in path_nodes:  # the timeline rows: "#N <text>"
        assert f"#{expected[node]} " in report
        assert re.search(rf"\| #{expected[node]} {re.escape(say(playbook.nodes[node].text)[:20])}", report.replace("\\", "")), node
