"""A baseline: the findings a library already had, so that lint shows only new ones.

A team adopting the linter on an old library writes its findings once
(`playbook lint --generate-baseline FILE playbooks/`) and lints with `--baseline FILE`
from then on: a finding recorded in the baseline is hidden (and counted), a new one is
shown. A finding is known by its fingerprint, a hash of its file, rule and message, never
of its line, so editing above a known finding does not bring it back. The same finding
may stand several times in a file (`count`); only that many are hidden, so one more of the
same kind is new.

File names are kept relative to the baseline file's directory, with `/`, so the baseline
matches however the files are named on the command line (`playbooks/a.yaml`,
`./playbooks/a.yaml`, an absolute path) and from whichever directory lint runs.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from playbook_cli.core.errors import InputError
from playbook_cli.core.findings import Finding

FORMAT = "playbook-baseline"
VERSION = 1


def fingerprint(file: str, rule: str, message: str) -> str:
    """A stable hash of what a finding is (its file, rule and message), not of where it stands."""
    return hashlib.sha256("\0".join((file, rule, message)).encode("utf-8", "surrogatepass")).hexdigest()[:32]


def relative_name(file: str, directory: Path) -> str:
    """`file` relative to `directory`, with `/` (a name like `<stdin>` is kept as it is)."""
    if file.startswith("<") and file.endswith(">"):
        return file
    try:
        return Path(os.path.relpath(os.path.abspath(file), os.path.abspath(directory))).as_posix()
    except ValueError:  # another drive, on Windows
        return Path(os.path.abspath(file)).as_posix()


@dataclass(frozen=True)
class Baseline:
    """The fingerprints of known findings, each with how many times it stood."""

    directory: Path  # file names in the baseline are relative to it
    counts: Counter[str] = field(default_factory=Counter)

    def key(self, finding: Finding) -> str:
        return fingerprint(relative_name(finding.file, self.directory), finding.rule, finding.message)

    def split(self, findings: Iterable[Finding]) -> tuple[list[Finding], int]:
        """The findings the baseline does not know, and how many it hid (the first `count` of each, in file order)."""
        left = Counter(self.counts)
        kept, hidden = [], 0
        for finding in sorted(findings, key=Finding.sort_key):
            key = self.key(finding)
            if left[key] > 0:
                left[key] -= 1
                hidden += 1
            else:
                kept.append(finding)
        return kept, hidden


def baseline_json(findings: Iterable[Finding], directory: Path) -> str:
    """The baseline of `findings`, for a file in `directory`: JSON, one entry per distinct finding, sorted."""
    counted: Counter[tuple[str, str, str]] = Counter((relative_name(f.file, directory), f.rule, f.message) for f in findings)
    entries = [
        {"file": file, "rule": rule, "message": message, "fingerprint": fingerprint(file, rule, message), "count": count}
        for (file, rule, message), count in sorted(counted.items())
    ]
    return json.dumps({FORMAT: VERSION, "findings": entries}, ensure_ascii=False, indent=2) + "\n"


def read_baseline(path: str | Path) -> Baseline:
    """The baseline in `path`. Raises InputError naming the file when it cannot be read or is not a baseline."""
    shown = str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(
            f"--baseline {shown}: {exc.strerror or exc}", hint=f"write one first: playbook lint --generate-baseline {shown} PATH..."
        ) from None
    try:
        document = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise InputError(f"--baseline {shown}: not a baseline (not JSON: {exc})") from None
    if not isinstance(document, dict) or document.get(FORMAT) != VERSION or not isinstance(document.get("findings"), list):
        raise InputError(f'--baseline {shown}: not a baseline; one starts with {{"{FORMAT}": {VERSION}, "findings": [...]}}')
    counts: Counter[str] = Counter()
    for number, entry in enumerate(document["findings"], 1):
        if not isinstance(entry, dict):
            raise InputError(f"--baseline {shown}: finding {number} is not an object")
        count = entry.get("count", 1)
        if not isinstance(count, int) or isinstance(count, bool) or count < 1:
            raise InputError(f"--baseline {shown}: finding {number}: count must be a whole number of at least 1")
        key = entry.get("fingerprint")
        if not isinstance(key, str):
            parts = [entry.get(name) for name in ("file", "rule", "message")]
            if not all(isinstance(part, str) for part in parts):
                raise InputError(f"--baseline {shown}: finding {number} has neither a fingerprint nor a file, rule and message")
            key = fingerprint(*parts)  # type: ignore[arg-type]  # checked just above
        counts[key] += count
    return Baseline(Path(path).parent, counts)
