"""`playbook render` (runbooks and an index) and `playbook graph` (the decision tree)."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from playbook_cli.cli.common import environment, languages
from playbook_cli.core.errors import UsageError
from playbook_cli.core.model import Playbook
from playbook_cli.lint.runner import discover, load_playbook
from playbook_cli.render import flowchart
from playbook_cli.render.jinja import render as render_template
from playbook_cli.render.output import OutputFormat, write_output
from playbook_cli.render.runbook import index_context, index_entry, runbook_context

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress


def _progress(console: Console, total: int) -> AbstractContextManager[Progress]:
    """A progress bar on stderr when rendering many files on a terminal; silent otherwise."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn  # lazy: rich is heavy

    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=console,
        transient=True,
        disable=total < 2 or not console.is_terminal,
    )


def render(
    ctx: typer.Context,
    paths: Annotated[list[str], typer.Argument(metavar="PATH...", help="Playbook files, or directories searched for *.yaml / *.yml.")],
    format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.MD,
    out: Annotated[
        str | None, typer.Option("--out", "-o", metavar="DIR", help="Output directory (required for several files; default for pdf: .).")
    ] = None,
    lang: Annotated[str | None, typer.Option("--lang", metavar="CODE", help="Language code, or 'all' for one file per language.")] = None,
    templates: Annotated[
        str | None, typer.Option("--templates", metavar="DIR", help="Directory of templates overriding the built-in ones by name.")
    ] = None,
) -> None:
    """Render playbooks to printable runbooks (Markdown, HTML or PDF), with an index.

    One playbook without --out goes to stdout (md, html). Several playbooks, or a
    directory, write <id>.<format> files and an index into --out.
    """
    from rich.text import Text  # lazy: heavy, kept off start-up

    env = environment(ctx)
    files = _unique(discover(paths))
    several = len(files) > 1 or any(Path(p).is_dir() for p in paths)
    if out is None and several:
        raise UsageError("rendering several files needs --out DIR")
    playbooks = [load_playbook(file) for file in files]
    jobs = [(pb, code) for pb in playbooks for code in languages(pb, lang)]
    to_stdout = out is None and not several and len(jobs) == 1 and format is not OutputFormat.PDF
    if out is None and not to_stdout:
        if format is OutputFormat.PDF and len(jobs) == 1:
            out = "."
        else:
            raise UsageError("rendering several files needs --out DIR")
    kind = format.template_kind
    per_language = lang == "all"
    # One index per language: named by language when there are several (playbooks may differ in their default).
    index_per_language = per_language or len({code for _, code in jobs}) > 1

    def name(stem: str, code: str | None, by_language: bool = per_language) -> str:
        suffix = f".{code}" if by_language and code else ""
        return f"{stem}{suffix}.{format.value}"

    def runbook(pb: Playbook, code: str | None) -> str:
        context = runbook_context(pb, code, diagram="svg" if kind == "html" else None)
        return render_template(kind, f"runbook.{kind}.j2", context, templates)

    if to_stdout:
        env.stdout.write(runbook(*jobs[0]))
        return
    out_dir = Path(out or ".")
    codes = list(dict.fromkeys(code for _, code in jobs))
    _refuse_clashes(jobs, name, [name("index", code, index_per_language) for code in codes] if several else [])
    written = []
    with _progress(env.error_console(), len(jobs)) as progress:
        task = progress.add_task("rendering", total=len(jobs))
        for pb, code in jobs:
            written.append(write_output(format, runbook(pb, code), out_dir / name(pb.id, code), within=out_dir))
            progress.advance(task)
    if several:
        for code in codes:
            entries = [index_entry(pb, code, name(pb.id, c)) for pb, c in jobs if c == code]
            index = render_template(kind, f"index.{kind}.j2", index_context(entries, code), templates)
            written.append(write_output(format, index, out_dir / name("index", code, index_per_language), within=out_dir))
    console = env.error_console()
    for path in written:
        console.print(Text.assemble(("wrote ", "dim"), str(path)))


def _unique(files: list[str]) -> list[str]:
    """The files in order, each once however it was named (`p.yaml`, `./p.yaml`, inside a directory given too)."""
    seen: dict[Path, str] = {}
    for file in files:
        seen.setdefault(Path(file).resolve(), file)
    return list(seen.values())


def _refuse_clashes(jobs: list[tuple[Playbook, str | None]], name: Callable[[str, str | None], str], indexes: list[str]) -> None:
    """Refuse, naming the files, two playbooks that would write one page (the same id) or a page named like an index."""
    pages: dict[str, Playbook] = {}
    for pb, code in jobs:
        page = name(pb.id, code)
        first = pages.setdefault(page, pb)
        if first is not pb:
            raise UsageError(
                f"{first.path} and {pb.path} both have the id {pb.id!r}, so both would be written to {page}; "
                "give each playbook its own id (`playbook lint` reports duplicate ids)"
            )
    for index in indexes:
        if index in pages:
            raise UsageError(
                f"{pages[index].path}: its page {index} would be overwritten by the index page of the same name; rename its id"
            )


class GraphFormat(StrEnum):
    MERMAID = "mermaid"
    DOT = "dot"


def graph(
    ctx: typer.Context,
    playbook: Annotated[str, typer.Argument(metavar="PLAYBOOK", help="The playbook to draw.")],
    format: Annotated[GraphFormat, typer.Option("--format", "-f", help="mermaid or dot (Graphviz).")] = GraphFormat.MERMAID,
    lang: Annotated[str | None, typer.Option("--lang", metavar="CODE", help="Language code (default: the playbook's first).")] = None,
) -> None:
    """Print the decision tree as a Mermaid flowchart or Graphviz DOT."""
    if not Path(playbook).is_file():
        raise UsageError(f"{playbook}: no such file")
    loaded = load_playbook(playbook)
    [code] = languages(loaded, lang if lang != "all" else None)
    text = flowchart.mermaid(loaded, code) if format is GraphFormat.MERMAID else flowchart.dot(loaded, code)
    environment(ctx).stdout.write(text.rstrip("\n") + "\n")
