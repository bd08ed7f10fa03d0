"""Print layout without printing: the flowchart's pages and text size, its labels, the
running footer, fonts, the runbook's language, and PDF bytes on stdout.

The PDFs themselves are read back in test_print.py (slow, marked e2e).
"""

from __future__ import annotations

import io
import json
import re
import unicodedata
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path

import pytest

from conftest import REPO, SPEC_EXAMPLE, dedent
from playbook_cli.cli.env import Environment
from playbook_cli.lint.runner import load_playbook
from playbook_cli.render import flowchart
from playbook_cli.render.jinja import render as render_template
from playbook_cli.render.runbook import FONT_FILES, css_string, page_number_css, runbook_context

LIBRARY = sorted((REPO / "playbooks").glob("*.yaml"))  # whatever the library holds when the tests run
SVG = "{http://www.w3.org/2000/svg}"


def needs_dot(test):
    """These tests measure Graphviz's layout: scripts/test installs dot; without it they fail, not skip."""
    return test


@cache
def chart(path: Path, lang: str) -> str:
    svg = flowchart.svg(load_playbook(str(path)), lang)
    assert svg is not None
    return svg


@cache
def advance_widths() -> tuple[dict[int, float], float, float]:
    """Noto Sans (the bundled font): advance width per code point, ascent and descent, in em."""
    from fontTools.ttLib import TTFont  # WeasyPrint's dependency

    folder = Path(flowchart.__file__).parent / "fonts"
    font = TTFont(folder / FONT_FILES[0][2])
    em = font["head"].unitsPerEm
    metrics = font["hmtx"].metrics
    widths = {code: metrics[glyph][0] / em for code, glyph in font.getBestCmap().items()}
    return widths, font["hhea"].ascent / em, -font["hhea"].descent / em


def text_box(element: ET.Element) -> tuple[float, float, float, float]:
    """The box (x0, y0, x1, y1) a Graphviz <text> covers, measured with the font it is printed in."""
    widths, ascent, descent = advance_widths()
    size = float(element.get("font-size", "0"))
    width = size * sum(widths.get(ord(c), 0.6) for c in element.text or "")
    x, y = float(element.get("x", "0")), float(element.get("y", "0"))
    left = {"start": x, "end": x - width}.get(element.get("text-anchor", "middle"), x - width / 2)
    return left, y - ascent * size, left + width, y + descent * size


def shape_box(group: ET.Element) -> tuple[float, float, float, float]:
    numbers: list[float] = []
    for element in group.iter():
        if element.tag in (f"{SVG}polygon", f"{SVG}path"):
            numbers += [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", element.get("points") or element.get("d") or "")]
    xs, ys = numbers[0::2], numbers[1::2]
    return min(xs), min(ys), max(xs), max(ys)


def overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float], slack: float = 0.5) -> bool:
    return a[0] < b[2] - slack and b[0] < a[2] - slack and a[1] < b[3] - slack and b[1] < a[3] - slack


def part_size(part: str) -> tuple[float, float]:
    tag = re.match(r"<svg\b[^>]*>", part)
    assert tag, part[:200]
    width, height = (float(re.search(rf'\s{name}="([\d.]+)pt"', tag.group()).group(1)) for name in ("width", "height"))  # type: ignore[union-attr]
    return width, height


# --- the flowchart ---------------------------------------------------------------------------


@needs_dot
@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("path", LIBRARY, ids=lambda p: p.stem)
def test_every_bundled_chart_prints_its_text_at_8pt_or_more_within_the_page(path, lang):
    svg = chart(path, lang)
    sizes = {float(size) for size in re.findall(r'font-size="([\d.]+)"', svg)}
    assert sizes == {flowchart.FONT_SIZE}  # one size, so the smallest printed text is FONT_SIZE * scale
    printed = flowchart.print_layout(svg)
    assert printed is not None
    assert printed.min_text_pt >= flowchart.MIN_TEXT_PT
    area = flowchart.PAGE_AREAS["portrait"]
    for part in printed.parts:
        width, height = part_size(part)
        if printed.orientation == "landscape":  # turned a quarter: its width runs down the page
            width, height = height, width
            area = flowchart.PAGE_AREAS["landscape"]
        assert width <= area[0] + 0.5 and height <= area[1] + 0.5, (printed.orientation, width, height, area)


@needs_dot
@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("path", LIBRARY, ids=lambda p: p.stem)
def test_edge_labels_overlap_neither_each_other_nor_a_step(path, lang):
    root = ET.fromstring(chart(path, lang))
    steps = [shape_box(group) for group in root.iter(f"{SVG}g") if group.get("class") == "node"]
    edges = [group for group in root.iter(f"{SVG}g") if group.get("class") == "edge"]
    labels = [(number, text.text, text_box(text)) for number, group in enumerate(edges) for text in group.iter(f"{SVG}text")]
    assert labels, "the library's trees all have choices"
    for index, (edge, text, box) in enumerate(labels):
        assert not any(overlap(box, step) for step in steps), f"edge label {text!r} overlaps a step"
        for other_edge, other, other_box in labels[index + 1 :]:
            assert edge == other_edge or not overlap(box, other_box), f"edge label {text!r} overlaps {other!r}"


@needs_dot
@pytest.mark.parametrize("path", LIBRARY, ids=lambda p: p.stem)
def test_a_chart_cut_over_pages_is_cut_between_steps(path):
    svg = chart(path, "vi")
    printed = flowchart.print_layout(svg)
    assert printed is not None
    if len(printed.parts) == 1:
        return
    _, pieces = flowchart._pieces(svg)
    whole = [box for _, _, box, never_cut in pieces if never_cut]  # steps and edge labels
    for part in printed.parts:
        window = re.findall(r'<svg\b[^>]*?viewBox="([^"]+)"', part)[-1]  # a turned part shows its window in an inner <svg>
        x, y, width, height = (float(n) for n in window.split())
        for left, top, right, bottom in whole:
            across_y = y + 0.01 < bottom and top < y + height - 0.01
            across_x = x + 0.01 < right and left < x + width - 0.01
            if across_y and across_x:  # shown on this page: whole
                assert y - 0.01 <= top and bottom <= y + height + 0.01, f"cut through {(top, bottom)} by {window}"
                if printed.columns > 1:
                    assert x - 0.01 <= left and right <= x + width + 0.01, f"cut through {(left, right)} by {window}"


def test_cuts_fall_in_gaps_and_share_the_height():
    blocks = [(0, 90), (110, 200), (220, 300), (320, 400)]
    assert flowchart._cuts(blocks, 400, 250, 2) == [(0, 210.0), (210.0, 400)]
    assert flowchart._cuts(blocks, 400, 450, 1) == [(0, 400)]
    assert flowchart._cuts([(0, 400)], 400, 250, 2) == [(0, 250), (250, 400)]  # no gap: cut where the page ends


def test_a_chart_that_fits_stays_on_one_upright_page():
    svg = '<svg width="300pt" height="200pt" viewBox="0.00 0.00 300.00 200.00"><g id="graph0"><text font-size="10.00">x</text></g></svg>'
    printed = flowchart.print_layout(svg)
    assert printed is not None and printed.orientation == "portrait" and printed.scale == 1.0 and len(printed.parts) == 1
    assert printed.parts[0].startswith('<svg width="300.00pt" height="200.00pt" viewBox="0.00 0.00 300.00 200.00"')
    assert 'id="graph0"' not in printed.parts[0]
    assert flowchart.print_layout('<svg id="placeholder"></svg>') is None  # not Graphviz's: printed as it is


# --- footer, fonts, language -------------------------------------------------------------------


def test_the_running_footer_is_css_that_cannot_break_out_of_the_style_element():
    assert css_string('</style><script>"x"\\') == '"\\3c /style\\3e \\3c script\\3e \\22 x\\22 \\5c "'
    assert css_string("a\x1b[2J  b\nc") == '"a^[[2J b c"'  # control characters in caret notation, one line
    assert page_number_css("Trang {page}/{pages}") == '"Trang " counter(page) "/" counter(pages)'
    assert page_number_css("Page {page} of {pages}") == '"Page " counter(page) " of " counter(pages)'


def test_the_page_embeds_its_fonts_and_names_the_title_and_page_numbers(cli, write):
    text = SPEC_EXAMPLE.read_text(encoding="utf-8").replace(
        "  en: A customer has waited too long for a reply\n", '  en: "</style> \\"Late\\" reply"\n'
    )
    html = cli("render", write(text, "delayed-response.yaml"), "--format", "html", "--lang", "en").stdout
    style = html[html.index("<style>") : html.index("</style>")]
    assert style.count("@font-face") == len(FONT_FILES) and "src: url(data:font/woff2;base64,d09GMg" in style  # wOF2
    assert 'font-family: "Noto Sans Mono"' in style and "font-src data:" in html
    assert '@bottom-left { content: "\\3c /style\\3e  \\22 Late\\22  reply"; }' in style
    assert '@bottom-right { content: "Page " counter(page) " of " counter(pages); }' in style
    vi = cli("render", SPEC_EXAMPLE, "--format", "html", "--lang", "vi").stdout
    assert '"Trang " counter(page) "/" counter(pages)' in vi


def test_text_typed_as_letters_and_marks_is_printed_composed(cli, write):
    decomposed = unicodedata.normalize("NFD", "Kính gửi quý khách, chúng tôi sẽ để ý")
    assert decomposed != unicodedata.normalize("NFC", decomposed)
    text = SPEC_EXAMPLE.read_text(encoding="utf-8").replace("vi: Trả lời ngay}", "vi: " + json.dumps(decomposed, ensure_ascii=False) + "}")
    for fmt in ("html", "md"):
        page = cli("render", write(text, "delayed-response.yaml"), "--format", fmt, "--lang", "vi").stdout
        assert "Kính gửi quý khách, chúng tôi sẽ để ý" in page and decomposed not in page


TAGGED = """\
    playbook: 1
    id: tagged
    title: {vi: Thử, en: Try}
    languages: [vi, en]
    tags: [complaint, hỏi thăm khách hàng, our-own-tag]
    calendars:
      office:
        timezone: Asia/Ho_Chi_Minh
        hours: {mon-fri: ["08:00-17:00"]}
        holidays: ["2026-09-02"]
        workdays: ["2026-12-05"]
    sla:
      first_reply: {title: {vi: Phản hồi đầu tiên, en: First reply}, target: 1h, calendar: office}
      untitled: {target: 2h}
    start: reply
    nodes:
      reply:
        kind: action
        text: {vi: Trả lời, en: Reply}
        fulfills: [first_reply, untitled]
        next: done
      done: {kind: end, text: {vi: Xong, en: Done}, outcome: resolved}
"""


def test_a_vietnamese_runbook_says_everything_in_vietnamese(cli, write, tmp_path):
    path = write(dedent(TAGGED), "lib/tagged.yaml")
    html = cli("render", path, "--format", "html", "--lang", "vi").stdout
    assert (
        '<span title="complaint">khiếu nại</span><span title="hỏi thăm khách hàng">hỏi thăm khách hàng</span>'
        '<span title="our-own-tag">our-own-tag</span>' in html
    )
    assert "02/09/2026" in html and "05/12/2026" in html and "2026-09-02" not in html  # dates as Vietnamese write them
    assert "Đáp ứng: Phản hồi đầu tiên, <code>untitled</code>" in html  # clock titles, the NAME only without one
    md = cli("render", path, "--format", "md", "--lang", "vi").stdout
    assert "*Nhãn: khiếu nại, hỏi thăm khách hàng, our-own-tag*" in md and "Đáp ứng: Phản hồi đầu tiên, `untitled`" in md
    assert "*Chú thích: ◇ Câu hỏi · ▭ Hành động · ⬭ Kết thúc*" in md
    en = cli("render", path, "--format", "md", "--lang", "en").stdout
    assert "*Tags: complaint, follow-up, our-own-tag*" in en and "2026-09-02" in en  # a tag in any language, shown in the page's
    write(dedent(TAGGED).replace("id: tagged", "id: other"), "lib/other.yaml")
    out = tmp_path / "out"
    assert cli("render", tmp_path / "lib", "--format", "md", "--lang", "vi", "--out", out).exit_code == 0
    index = (out / "index.md").read_text(encoding="utf-8")
    assert "| Cam kết thời gian (SLA) |" in index and "Phản hồi đầu tiên 1 giờ làm việc theo lịch office, `untitled` 2 giờ" in index
    assert "khiếu nại, hỏi thăm khách hàng, our-own-tag" in index


@needs_dot
def test_the_html_legend_and_chart_captions_follow_the_language(cli):
    html = cli("render", SPEC_EXAMPLE, "--format", "html", "--lang", "vi").stdout
    legend = html[html.index('<p class="legend">') :]
    legend = legend[: legend.index("</p>")]
    assert "Câu hỏi" in legend and "Hành động" in legend and "Kết thúc" in legend
    assert "<th>Cách nhập</th>" in html and "<th></th>" not in html  # no empty header cell
    context = runbook_context(load_playbook(str(SPEC_EXAMPLE)), "vi", diagram="svg")
    assert context["flowchart"]["print"]["parts"] and context["flowchart"]["print"]["min_text_pt"] >= 8
    assert "Sơ đồ quyết định" in render_template("html", "runbook.html.j2", context)


# --- PDF on stdout -----------------------------------------------------------------------------


def test_a_pdf_is_not_written_to_a_terminal(cli):
    from playbook_cli.cli.app import app

    env = Environment(io.StringIO(), io.StringIO(), io.StringIO(), stdin_is_terminal=True, stdout_is_terminal=True)
    for args in ([], ["-o", "-"]):
        result = cli.runner.invoke(app, ["render", str(SPEC_EXAMPLE), "--format", "pdf", *args], obj=env)
        assert result.exit_code == 2
    errors = env.stderr.getvalue()
    assert errors.count("refusing to write a PDF to the terminal") == 2 and "-o FILE" in errors
    assert env.stdout.getvalue() == ""


def test_a_pdf_is_not_written_where_stdout_takes_text_only(cli):
    from playbook_cli.cli.app import app

    env = Environment(io.StringIO(), io.StringIO(), io.StringIO(), stdin_is_terminal=False, stdout_is_terminal=False)
    result = cli.runner.invoke(app, ["render", str(SPEC_EXAMPLE), "--format", "pdf"], obj=env)
    assert result.exit_code == 2 and "stdout takes text only here" in env.stderr.getvalue() and "-o FILE" in env.stderr.getvalue()


def test_dash_is_stdout_for_one_runbook_only_and_a_file_name_is_a_file(cli, tmp_path):
    assert cli("render", SPEC_EXAMPLE, "--format", "md", "-o", "-").stdout.startswith("# A customer has waited")
    result = cli("render", SPEC_EXAMPLE, "--lang", "all", "-o", "-")
    assert result.exit_code == 2 and "needs --out DIR" in result.stderr
    assert cli("render", SPEC_EXAMPLE, "--format", "md", "-o", tmp_path / "runbook.md").exit_code == 0
    assert (tmp_path / "runbook.md").read_text(encoding="utf-8").startswith("# A customer has waited")
    assert cli("render", SPEC_EXAMPLE, "--format", "md", "-o", tmp_path / "folder").exit_code == 0
    assert (tmp_path / "folder" / "delayed-response.md").is_file()  # anything else names a directory, as before
