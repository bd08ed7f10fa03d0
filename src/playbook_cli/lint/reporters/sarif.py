"""Lint results as SARIF 2.1.0, for code-scanning uploads."""

from __future__ import annotations

import json
import re
from urllib.parse import quote

from playbook_cli import __version__
from playbook_cli.core.findings import Severity
from playbook_cli.lint.catalogue import catalogue
from playbook_cli.lint.runner import LintResult

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}

# What RFC 3986 allows unencoded in a path segment (pchar: unreserved, sub-delims, "@"),
# less ":" (in a relative reference's first segment it would read as a scheme); "/" joins segments.
_SEGMENT_SAFE = "!$&'()*+,;=@"
_DRIVE = re.compile(r"^[A-Za-z]:$")


def _path(segments: list[str]) -> str:
    return "/".join(quote(segment, safe=_SEGMENT_SAFE) for segment in segments)


def artifact_uri(file: str) -> str:
    """A file name as a URI reference: a relative path stays relative, an absolute one becomes a file: URI.

    Each path segment is percent-encoded (UTF-8), so spaces, `#`, `%`, `?` and letters
    outside ASCII cannot change what the reference means; `\\` separates segments as `/`
    does (Windows paths), and `C:\\x` is `file:///C:/x`.
    """
    segments = file.replace("\\", "/").split("/")
    if _DRIVE.match(segments[0]):  # C:/dir/file
        return f"file:///{segments[0]}/{_path(segments[1:])}"
    if file[:2] in ("//", "\\\\", "/\\", "\\/") and len(segments) > 2:  # UNC: //server/share/file
        return f"file://{_path(segments[2:])}"
    if segments[0] == "" and len(segments) > 1:  # /dir/file
        return f"file://{_path(segments)}"
    return _path(segments)


def as_sarif(result: LintResult) -> str:
    rules = catalogue()
    rule_ids = list(rules)
    descriptors = [
        {
            "id": rule.id,
            "shortDescription": {"text": rule.id},
            "fullDescription": {"text": rule.summary},
            "defaultConfiguration": {"level": _LEVEL[rule.severity]},
        }
        for rule in rules.values()
    ]
    results = [
        {
            "ruleId": f.rule,
            "ruleIndex": rule_ids.index(f.rule),
            "level": _LEVEL[f.severity],
            "message": {"text": f.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": artifact_uri(f.file)},
                        "region": {"startLine": f.line, "startColumn": f.column},
                    }
                }
            ],
        }
        for f in result.findings
    ]
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{"tool": {"driver": {"name": "playbook-cli", "version": __version__, "rules": descriptors}}, "results": results}],
    }
    return json.dumps(log, ensure_ascii=False, indent=2)
