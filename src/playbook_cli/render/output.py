"""Writing rendered pages: Markdown and HTML as text, PDF through WeasyPrint.

Every output is written whole or not at all: the bytes go to a temporary file beside the
target, which is then renamed over it (`os.replace`), so an interrupted render never
leaves half a page. A symbolic link at the target is refused, never written through: a
page rendered into an output directory stays inside it, and a file named with `-o FILE`
is replaced only when it is a regular file. A failed write names the file.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from enum import StrEnum
from pathlib import Path

from playbook_cli.core.errors import RenderError
from playbook_cli.render.pdf import pdf_bytes


class OutputFormat(StrEnum):
    MD = "md"
    HTML = "html"
    PDF = "pdf"

    @property
    def template_kind(self) -> str:
        """The templates a format is made from: PDF is printed from the HTML."""
        return "md" if self is OutputFormat.MD else "html"


def write_output(format: OutputFormat, content: str, path: Path, *, within: Path | None = None) -> Path:
    """Write `content` (HTML for PDF) to `path` atomically; with `within`, `path` must stay inside that directory.

    Raises RenderError naming the file when the target is a symbolic link, lies outside
    `within`, or cannot be written (a full disk, no permission).
    """
    data = pdf_bytes(content) if format is OutputFormat.PDF else content.encode("utf-8")
    return write_bytes(data, path, within=within)


def write_bytes(data: bytes, path: Path, *, within: Path | None = None) -> Path:
    """`data` to `path` through a temporary file in the same directory and a rename."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise RenderError(f"{path}: cannot write: {_reason(exc)}") from None
    _refuse_unsafe_target(path, within)
    mode = _mode_for(path)
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise RenderError(f"{path}: cannot write: {_reason(exc)}") from None
    try:
        try:
            _write_all(fd, data)
            os.fchmod(fd, mode)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp, path)
    except OSError as exc:
        _remove(temp)
        raise RenderError(f"{path}: cannot write: {_reason(exc)}") from None
    except BaseException:
        _remove(temp)
        raise
    return path


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _refuse_unsafe_target(path: Path, within: Path | None) -> None:
    if path.is_symlink():
        where = f"in {within}" if within is not None else "there"
        raise RenderError(
            f"{path}: is a symbolic link; refusing to write through it",
            hint=f"remove the link {where}, or write to another place",
        )
    if within is not None:
        root = within.resolve()
        parent = path.parent.resolve()
        if parent != root and root not in parent.parents:
            raise RenderError(f"{path}: would be written outside the output directory {within} (it resolves to {parent}); refusing")


def _mode_for(path: Path) -> int:
    """The permissions the file would get from a plain open(): an existing file's, else 0o666 less the umask."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _remove(temp: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(temp)


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)
