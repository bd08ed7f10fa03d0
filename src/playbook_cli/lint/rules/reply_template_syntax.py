"""A `reply` template that Jinja cannot parse.

Replies are Jinja templates (`{{ customer }}`); an unclosed `{{`, a stray `{% endif %}`
or a typo in a filter would fail in the middle of an incident. The finding points at the
line inside the template, including inside a `|` block. Error.
"""

from playbook_cli.core.findings import Severity
from playbook_cli.core.reply_templates import syntax_problem
from playbook_cli.lint.rule import Scope
from playbook_cli.lint.rules._replies import reply_templates

ID = "reply/template-syntax"
SEVERITY = Severity.ERROR
SCOPE = Scope.FILE


def check(ctx):
    for path, source in reply_templates(ctx.data):
        error = syntax_problem(source)
        if error is not None:
            line, column = ctx.template_position(path, error.line)
            yield ctx.at_position(
                line, column, f"the reply template does not parse: {error.message}; check the {{{{ }}}} and {{% %}} pairs"
            )
