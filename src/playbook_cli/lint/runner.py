"""Lint: find the playbook files, load each once, and run the schema and every rule.

A file whose first key is `roster` is a team's roster, not a playbook: it is checked
against the roster schema and the `roster/*` rules, and the playbook rules never see it
(nor the roster rules a playbook). With a roster given (`--roster`), the library rule
`roster/unheld-role` also compares the playbooks' owners with the roster.

Also the one way the other commands get a playbook they can trust: `load_playbook`
refuses a file that lint finds errors in, so walk, test and render never meet a
dangling reference or a wrong shape.

Two ways in for tools: a playbook read from standard input (`StdinDocument`, named for its
locations as the editor's file is; it takes the place of that file when a directory
linted holds it too), and a `Baseline` of known findings, which are hidden and counted.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from playbook_cli.core.errors import InputError, InvalidPlaybookError, PlaybookLoadError
from playbook_cli.core.findings import Finding, Severity
from playbook_cli.core.loader import MAX_BYTES, LoadedDocument, load_bytes, load_file
from playbook_cli.core.model import Playbook, build_playbook
from playbook_cli.core.roster import is_roster, roster_schema_findings
from playbook_cli.core.schema import schema_findings
from playbook_cli.lint import suppressions
from playbook_cli.lint.baseline import Baseline
from playbook_cli.lint.catalogue import catalogue, rules_of
from playbook_cli.lint.rule import Rule, Scope
from playbook_cli.lint.rules import ROSTER_RULES
from playbook_cli.lint.rules._context import RuleContext

PLAYBOOK_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class LintResult:
    files: tuple[str, ...]
    findings: tuple[Finding, ...]
    baselined: int | None = None  # findings hidden by a baseline; None: no baseline given

    def count(self, severity: Severity) -> int:
        return sum(1 for finding in self.findings if finding.severity is severity)

    @property
    def errors(self) -> int:
        return self.count(Severity.ERROR)

    @property
    def warnings(self) -> int:
        return self.count(Severity.WARNING)


def discover(paths: Iterable[str]) -> list[str]:
    """Files named, and *.yaml / *.yml below directories named (hidden folders skipped).

    A file reached twice (the same directory given twice, `dir` and `./dir`) counts once.
    A broken link, a pipe or a device named *.yaml is kept, so the loader reports it
    instead of it being skipped in silence (or read forever).
    """
    found: dict[Path, str] = {}
    for given in paths:
        path = Path(given)
        if path.is_dir():
            matches = sorted(
                p
                for p in path.rglob("*")
                if p.suffix in PLAYBOOK_SUFFIXES
                and (p.is_symlink() or not p.is_dir())
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not matches:
                raise InputError(f"{given}: no playbook (*.yaml, *.yml) found in this directory")
            for match in matches:
                found.setdefault(match.resolve(), str(match))
        elif path.exists() or path.is_symlink():
            found.setdefault(path.resolve(), str(path))
        else:
            raise InputError(f"{given}: no such file or directory")
    if not found:
        raise InputError("no playbook given")
    return list(found.values())


def _rules(scope: Scope, *, roster: bool, ignore: frozenset[str]) -> list[Rule]:
    """The rules of `scope` for rosters (roster=True) or for playbooks, less those ignored."""
    return [rule for rule in rules_of(scope) if (rule.id in ROSTER_RULES) is roster and rule.id not in ignore and rule.check is not None]


def check_document(doc: LoadedDocument, ignore: frozenset[str] = frozenset()) -> list[Finding]:
    """The findings of one loaded playbook, or roster, on its own: load problems, schema, file rules."""
    roster = is_roster(doc.data)
    findings = list(doc.problems) + (roster_schema_findings(doc) if roster else schema_findings(doc))
    for rule in _rules(Scope.FILE, roster=roster, ignore=ignore):
        assert rule.check is not None
        findings.extend(rule.check(RuleContext(doc, rule.id, rule.severity)))
    return findings


def lint_documents(docs: list[LoadedDocument], ignore: frozenset[str] = frozenset(), roster: LoadedDocument | None = None) -> list[Finding]:
    """Each document on its own, then the library rules over the playbooks (and `roster`, for the roster's library rules)."""
    findings: list[Finding] = []
    for doc in docs:
        findings.extend(check_document(doc, ignore))
    playbooks = [doc for doc in docs if not is_roster(doc.data)]
    for rule in _rules(Scope.LIBRARY, roster=False, ignore=ignore):
        assert rule.check is not None
        findings.extend(rule.check([RuleContext(doc, rule.id, rule.severity) for doc in playbooks]))
    if roster is not None and is_roster(roster.data):
        for rule in _rules(Scope.LIBRARY, roster=True, ignore=ignore):
            assert rule.check is not None
            findings.extend(rule.check([RuleContext(doc, rule.id, rule.severity) for doc in [*playbooks, roster]]))
    return findings


def _apply_suppressions(docs: list[LoadedDocument], findings: list[Finding]) -> list[Finding]:
    known = set(catalogue())
    per_file = {doc.path: suppressions.parse(doc.path, doc.text, known) for doc in docs}
    kept = [f for f in findings if f.file not in per_file or not per_file[f.file].hides(f)]
    return kept + [problem for s in per_file.values() for problem in s.problems]


@dataclass(frozen=True)
class StdinDocument:
    """A playbook read from standard input (`playbook lint -`), and the file name its findings carry."""

    data: bytes
    name: str = "<stdin>"

    def load(self) -> LoadedDocument:
        if len(self.data) > MAX_BYTES:
            message = f"the input is larger than {MAX_BYTES // (1024 * 1024)} MiB; split it into several playbooks"
            raise PlaybookLoadError(Finding(self.name, 1, 1, "yaml/too-large", Severity.ERROR, message))
        return load_bytes(self.data, self.name)


def _same_file(a: str, b: str) -> bool:
    return Path(a).resolve() == Path(b).resolve()


def lint_paths(
    paths: Iterable[str],
    ignore: frozenset[str] = frozenset(),
    roster: str | None = None,
    *,
    stdin: StdinDocument | None = None,
    baseline: Baseline | None = None,
) -> LintResult:
    """Lint the files found under `paths` (and `stdin`); with `roster`, that roster too, and the playbooks' owners against it.

    With `baseline`, the findings it knows are left out and counted (`LintResult.baselined`).
    """
    paths = list(paths)
    files = discover(paths) if paths or stdin is None else []
    if stdin is not None:  # the editor's buffer stands for the file on disk
        files = [file for file in files if not _same_file(file, stdin.name)] + [stdin.name]
    if roster is not None:
        files = _with_roster(files, roster)
    docs, findings = [], []
    for file in files:
        try:
            docs.append(stdin.load() if stdin is not None and file == stdin.name else load_file(file))
        except PlaybookLoadError as exc:
            findings.append(exc.finding)
    roster_doc = None
    if roster is not None:
        roster_key = Path(roster).resolve()
        roster_doc = next((doc for doc in docs if Path(doc.path).resolve() == roster_key), None)
        if roster_doc is not None and not is_roster(roster_doc.data):
            raise InputError(f"--roster {roster}: this is not a roster; a roster starts with `roster: 1` (see schemas/roster.schema.json)")
    findings.extend(lint_documents(docs, ignore, roster_doc))
    findings = [f for f in _apply_suppressions(docs, findings) if f.rule not in ignore]
    baselined = None
    if baseline is not None:
        findings, baselined = baseline.split(findings)
    return LintResult(tuple(files), tuple(sorted(findings, key=Finding.sort_key)), baselined)


def _with_roster(files: list[str], roster: str) -> list[str]:
    """`files` and the roster file, once even when a directory linted holds it too."""
    if not Path(roster).is_file():
        raise InputError(f"--roster {roster}: no such file; give the team's roster file (a YAML file starting with `roster: 1`)")
    roster_key = Path(roster).resolve()
    return files if any(Path(file).resolve() == roster_key for file in files) else [*files, roster]


def load_playbook(path: str | Path) -> Playbook:
    """Load a playbook for walk, test or render: refused (InvalidPlaybookError) if lint finds errors."""
    try:
        doc = load_file(path)
    except PlaybookLoadError as exc:
        raise InvalidPlaybookError(str(path), [exc.finding]) from None
    if is_roster(doc.data):
        raise InputError(f"{path} is a roster (its first key is `roster`), not a playbook; give a playbook file here")
    errors = [f for f in check_document(doc) if f.severity is Severity.ERROR]
    if errors:
        raise InvalidPlaybookError(str(path), sorted(errors, key=Finding.sort_key))
    return build_playbook(doc)
