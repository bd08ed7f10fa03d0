"""The generated docs are current."""

import runpy

from conftest import REPO


def test_rules_doc_is_current():
    module = runpy.run_path(str(REPO / "scripts" / "make_rules_doc.py"))
    current = (REPO / "docs" / "rules.md").read_text(encoding="utf-8")
    assert current == module["rules_markdown"](), "run python scripts/make_rules_doc.py and commit"
