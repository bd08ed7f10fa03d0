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


def template_variables(source: str) -> set[str]:
    """Names a template reads that it does not define itself. Raises jinja2.TemplateSyntaxError."""
    from jinja2 import meta

    env = reply_environment()
    return meta.find_undeclared_variables(env.parse(source)) - set(env.globals)


def render_reply(source: str, variables: dict[str, str]) -> str:
    """Render a reply template. Raises jinja2 errors (syntax, undefined, security)."""
    return reply_environment().from_string(source).render(**variables)
