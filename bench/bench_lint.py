"""How fast is `playbook lint`, against the bare parse and peer tools?

Run:  pip install -r bench/requirements.txt && python bench/bench_lint.py

Prints, for synthetic playbooks of growing size and for the bundled library, the best
of several runs of:
  - parse      yaml.load with libyaml (CSafeLoader): the floor any YAML linter pays
  - located    playbook-cli's located loader alone
  - lint       playbook-cli's whole lint (loader, schema, every rule), in-process
  - yamllint   yamllint's default rules, in-process (a peer YAML linter)
  - check-jsonschema  the schema check alone, as its CLI (a peer schema checker)
and each as a ratio of `parse`. Time per node shows whether the pipeline stays linear.
Numbers are measured, never asserted: CI does not run this.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from playbook_cli.core.loader import load_file
from playbook_cli.core.reply_templates import _parse  # cleared before each run: no warm cache across runs
from playbook_cli.lint.runner import lint_paths

REPO = Path(__file__).resolve().parent.parent
SCHEMA = REPO / "schemas" / "playbook.schema.json"


def synthetic(nodes: int) -> str:
    """A valid bilingual playbook with `nodes` steps: questions branching to actions, one end."""
    lines = [
        "playbook: 1",
        "id: big",
        "title: {vi: Lớn, en: Big}",
        "languages: [vi, en]",
        "owner: agent",
        "roles: {agent: {vi: Nhân viên, en: Agent}}",
        "sla: {first_reply: 1000d}",
        "inputs: {customer: {prompt: {vi: Tên, en: Name}, required: true}}",
        "start: n0",
        "nodes:",
    ]
    for i in range(nodes - 1):
        if i % 2 == 0:
            lines += [
                f"  n{i}:",
                "    kind: question",
                f"    text: {{vi: Câu hỏi {i}?, en: Question {i}?}}",
                "    within: 5m",
                "    choices:",
                f"      - {{answer: {{vi: 'Có', en: 'Yes'}}, next: n{i + 1}}}",
                f"      - {{answer: {{vi: 'Không', en: 'No'}}, next: n{min(i + 2, nodes - 1)}}}",
            ]
        else:
            lines += [
                f"  n{i}:",
                "    kind: action",
                f"    text: {{vi: Hành động {i}, en: Action {i}}}",
                "    within: 10m",
                "    steps: [{vi: Bước một, en: Step one}, {vi: Bước hai, en: Step two}]",
                f"    reply: {{vi: 'Kính gửi {{{{ customer }}}}, bước {i}', en: 'Dear {{{{ customer }}}}, step {i}'}}",
                "    fulfills: [first_reply]" if i == 1 else "    notes: {vi: Ghi chú, en: Notes}",
                f"    next: n{i + 1}",
            ]
    lines += [f"  n{nodes - 1}:", "    kind: end", "    text: {vi: Xong, en: Done}", "    outcome: resolved"]
    return "\n".join(lines) + "\n"


def best(fn, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def measure(paths: list[Path]) -> dict[str, float | None]:
    texts = [p.read_text(encoding="utf-8") for p in paths]
    results: dict[str, float | None] = {
        "parse": best(lambda: [yaml.load(t, Loader=yaml.CSafeLoader) for t in texts]),
        "located": best(lambda: [load_file(p) for p in paths]),
        "lint": best(lambda: (_parse.cache_clear(), lint_paths([str(p) for p in paths]))),
        "yamllint": None,
        "check-jsonschema": None,
    }
    try:
        from yamllint import linter
        from yamllint.config import YamlLintConfig

        config = YamlLintConfig("extends: default")
        results["yamllint"] = best(lambda: [list(linter.run(t, config)) for t in texts])
    except ImportError:
        pass
    if shutil.which("check-jsonschema"):
        command = ["check-jsonschema", "--schemafile", str(SCHEMA), *map(str, paths)]
        subprocess.run(command, capture_output=True)  # warm its cache
        results["check-jsonschema"] = best(lambda: subprocess.run(command, capture_output=True), runs=3)
    return results


def report(label: str, nodes: int, results: dict) -> None:
    floor = results["parse"]
    cells = []
    for name, seconds in results.items():
        if seconds is None:
            cells.append(f"{name}: n/a")
        else:
            cells.append(f"{name}: {seconds * 1000:8.1f} ms ({seconds / floor:5.1f}x)")
    per_node = results["lint"] / nodes * 1e6
    print(f"{label:<22} {' | '.join(cells)} | lint {per_node:6.1f} µs/node")


def main() -> None:
    print(f"python {sys.version.split()[0]}, libyaml {yaml.__with_libyaml__}")
    print("check-jsonschema is timed as a CLI process (it includes its start-up); the others in-process.\n")
    with tempfile.TemporaryDirectory() as tmp:
        for nodes in (100, 1000, 5000):
            path = Path(tmp) / "big.yaml"
            path.write_text(synthetic(nodes), encoding="utf-8")
            assert not [f for f in lint_paths([str(path)]).findings if f.severity.value == "error"]
            report(f"synthetic {nodes} nodes", nodes, measure([path]))
    library = sorted((REPO / "playbooks").glob("*.yaml"))
    nodes = sum(len(load_file(p).data["nodes"]) for p in library)
    report(f"library ({len(library)} files)", nodes, measure(library))

    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "playbook_cli", "--version"], capture_output=True, check=True)
    version = time.perf_counter() - start
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], capture_output=True, check=True)
    bare = time.perf_counter() - start
    print(f"\nplaybook --version: {version * 1000:.0f} ms (bare python start-up: {bare * 1000:.0f} ms)")


if __name__ == "__main__":
    main()
