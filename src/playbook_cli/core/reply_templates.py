"""The one sandboxed Jinja environment for reply templates.

Reply templates come from playbooks, which are untrusted text: they are rendered in a
sandbox (no attribute access to Python internals) with StrictUndefined, so a variable
that was never given is an error, not an empty string, and with bounded work
(`core.reply_sandbox`: output size, value sizes, loop rounds, range sizes, call depth,
steps), so a template can stop with a clear error but never hang or exhaust memory.

Lint compiles every template with this same environment (`template_problems`: syntax,
unknown filters and tests, what Jinja refuses to compile) and never renders one; only
the walk renders (`render_reply`).

Jinja is imported on first use, not with this module: `playbook --version` and
`--help` must not pay for it. Callers see only this module's own results and errors.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from jinja2 import Template

    from playbook_cli.core.reply_sandbox import BoundedSandbox


@dataclass(frozen=True)
class TemplateProblem:
    """Why a template cannot be used: a message and the template line (1-based).

    `kind` is "syntax" (it does not parse), "filter" or "test" (`name` is unknown), or
    "compile" (Jinja refuses it for another reason).
    """

    message: str
    line: int
    kind: str = "syntax"
    name: str | None = None


class ReplyRenderError(Exception):
    """A reply could not be filled in (undefined variable, refused by the sandbox, a limit exceeded, ...)."""


@lru_cache(maxsize=1)
def reply_environment() -> BoundedSandbox:
    from playbook_cli.core.reply_sandbox import BoundedSandbox  # lazy: imports Jinja, see the module docstring

    return BoundedSandbox()


# Bounded only against pathological inputs: a lint run asks for each template several
# times (syntax, variables), so the cache must hold every template of the files linted.
@lru_cache(maxsize=1 << 17)
def _parse(source: str) -> tuple[Any, TemplateProblem | None]:
    """(syntax tree, None) or (None, problem): parsed once for every rule that asks.

    The tree is already rewritten by `reply_sandbox.bound` (loops and built values counted).
    """
    from jinja2 import TemplateSyntaxError  # lazy: see the module docstring

    from playbook_cli.core.reply_sandbox import bound  # lazy: imports Jinja

    environment = reply_environment()
    try:
        return bound(environment.parse(source), environment), None
    except TemplateSyntaxError as exc:
        return None, TemplateProblem(exc.message or str(exc), exc.lineno or 1)
    except RecursionError:
        return None, TemplateProblem("it nests expressions or tags too deeply", 1)


@lru_cache(maxsize=1024)
def _compiled(source: str) -> tuple[Template | None, TemplateProblem | None]:
    """(template ready to render, None) or (None, the first problem). Never renders anything."""
    from jinja2 import TemplateSyntaxError  # lazy: see the module docstring

    tree, problem = _parse(source)
    if problem is not None:
        return None, problem
    unknown = _unknown_names(tree)
    if unknown:
        return None, unknown[0]
    try:
        return reply_environment().from_string(tree), None
    except TemplateSyntaxError as exc:
        return None, TemplateProblem(exc.message or str(exc), exc.lineno or 1, "compile")
    except (RecursionError, SyntaxError, MemoryError):
        return None, TemplateProblem("it nests expressions or tags too deeply to compile", 1, "compile")


def _unknown_names(tree: Any) -> list[TemplateProblem]:
    """The filters and tests the template uses that the environment does not have, in order."""
    from jinja2 import nodes  # lazy: see the module docstring

    from playbook_cli.core.suggest import did_you_mean

    environment = reply_environment()
    problems = []
    for node in tree.find_all((nodes.Filter, nodes.Test)):
        kind, known = ("filter", environment.filters) if isinstance(node, nodes.Filter) else ("test", environment.tests)
        if node.name not in known:
            message = f"there is no {kind} named '{node.name}'{did_you_mean(node.name, known)}"
            problems.append(TemplateProblem(message, node.lineno or 1, kind, node.name))
    return sorted(problems, key=lambda problem: problem.line)


def syntax_problem(source: str) -> TemplateProblem | None:
    """Why `source` does not parse, or None if it does."""
    return _parse(source)[1]


def template_problems(source: str) -> list[TemplateProblem]:
    """Why `source` cannot be rendered, found by compiling it as the walk does (never rendering).

    A syntax error alone; else every unknown filter and test; else what Jinja's compiler
    refuses. Undefined variables are not looked at here (see `template_variables`).
    """
    tree, problem = _parse(source)
    if problem is not None:
        return [problem]
    unknown = _unknown_names(tree)
    if unknown:
        return unknown
    compile_problem = _compiled(source)[1]
    return [compile_problem] if compile_problem is not None else []


def template_variables(source: str) -> set[str] | None:
    """Names a template reads that it does not define itself; None if it does not compile."""
    from jinja2 import TemplateError, meta  # lazy: see the module docstring

    tree, problem = _parse(source)
    if problem is not None:
        return None
    try:
        names = meta.find_undeclared_variables(tree)
    except (TemplateError, RecursionError):
        return None  # an unknown filter or test: template_problems reports it
    return names - set(reply_environment().globals)


def render_reply(source: str, variables: dict[str, str]) -> str:
    """Render a reply template within the sandbox's bounds.

    Raises ReplyRenderError (syntax, undefined, security, a limit exceeded: its message
    says which), never anything else, whatever the template does.
    """
    from jinja2 import TemplateError  # lazy: see the module docstring

    from playbook_cli.core import reply_sandbox  # lazy: imports Jinja

    template, problem = _compiled(source)
    if template is None:
        raise ReplyRenderError(problem.message if problem else "it does not compile")
    try:
        return reply_sandbox.render(template, variables)
    except ReplyRenderError:
        raise
    except TemplateError as exc:
        raise ReplyRenderError(str(exc)) from None
    except RecursionError:
        raise ReplyRenderError("it nests calls or values too deeply (Python's recursion limit)") from None
    except MemoryError:
        raise ReplyRenderError("it needs more memory than there is") from None
    except Exception as exc:  # the template is untrusted: 1/0, 'a' + 1, int('x') end here
        raise ReplyRenderError(f"{type(exc).__name__}: {exc}") from None
