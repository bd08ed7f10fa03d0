"""The one sandboxed Jinja environment for reply templates.

Reply templates come from playbooks, which are untrusted text: they are rendered in a
SandboxedEnvironment (no attribute access to Python internals) with StrictUndefined,
so a variable that was never given is an error, not an empty string.

Jinja is imported on first use, not with this module: `playbook --version` and
`--help` must not pay for it. Callers see only this module's own results and errors.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from jinja2.sandbox import ImmutableSandboxedEnvironment


@dataclass(frozen=True)
class TemplateProblem:
    """Why a template does not parse: Jinja's message and the template line (1-based)."""

    message: str
    line: int


class ReplyRenderError(Exception):
    """A reply could not be filled in (undefined variable, refused by the sandbox, ...)."""


@lru_cache(maxsize=1)
def reply_environment() -> ImmutableSandboxedEnvironment:
    from jinja2 import StrictUndefined  # lazy: see the module docstring
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    return ImmutableSandboxedEnvironment(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=False)


# Bounded only against pathological inputs: a lint run asks for each template twice
# (syntax, variables), so the cache must hold every template of the files linted.
@lru_cache(maxsize=1 << 17)
def _parse(source: str) -> tuple[Any, TemplateProblem | None]:
    """(syntax tree, None) or (None, problem): parsed once for every rule that asks."""
    from jinja2 import TemplateSyntaxError  # lazy: see the module docstring

    try:
        return reply_environment().parse(source), None
    except TemplateSyntaxError as exc:
        return None, TemplateProblem(exc.message or str(exc), exc.lineno or 1)


def syntax_problem(source: str) -> TemplateProblem | None:
    """Why `source` does not parse, or None if it does."""
    return _parse(source)[1]


def template_variables(source: str) -> set[str] | None:
    """Names a template reads that it does not define itself; None if it does not parse."""
    from jinja2 import meta  # lazy: see the module docstring

    tree, problem = _parse(source)
    if problem is not None:
        return None
    return meta.find_undeclared_variables(tree) - set(reply_environment().globals)


def render_reply(source: str, variables: dict[str, str]) -> str:
    """Render a reply template. Raises ReplyRenderError (syntax, undefined, security)."""
    from jinja2 import TemplateError  # lazy: see the module docstring

    try:
        return reply_environment().from_string(source).render(**variables)
    except TemplateError as exc:
        raise ReplyRenderError(str(exc)) from None
