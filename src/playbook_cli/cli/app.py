"""The command line: the only module that parses options, prints and exits.

Exit codes: 0 clean, 1 findings or failures, 2 usage or input errors, 130 interrupted.
"""

from __future__ import annotations

import enum
import os
import sys
from typing import Annotated, Optional

import typer

from playbook_cli import __version__
from playbook_cli.core.errors import InputError, PlaybookError

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130

app = typer.Typer(
    name="playbook",
    help="Lint, walk and render customer-support playbooks (YAML decision trees).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _console(stderr: bool = False):
    """A rich console on stdout or stderr: colour only on a terminal, NO_COLOR honoured."""
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=True)


def _fail(message: str, code: int = EXIT_USAGE) -> typer.Exit:
    from rich.text import Text

    _console(stderr=True).print(Text("playbook: ", style="bold red") + Text(message))
    return typer.Exit(code)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _version(value: bool):
    if value:
        print(f"playbook-cli {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        Optional[bool], typer.Option("--version", "-V", help="Show the version and exit.", callback=_version, is_eager=True)
    ] = None,
):
    """Lint, walk and render customer-support playbooks (YAML decision trees)."""


class LintFormat(str, enum.Enum):
    text = "text"
    json = "json"
    sarif = "sarif"
    github = "github"


@app.command()
def lint(
    paths: Annotated[list[str], typer.Argument(metavar="PATH...", help="Playbook files, or directories searched for *.yaml / *.yml.")],
    format: Annotated[LintFormat, typer.Option("--format", "-f", help="Output format.")] = LintFormat.text,
    strict: Annotated[bool, typer.Option("--strict", help="Fail (exit 1) on warnings too.")] = False,
    ignore: Annotated[
        Optional[list[str]], typer.Option("--ignore", metavar="RULE", help="Skip this rule id (repeatable); see `playbook rules`.")
    ] = None,
):
    """Check playbooks against the schema and the decision-tree rules.

    Exit 0 when there are no errors (warnings allowed), 1 on errors (or warnings with
    --strict), 2 on usage or input problems.
    """
    from playbook_cli.lint.reporters import formats as lint_formats
    from playbook_cli.lint.runner import lint_paths

    ignored = frozenset(ignore or ())
    unknown = sorted(ignored - set(lint_formats.rule_catalogue()))
    if unknown:
        raise _fail(f"--ignore: unknown rule {', '.join(unknown)}; `playbook rules` lists them")
    try:
        result = lint_paths(paths, ignored)
    except InputError as exc:
        raise _fail(str(exc))

    if format is LintFormat.text:
        console = _console()
        for line in lint_formats.as_text(result):
            console.print(line)
    else:
        render = {LintFormat.json: lint_formats.as_json, LintFormat.sarif: lint_formats.as_sarif, LintFormat.github: lint_formats.as_github}
        output = render[format](result)
        if output:
            sys.stdout.write(output + "\n")
    failed = result.errors > 0 or (strict and result.warnings > 0)
    raise typer.Exit(EXIT_FINDINGS if failed else EXIT_OK)


@app.command()
def rules():
    """List every lint rule: its id, default severity and what it checks."""
    from rich.table import Table

    from playbook_cli.lint.reporters.formats import rule_catalogue

    table = Table("rule", "severity", "checks", box=None, show_edge=False)
    for rule_id, (severity, text) in rule_catalogue().items():
        table.add_row(rule_id, severity, text)
    _console().print(table)


@app.command()
def schema():
    """Print the playbook JSON Schema (draft 2020-12), e.g. for editors."""
    from playbook_cli.core.schema import schema_text

    sys.stdout.write(schema_text())



def _parse_sets(values: list[str] | None) -> dict[str, str]:
    preset = {}
    for item in values or ():
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise _fail(f"--set {item!r}: write --set NAME=VALUE, e.g. --set ticket=CS-12")
        preset[name.strip()] = value
    return preset


def _parse_opened_at(value: str | None):
    from datetime import datetime, timezone

    if value is None:
        return datetime.now(timezone.utc)
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise _fail(f"--opened-at {value!r} is not an ISO-8601 time; write e.g. 2026-11-22T09:30:00+07:00 or 2026-11-22T02:30Z")
    return moment.astimezone(timezone.utc) if moment.tzinfo else moment.astimezone().astimezone(timezone.utc)


def _load_for_use(path: str):
    """A playbook for walk/test/render; lint errors are shown and exit 2."""
    from playbook_cli.core.errors import InvalidPlaybookError
    from playbook_cli.core.model import load_playbook

    try:
        return load_playbook(path)
    except InvalidPlaybookError as exc:
        from rich.text import Text

        console = _console(stderr=True)
        console.print(Text(f"playbook: {path} has errors; fix them first (`playbook lint {path}`):", style="bold red"))
        for finding in exc.findings[:10]:
            console.print(Text("  " + finding.describe()))
        if len(exc.findings) > 10:
            console.print(Text(f"  ... and {len(exc.findings) - 10} more"))
        raise typer.Exit(EXIT_USAGE)


def _stdin_answers():
    return iter([line.strip() for line in sys.stdin.read().splitlines() if line.strip()])


@app.command()
def walk(
    playbook: Annotated[Optional[str], typer.Argument(metavar="[PLAYBOOK]", help="The playbook to walk (optional with --resume).")] = None,
    set_: Annotated[Optional[list[str]], typer.Option("--set", metavar="NAME=VALUE", help="Pre-fill an input: NAME=VALUE (repeatable).")] = None,
    answers: Annotated[Optional[str], typer.Option("--answers", metavar="FILE", help="Walk with the answers in this file (scripted).")] = None,
    lang: Annotated[Optional[str], typer.Option("--lang", metavar="CODE", help="Language code (default: the playbook's first).")] = None,
    opened_at: Annotated[Optional[str], typer.Option("--opened-at", metavar="TIME", help="When the case was opened, ISO-8601 (default: now). SLA clocks run from here.")] = None,
    journal: Annotated[Optional[str], typer.Option("--journal", metavar="PATH", help="Where to write the journal (default: .playbook/journal/<id>-<time>.jsonl).")] = None,
    resume: Annotated[Optional[str], typer.Option("--resume", metavar="JOURNAL", help="Go on with the walk recorded in this journal.")] = None,
):
    """Walk a playbook step by step during an incident, journaling every decision.

    Interactive on a terminal; scripted with --answers FILE or when stdin is not a
    terminal (one answer per line). At a prompt: b goes back, n adds a note, s shows the
    SLA clocks, q (or Ctrl-C) pauses. Exit 0 at an end, 2 on bad input or when the
    answers run out, 130 when paused; resume with --resume JOURNAL.
    """
    from rich.text import Text

    from playbook_cli.walk.answers import load_answers
    from playbook_cli.core.errors import Interrupted, WalkError
    from playbook_cli.walk.session import ConsoleTerminal

    console, errors = _console(), _console(stderr=True)
    terminal = ConsoleTerminal(console, errors)
    try:
        scripted = load_answers(answers) if answers else None
    except InputError as exc:
        raise _fail(str(exc))
    interactive = scripted is None and sys.stdin.isatty()
    answer_stream = iter(scripted.answers) if scripted else (None if interactive else _stdin_answers())

    if resume:
        given = [flag for flag, value in (("--set", set_), ("--lang", lang), ("--opened-at", opened_at), ("--journal", journal)) if value]
        if given:
            raise _fail(f"{', '.join(given)} cannot be used with --resume: the journal already records them")
        session = _resumed_session(resume, playbook, terminal, answer_stream)
    else:
        session = _new_session(playbook, terminal, answer_stream, scripted, interactive, _parse_sets(set_), lang, opened_at, journal)

    resume_hint = f"playbook walk --resume {session.journal.path}"
    try:
        final = session.run()
    except Interrupted as exc:
        errors.print(Text("\n" + str(exc)))
        errors.print(Text("Resume with: ", style="bold") + Text(resume_hint))
        raise typer.Exit(EXIT_INTERRUPTED)
    except WalkError as exc:
        errors.print(Text("playbook: ", style="bold red") + Text(str(exc)))
        errors.print(Text("Resume with: ", style="bold") + Text(resume_hint))
        raise typer.Exit(EXIT_USAGE)
    finally:
        session.journal.close()
    _print_summary(console.print, session.playbook, final, session.journal.path, session.now())
    raise typer.Exit(EXIT_OK)


def _now():
    from datetime import datetime, timezone

    return datetime.now(timezone.utc)


def _print_summary(show, loaded, state, journal_path, now) -> None:
    from playbook_cli.walk.sla import clock_statuses
    from playbook_cli.walk.session import handoff_command
    from playbook_cli.walk.view import summary

    show(summary(loaded, state, clock_statuses(loaded, state, now), str(journal_path), handoff_command(loaded, state)))


def _new_session(playbook, terminal, answer_stream, scripted, interactive, preset, lang, opened_at, journal):
    """Ask or check the inputs, open a new journal and record the start of the walk."""
    from pathlib import Path

    from rich.text import Text

    from playbook_cli.walk import state as engine
    from playbook_cli.core.inputs import check_known, resolve_inputs
    from playbook_cli.walk.journal import JournalWriter, default_journal_path
    from playbook_cli.walk.session import WalkSession, ask_inputs

    if not playbook:
        raise _fail("name the playbook to walk, e.g. playbook walk playbooks/delayed-response.yaml (or --resume JOURNAL)")
    if not Path(playbook).is_file():
        raise _fail(f"{playbook}: no such file")
    loaded = _load_for_use(playbook)
    if lang is not None and loaded.languages and lang not in loaded.languages:
        raise _fail(f"--lang {lang}: {playbook} is written in {', '.join(loaded.languages)}")
    walk_lang = lang or loaded.default_language
    opened = _parse_opened_at(opened_at)
    given = {**(scripted.inputs if scripted else {}), **preset}
    try:
        if interactive:
            check_known(loaded, given)  # before asking anything
            terminal.show(Text(loaded.title.get(walk_lang, loaded.default_language), style="bold"))
            given = ask_inputs(loaded, given, terminal, walk_lang)
        values = resolve_inputs(loaded, given, walk_lang)
    except InputError as exc:
        raise _fail(str(exc))
    except (KeyboardInterrupt, EOFError):
        raise _fail("interrupted before the walk began; nothing was recorded", EXIT_INTERRUPTED)

    journal_path = Path(journal) if journal else default_journal_path(loaded.id, _now())
    if journal_path.exists() and journal_path.stat().st_size > 0:
        raise _fail(f"{journal_path} already holds a walk; resume it with --resume {journal_path}, or choose another --journal")
    try:
        writer = JournalWriter(journal_path)
    except OSError as exc:
        raise _fail(f"{journal_path}: cannot write the journal: {exc.strerror or exc}")
    terminal.show(Text("Journal: ", style="dim") + Text(str(journal_path), style="bold"))
    session = WalkSession(loaded, None, writer, terminal, _now, answer_stream)
    session.record(engine.begin(loaded, file=playbook, inputs=values, lang=walk_lang, opened_at=opened, at=_now()))
    return session


def _recorded_playbook(journal: str, start: dict, given: str | None, how_to_pass: str) -> str:
    """The playbook a journal was recorded with: the one given, else its path as typed, else absolute."""
    from pathlib import Path

    candidates = [given] if given else [start.get("file", ""), start.get("path", "")]
    path = next((c for c in candidates if c and Path(c).is_file()), None)
    if path is None:
        raise _fail(f"{journal}: the playbook {candidates[0]!r} it was recorded with is not there; {how_to_pass}")
    return path


def _resumed_session(resume, playbook, terminal, answer_stream):
    """Replay a journal into the state it records, and reopen it for appending."""
    from pathlib import Path

    from rich.text import Text

    from playbook_cli.walk import state as engine
    from playbook_cli.core.errors import WalkError
    from playbook_cli.walk.journal import JournalWriter, read_journal, set_aside_torn_tail
    from playbook_cli.walk.session import WalkSession

    try:
        events, warnings = read_journal(Path(resume))
    except WalkError as exc:
        raise _fail(str(exc))
    start = events[0]
    if start.get("event") != "start":
        raise _fail(f"{resume}:1: the journal does not begin with a start event")
    path = _recorded_playbook(resume, start, playbook, f"pass it: playbook walk PLAYBOOK --resume {resume}")
    loaded = _load_for_use(path)
    for warning in warnings:
        terminal.warn(warning)
    changed = loaded.sha256 != start.get("sha256")
    if changed:
        terminal.warn(f"{path} changed since this walk was recorded; going on where the recorded path still fits")
    try:
        state = engine.replay(loaded, events)
    except WalkError as exc:
        raise _fail(f"{resume}: {exc}")
    journal_path = Path(resume)
    if state.ended:
        _print_summary(terminal.show, loaded, state, journal_path, _now())
        terminal.show(Text("This walk had already ended; nothing to resume."))
        raise typer.Exit(EXIT_OK)
    aside = set_aside_torn_tail(journal_path)
    if aside:
        terminal.warn(f"the torn last line was moved to {aside}")
    writer = JournalWriter(journal_path)
    terminal.show(Text("Resuming ") + Text(str(journal_path), style="bold") + Text(f" at step {len(state.path)} ({state.current.node})"))
    session = WalkSession(loaded, state, writer, terminal, _now, answer_stream)
    session.record(engine.resume(loaded, state, _now(), changed))
    return session


class TestFormat(str, enum.Enum):
    text = "text"
    json = "json"


@app.command("test")
def test_command(
    paths: Annotated[list[str], typer.Argument(metavar="PATH...", help="Playbook files, or directories searched for *.yaml / *.yml.")],
    min_coverage: Annotated[
        Optional[float], typer.Option("--min-coverage", min=0, max=100, metavar="PERCENT", help="Fail when a playbook's node or choice coverage is below this percentage.")
    ] = None,
    format: Annotated[TestFormat, typer.Option("--format", "-f", help="Output format.")] = TestFormat.text,
):
    """Run the scenarios recorded in playbooks and report node and choice coverage.

    Exit 0 when every scenario passes (and coverage is met), 1 otherwise, 2 on usage or
    input errors (including a playbook with lint errors).
    """
    import json

    from rich.text import Text

    from playbook_cli.lint.runner import discover
    from playbook_cli.core.text_safety import safe_text
    from playbook_cli.scenarios import Coverage, test_playbook

    try:
        files = discover(paths)
    except InputError as exc:
        raise _fail(str(exc))
    reports = [test_playbook(_load_for_use(file)) for file in files]
    total = sum((r.coverage for r in reports), Coverage(0, 0, 0, 0))
    results = [result for report in reports for result in report.results]
    failures = [result for result in results if not result.passed]
    below = [
        report for report in reports
        if min_coverage is not None and min(report.coverage.nodes_percent, report.coverage.choices_percent) < min_coverage
    ]

    if format is TestFormat.json:
        sys.stdout.write(json.dumps({
            "playbooks": [
                {
                    "file": r.playbook.path,
                    "id": r.playbook.id,
                    "scenarios": [
                        {"name": s.name, "passed": s.passed, "expected": s.expected, "reached": s.reached, "path": list(s.path), "problem": s.problem}
                        for s in r.results
                    ],
                    "coverage": {"nodes": round(r.coverage.nodes_percent, 1), "choices": round(r.coverage.choices_percent, 1)},
                    "missed": list(r.missed),
                }
                for r in reports
            ],
            "scenarios": len(results),
            "passed": len(results) - len(failures),
            "failed": len(failures),
            "coverage": {"nodes": round(total.nodes_percent, 1), "choices": round(total.choices_percent, 1)},
        }, ensure_ascii=False, indent=2) + "\n")
    else:
        console = _console()
        for report in reports:
            console.print(Text(report.playbook.path, style="bold underline"))
            if not report.results:
                console.print(Text("  no scenarios", style="yellow"))
            for result in report.results:
                if result.passed:
                    console.print(Text("  ✔ ", style="green") + safe_text(result.name))
                    continue
                line = Text("  ✖ ", style="bold red") + safe_text(result.name, "bold") + Text(": ")
                line += safe_text(f"{result.problem}; expected end {result.expected}, reached {result.reached or 'nothing'}")
                console.print(line)
                console.print(Text("      path: ", style="dim") + safe_text(" → ".join(result.path) or "(none)"))
            cov = report.coverage
            style = "red" if report in below else "dim"
            console.print(Text(
                f"  coverage: nodes {cov.nodes_visited}/{cov.nodes_total} ({cov.nodes_percent:.0f}%), "
                f"choices {cov.choices_visited}/{cov.choices_total} ({cov.choices_percent:.0f}%)", style=style))
            if report.missed and (min_coverage is not None or cov.nodes_percent < 100 or cov.choices_percent < 100):
                console.print(Text("  not visited: ", style="dim") + safe_text(", ".join(report.missed)))
        summary = Text("✔ " if not failures and not below else "✖ ", style="bold green" if not failures and not below else "bold red")
        summary.append(
            f"{_plural(len(results), 'scenario')} in {_plural(len(reports), 'playbook')}: "
            f"{len(results) - len(failures)} passed, {len(failures)} failed; "
            f"coverage nodes {total.nodes_percent:.1f}%, choices {total.choices_percent:.1f}%"
        )
        if below:
            summary.append(f"; {len(below)} playbook(s) below --min-coverage {min_coverage:g}%")
        console.print(summary)
    raise typer.Exit(EXIT_FINDINGS if failures or below else EXIT_OK)


class RenderFormat(str, enum.Enum):
    md = "md"
    html = "html"
    pdf = "pdf"


def _languages(loaded, lang: str | None) -> list:
    if lang == "all":
        return list(loaded.languages) or [None]
    if lang is not None and loaded.languages and lang not in loaded.languages:
        raise _fail(f"--lang {lang}: {loaded.path} is written in {', '.join(loaded.languages)}")
    return [lang or loaded.default_language]


def _write(path, content: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")


@app.command()
def render(
    paths: Annotated[list[str], typer.Argument(metavar="PATH...", help="Playbook files, or directories searched for *.yaml / *.yml.")],
    format: Annotated[RenderFormat, typer.Option("--format", "-f", help="Output format.")] = RenderFormat.md,
    out: Annotated[Optional[str], typer.Option("--out", "-o", metavar="DIR", help="Output directory (required for several files; default for pdf: .).")] = None,
    lang: Annotated[Optional[str], typer.Option("--lang", metavar="CODE", help="Language code, or 'all' for one file per language.")] = None,
    templates: Annotated[Optional[str], typer.Option("--templates", metavar="DIR", help="Directory of templates overriding the built-in ones by name.")] = None,
):
    """Render playbooks to printable runbooks (Markdown, HTML or PDF), with an index.

    One playbook without --out goes to stdout (md, html). Several playbooks, or a
    directory, write <id>.<format> files and an index into --out.
    """
    from pathlib import Path

    from playbook_cli.lint.runner import discover
    from playbook_cli.render.jinja import RenderError
    from playbook_cli.render.jinja import render as render_template
    from playbook_cli.render.runbook import index_context, index_entry, runbook_context

    try:
        files = discover(paths)
    except InputError as exc:
        raise _fail(str(exc))
    playbooks = [_load_for_use(file) for file in files]
    jobs = [(pb, code) for pb in playbooks for code in _languages(pb, lang)]
    several = len(files) > 1 or any(Path(p).is_dir() for p in paths)
    to_stdout = out is None and not several and len(jobs) == 1 and format is not RenderFormat.pdf
    if out is None and not to_stdout:
        if format is RenderFormat.pdf and not several and len(jobs) == 1:
            out = "."
        else:
            raise _fail("rendering several files needs --out DIR")
    kind = "md" if format is RenderFormat.md else "html"
    per_language = lang == "all"

    def name(stem: str, code) -> str:
        suffix = f".{code}" if per_language and code else ""
        return f"{stem}{suffix}.{format.value}"

    def runbook(pb, code) -> str:
        context = runbook_context(pb, code, diagram="svg" if kind == "html" else None)
        return render_template(kind, f"runbook.{kind}.j2", context, templates)

    written = []
    try:
        if to_stdout:
            sys.stdout.write(runbook(*jobs[0]))
            raise typer.Exit(EXIT_OK)
        out_dir = Path(out)
        with _progress(len(jobs)) as progress:
            task = progress.add_task("rendering", total=len(jobs))
            for pb, code in jobs:
                written.append(_emit(kind, format, runbook(pb, code), out_dir / name(pb.id, code)))
                progress.advance(task)
        if several:
            for code in dict.fromkeys(code for _, code in jobs):
                entries = [index_entry(pb, code, name(pb.id, c)) for pb, c in jobs if c == code]
                index = render_template(kind, f"index.{kind}.j2", index_context(entries, code), templates)
                written.append(_emit(kind, format, index, out_dir / name("index", code)))
    except RenderError as exc:
        raise _fail(str(exc))
    from rich.text import Text

    console = _console(stderr=True)
    for path in written:
        console.print(Text("wrote ", style="dim") + Text(str(path)))


def _emit(kind: str, format, content: str, path):
    if format is RenderFormat.pdf:
        from playbook_cli.render.pdf import write_pdf

        path.parent.mkdir(parents=True, exist_ok=True)
        write_pdf(content, path)
    else:
        _write(path, content)
    return path


def _progress(total: int):
    """A progress bar on stderr when rendering many files on a terminal; silent otherwise."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    console = _console(stderr=True)
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), console=console, transient=True, disable=total < 2 or not console.is_terminal)


class GraphFormat(str, enum.Enum):
    mermaid = "mermaid"
    dot = "dot"


@app.command()
def graph(
    playbook: Annotated[str, typer.Argument(metavar="PLAYBOOK", help="The playbook to draw.")],
    format: Annotated[GraphFormat, typer.Option("--format", "-f", help="mermaid or dot (Graphviz).")] = GraphFormat.mermaid,
    lang: Annotated[Optional[str], typer.Option("--lang", metavar="CODE", help="Language code (default: the playbook's first).")] = None,
):
    """Print the decision tree as a Mermaid flowchart or Graphviz DOT."""
    from pathlib import Path

    from playbook_cli.render import flowchart

    if not Path(playbook).is_file():
        raise _fail(f"{playbook}: no such file")
    loaded = _load_for_use(playbook)
    [code] = _languages(loaded, lang if lang != "all" else None)
    text = flowchart.mermaid(loaded, code) if format is GraphFormat.mermaid else flowchart.dot(loaded, code)
    sys.stdout.write(text.rstrip("\n") + "\n")


@app.command()
def report(
    journal: Annotated[str, typer.Argument(metavar="JOURNAL", help="A walk journal (.jsonl).")],
    format: Annotated[RenderFormat, typer.Option("--format", "-f", help="md, html or pdf.")] = RenderFormat.md,
    out: Annotated[Optional[str], typer.Option("--out", "-o", metavar="FILE", help="Output file (default: stdout; required for pdf).")] = None,
    playbook: Annotated[Optional[str], typer.Option("--playbook", metavar="PLAYBOOK", help="The playbook walked (default: the one the journal names).")] = None,
    templates: Annotated[Optional[str], typer.Option("--templates", metavar="DIR", help="Directory of templates overriding the built-in ones by name.")] = None,
):
    """Turn a walk journal into an incident report: timeline, answers, notes, replies, SLA, outcome."""
    from pathlib import Path

    from rich.text import Text

    from playbook_cli.core.errors import WalkError
    from playbook_cli.render.report import report_context
    from playbook_cli.walk.journal import read_journal
    from playbook_cli.render.jinja import RenderError
    from playbook_cli.render.jinja import render as render_template

    try:
        events, warnings = read_journal(Path(journal))
    except WalkError as exc:
        raise _fail(str(exc))
    for warning in warnings:
        _console(stderr=True).print(Text("! ", style="bold yellow") + Text(warning))
    path = _recorded_playbook(journal, events[0], playbook, "pass it with --playbook PATH")
    loaded = _load_for_use(path)
    kind = "md" if format is RenderFormat.md else "html"
    if format is RenderFormat.pdf and out is None:
        raise _fail("--format pdf needs --out FILE")
    try:
        context = report_context(loaded, events, journal)
        content = render_template(kind, f"report.{kind}.j2", context, templates)
        if out is None:
            sys.stdout.write(content)
        else:
            _emit(kind, format, content, Path(out))
    except (WalkError, RenderError) as exc:
        raise _fail(f"{journal}: {exc}")


def run() -> None:
    """Run the app; turn stray errors into one clear line instead of a traceback."""
    if os.environ.get("PLAYBOOK_DEBUG"):
        app()
        return
    try:
        app(standalone_mode=True)
    except KeyboardInterrupt:
        print("\ninterrupted", file=sys.stderr)
        sys.exit(EXIT_INTERRUPTED)
    except BrokenPipeError:
        # The reader went away (`playbook render x | head`): not an error worth a message.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(EXIT_OK)
    except PlaybookError as exc:
        print(f"playbook: {exc}", file=sys.stderr)
        sys.exit(EXIT_USAGE)
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"playbook: {where}{exc.strerror or exc}", file=sys.stderr)
        sys.exit(EXIT_USAGE)
    except Exception as exc:  # a bug: one clear line, the traceback only on request
        print(
            f"playbook: internal error: {type(exc).__name__}: {exc}\n"
            "This is a bug in playbook-cli; run again with PLAYBOOK_DEBUG=1 for the traceback and report it.",
            file=sys.stderr,
        )
        sys.exit(EXIT_USAGE)
