"""PDF from rendered HTML, through WeasyPrint (the optional `pdf` extra), imported lazily."""

from __future__ import annotations

import json
from importlib import metadata
from urllib.parse import unquote, urlparse

from playbook_cli.core.errors import RenderError

DISTRIBUTION = "playbook-cli"
INDEX_COMMAND = "pip install 'playbook-cli[pdf]'"


def install_command() -> str:
    """How to add the `pdf` extra, worded for how playbook-cli itself was installed.

    pip records a direct install in `direct_url.json` (PEP 610): a local directory (a
    clone, editable or not), a VCS URL or an archive URL. No record means an index.
    """
    try:
        recorded = metadata.distribution(DISTRIBUTION).read_text("direct_url.json")
    except metadata.PackageNotFoundError:
        return "pip install -e '.[pdf]' (in your playbook-cli clone)"  # running from a source tree
    try:
        direct = json.loads(recorded) if recorded else None
    except ValueError:
        direct = None
    if not isinstance(direct, dict) or not isinstance(direct.get("url"), str):
        return INDEX_COMMAND
    url = direct["url"]
    if isinstance(direct.get("dir_info"), dict):
        editable = "-e " if direct["dir_info"].get("editable") else ""
        where = unquote(urlparse(url).path) if url.startswith("file:") else url
        return f"pip install {editable}'.[pdf]' (in your playbook-cli clone, {where})"
    if isinstance(direct.get("vcs_info"), dict):
        return f"pip install '{DISTRIBUTION}[pdf] @ {direct['vcs_info'].get('vcs', 'git')}+{url}'"
    return f"pip install '{DISTRIBUTION}[pdf] @ {url}'"


def install_hint() -> str:
    return f"PDF output needs WeasyPrint: {install_command()}"


def pdf_bytes(html: str) -> bytes:
    """The PDF printed from `html`; RenderError with an install hint when WeasyPrint is missing."""
    try:
        from weasyprint import HTML  # lazy: heavy, kept off start-up
    except ImportError:
        raise RenderError(install_hint()) from None
    except OSError as exc:  # WeasyPrint is installed but its system libraries (Pango) are not
        raise RenderError(f"{install_hint()}; its system libraries failed to load: {exc}") from None
    data = HTML(string=html).write_pdf()
    if not isinstance(data, bytes):
        raise RenderError("WeasyPrint returned no PDF")
    return data
