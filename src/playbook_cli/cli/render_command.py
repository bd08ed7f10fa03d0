"""`playbook render` (runbooks and an index) and `playbook graph` (the decision tree)."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, BinaryIO

import typer

from playbook_cli.cli.common import environment, languages
from playbook_cli.cli.env import Environment
from playbook_cli.core.errors import UsageError
from playbook_cli.core.model import Playbook
from playbook_cli.lint.runner import discover, load_playbook
from playbook_cli.render import flowchart
from playbook_cli.render.jinja import render as render_template
from playbook_cli.render.output import OutputFormat, write_output
from playbook_cli.render.pdf import pdf_bytes
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
        str | None,
        typer.Option(
            "--out",
            "-o",
            metavar="DIR|FILE",
            help="Output directory (needed for several files), a FILE named like x.pdf for one runbook, or - for stdout.",
        ),
    ] = None,
    lang: Annotated[str | None, typer.Option("--lang", metavar="CODE", help="Language code, or 'all' for one file per language.")] = None,
    templates: Annotated[
        str | None, typer.Option("--templates", metavar="DIR", help="Directory of templates overriding the built-in ones by name.")
    ] = None,
) -> None:
    """Render playbooks to printable runbooks (Markdown, HTML or PDF), with an index.

    One runbook without --out (or with -o -) goes to stdout; a PDF only when stdout is
    not a terminal (pipe it, or name a file with -o FILE). Several playbooks, or a
    directory, write <id>.<format> files and an index into --out; the PDF index is the
    whole library: a table of contents with page numbers, then every runbook.
    """
    from rich.text import Text  # lazy: heavy, kept off start-up

    env = environment(ctx)
    files = _unique(discover(paths))
    several = len(files) > 1 or any(Path(p).is_dir() for p in paths)
    if out is None and several:
        raise UsageError("rendering several files needs --out DIR")
    playbooks = [load_playbook(file) for file in files]
    jobs = [(pb, code) for pb in playbooks for code in languages(pb, lang)]
    single = not several and len(jobs) == 1
    to_stdout = single and out in (None, "-")
    to_file = single and out not in (None, "-") and _names_a_file(Path(str(out)), format)
    if out == "-" and not to_stdout:
        raise UsageError("-o - writes one runbook to stdout; rendering several files needs --out DIR")
    if out is None and not to_stdout:
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
        if format is OutputFormat.PDF:
            stream = _binary_stdout(env)  # refused before the work of printing
            stream.write(pdf_bytes(runbook(*jobs[0])))
            stream.flush()
        else:
            env.stdout.write(runbook(*jobs[0]))
        return
    written = []
    if to_file:
        target = Path(str(out))
        written.append(write_output(format, runbook(*jobs[0]), target))
    else:
        out_dir = Path(out or ".")
        codes = list(dict.fromkeys(code for _, code in jobs))
        _refuse_clashes(jobs, name, [name("index", code, index_per_language) for code in codes] if several else [])
        with _progress(env.error_console(), len(jobs)) as progress:
            task = progress.add_task("rendering", total=len(jobs))
            for pb, code in jobs:
                written.append(write_output(format, runbook(pb, code), out_dir / name(pb.id, code), within=out_dir))
                progress.advance(task)
        if several:
            for code in codes:
                books = [(pb, c) for pb, c in jobs if c == code]
                if format is OutputFormat.PDF:
                    index = _library(books, code, templates)
                else:
                    entries = [index_entry(pb, code, name(pb.id, c)) for pb, c in books]
                    index = render_template(kind, f"index.{kind}.j2", index_context(entries, code), templates)
                written.append(write_output(format, index, out_dir / name("index", code, index_per_language), within=out_dir))
    console = env.error_console()
    for path in written:
        console.print(Text.assemble(("wrote ", "dim"), str(path)))


def _names_a_file(path: Path, format: OutputFormat) -> bool:
    """-o names a file (not a directory) when it ends in the format's suffix and is no directory."""
    return path.suffix.lower() == f".{format.value}" and not path.is_dir()


def _library(books: list[tuple[Playbook, str | None]], code: str | None, templates: str | None) -> str:
    """The library as one HTML page for the PDF: the index with page numbers, then every runbook."""
    entries, parts = [], []
    for pb, c in books:
        anchor = f"book-{pb.id}"
        context = runbook_context(pb, c, diagram="svg", anchor_prefix=f"{pb.id}--")
        context["embedded"] = True
        parts.append({"id": pb.id, "anchor": anchor, "html": render_template("html", "runbook.html.j2", context, templates)})
        entries.append(index_entry(pb, code, f"#{anchor}"))
    return render_template("html", "index.html.j2", index_context(entries, code, books=parts), templates)


def _binary_stdout(env: Environment) -> BinaryIO:
    """Where PDF bytes go on stdout: refused on a terminal (they would garble it), and where stdout takes only text."""
    if env.stdout_is_terminal:
        raise UsageError(
            "refusing to write a PDF to the terminal", hint="name a file with -o FILE (e.g. -o runbook.pdf), or pipe the output"
        )
    buffer = getattr(env.stdout, "buffer", None)
    if buffer is None:
        raise UsageError("stdout takes text only here, not a PDF", hint="name a file with -o FILE (e.g. -o runbook.pdf)")
    env.stdout.flush()  # text written before goes first
    return buffer


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
