"""The pre-commit hooks (.pre-commit-hooks.yaml) as a library repository uses them.

pre-commit clones the hook repository at `rev` and installs it from PyPI's packages into a
virtualenv of its own, so this tests the committed code (the HEAD commit of this checkout).
To try hooks not yet committed, point PLAYBOOK_HOOKS_REPO at a git repository holding them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import MINIMAL, REPO, dedent

pytestmark = pytest.mark.e2e

HOOKS_REPO = Path(os.environ.get("PLAYBOOK_HOOKS_REPO", REPO))
GOOD = MINIMAL + dedent(
    """
    scenarios:
      - name: yes leads to the action
        answers: ["Yes"]
        expect: {end: done, outcome: resolved}
    """
)
ROSTER = dedent(
    """
    roster: 1
    timezone: Asia/Ho_Chi_Minh
    people:
      lan: {name: Lan, roles: [agent]}
    """
)


def _git(*args: str, cwd: Path) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout.strip()


def _commit_with_hooks() -> str:
    if shutil.which("git") is None:
        raise AssertionError("git is not installed: the test command installs it")
    rev = _git("rev-parse", "HEAD", cwd=HOOKS_REPO)
    if subprocess.run(["git", "cat-file", "-e", f"{rev}:.pre-commit-hooks.yaml"], cwd=HOOKS_REPO).returncode != 0:
        raise AssertionError(f"{HOOKS_REPO} HEAD has no .pre-commit-hooks.yaml: pre-commit installs hooks from a commit")
    return rev


def _pre_commit(library: Path, home: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"}
    env.pop("PLAYBOOK_ROSTER", None)
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--all-files"], cwd=library, env=env, capture_output=True, text=True, timeout=900
    )


def test_the_hooks_fail_on_a_broken_playbook_and_pass_on_a_good_one(tmp_path):
    import pre_commit  # noqa: F401  - from the test extra

    rev = _commit_with_hooks()
    library = tmp_path / "library"
    (library / "playbooks").mkdir(parents=True)
    (library / "team").mkdir()
    (library / ".github" / "workflows").mkdir(parents=True)
    _git("init", "-q", cwd=library)
    _git("config", "user.email", "writer@example.com", cwd=library)
    _git("config", "user.name", "Writer", cwd=library)
    (library / "playbooks" / "p.yaml").write_text(GOOD, encoding="utf-8")
    (library / "team" / "roster.yaml").write_text(ROSTER, encoding="utf-8")
    (library / ".github" / "workflows" / "ci.yml").write_text("on: push\njobs: {}\n", encoding="utf-8")  # not a playbook: not linted
    (library / ".pre-commit-config.yaml").write_text(
        dedent(
            f"""
            repos:
              - repo: {HOOKS_REPO}
                rev: {rev}
                hooks:
                  - id: playbook-lint
                  - id: playbook-test
            """
        ),
        encoding="utf-8",
    )
    _git("add", "-A", cwd=library)
    home = tmp_path / "pre-commit-home"

    good = _pre_commit(library, home)
    assert good.returncode == 0, good.stdout + good.stderr
    assert "playbook lint" in good.stdout and "playbook test" in good.stdout
    assert "Passed" in good.stdout

    (library / "playbooks" / "p.yaml").write_text(GOOD.replace("title: T", "titel: T"), encoding="utf-8")
    (library / "team" / "roster.yaml").write_text(ROSTER.replace("roles: [agent]", "roles: []"), encoding="utf-8")
    _git("add", "-A", cwd=library)
    broken = _pre_commit(library, home)
    assert broken.returncode == 1, broken.stdout + broken.stderr
    assert "Failed" in broken.stdout
    assert "unknown key 'titel'" in broken.stdout  # the playbook, linted
    assert "team/roster.yaml" in broken.stdout  # the roster, recognised and linted as a roster
    assert "ci.yml" not in broken.stdout
