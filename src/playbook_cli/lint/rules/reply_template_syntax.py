"""A `reply` template that Jinja cannot parse or compile, or that uses an unknown filter or test.

Replies are Jinja templates (`{{ customer }}`); an unclosed `{{`, a stray `{% endif %}`,
a misspelt filter (`{{ customer|uper }}`) or test (`{% if x is definedd %}`) would fail
in the middle of an incident. Each template is compiled with the sandbox the walk uses,
so what lint accepts the walk can render; lint never renders a template, so a template
that would loop or grow without end is not run here (the walk stops it at its limits).
The finding points at the line inside the template, including inside a `|` block, and at
the unknown name when it can be found on that line. Error.
"""

import re

from playbook_cli.core.findings import Severity
from playbook_cli.core.reply_templates import template_problems
from playbook_cli.lint.rule import Scope
from playbook_cli.lint.rules._replies import reply_templates

ID = "reply/template-syntax"
SEVERITY = Severity.ERROR
SCOPE = Scope.FILE


def check(ctx):
    for path, source in reply_templates(ctx.data):
        for problem in template_problems(source):
            line, column = ctx.template_position(path, problem.line)
            if problem.kind == "syntax":
                message = f"the reply template does not parse: {problem.message}; check the {{{{ }}}} and {{% %}} pairs"
            else:
                if problem.kind in ("filter", "test"):
                    column = _name_column(ctx, line, column, problem.kind, problem.name) or column
                message = f"the reply template does not compile: {problem.message}"
            yield ctx.at_position(line, column, message)


def _name_column(ctx, line, column, kind, name):
    """The column of the unknown filter or test `name` on file line `line` (at or after `column`), or None."""
    lines = ctx.doc.text.splitlines()
    if not (0 < line <= len(lines)):
        return None
    use = re.compile((r"\|\s*" if kind == "filter" else r"\bis\s+(?:not\s+)?") + re.escape(name) + r"\b")
    found = use.search(lines[line - 1], max(column - 1, 0))
    return found.end() - len(name) + 1 if found else None
