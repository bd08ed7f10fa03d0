"""The one value every check produces: a located finding."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "info": 2}[self.value]


@dataclass(frozen=True, order=False)
class Finding:
    file: str
    line: int  # 1-based
    column: int  # 1-based
    rule: str
    severity: Severity
    message: str

    def describe(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.severity.value} [{self.rule}] {self.message}"

    def sort_key(self):
        return (self.file, self.line, self.column, self.severity.rank, self.rule, self.message)

    def as_dict(self) -> dict:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "rule": self.rule,
            "severity": self.severity.value,
            "message": self.message,
        }
