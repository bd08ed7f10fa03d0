"""Jinja environments for runbooks and reports, built-in or user templates, always sandboxed.

Playbook text is untrusted, and so are user templates: both run in an
ImmutableSandboxedEnvironment with StrictUndefined.

Escaping is the environment's job, not each template's:
- HTML: autoescaping is on for every template.
- Markdown: `finalize` escapes every `{{ expression }}` for CommonMark, unless the value
  is `MdSafe` (Markdown our own filters built, such as a fenced code block), and keeps it
  on its line (a line break in the text becomes a space), so a value cannot start a
  heading, a list or a table row.
- Both: control characters in playbook text are shown in caret notation (`^[` for ESC),
  and every line separator (CR, VT, FF, NEL, U+2028, U+2029) is a plain line break.
"""

from __future__ import annotations

import re
from pathlib import Path

from playbook_cli.core.errors import RenderError


class MdSafe(str):
    """Markdown that must not be escaped again (built by our own filters)."""


# Inline markup, links ([ ] — so "(" and "!" need nothing), HTML and entities (< > &),
# table cells (|), GFM strikethrough (~).
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")
# At a line start: headings, list bullets, setext underlines, ordered-list numbers.
_MD_LINE_START = re.compile(r"^(\s*)([#+=-]|\d+(?=[.)]))", re.MULTILINE)


# Line separators, all read as "\n": CommonMark ends a line at CR too, and others at VT, FF, NEL, U+2028/9.
_LINE_BREAK = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
# Other control characters: C0 but tab and line feed, DEL, C1 (bidi controls are left to the text).
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def _caret(match: re.Match) -> str:
    code = ord(match.group())
    if code >= 0x80:
        return "M-^" + chr(code - 0x40)  # C1, as `cat -v` shows it: CSI (0x9B) is M-^[
    return "^" + chr(code ^ 0x40)  # caret notation: NUL is ^@, ESC ^[, DEL ^?


def printable(value: object) -> str:
    """`value` as text whose line breaks are all "\n" and whose other control characters are visible."""
    return _CONTROL.sub(_caret, _LINE_BREAK.sub("\n", str(value)))


def md_escape(value: object) -> str:
    """Backslash-escape CommonMark syntax so text cannot become markup, links or HTML.

    Every line separator counts as a line break, so each line's start is escaped too.
    """
    text = _MD_SPECIAL.sub(r"\\\1", printable(value))
    text = _MD_LINE_START.sub(lambda m: m.group(1) + (m.group(2) + "\\" if m.group(2)[0].isdigit() else "\\" + m.group(2)), text)
    return text


def _md_finalize(value):
    if value is None:
        return ""
    if isinstance(value, MdSafe):
        return value
    if isinstance(value, (bool, int, float)):
        return str(value)
    return md_escape(" ".join(printable(value).split("\n")))


def _html_finalize(value):
    if value is None:
        return ""
    if isinstance(value, str):  # Markup too: what printable() puts in has no HTML syntax
        return type(value)(printable(value)) if _LINE_BREAK.search(value) or _CONTROL.search(value) else value
    return value


def code_block(text: object, info: str = "") -> MdSafe:
    """A fenced code block whose fence is longer than any backtick run inside (CommonMark)."""
    text = printable(text)
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return MdSafe(f"{fence}{info}\n{text}\n{fence}")


def code_span(value: object) -> MdSafe:
    """Inline code: backslashes are literal there, so the text is fenced, not escaped."""
    text = " ".join(printable(value).split())
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return MdSafe(f"{fence}{pad}{text}{pad}{fence}")


def oneline(value: object) -> MdSafe:
    """Escaped text on one line, for table cells and list items."""
    return MdSafe(md_escape(" ".join(printable(value).split())))


def md_lines(value: object) -> MdSafe:
    """Escaped text keeping its line breaks (as hard breaks)."""
    return MdSafe("  \n".join(md_escape(line) for line in printable(value).splitlines()))


def _loader(templates_dir: str | None):
    from jinja2 import ChoiceLoader, FileSystemLoader, PackageLoader, PrefixLoader  # lazy: heavy, kept off start-up

    builtin = PackageLoader("playbook_cli.render", "templates")
    loaders = [FileSystemLoader(templates_dir)] if templates_dir else []
    # User templates win by name; "builtin/<name>" always reaches the packaged one.
    return ChoiceLoader([*loaders, PrefixLoader({"builtin": builtin}), builtin])


def environment(kind: str, templates_dir: str | None = None):
    """The sandboxed environment for `kind` ("md" or "html")."""
    from jinja2 import StrictUndefined  # lazy: heavy, kept off start-up
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    if templates_dir is not None and not Path(templates_dir).is_dir():
        raise RenderError(f"--templates {templates_dir}: no such directory")
    env = ImmutableSandboxedEnvironment(
        loader=_loader(templates_dir),
        undefined=StrictUndefined,
        autoescape=(kind == "html"),
        finalize=_md_finalize if kind == "md" else _html_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    if kind == "md":
        env.filters.update(
            md=lambda v: MdSafe(md_escape(v)), code_block=code_block, code_span=code_span, oneline=oneline, md_lines=md_lines
        )
    return env


def render(kind: str, name: str, context: dict, templates_dir: str | None = None) -> str:
    """Render template `name` (e.g. "runbook.html.j2"); template problems become RenderError."""
    from jinja2 import TemplateError, TemplateNotFound, TemplateSyntaxError  # lazy: heavy, kept off start-up
    from jinja2.exceptions import SecurityError

    env = environment(kind, templates_dir)
    try:
        return env.get_template(name).render(**context)
    except TemplateNotFound as exc:
        raise RenderError(f"template {exc.name!r} not found (in {templates_dir or 'the built-in templates'})") from None
    except TemplateSyntaxError as exc:
        raise RenderError(f"{exc.filename or exc.name}:{exc.lineno}: template syntax error: {exc.message}") from None
    except SecurityError as exc:
        raise RenderError(f"template {name}: refused by the sandbox: {exc}") from None
    except TemplateError as exc:
        raise RenderError(f"template {name}: {exc}; see docs/templates.md for the context") from None
