"""The JSON Schema agrees with the format spec and ships with the package."""

import json

import pytest
from jsonschema import Draft202012Validator

from conftest import REPO, SPEC_EXAMPLE
from playbook_cli.core.loader import load_file
from playbook_cli.core.schema import is_valid, schema, schema_findings

SCHEMA_FILE = REPO / "schemas" / "playbook.schema.json"


def test_schema_is_valid_under_the_2020_12_metaschema():
    Draft202012Validator.check_schema(json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))


def test_packaged_schema_is_the_repository_schema():
    assert schema() == json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))


def test_schema_file_is_what_the_generator_writes():
    """Compares only: the committed file is never rewritten by the test suite."""
    import difflib
    import runpy

    generated = runpy.run_path(str(REPO / "scripts" / "make_schema.py"))["schema_json"]()
    committed = SCHEMA_FILE.read_text(encoding="utf-8")
    diff = "".join(
        difflib.unified_diff(committed.splitlines(True), generated.splitlines(True), "schemas/playbook.schema.json", "generated")
    )
    assert not diff, f"the schema file is stale; run python scripts/make_schema.py and commit:\n{diff}"


def test_every_property_has_a_description():
    missing = []

    def walk(node, path):
        if isinstance(node, dict):
            if path.endswith("/if"):
                return  # the kind switch of a node is a condition, not a property
            for name, sub in node.get("properties", {}).items():
                if "description" not in sub:
                    missing.append(f"{path}/{name}")
            for key, sub in node.items():
                walk(sub, f"{path}/{key}")
        elif isinstance(node, list):
            for index, sub in enumerate(node):
                walk(sub, f"{path}/{index}")

    walk(schema(), "")
    assert missing == []


def test_spec_example_is_valid():
    doc = load_file(SPEC_EXAMPLE)
    assert is_valid(doc.data)
    assert schema_findings(doc) == []
    assert Draft202012Validator(schema()).is_valid(doc.data)


@pytest.mark.parametrize(
    "change",
    [
        {"playbook": 2},
        {"extra": 1},
        {"x-anything": {"is": "fine"}},
        {"sla": {"first_reply": "90"}},
        {"sla": {"first_reply": "0m"}},
        {"sla": {"first_reply": "1m2h"}},
        {"languages": []},
        {"title": {"en": ""}},
        {"title": True},
    ],
)
def test_fast_path_agrees_with_jsonschema(change):
    data = {**load_file(SPEC_EXAMPLE).data, **change}
    assert is_valid(data) == Draft202012Validator(schema()).is_valid(data)
