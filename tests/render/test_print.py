"""Printed runbooks, read back: every bundled playbook in vi and en, printed by WeasyPrint
(`playbook render --format pdf`, the library PDF too) and by Chromium from the HTML.

pdftotext reads each PDF back: every reply as written (accents intact, no line broken
inside a word), page numbers and the title on every page, no page holding only a heading
or the footer, no step heading at the foot of a page, flowchart text at 8 pt or more, the
library's table of contents pointing at the right pages. A picture of two pages of the
fixture is compared with the stored one, so a layout break shows.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import unicodedata
from functools import cache
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import GOLDEN, REPO, SPEC_EXAMPLE
from playbook_cli.cli.app import app
from playbook_cli.core.i18n import labels_for
from playbook_cli.lint.runner import load_playbook

pytestmark = pytest.mark.e2e  # prints PDFs with WeasyPrint and Chromium: slow

LIBRARY = sorted((REPO / "playbooks").glob("*.yaml"))  # whatever the library holds when the tests run
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
PAGE_LABEL = {"vi": "Trang {page}/{pages}", "en": "Page {page} of {pages}"}
FOOTER_ZONE = 18 * 72 / 25.4  # the page's foot margin (runbook.css), in points
TOP_MARGIN = 14 * 72 / 25.4


def cases() -> list[tuple[Path, str]]:
    return [(path, lang) for path in LIBRARY for lang in load_playbook(str(path)).languages or ("en",)]


def case_id(case: tuple[Path, str]) -> str:
    return f"{case[0].stem}-{case[1]}"


# --- printing, once per session ---------------------------------------------------------------


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> Path:
    """The library through `playbook render --format pdf --lang all`: <id>.<lang>.pdf and index.<lang>.pdf."""
    out = tmp_path_factory.mktemp("printed")
    result = CliRunner().invoke(app, ["render", str(REPO / "playbooks"), "--format", "pdf", "--lang", "all", "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def chromium_printed(tmp_path_factory):
    """print(path, lang) -> the PDF Chromium prints from the HTML runbook (as a reader's browser would)."""
    assert CHROMIUM, "chromium is not installed: scripts/test installs it with apt-get"
    folder = tmp_path_factory.mktemp("chromium")

    @cache
    def print_(path: Path, lang: str) -> Path:
        html = folder / f"{path.stem}.{lang}.html"
        result = CliRunner().invoke(app, ["render", str(path), "--format", "html", "--lang", lang])
        assert result.exit_code == 0, result.output
        html.write_text(result.stdout, encoding="utf-8")
        pdf = html.with_suffix(".pdf")
        flags = [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--no-pdf-header-footer",
            "--disable-background-networking",
        ]
        subprocess.run(
            [CHROMIUM, *flags, f"--user-data-dir={folder / 'profile'}", f"--print-to-pdf={pdf}", html.as_uri()],
            capture_output=True,
            timeout=120,
        )
        assert pdf.exists(), f"chromium printed nothing for {html}"
        return pdf

    return print_


@cache
def pages_of(pdf: Path, raw: bool = False) -> list[str]:
    """The text of each page, in reading order; `raw`: in the order drawn, a hyphen ending a line kept (not joined)."""
    text = subprocess.run(["pdftotext", *(["-raw"] if raw else []), str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")[:-1]


@cache
def words_of(pdf: Path) -> list[tuple[float, float, list[tuple[str, float, float, float, float]]]]:
    """Each page's (width, height, [(word, x0, y0, x1, y1)]), in points."""
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = []
    for page in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', html, re.S):
        words = [
            (word, float(x0), float(y0), float(x1), float(y1))
            for x0, y0, x1, y1, word in re.findall(
                r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', page.group(3)
            )
        ]
        pages.append((float(page.group(1)), float(page.group(2)), words))
    return pages


def one_line(text: str) -> str:
    return " ".join(text.split())


# --- the replies, as customers will read them ---------------------------------------------------


def reply_pattern(text: str) -> re.Pattern[str]:
    """The reply as printed: the source's words with any whitespace between them, and a line
    break allowed inside a word only after a character that is not a letter or digit
    (`salutation|` may end a line; `gử` may not)."""
    words = []
    for word in text.split():
        pieces = re.findall(r"\w+|\W", word)
        words.append("".join(re.escape(p) + (r"\s*" if not p[0].isalnum() else "") for p in pieces))
    return re.compile(r"\s+".join(words))


def replies(path: Path, lang: str) -> list[tuple[str, str]]:
    """(node id, reply text in NFC) for every reply of the playbook in `lang`."""
    playbook = load_playbook(str(path))
    say = playbook.localizer(lang)
    found = []
    for node in playbook.nodes.values():
        templates = [node.reply] if node.reply is not None else list(node.replies.values())
        found += [(node.id, unicodedata.normalize("NFC", say(template))) for template in templates]
    return found


@pytest.mark.parametrize("engine", ["weasyprint", "chromium"])
@pytest.mark.parametrize("case", cases(), ids=case_id)
def test_every_reply_prints_as_written(case, engine, printed, chromium_printed):
    path, lang = case
    pdf = printed / f"{path.stem}.{lang}.pdf" if engine == "weasyprint" else chromium_printed(path, lang)
    text = "\n".join(pages_of(pdf, raw=True))
    found = replies(path, lang)
    assert found, f"{path.name} has no reply to check"
    for node, reply in found:
        assert reply_pattern(reply).search(text), (
            f"{path.name} {lang} ({engine}): the reply of {node!r} does not print as written:\n{reply}"
        )


# --- pages ---------------------------------------------------------------------------------


def footers(pdf: Path, lang: str, title: str) -> None:
    pages = pages_of(pdf, raw=True)  # in the order drawn: the footer whole, after the page
    for number, page in enumerate(pages, 1):
        flat = one_line(page)
        assert PAGE_LABEL[lang].format(page=number, pages=len(pages)) in flat, f"{pdf.name}: page {number} has no page number"
        assert one_line(title) in flat, f"{pdf.name}: page {number} does not name {title!r}"


@pytest.mark.parametrize("engine", ["weasyprint", "chromium"])
@pytest.mark.parametrize("case", cases(), ids=case_id)
def test_every_page_has_its_number_and_the_title(case, engine, printed, chromium_printed):
    path, lang = case
    pdf = printed / f"{path.stem}.{lang}.pdf" if engine == "weasyprint" else chromium_printed(path, lang)
    title = load_playbook(str(path)).localizer(lang)(load_playbook(str(path)).title)
    footers(pdf, lang, unicodedata.normalize("NFC", title))


def near_empty_pages(pdf: Path) -> list[tuple[int, str]]:
    """Pages holding fewer than 3 lines above the footer, or filling less than an eighth of the page's height."""
    found = []
    for number, (_, height, words) in enumerate(words_of(pdf), 1):
        body = [w for w in words if w[2] < height - FOOTER_ZONE]
        filled = (max((w[4] for w in body), default=TOP_MARGIN) - TOP_MARGIN) / (height - FOOTER_ZONE - TOP_MARGIN)
        if len({round(w[2]) for w in body}) < 3 or filled < 0.125:
            found.append((number, " ".join(w[0] for w in body)))
    return found


@pytest.mark.parametrize("case", cases(), ids=case_id)
def test_no_page_is_near_empty_or_holds_only_a_heading(case, printed):
    path, lang = case
    pdf = printed / f"{path.stem}.{lang}.pdf"
    assert not near_empty_pages(pdf), f"{pdf.name}: near empty pages {near_empty_pages(pdf)}"


@pytest.mark.parametrize("case", cases(), ids=case_id)
def test_a_step_heading_never_ends_a_page(case, printed):
    path, lang = case
    pdf = printed / f"{path.stem}.{lang}.pdf"
    labels = labels_for(lang)
    kinds = "|".join(re.escape(labels[kind].upper()) for kind in ("question", "action", "end"))
    heading = re.compile(rf"^(?:{kinds})\s*#(\d+) ", re.M)  # the kind's badge, then "#N text"
    title = one_line(load_playbook(str(path)).localizer(lang)(load_playbook(str(path)).title))
    seen = set()
    for number, page in enumerate(pages_of(pdf, raw=True), 1):
        body = page[: page.rindex(title)] if title in page else page  # without the footer
        for match in heading.finditer(body):
            seen.add(int(match.group(1)))
            after = [line for line in body[match.end() :].splitlines()[1:] if line.strip()]
            assert len(after) >= 2, f"{pdf.name}: step #{match.group(1)} is at the foot of page {number}, its content on the next"
    assert seen == set(range(1, len(load_playbook(str(path)).nodes) + 1)), "every step has its heading"


@pytest.mark.parametrize("case", cases(), ids=case_id)
def test_flowchart_text_prints_at_8pt_or_more(case, printed):
    path, lang = case
    pdf = printed / f"{path.stem}.{lang}.pdf"
    chart = labels_for(lang)["flowchart"]
    footer_height = None
    chart_pages = 0
    for (_, height, words), text in zip(words_of(pdf), pages_of(pdf), strict=True):
        foot = [w for w in words if w[2] >= height - FOOTER_ZONE]
        footer_height = footer_height or min(w[4] - w[2] for w in foot)  # 8.5 pt of the same font
        if not text.lstrip().startswith(chart):
            continue
        chart_pages += 1
        sizes = [min(w[3] - w[1], w[4] - w[2]) if len(w[0]) >= 5 else w[4] - w[2] for w in words if w[2] < height - FOOTER_ZONE]
        smallest = min(sizes) / footer_height * 8.5
        assert smallest >= 8 - 0.05, f"{pdf.name}: flowchart text at {smallest:.1f} pt"
    assert chart_pages >= 1, f"{pdf.name}: no page begins with the flowchart heading {chart!r}"


# --- the library PDF ----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_library_pdf_has_contents_with_the_page_of_each_runbook(lang, printed):
    pdf = printed / f"index.{lang}.pdf"
    pages = pages_of(pdf)
    books = [load_playbook(str(path)) for path in LIBRARY]
    titles = [one_line(unicodedata.normalize("NFC", book.localizer(lang)(book.title))) for book in books]
    numbers: list[int] = []
    for page, (width, height, words) in enumerate(words_of(pdf), 1):  # the contents run until the first runbook begins
        if numbers and page >= min(numbers):
            break
        numbers += [int(w[0]) for w in words if w[0].isdigit() and w[1] > 0.85 * width and w[2] < height - FOOTER_ZONE]
    assert len(numbers) == len(books), f"the contents list {len(numbers)} page numbers for {len(books)} runbooks"
    assert numbers == sorted(numbers)
    for title, page in zip(titles, numbers, strict=True):
        assert one_line(pages[page - 1]).startswith(title), f"the contents say {title!r} is on page {page}"
        assert title in one_line(pages[page - 1])  # the running footer names the runbook
    for number, page in enumerate(pages_of(pdf, raw=True), 1):
        assert PAGE_LABEL[lang].format(page=number, pages=len(pages)) in one_line(page), f"library page {number} has no page number"
    assert not near_empty_pages(pdf), f"near empty pages in the library: {near_empty_pages(pdf)}"


# --- one look at the pages ------------------------------------------------------------------------


def test_the_printed_fixture_looks_as_it_did(request, tmp_path):
    """Pages 1 and 3 of the fixture (cover and steps; page 2, the chart, varies with Graphviz) at 30 dpi,
    against tests/golden/delayed-response.page-N.png; --update-golden stores new ones."""
    Image = pytest.importorskip("PIL.Image")  # Pillow comes with WeasyPrint
    pdf = tmp_path / "fixture.pdf"
    assert CliRunner().invoke(app, ["render", str(SPEC_EXAMPLE), "--format", "pdf", "--lang", "en", "-o", str(pdf)]).exit_code == 0
    for page in (1, 3):
        prefix = tmp_path / f"page-{page}"
        subprocess.run(
            ["pdftoppm", "-png", "-gray", "-r", "30", "-f", str(page), "-l", str(page), "-singlefile", str(pdf), str(prefix)], check=True
        )
        image = Image.open(f"{prefix}.png").convert("L")
        stored = GOLDEN / f"delayed-response.page-{page}.png"
        if request.config.getoption("--update-golden"):
            image.save(stored, optimize=True)
        expected = Image.open(stored).convert("L")
        assert image.size == expected.size, f"page {page}: {image.size} != {expected.size}"
        worst, where = worst_cell(image.tobytes(), expected.tobytes(), image.size[0])
        # A re-render is identical here; a lost footer line scores 6.6, another monospace font 9.5, 2 mm of margin 44.
        assert worst < 5, (
            f"page {page} looks different around {where} (mean difference {worst:.1f} of 255 in a {CELL} px square); "
            f"if intended, rerun with --update-golden and look at {stored}"
        )


CELL = 24  # pixels at 30 dpi: 2 cm, a few words


def worst_cell(image: bytes, expected: bytes, width: int) -> tuple[float, tuple[int, int]]:
    """The largest mean difference of grey over the squares of CELL pixels, and where (x, y)."""
    height = len(image) // width
    worst, where = 0.0, (0, 0)
    for top in range(0, height, CELL):
        for left in range(0, width, CELL):
            rows = range(top, min(top + CELL, height))
            columns = range(left, min(left + CELL, width))
            total = sum(abs(image[y * width + x] - expected[y * width + x]) for y in rows for x in columns)
            mean = total / (len(rows) * len(columns))
            if mean > worst:
                worst, where = mean, (left, top)
    return worst, where


# --- PDF bytes on stdout ----------------------------------------------------------------------------


def test_dash_and_a_pipe_get_the_pdf_bytes(tmp_path):
    for args in (["-o", "-"], []):
        result = CliRunner().invoke(app, ["render", str(SPEC_EXAMPLE), "--format", "pdf", *args])
        assert result.exit_code == 0, result.output
        assert result.stdout_bytes.startswith(b"%PDF-") and result.stdout_bytes.rstrip().endswith(b"%%EOF")
        info = subprocess.run(["pdfinfo", "-"], input=result.stdout_bytes, capture_output=True, check=True).stdout
        assert b"Pages:" in info
    out = tmp_path / "runbook.pdf"
    result = CliRunner().invoke(app, ["render", str(SPEC_EXAMPLE), "--format", "pdf", "-o", str(out)])
    assert result.exit_code == 0 and out.read_bytes().startswith(b"%PDF-") and result.stdout_bytes == b""


def test_a_pdf_piped_from_a_real_process_is_whole():
    """Through a real pipe to another process, not CliRunner's buffer."""
    done = subprocess.run(
        [sys.executable, "-m", "playbook_cli", "render", str(SPEC_EXAMPLE), "--format", "pdf"], capture_output=True, timeout=120, check=True
    )
    assert done.stdout.startswith(b"%PDF-") and done.stderr == b""
    assert b"Pages:" in subprocess.run(["pdfinfo", "-"], input=done.stdout, capture_output=True, check=True).stdout
