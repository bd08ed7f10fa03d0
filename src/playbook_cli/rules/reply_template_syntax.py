"""A `reply` template that Jinja cannot parse.

Replies are Jinja templates (`{{ customer }}`); an unclosed `{{`, a stray `{% endif %}`
or a typo in a filter would fail in the middle of an incident. The finding points at the
line inside the template, including inside a `|` block. Error.
"""

from playbook_cli.findings import Severity
from playbook_cli.rules._replies import reply_templates

ID = "reply/template-syntax"
SEVERITY = Severity.ERROR


def check(ctx):
    from jinja2 import TemplateSyntaxError

    from playbook_cli.templating import reply_environment

    env = reply_environment()
    for path, source in reply_templates(ctx.data):
        try:
            env.parse(source)
        except TemplateSyntaxError as exc:
            line, column = ctx.template_position(path, exc.lineno or 1)
            yield ctx.at_position(line, column, f"the reply template does not parse: {exc.message}; check the {{{{ }}}} and {{% %}} pairs")
