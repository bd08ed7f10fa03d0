"""`playbook render` and `graph`: golden runbooks, escaping, templates, files written."""

import json
import re

import pytest
from markupsafe import Markup

from conftest import SPEC_EXAMPLE
from playbook_cli.render import flowchart, runbook

HOSTILE_TEXT = '<script>document.title="x"</script> *bold* [link](http://evil) | pipe # "quote" `tick` \\\\N'


@pytest.fixture
def fixed_svg(monkeypatch):
    """Graphviz output varies by version, and the embedded fonts are 55 kB of base64; golden files hold placeholders instead."""
    monkeypatch.setattr(flowchart, "svg", lambda playbook, lang, prefix="": '<svg id="flowchart-placeholder"></svg>')
    monkeypatch.setattr(runbook, "font_faces", lambda: Markup("/* @font-face rules: Noto Sans, Noto Sans Mono */"))


def test_markdown_runbook_golden(cli, golden):
    result = cli("render", SPEC_EXAMPLE, "--format", "md")
    assert result.exit_code == 0
    golden("delayed-response.md", result.stdout)


def test_html_runbook_golden(cli, golden, fixed_svg):
    result = cli("render", SPEC_EXAMPLE, "--format", "html")
    assert result.exit_code == 0
    golden("delayed-response.html", result.stdout)


def test_vietnamese_runbook_golden(cli, golden):
    result = cli("render", SPEC_EXAMPLE, "--format", "md", "--lang", "vi")
    golden("delayed-response.vi.md", result.stdout)
    assert "## Bảng phân quyền" in result.stdout and "Kính gửi {{ customer }}" in result.stdout


def test_runbook_content(cli):
    html = cli("render", SPEC_EXAMPLE, "--format", "html").stdout
    assert '<html lang="en">' in html
    assert 'id="step-apologise"' in html and 'href="#step-apologise"' in html
    assert '<span class="box"></span>Read the whole ticket history' in html
    assert "Dear {{ customer }}, we are sorry for the wait on {{ ticket }}." in html
    assert "<svg" in html and "<script" not in html.lower()
    assert "@page { size: A4" in html and "break-inside: avoid" in html
    assert "http://" not in html.replace("http://www.w3.org", "")  # nothing fetched from the network


def hostile_playbook(write):
    text = (
        SPEC_EXAMPLE.read_text(encoding="utf-8")
        .replace(
            "text: {en: Apologise and give a firm time, vi: Xin lỗi và hẹn thời gian cụ thể}",
            "text: {en: " + json.dumps(HOSTILE_TEXT) + ", vi: x}",
        )
        .replace('answer: {en: "Yes", vi: "Có"}', "answer: {en: " + json.dumps('Yes"] --> evil["x') + ", vi: Có}")
    )
    return write(text, "delayed-response.yaml")


def test_html_escapes_playbook_text(cli, write):
    html = cli("render", hostile_playbook(write), "--format", "html").stdout
    assert "<script>" not in html
    assert "&lt;script&gt;document.title=&#34;x&#34;&lt;/script&gt;" in html


def test_markdown_escapes_playbook_text(cli, write):
    md = cli("render", hostile_playbook(write), "--format", "md").stdout
    md = re.sub(r"```mermaid\n.*?\n```", "", md, flags=re.S)  # labels there are Mermaid's, tested below
    assert "<script>" not in md and "[link](http://evil)" not in md
    assert "\\<script\\>" in md and "\\*bold\\*" in md and "\\[link\\](http://evil)" in md and "\\| pipe" in md


def test_mermaid_labels_cannot_break_out(cli, write):
    result = cli("graph", hostile_playbook(write), "--format", "mermaid")
    assert result.exit_code == 0
    assert 'evil["x' not in result.stdout and "#quot;" in result.stdout
    label_lines = [line for line in result.stdout.splitlines() if "script" in line]
    assert all(line.count('"') == 2 for line in label_lines)  # only the label's own quotes
    assert "#lt;script#gt;" in result.stdout and "#96;tick#96;" in result.stdout


def test_dot_labels_cannot_break_out(cli, write):
    result = cli("graph", hostile_playbook(write), "--format", "dot")
    assert result.exit_code == 0
    dot = result.stdout
    assert dot.startswith("digraph delayed-response {") or dot.startswith('digraph "delayed-response" {')
    assert '\\"quote\\"' in dot and "\\\\\\\\N" in dot  # quotes escaped, backslashes literal
    assert "shape=hexagon" in dot and "peripheries=2" in dot and "label=Yes" not in dot


def test_graph_shapes_and_edge_labels(cli):
    mermaid = cli("graph", SPEC_EXAMPLE).stdout
    assert mermaid.startswith("flowchart TD")
    assert 'n0{"#35;1 Is the first-reply target<br/>already missed?"}' in mermaid
    assert 'n3(["#35;4 Reply sent and follow-up<br/>booked"])' in mermaid
    assert 'n0 -->|"Yes"| n1' in mermaid and "n1 --> n3" in mermaid


def test_outline_when_graphviz_is_missing(cli, monkeypatch):
    monkeypatch.setattr(flowchart, "dot_available", lambda: False)
    html = cli("render", SPEC_EXAMPLE, "--format", "html").stdout
    assert "<svg" not in html
    assert "Graphviz is not installed, so the flowchart is shown as an outline" in html
    assert html.count('class="step-link"') >= 4


def test_directory_writes_one_file_per_playbook_and_an_index(cli, write, tmp_path):
    write(SPEC_EXAMPLE.read_text(encoding="utf-8"), "lib/delayed-response.yaml")
    write(SPEC_EXAMPLE.read_text(encoding="utf-8").replace("id: delayed-response", "id: other"), "lib/other.yaml")
    out = tmp_path / "out"
    result = cli("render", tmp_path / "lib", "--format", "html", "--out", out)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["delayed-response.html", "index.html", "other.html"]
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="delayed-response.html"' in index and '<td class="number">4</td>' in index and "first_reply</code> 1 h" in index


def test_lang_all_writes_one_file_per_language(cli, tmp_path):
    out = tmp_path / "out"
    assert cli("render", SPEC_EXAMPLE, "--format", "md", "--lang", "all", "--out", out).exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == ["delayed-response.en.md", "delayed-response.vi.md"]
    assert "# Khách hàng chờ phản hồi quá lâu" in (out / "delayed-response.vi.md").read_text(encoding="utf-8")


def test_user_template_overrides_and_extends_the_builtin(cli, tmp_path):
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "runbook.html.j2").write_text(
        '{% extends "builtin/runbook.html.j2" %}{% block title %}ACME · {{ super() }}{% endblock %}', encoding="utf-8"
    )
    html = cli("render", SPEC_EXAMPLE, "--format", "html", "--templates", templates).stdout
    assert "<title>ACME · A customer has waited too long for a reply</title>" in html
    assert 'id="step-apologise"' in html


@pytest.mark.parametrize(
    "template, message",
    [
        ("{{ playbook.__class__.__mro__ }}", "refused by the sandbox"),
        ("{{ ''.__class__.__subclasses__() }}", "refused by the sandbox"),
        ("{{ no_such_variable }}", "'no_such_variable' is undefined"),
        ("{% for %}", "template syntax error"),
    ],
)
def test_user_templates_are_sandboxed_and_strict(cli, tmp_path, template, message):
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "runbook.md.j2").write_text(template, encoding="utf-8")
    result = cli("render", SPEC_EXAMPLE, "--templates", templates)
    assert result.exit_code == 2
    assert message in result.stderr and "Traceback" not in result.output


def test_render_usage_errors(cli, tmp_path):
    assert "needs --out" in cli("render", SPEC_EXAMPLE, SPEC_EXAMPLE.parent, "--format", "md").stderr
    assert cli("render", SPEC_EXAMPLE, "--lang", "fr").exit_code == 2
    assert cli("render", SPEC_EXAMPLE, "--templates", tmp_path / "none").exit_code == 2
    assert cli("render", tmp_path / "missing.yaml").exit_code == 2


def test_pdf_through_weasyprint(cli, tmp_path):
    import subprocess

    out = tmp_path / "out"
    result = cli("render", SPEC_EXAMPLE, "--format", "pdf", "--lang", "vi", "--out", out)
    assert result.exit_code == 0, result.output
    pdf = out / "delayed-response.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Khách hàng chờ phản hồi quá lâu" in text and "Xin lỗi và hẹn thời gian cụ thể" in text


def test_pdf_without_weasyprint_says_how_to_install(cli, tmp_path, monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_weasyprint(name, *args, **kwargs):
        if name.startswith("weasyprint"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_weasyprint)
    result = cli("render", SPEC_EXAMPLE, "--format", "pdf", "--out", tmp_path)
    assert result.exit_code == 2 and "PDF output needs WeasyPrint: pip install" in result.stderr and "[pdf]'" in result.stderr


def test_markdown_escaping_round_trips_through_a_commonmark_parser():
    from markdown_it import MarkdownIt

    from playbook_cli.render.jinja import md_escape

    md = MarkdownIt("commonmark")
    for text in [HOSTILE_TEXT, "# not a heading", "- not a list", "1. not a list", "a <b>tag</b> &amp; entity", "x\n===="]:
        html = md.render(md_escape(text))
        assert "<h1>" not in html and "<ul>" not in html and "<ol>" not in html and "<a " not in html and "<b>" not in html
        assert (
            re.sub(r"<[^>]+>", "", html).strip().replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&amp;", "&")
            == text.strip()
        )
