"""`playbook render` (runbooks and an index) and `playbook graph` (the decision tree)."""

from __future__ import annotations

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
    files = discover(paths)
    playbooks = [load_playbook(file) for file in files]
    jobs = [(pb, code) for pb in playbooks for code in languages(pb, lang)]
    several = len(files) > 1 or any(Path(p).is_dir() for p in paths)
    to_stdout = out is None and not several and len(jobs) == 1 and format is not OutputFormat.PDF
    if out is None and not to_stdout:
        if format is OutputFormat.PDF and not several and len(jobs) == 1:
            out = "."
        else:
            raise UsageError("rendering several files needs --out DIR")
    kind = format.template_kind
    per_language = lang == "all"

    def name(stem: str, code: str | None) -> str:
        suffix = f".{code}" if per_language and code else ""
        return f"{stem}{suffix}.{format.value}"

    def runbook(pb: Playbook, code: str | None) -> str:
        context = runbook_context(pb, code, diagram="svg" if kind == "html" else None)
        return render_template(kind, f"runbook.{kind}.j2", context, templates)

    if to_stdout:
        env.stdout.write(runbook(*jobs[0]))
        return
    out_dir = Path(out or ".")
    written = []
    with _progress(env.error_console(), len(jobs)) as progress:
        task = progress.add_task("rendering", total=len(jobs))
        for pb, code in jobs:
            written.append(write_output(format, runbook(pb, code), out_dir / name(pb.id, code)))
            progress.advance(task)
    if several:
        for code in dict.fromkeys(code for _, code in jobs):
            entries = [index_entry(pb, code, name(pb.id, c)) for pb, c in jobs if c == code]
            index = render_template(kind, f"index.{kind}.j2", index_context(entries, code), templates)
            written.append(write_output(format, index, out_dir / name("index", code)))
    console = env.error_console()
    for path in written:
        console.print(Text.assemble(("wrote ", "dim"), str(path)))


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
