"""The machine reporters: SARIF that validates against the official schema for any file name,
GitHub workflow commands that no message or file name can break."""

from __future__ import annotations

import json
import re
from urllib.parse import unquote

import pytest

from conftest import FIXTURES, MINIMAL
from playbook_cli.core.findings import Finding, Severity
from playbook_cli.lint.reporters import sarif
from playbook_cli.lint.reporters.github import as_github
from playbook_cli.lint.runner import LintResult

SARIF_SCHEMA = FIXTURES / "sarif-schema-2.1.0.json"  # the official OASIS schema, copied from shared/data
BAD = MINIMAL.replace("title: T", "titel: T")
NAMES = ["a b.yaml", "c#d.yaml", "e%f.yaml", "phản hồi.yaml"]

# RFC 3986 URI-reference, by character class: reserved and unreserved ASCII, and "%" only before two hex digits.
URI_REFERENCE = re.compile(r"^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#]|%[0-9A-Fa-f]{2})*$")


def _schema_validator():
    import jsonschema

    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    # FormatChecker() holds every format jsonschema knows, "uri-reference" included (the schema is draft-04,
    # whose own checker has no uri-reference); that check needs rfc3987 or rfc3986-validator installed.
    return jsonschema.validators.validator_for(schema)(schema, format_checker=jsonschema.FormatChecker())


def _uris(log: dict) -> list[str]:
    return [loc["physicalLocation"]["artifactLocation"]["uri"] for res in log["runs"][0]["results"] for loc in res["locations"]]


@pytest.mark.parametrize("relative", [True, False], ids=["relative", "absolute"])
def test_sarif_validates_for_any_file_name(cli, write, tmp_path, monkeypatch, relative):
    for name in NAMES:
        write(BAD, f"lib/{name}")
    monkeypatch.chdir(tmp_path)
    result = cli("lint", "--format", "sarif", "lib" if relative else tmp_path / "lib")
    assert result.exit_code == 1
    log = json.loads(result.stdout)
    errors = sorted(_schema_validator().iter_errors(log), key=str)
    assert not errors, [f"{list(e.absolute_path)}: {e.message}" for e in errors]
    uris = sorted(set(_uris(log)))
    assert all(URI_REFERENCE.match(uri) for uri in uris), uris
    prefix = "lib/" if relative else f"file://{tmp_path}/lib/"
    assert [unquote(uri) for uri in uris] == sorted(prefix + name for name in NAMES)
    assert "lib/a%20b.yaml" in uris[0] and "c%23d.yaml" in uris[1] and "e%25f.yaml" in uris[2]
    assert uris[3].endswith("lib/ph%E1%BA%A3n%20h%E1%BB%93i.yaml")


def test_the_format_checker_really_checks_uri_references():
    jsonschema = pytest.importorskip("jsonschema")
    checker = jsonschema.FormatChecker()
    if "uri-reference" not in checker.checkers:
        pytest.skip("jsonschema checks uri-reference only with rfc3987 or rfc3986-validator installed")
    assert not checker.conforms("a b.yaml", "uri-reference") and checker.conforms(sarif.artifact_uri("a b.yaml"), "uri-reference")


@pytest.mark.parametrize(
    "file, uri",
    [
        ("lib/a b.yaml", "lib/a%20b.yaml"),
        ("c#d?.yaml", "c%23d%3F.yaml"),
        ("e%f.yaml", "e%25f.yaml"),
        ("x:y.yaml", "x%3Ay.yaml"),  # not a scheme
        ("lib\\phản hồi.yaml", "lib/ph%E1%BA%A3n%20h%E1%BB%93i.yaml"),
        ("C:\\Users\\me\\a b.yaml", "file:///C:/Users/me/a%20b.yaml"),
        ("\\\\server\\share\\a.yaml", "file://server/share/a.yaml"),
        ("/srv/lib/a b.yaml", "file:///srv/lib/a%20b.yaml"),
    ],
)
def test_artifact_uris(file, uri):
    assert sarif.artifact_uri(file) == uri
    assert URI_REFERENCE.match(uri)


def _finding(file: str, message: str, rule: str = "graph/x") -> Finding:
    return Finding(file=file, line=3, column=5, rule=rule, severity=Severity.ERROR, message=message)


def test_github_commands_show_control_characters_and_cannot_be_split():
    result = LintResult(
        files=("a",),
        findings=(
            _finding("dir/we\x1bird,na:me.yaml", "text \x1b[2J cleared\0 nul 100% done\r\n::error file=x::forged\x07\u202eevil"),
            _finding("b.yaml", "plain"),
        ),
    )
    lines = as_github(result).split("\n")
    assert len(lines) == 2 and all(line.startswith("::error file=") for line in lines)
    first = lines[0]
    assert not re.search("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", first)
    assert first.startswith("::error file=dir/we^[ird%2Cna%3Ame.yaml,line=3,col=5,title=graph/x::")
    assert first.endswith("::text ^[[2J cleared^@ nul 100%25 done%0D%0A::error file=x::forged^G<U+202E>evil")
