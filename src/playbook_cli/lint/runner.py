"""Lint: find the playbook files, load each once, and run the schema and every rule.

Also the one way the other commands get a playbook they can trust: `load_playbook`
refuses a file that lint finds errors in, so walk, test and render never meet a
dangling reference or a wrong shape.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from playbook_cli.core.errors import InputError, InvalidPlaybookError, PlaybookLoadError
from playbook_cli.core.findings import Finding, Severity
from playbook_cli.core.loader import LoadedDocument, load_file
from playbook_cli.core.model import Playbook, build_playbook
from playbook_cli.core.schema import schema_findings
from playbook_cli.lint import suppressions
from playbook_cli.lint.catalogue import catalogue, rules_of
from playbook_cli.lint.rule import Scope
from playbook_cli.lint.rules._context import RuleContext

PLAYBOOK_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class LintResult:
    files: tuple[str, ...]
    findings: tuple[Finding, ...]

    def count(self, severity: Severity) -> int:
        return sum(1 for finding in self.findings if finding.severity is severity)

    @property
    def errors(self) -> int:
        return self.count(Severity.ERROR)

    @property
    def warnings(self) -> int:
        return self.count(Severity.WARNING)


def discover(paths: Iterable[str]) -> list[str]:
    """Files named, and *.yaml / *.yml below directories named (hidden folders skipped)."""
    found: dict[str, None] = {}
    for given in paths:
        path = Path(given)
        if path.is_dir():
            matches = sorted(
                p
                for p in path.rglob("*")
                if p.suffix in PLAYBOOK_SUFFIXES and p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not matches:
                raise InputError(f"{given}: no playbook (*.yaml, *.yml) found in this directory")
            found.update((str(p), None) for p in matches)
        elif path.is_file():
            found[str(path)] = None
        else:
            raise InputError(f"{given}: no such file or directory")
    if not found:
        raise InputError("no playbook given")
    return list(found)


def check_document(doc: LoadedDocument, ignore: frozenset[str] = frozenset()) -> list[Finding]:
    """The findings of one loaded playbook on its own: load problems, schema, file rules."""
    findings = list(doc.problems) + schema_findings(doc)
    for rule in rules_of(Scope.FILE):
        if rule.id not in ignore and rule.check is not None:
            findings.extend(rule.check(RuleContext(doc, rule.id, rule.severity)))
    return findings


def lint_documents(docs: list[LoadedDocument], ignore: frozenset[str] = frozenset()) -> list[Finding]:
    findings: list[Finding] = []
    for doc in docs:
        findings.extend(check_document(doc, ignore))
    for rule in rules_of(Scope.LIBRARY):
        if rule.id not in ignore and rule.check is not None:
            findings.extend(rule.check([RuleContext(doc, rule.id, rule.severity) for doc in docs]))
    return findings


def _apply_suppressions(docs: list[LoadedDocument], findings: list[Finding]) -> list[Finding]:
    known = set(catalogue())
    per_file = {doc.path: suppressions.parse(doc.path, doc.text, known) for doc in docs}
    kept = [f for f in findings if f.file not in per_file or not per_file[f.file].hides(f)]
    return kept + [problem for s in per_file.values() for problem in s.problems]


def lint_paths(paths: Iterable[str], ignore: frozenset[str] = frozenset()) -> LintResult:
    files = discover(paths)
    docs, findings = [], []
    for file in files:
        try:
            docs.append(load_file(file))
        except PlaybookLoadError as exc:
            findings.append(exc.finding)
    findings.extend(lint_documents(docs, ignore))
    findings = [f for f in _apply_suppressions(docs, findings) if f.rule not in ignore]
    return LintResult(tuple(files), tuple(sorted(findings, key=Finding.sort_key)))


def load_playbook(path: str | Path) -> Playbook:
    """Load a playbook for walk, test or render: refused (InvalidPlaybookError) if lint finds errors."""
    try:
        doc = load_file(path)
    except PlaybookLoadError as exc:
        raise InvalidPlaybookError(str(path), [exc.finding]) from None
    errors = [f for f in check_document(doc) if f.severity is Severity.ERROR]
    if errors:
        raise InvalidPlaybookError(str(path), sorted(errors, key=Finding.sort_key))
    return build_playbook(doc)
