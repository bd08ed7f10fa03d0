"""The HTML runbook in a real browser: headless Chromium prints it, pdftotext reads it back."""

import json
import shutil
import subprocess

import pytest

from conftest import SPEC_EXAMPLE

# Drives a real terminal (tmux, pexpect) or a browser: slow, run with the rest in CI.
pytestmark = pytest.mark.e2e

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
]
INJECTED = "<script>document.body.innerHTML='SCRIPT'+'-RAN'</script><img src=x onerror=\"document.title='IMG'+'-RAN'\">"


@pytest.fixture(scope="module")
def chromium():
    assert CHROMIUM, "chromium is not installed: scripts/test installs it with apt-get"
    return CHROMIUM


def browser(chromium, tmp_path, *args):
    return subprocess.run([chromium, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *args], capture_output=True, text=True, timeout=120)


def hostile_runbook(cli, write, tmp_path):
    text = SPEC_EXAMPLE.read_text(encoding="utf-8").replace(
        "text: {en: Reply now with the answer, vi: Trả lời ngay}", "text: {en: " + json.dumps(INJECTED) + ", vi: x}"
    )
    playbook = write(text, "delayed-response.yaml")
    html = tmp_path / "runbook.html"
    html.write_text(cli("render", playbook, "--format", "html").stdout, encoding="utf-8")
    return html


def test_printed_runbook_has_the_playbook_text(cli, write, tmp_path, chromium):
    html = hostile_runbook(cli, write, tmp_path)
    pdf = tmp_path / "runbook.pdf"
    browser(chromium, tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", html.as_uri())
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "A customer has waited too long for a reply" in text
    assert "Read the whole ticket history" in text
    assert "(see step #2)" in text  # links print as step references
    assert "<script>document.body.innerHTML=" in text  # shown as text
    assert "SCRIPT-RAN" not in text


def test_no_script_from_playbook_text_runs(cli, write, tmp_path, chromium):
    html = hostile_runbook(cli, write, tmp_path)
    dom = browser(chromium, tmp_path, "--dump-dom", html.as_uri()).stdout
    assert "<h1>A customer has waited too long for a reply</h1>" in dom
    assert "SCRIPT-RAN" not in dom and "IMG-RAN" not in dom
    assert "<script" not in dom and "<img" not in dom
