"""Shell completion of what commands take: playbook ids, walk journals, rule ids.

typer completes commands, options and fixed values (`--format`) by itself; this module adds
the values only the library knows. `COMPLETERS` maps (command, parameter) to a completer;
`cli.words` consults it for every parameter, so a command module needs no change to
complete. A completer returns nothing when nothing matches, and the shell then completes
file names as usual (so `playbook walk ./my-draft.yaml` still works).

Completers read as little as they can: the first 64 KiB of each playbook (its `id:` line)
and the first line of each journal (its start).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

from typer._click import Context
from typer._click.shell_completion import CompletionItem

from playbook_cli.cli.walk_command import LIBRARY
from playbook_cli.walk.journal import JOURNAL_DIR

_ID_LINE = re.compile(rb"^id:\s*['\"]?([a-z0-9][a-z0-9_-]*)['\"]?\s*(?:#.*)?$", re.MULTILINE)


def playbook_ids(library: Path = LIBRARY) -> dict[str, str]:
    """Each playbook id in `library` with its file, in file-name order; unreadable files are passed over."""
    ids: dict[str, str] = {}
    if not library.is_dir():
        return ids
    for path in sorted(library.rglob("*")):
        if path.suffix not in (".yaml", ".yml") or any(part.startswith(".") for part in path.relative_to(library).parts):
            continue
        try:
            match = _ID_LINE.search(path.read_bytes()[:65536])
        except OSError:
            continue
        if match:
            ids.setdefault(match.group(1).decode(), str(path))
    return ids


def journal_files(directory: Path = JOURNAL_DIR) -> dict[str, str]:
    """Each journal (*.jsonl) in `directory`, most recent first, with the playbook it walks."""
    found: dict[str, str] = {}
    if not directory.is_dir():
        return found
    paths = sorted(directory.glob("*.jsonl"), key=lambda p: p.stat().st_mtime if p.exists() else 0, reverse=True)
    for path in paths:
        try:
            with path.open("rb") as file:
                first = json.loads(file.readline(65536))
            playbook = str(first.get("playbook", "?")) if isinstance(first, dict) else "?"
        except (OSError, ValueError):
            playbook = "?"
        found[str(path)] = f"walk of {playbook}"
    return found


def complete_playbook_id(ctx: Context, incomplete: str) -> list[CompletionItem]:
    return [CompletionItem(ident, help=path) for ident, path in playbook_ids().items() if ident.startswith(incomplete)]


def complete_journal(ctx: Context, incomplete: str) -> list[CompletionItem]:
    return [CompletionItem(path, help=what) for path, what in journal_files().items() if path.startswith(incomplete)]


def complete_walk_target(ctx: Context, incomplete: str) -> list[CompletionItem]:
    """`playbook walk ID`, or with --resume, a journal."""
    return complete_journal(ctx, incomplete) if ctx.params.get("resume") else complete_playbook_id(ctx, incomplete)


def complete_rule(ctx: Context, incomplete: str) -> list[CompletionItem]:
    from playbook_cli.lint.catalogue import catalogue  # the rules' modules load only when completing

    return [CompletionItem(rule.id, help=rule.summary) for rule in catalogue().values() if rule.id.startswith(incomplete)]


COMPLETERS: dict[tuple[str, str], Callable[[Context, str], list[CompletionItem]]] = {
    ("walk", "targets"): complete_walk_target,
    ("report", "journal"): complete_journal,
    ("lint", "ignore"): complete_rule,
}
