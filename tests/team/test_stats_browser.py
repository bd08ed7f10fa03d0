"""The HTML stats page in a real browser: headless Chromium draws it, and its charts are there.

A screenshot is read back with a tiny PNG decoder (zlib and the five row filters; no
imaging library needed) and must hold the bars' colour, not only white; the DOM Chromium
built must hold the three SVG charts with their bars, and no script.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from conftest import REPO
from playbook_cli.render.stats_page import PALETTE

pytestmark = pytest.mark.e2e

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]


def read_png(data: bytes) -> tuple[int, int, list[bytes], int]:
    """(width, height, rows of raw pixels, bytes per pixel) of an 8-bit RGB or RGBA PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position, idat, width = 8, b"", 0
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position : position + 8])
        body = data[position + 8 : position + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and colour in (2, 6), (depth, colour)
            step = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        position += 12 + length
    raw, stride, rows, previous = zlib.decompress(idat), width * step, [], bytes(width * step)
    for row in range(height):
        kind, line = raw[row * (stride + 1)], bytearray(raw[row * (stride + 1) + 1 : (row + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - step] if i >= step else 0
            up, corner = previous[i], previous[i - step] if i >= step else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                guess = left + up - corner
                near = min((abs(guess - left), 0, left), (abs(guess - up), 1, up), (abs(guess - corner), 2, corner))[2]
                line[i] = (line[i] + near) & 0xFF
        rows.append(bytes(line))
        previous = rows[-1]
    return width, height, rows, step


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    assert CHROMIUM, "chromium is not installed: scripts/test installs it with apt-get"
    html = tmp_path_factory.mktemp("page") / "stats.html"
    subprocess.run(
        [sys.executable, "-m", "playbook_cli", "stats", "tests/fixtures/journals",
         "--format", "html", "-o", str(html), "--lang", "vi", "--as-of", "2026-12-01T12:00:00Z"],
        cwd=REPO, check=True, capture_output=True,
    )  # fmt: skip
    return html


def browser(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *args], capture_output=True, text=True, timeout=120)


def test_the_charts_are_in_the_page_chromium_builds(page, tmp_path):
    dom = browser(tmp_path, "--dump-dom", page.as_uri()).stdout
    assert dom.count("<svg") == 3
    for chart in ("chart-clocks", "chart-weeks", "chart-steps"):
        assert f'id="{chart}"' in dom
    assert dom.count('class="rect reactive tooltip-trigger"') >= 20  # bars of all three charts
    assert "<script" not in dom


def test_a_screenshot_shows_the_charts(page, tmp_path):
    shot = tmp_path / "stats.png"
    browser(tmp_path, "--window-size=1100,2200", "--hide-scrollbars", f"--screenshot={shot}", page.as_uri())
    width, height, rows, step = read_png(shot.read_bytes())
    assert (width, height) == (1100, 2200)
    pixels = [row[i : i + 3] for row in rows for i in range(0, len(row), step)]
    ink = sum(1 for pixel in pixels if pixel != b"\xff\xff\xff")
    bars = bytes(int(PALETTE[0][i : i + 2], 16) for i in (1, 3, 5))
    bar_pixels = sum(1 for pixel in pixels if pixel == bars)
    assert ink > width * height // 20, "the page is (almost) blank"
    assert bar_pixels > 20_000, f"only {bar_pixels} pixels of the bars' colour: the charts are not drawn"
