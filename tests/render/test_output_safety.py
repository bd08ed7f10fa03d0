"""Hardening of what render and report write: whole files, no symlinks followed, no clashes,
no control characters in pictures or pages, no Markdown lines started by a label, errors naming the file."""

from __future__ import annotations

import copy
import dataclasses
import errno
import json
import os
import re
from pathlib import Path

import pytest

from conftest import SPEC_EXAMPLE
from playbook_cli.core.errors import RenderError
from playbook_cli.core.loader import load_file
from playbook_cli.core.model import Playbook, build_playbook
from playbook_cli.render import flowchart, output, pdf
from playbook_cli.render.jinja import md_escape
from playbook_cli.render.jinja import render as render_template
from playbook_cli.render.output import OutputFormat, write_output
from playbook_cli.render.runbook import index_context, index_entry, runbook_context

SPEC_TEXT = SPEC_EXAMPLE.read_text(encoding="utf-8")
# Control characters but tab and line feed; what no page or picture may hold.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def library(write, *texts: tuple[str, str]):
    for name, text in texts:
        write(text, f"lib/{name}")


def names(directory) -> list[str]:
    return sorted(p.name for p in directory.iterdir())


# --- 1. whole files, and never through a symbolic link --------------------------------------------


def test_a_symlink_in_the_output_directory_is_refused_not_followed(cli, write, tmp_path):
    library(write, ("delayed-response.yaml", SPEC_TEXT), ("other.yaml", SPEC_TEXT.replace("id: delayed-response", "id: other")))
    out = tmp_path / "out"
    out.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("precious", encoding="utf-8")
    (out / "other.md").symlink_to(victim)
    result = cli("render", tmp_path / "lib", "--out", out)
    assert result.exit_code == 2
    assert f"{out / 'other.md'}: is a symbolic link; refusing to write through it" in result.stderr
    assert victim.read_text(encoding="utf-8") == "precious"
    assert (out / "other.md").is_symlink()


def test_a_symlinked_index_is_refused_too(cli, write, tmp_path):
    library(write, ("delayed-response.yaml", SPEC_TEXT), ("other.yaml", SPEC_TEXT.replace("id: delayed-response", "id: other")))
    out = tmp_path / "out"
    out.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("precious", encoding="utf-8")
    (out / "index.md").symlink_to(victim)
    result = cli("render", tmp_path / "lib", "--out", out)
    assert result.exit_code == 2 and "index.md: is a symbolic link" in result.stderr
    assert victim.read_text(encoding="utf-8") == "precious"


def test_a_target_whose_folder_leaves_the_output_directory_is_refused(tmp_path):
    out, outside = tmp_path / "out", tmp_path / "outside"
    out.mkdir()
    outside.mkdir()
    (out / "sub").symlink_to(outside, target_is_directory=True)
    with pytest.raises(RenderError, match=r"sub/x\.md: would be written outside the output directory"):
        write_output(OutputFormat.MD, "x", out / "sub" / "x.md", within=out)
    assert list(outside.iterdir()) == []


def test_an_interrupted_write_leaves_the_old_file_whole_and_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "page.md"
    target.write_text("old page", encoding="utf-8")

    def interrupted(fd, data):
        os.write(fd, data[:3])
        raise KeyboardInterrupt

    def interrupted_write_text(self, data, *args, **kwargs):  # how a plain write would be cut short
        with open(self, "w", encoding="utf-8") as file:
            file.write(data[:3])
        raise KeyboardInterrupt

    monkeypatch.setattr(output, "_write_all", interrupted, raising=False)
    monkeypatch.setattr(Path, "write_text", interrupted_write_text)
    with pytest.raises(KeyboardInterrupt):
        write_output(OutputFormat.MD, "new page", target)
    assert target.read_text(encoding="utf-8") == "old page"
    assert names(tmp_path) == ["page.md"]


def test_a_write_goes_through_a_temporary_file_renamed_into_place(tmp_path, monkeypatch):
    target = tmp_path / "page.md"
    target.write_text("old page", encoding="utf-8")
    target.chmod(0o640)
    renames = []
    real_replace = os.replace
    monkeypatch.setattr(output.os, "replace", lambda src, dst: (renames.append((src, dst)), real_replace(src, dst)))
    write_output(OutputFormat.MD, "new page", target)
    [(src, dst)] = renames
    assert os.path.dirname(src) == str(tmp_path) and dst == target
    assert target.read_text(encoding="utf-8") == "new page" and target.stat().st_mode & 0o777 == 0o640
    assert names(tmp_path) == ["page.md"]


def _journal(cli, tmp_path):
    journal = tmp_path / "walk.jsonl"
    args = ["walk", SPEC_EXAMPLE, "--set", "customer=An", "--set", "ticket=CS-12", "--opened-at", "2020-01-01T08:00Z", "--journal", journal]
    assert cli(*args, input="Yes\n").exit_code == 0
    return journal


def test_report_refuses_a_symlink_named_with_out(cli, tmp_path):
    journal = _journal(cli, tmp_path)
    victim = tmp_path / "victim.txt"
    victim.write_text("precious", encoding="utf-8")
    link = tmp_path / "report.md"
    link.symlink_to(victim)
    result = cli("report", journal, "--out", link)
    assert result.exit_code == 2 and f"{link}: is a symbolic link; refusing to write through it" in result.stderr
    assert victim.read_text(encoding="utf-8") == "precious"
    plain = tmp_path / "plain.md"
    assert cli("report", journal, "--out", plain).exit_code == 0
    assert plain.read_text(encoding="utf-8").startswith("# ")


# --- 8. a failed write names the file -------------------------------------------------------------


@pytest.fixture
def disk_full(monkeypatch):
    """Every write of an output fails as on a full disk."""

    def fail(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def arm():
        monkeypatch.setattr(output, "_write_all", fail, raising=False)
        monkeypatch.setattr(Path, "write_text", fail)
        monkeypatch.setattr(Path, "write_bytes", fail)

    return arm


def test_a_full_disk_names_the_file(cli, tmp_path, disk_full):
    disk_full()
    out = tmp_path / "out"
    result = cli("render", SPEC_EXAMPLE, "--format", "html", "--out", out)
    assert result.exit_code == 2
    assert f"playbook: {out / 'delayed-response.html'}: cannot write: {os.strerror(errno.ENOSPC)}" in result.stderr
    assert "Traceback" not in result.output and names(out) == []


def test_a_full_disk_keeps_the_old_report(cli, tmp_path, disk_full):
    journal = _journal(cli, tmp_path)
    target = tmp_path / "report.json"
    target.write_text("old", encoding="utf-8")
    disk_full()
    result = cli("report", journal, "--format", "json", "--out", target)
    assert result.exit_code == 2 and f"{target}: cannot write: No space left on device" in result.stderr
    assert target.read_text(encoding="utf-8") == "old"


# --- 2. one page per file name --------------------------------------------------------------------


def test_playbooks_in_different_languages_get_one_index_each(cli, write, tmp_path):
    vietnamese_first = SPEC_TEXT.replace("id: delayed-response", "id: other").replace("languages: [en, vi]", "languages: [vi, en]")
    library(write, ("delayed-response.yaml", SPEC_TEXT), ("other.yaml", vietnamese_first))
    out = tmp_path / "out"
    assert cli("render", tmp_path / "lib", "--out", out).exit_code == 0
    assert names(out) == ["delayed-response.md", "index.en.md", "index.vi.md", "other.md"]
    assert "(delayed-response.md)" in (out / "index.en.md").read_text(encoding="utf-8")
    assert "(other.md)" in (out / "index.vi.md").read_text(encoding="utf-8")


def test_two_playbooks_with_one_id_are_refused_naming_both(cli, write, tmp_path):
    library(write, ("a.yaml", SPEC_TEXT), ("b.yaml", SPEC_TEXT))
    out = tmp_path / "out"
    result = cli("render", tmp_path / "lib", "--out", out)
    assert result.exit_code == 2
    message = " ".join(result.stderr.split())
    assert f"{tmp_path / 'lib' / 'a.yaml'} and {tmp_path / 'lib' / 'b.yaml'} both have the id 'delayed-response'" in message
    assert not out.exists()


def test_a_playbook_named_index_is_refused(cli, write, tmp_path):
    library(write, ("a.yaml", SPEC_TEXT), ("index.yaml", SPEC_TEXT.replace("id: delayed-response", "id: index")))
    result = cli("render", tmp_path / "lib", "--out", tmp_path / "out")
    assert result.exit_code == 2 and "index.md would be overwritten by the index page" in " ".join(result.stderr.split())


def test_the_same_file_named_twice_counts_once(cli, write, tmp_path):
    library(write, ("delayed-response.yaml", SPEC_TEXT))
    lib = tmp_path / "lib"
    out = tmp_path / "out"
    result = cli("render", lib / "delayed-response.yaml", lib / ".." / "lib" / "delayed-response.yaml", "--out", out)
    assert result.exit_code == 0, result.output
    assert names(out) == ["delayed-response.md"]
    assert cli("render", lib, lib / "delayed-response.yaml", "--out", out).exit_code == 0


# --- 3 and 4. control characters and line separators in playbook text ---------------------------


def hostile_playbook(**texts: str) -> Playbook:
    """The spec example with texts the loader would refuse (it rejects control characters), built directly:
    the renderers must be safe on their own."""
    doc = load_file(SPEC_EXAMPLE)
    data = copy.deepcopy(doc.data)
    for key, value in texts.items():
        text = {"en": value, "vi": value}
        if key == "title":
            data["title"] = text
        elif key == "role":
            data["roles"]["agent"] = text
        elif key == "answer":
            data["nodes"]["how-late"]["choices"][0]["answer"] = text
        else:  # a node: its text, and an action's checklist and reply
            node = data["nodes"][key]
            node["text"] = text
            if node["kind"] == "action":
                node["steps"] = [*node.get("steps", []), text]
                node["reply"] = text
    return build_playbook(dataclasses.replace(doc, data=data))


NASTY = "before\0nul \x1b[2J clear\rreturn \x9b31m csi \x7f del"


def test_control_characters_never_reach_dot_svg_mermaid_markdown_or_html():
    playbook = hostile_playbook(title=NASTY, role=NASTY, answer=NASTY, apologise=NASTY, done=NASTY)
    playbook = dataclasses.replace(playbook, id="delayed\0response\x1b")
    dot = flowchart.dot(playbook, "en")
    mermaid = flowchart.mermaid(playbook, "en")
    markdown = render_template("md", "runbook.md.j2", runbook_context(playbook, "en"))
    html = render_template("html", "runbook.html.j2", runbook_context(playbook, "en", diagram="svg"))
    index = render_template("md", "index.md.j2", index_context([index_entry(playbook, "en", "x.md")], "en"))
    for name, text in {"dot": dot, "mermaid": mermaid, "markdown": markdown, "html": html, "index": index}.items():
        assert not CONTROL.search(text), f"{name}: {CONTROL.findall(text)}"
    assert "before^@nul ^[[2J clear" in dot and "before^@nul ^[[2J clear" in mermaid
    assert "before^@nul ^\\[\\[2J clear" in markdown and "before^@nul ^[[2J clear" in html
    assert "M-^[31m" in html and "^? del" in html
    if flowchart.dot_available():
        svg = flowchart.svg(playbook, "en")
        assert svg is not None and "<svg" in svg and not CONTROL.search(svg)
        assert "<svg" in html


def test_control_characters_in_a_playbook_file_render_cleanly_if_the_loader_lets_them_through(cli, write):
    """End to end, as far as the loader allows: escapes YAML decodes ("\\0", "\\e", "\\r")."""
    text = SPEC_TEXT.replace("text: {en: Apologise and give a firm time,", 'text: {en: "Apologise\\0 \\e[2J now\\r# Hacked",')
    path = write(text, "delayed-response.yaml")
    for args in (("render", path, "--format", "md"), ("render", path, "--format", "html"), ("graph", path), ("graph", path, "-f", "dot")):
        result = cli(*args)
        if result.exit_code == 2:  # the loader may refuse such text first: then as a located error, nothing written
            assert "control character" in result.stderr and "Traceback" not in result.output and not result.stdout
            continue
        assert result.exit_code == 0, result.output
        assert not CONTROL.search(result.stdout), args


LINE_SEPARATORS = ["\r", "\x0b", "\x0c", "\x85", "\u2028", "\u2029"]


@pytest.mark.parametrize("separator", LINE_SEPARATORS, ids=repr)
def test_md_escape_treats_every_line_separator_as_a_line_break(separator):
    escaped = md_escape(f"x{separator}# Hacked{separator}- item{separator}1. first")
    assert re.split("\r\n|[\n\r\x0b\x0c\x85\u2028\u2029]", escaped) == ["x", "\\# Hacked", "\\- item", "1\\. first"]


def _markdown():
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table")


def test_a_carriage_return_in_a_title_cannot_start_a_heading():
    playbook = hostile_playbook(title="x\r# Hacked")
    html = _markdown().render(render_template("md", "runbook.md.j2", runbook_context(playbook, "en")))
    assert "<h1>x # Hacked</h1>" in html and "<h1>Hacked</h1>" not in html


def _table_rows(markdown: str) -> list[int]:
    """The number of rows (header included) of each table in `markdown`."""
    counts: list[int] = []
    for token in _markdown().parse(markdown):
        if token.type == "table_open":
            counts.append(0)
        elif token.type == "tr_open":
            counts[-1] += 1
    return counts


def test_a_carriage_return_in_a_table_cell_cannot_add_a_row():
    playbook = hostile_playbook(role="x\r| a | b |")
    index = render_template("md", "index.md.j2", index_context([index_entry(playbook, "en", "x.md")], "en"))
    runbook = render_template("md", "runbook.md.j2", runbook_context(playbook, "en"))
    assert _table_rows(index) == [2]  # the header and the one playbook
    assert _table_rows(runbook)[0] == 1 + len(playbook.roles)  # the roles table: a header and a row per role
    for markdown in (index, runbook):
        assert "<td>x | a | b |</td>" in _markdown().render(markdown)  # the cell holds the whole title, pipes as text


# --- 7. the PDF install hint ---------------------------------------------------------------------


class FakeDistribution:
    def __init__(self, direct_url):
        self.direct_url = direct_url

    def read_text(self, name):
        assert name == "direct_url.json"
        return None if self.direct_url is None else json.dumps(self.direct_url)


@pytest.mark.parametrize(
    "direct_url, command",
    [
        (None, "pip install 'playbook-cli[pdf]'"),
        (
            {"url": "file:///home/me/playbook-cli", "dir_info": {"editable": True}},
            "pip install -e '.[pdf]' (in your playbook-cli clone, /home/me/playbook-cli)",
        ),
        (
            {"url": "file:///home/me/playbook%20cli", "dir_info": {}},
            "pip install '.[pdf]' (in your playbook-cli clone, /home/me/playbook cli)",
        ),
        (
            {"url": "https://example.org/acme/playbook-cli.git", "vcs_info": {"vcs": "git", "commit_id": "abc"}},
            "pip install 'playbook-cli[pdf] @ git+https://example.org/acme/playbook-cli.git'",
        ),
    ],
)
def test_the_pdf_install_hint_matches_how_the_tool_was_installed(monkeypatch, direct_url, command):
    monkeypatch.setattr(pdf.metadata, "distribution", lambda name: FakeDistribution(direct_url))
    assert pdf.install_hint() == f"PDF output needs WeasyPrint: {command}"


@pytest.mark.parametrize(
    "direct_url, expected",
    [(None, "pip install 'playbook-cli[pdf]'"), ({"url": "file:///src/pb", "dir_info": {"editable": True}}, "pip install -e '.[pdf]'")],
)
def test_render_pdf_without_weasyprint_gives_that_hint(cli, tmp_path, monkeypatch, direct_url, expected):
    import builtins

    real_import = builtins.__import__

    def no_weasyprint(name, *args, **kwargs):
        if name.startswith("weasyprint"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_weasyprint)
    monkeypatch.setattr(pdf.metadata, "distribution", lambda name: FakeDistribution(direct_url))
    result = cli("render", SPEC_EXAMPLE, "--format", "pdf", "--out", tmp_path)
    assert result.exit_code == 2 and f"PDF output needs WeasyPrint: {expected}" in result.stderr
    assert names(tmp_path) == []
