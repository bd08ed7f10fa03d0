"""The one sandboxed Jinja environment for reply templates.

Reply templates come from playbooks, which are untrusted text: they are rendered in a
SandboxedEnvironment (no attribute access to Python internals) with StrictUndefined,
so a variable that was never given is an error, not an empty string.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def reply_environment():
    from jinja2 import StrictUndefined
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    return ImmutableSandboxedEnvironment(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=False)


# Bounded only against pathological inputs: a lint run asks for each template twice
# (syntax, variables), so the cache must hold every template of the files linted.
@lru_cache(maxsize=1 << 17)
def _parse(source: str):
    """(syntax tree, None) or (None, TemplateSyntaxError): parsed once for every rule that asks."""
    from jinja2 import TemplateSyntaxError

    try:
        return reply_environment().parse(source), None
    except TemplateSyntaxError as exc:
        return None, exc


def syntax_error(source: str):
    """The TemplateSyntaxError of `source`, or None if it parses."""
    return _parse(source)[1]


def template_variables(source: str) -> set[str]:
    """Names a template reads that it does not define itself. Raises jinja2.TemplateSyntaxError."""
    from jinja2 import meta

    tree, error = _parse(source)
    if error is not None:
        raise error
    return meta.find_undeclared_variables(tree) - set(reply_environment().globals)


def render_reply(source: str, variables: dict[str, str]) -> str:
    """Render a reply template. Raises jinja2 errors (syntax, undefined, security)."""
    return reply_environment().from_string(source).render(**variables)
