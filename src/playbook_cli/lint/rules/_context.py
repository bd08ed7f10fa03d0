"""What a rule sees: one loaded document, and a way to make findings at its paths."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from playbook_cli.core.findings import Finding, Severity
from playbook_cli.core.loader import LoadedDocument


@dataclass(frozen=True)
class RuleContext:
    doc: LoadedDocument
    rule: str
    severity: Severity

    @property
    def data(self) -> dict:
        return self.doc.data if isinstance(self.doc.data, dict) else {}

    @property
    def stem(self) -> str:
        return Path(self.doc.path).stem

    def at(self, path, message: str, *, key: bool = False) -> Finding:
        """A finding at the value of `path` (or at its key, with key=True)."""
        line, column = self.doc.key_position(path) if key else self.doc.value_position(path)
        return self.at_position(line, column, message)

    def at_position(self, line: int, column: int, message: str) -> Finding:
        return Finding(self.doc.path, line, column, self.rule, self.severity, message)

    def template_position(self, path, template_line: int) -> tuple[int, int]:
        """File line and column of line `template_line` (1-based) of the string at `path`.

        Exact for block scalars (`|` and `>` start on the line after the indicator);
        for other styles, the line of the value plus the offset.
        """
        loc = self.doc.loc(path)
        if loc.style in ("|", ">"):
            line = loc.line + template_line
            lines = self.doc.text.splitlines()
            if 0 < line <= len(lines):
                text = lines[line - 1]
                return line, len(text) - len(text.lstrip(" ")) + 1
            return line, 1
        if template_line <= 1:
            return loc.line, loc.column
        return loc.line + template_line - 1, 1
