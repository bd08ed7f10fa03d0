"""Writing rendered pages: Markdown and HTML as text, PDF through WeasyPrint."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from playbook_cli.render.pdf import write_pdf


class OutputFormat(StrEnum):
    MD = "md"
    HTML = "html"
    PDF = "pdf"

    @property
    def template_kind(self) -> str:
        """The templates a format is made from: PDF is printed from the HTML."""
        return "md" if self is OutputFormat.MD else "html"


def write_output(format: OutputFormat, content: str, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if format is OutputFormat.PDF:
        write_pdf(content, path)
    else:
        path.write_text(content, encoding="utf-8")
    return path
