"""PDF from rendered HTML, through WeasyPrint (the optional `pdf` extra), imported lazily."""

from __future__ import annotations

from pathlib import Path

from playbook_cli.core.errors import RenderError

INSTALL_HINT = "PDF output needs WeasyPrint: pip install 'playbook-cli[pdf]'"


def write_pdf(html: str, path: Path) -> None:
    try:
        from weasyprint import HTML  # lazy: heavy, kept off start-up
    except ImportError:
        raise RenderError(INSTALL_HINT) from None
    except OSError as exc:  # WeasyPrint is installed but its system libraries (Pango) are not
        raise RenderError(f"{INSTALL_HINT}; its system libraries failed to load: {exc}") from None
    HTML(string=html).write_pdf(str(path))
