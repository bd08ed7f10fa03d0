"""JUnit XML, the test report GitLab, Jenkins and most CI servers read.

`junit_xml` writes any suites of test cases (`playbook test` uses it for scenarios);
`as_junit` makes lint's: one test case per file linted, one `<failure>` per error or
warning in it (its type the rule, its text the located finding), notes in `<system-out>`.
A file without errors or warnings is a passed test case, so a report always lists every
file checked.

The shape is the common one (Ant's, as Jenkins' and GitLab's parsers read it):
`<testsuites>` holding `<testsuite name tests failures errors skipped time>`, each holding
`<testcase name classname file time>`. A character XML 1.0 cannot carry (a control
character, a lone surrogate from an undecodable file name) is written in visible notation,
so the report is always well-formed.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import groupby

from playbook_cli.core.findings import Severity
from playbook_cli.core.text_safety import terminal_safe
from playbook_cli.lint.runner import LintResult

# What XML 1.0 cannot hold at all, once terminal_safe has made control characters visible.
_NOT_XML = re.compile("[\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: object) -> str:
    return _NOT_XML.sub(lambda m: f"<U+{ord(m.group()):04X}>", terminal_safe(text))


@dataclass(frozen=True)
class Failure:
    message: str  # one line
    type: str
    text: str = ""  # the whole story


@dataclass(frozen=True)
class Case:
    name: str
    classname: str
    file: str | None = None
    failures: tuple[Failure, ...] = ()
    skipped: str | None = None  # why, when it was not run
    output: str = ""  # <system-out>


@dataclass(frozen=True)
class Suite:
    name: str
    cases: Sequence[Case] = field(default_factory=tuple)


def _counts(cases: Sequence[Case]) -> dict[str, str]:
    failed = sum(1 for case in cases if case.failures)
    skipped = sum(1 for case in cases if case.skipped is not None and not case.failures)
    return {"tests": str(len(cases)), "failures": str(failed), "errors": "0", "skipped": str(skipped), "time": "0"}


def junit_xml(name: str, suites: Sequence[Suite]) -> str:
    """The JUnit XML document of `suites`, under a `<testsuites>` named `name`."""
    root = ET.Element("testsuites", {"name": xml_safe(name), **_counts([case for suite in suites for case in suite.cases])})
    for suite in suites:
        suite_element = ET.SubElement(root, "testsuite", {"name": xml_safe(suite.name), **_counts(suite.cases)})
        for case in suite.cases:
            attributes = {"name": xml_safe(case.name), "classname": xml_safe(case.classname)}
            if case.file is not None:
                attributes["file"] = xml_safe(case.file)
            case_element = ET.SubElement(suite_element, "testcase", {**attributes, "time": "0"})
            if case.skipped is not None and not case.failures:
                ET.SubElement(case_element, "skipped", {"message": xml_safe(case.skipped)})
            for failure in case.failures:
                element = ET.SubElement(case_element, "failure", {"message": xml_safe(failure.message), "type": xml_safe(failure.type)})
                element.text = xml_safe(failure.text or failure.message)
            if case.output:
                ET.SubElement(case_element, "system-out").text = xml_safe(case.output)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def as_junit(result: LintResult) -> str:
    by_file = {file: list(group) for file, group in groupby(result.findings, key=lambda f: f.file)}
    cases = []
    for file in dict.fromkeys([*result.files, *by_file]):  # every file linted, and any a finding names
        findings = by_file.get(file, [])
        failures = tuple(
            Failure(message=f"{f.line}:{f.column} {f.severity.value} [{f.rule}] {f.message}", type=f.rule, text=f.describe())
            for f in findings
            if f.severity is not Severity.INFO
        )
        notes = "\n".join(f.describe() for f in findings if f.severity is Severity.INFO)
        cases.append(Case(name=file, classname="playbook.lint", file=file, failures=failures, output=notes))
    return junit_xml("playbook lint", [Suite("playbook lint", cases)])
