"""`playbook walk`: parse the options, start or resume a session, print its summary."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from playbook_cli.cli.common import environment, parse_instant
from playbook_cli.core.errors import UsageError
from playbook_cli.lint.runner import load_playbook
from playbook_cli.walk.answers import load_answers
from playbook_cli.walk.session import EndedWalk, NewWalk, resume_walk, start_walk, walk_summary


def parse_sets(values: list[str] | None) -> dict[str, str]:
    preset = {}
    for item in values or ():
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise UsageError(f"--set {item!r}: write --set NAME=VALUE, e.g. --set ticket=CS-12")
        preset[name.strip()] = value
    return preset


def walk(
    ctx: typer.Context,
    playbook: Annotated[str | None, typer.Argument(metavar="[PLAYBOOK]", help="The playbook to walk (optional with --resume).")] = None,
    set_: Annotated[
        list[str] | None, typer.Option("--set", metavar="NAME=VALUE", help="Pre-fill an input: NAME=VALUE (repeatable).")
    ] = None,
    answers: Annotated[str | None, typer.Option("--answers", metavar="FILE", help="Walk with the answers in this file (scripted).")] = None,
    lang: Annotated[str | None, typer.Option("--lang", metavar="CODE", help="Language code (default: the playbook's first).")] = None,
    opened_at: Annotated[
        str | None,
        typer.Option("--opened-at", metavar="TIME", help="When the case was opened, ISO-8601 (default: now). SLA clocks run from here."),
    ] = None,
    journal: Annotated[
        str | None,
        typer.Option("--journal", metavar="PATH", help="Where to write the journal (default: .playbook/journal/<id>-<time>.jsonl)."),
    ] = None,
    resume: Annotated[str | None, typer.Option("--resume", metavar="JOURNAL", help="Go on with the walk recorded in this journal.")] = None,
    channel: Annotated[
        str | None, typer.Option("--channel", metavar="NAME", help="Show the replies written for this channel (e.g. email, chat).")
    ] = None,
) -> None:
    """Walk a playbook step by step during an incident, journaling every decision.

    Interactive on a terminal; scripted with --answers FILE or when stdin is not a
    terminal (one answer per line). At a prompt: b goes back, n adds a note, s shows the
    SLA clocks, q (or Ctrl-C) pauses. Exit 0 at an end, 2 on bad input or when the
    answers run out, 130 when paused; resume with --resume JOURNAL.
    """
    from rich.text import Text  # lazy: rich is heavy

    env = environment(ctx)
    terminal = env.walk_terminal()
    scripted = load_answers(answers) if answers else None
    interactive = scripted is None and env.stdin_is_terminal
    stream = iter(scripted.answers) if scripted else (None if interactive else iter(env.read_stdin_lines()))

    if resume:
        given = [
            flag
            for flag, value in (
                ("--set", set_),
                ("--lang", lang),
                ("--opened-at", opened_at),
                ("--journal", journal),
                ("--channel", channel),
            )
            if value
        ]
        if given:
            raise UsageError(f"{', '.join(given)} cannot be used with --resume: the journal already records them")
        resumed = resume_walk(resume, playbook, load_playbook, terminal, env.now, stream)
        if isinstance(resumed, EndedWalk):
            terminal.show(walk_summary(resumed.playbook, resumed.state, resumed.journal, env.now(), load_playbook))
            terminal.show(Text("This walk had already ended; nothing to resume."))
            return
        session = resumed
    else:
        if not playbook:
            raise UsageError("name the playbook to walk, e.g. playbook walk playbooks/delayed-response.yaml (or --resume JOURNAL)")
        if not Path(playbook).is_file():
            raise UsageError(f"{playbook}: no such file")
        request = NewWalk(
            file=playbook,
            preset={**(scripted.inputs if scripted else {}), **parse_sets(set_)},
            lang=lang,
            channel=channel,
            opened_at=parse_instant(opened_at, "--opened-at", env.now()),
            journal=Path(journal) if journal else None,
            interactive=interactive,
        )
        session = start_walk(load_playbook(playbook), request, terminal, env.now, stream)

    try:
        final = session.run()
    finally:
        session.journal.close()
    env.console().print(walk_summary(session.playbook, final, session.journal.path, env.now(), load_playbook))
