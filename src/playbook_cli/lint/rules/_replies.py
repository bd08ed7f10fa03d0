"""The reply templates of a playbook, one per language and channel, with their paths."""

import re

from playbook_cli.core.structure import mapping, nodes


def reply_templates(data):
    """(path, template source) for every reply string, per language when it is a mapping.

    Covers `reply` and, in revision 1.1, each channel of `replies`
    (paths ("nodes", id, "replies", channel[, lang])).
    """
    for node_id, node in nodes(data).items():
        places: list[tuple[tuple, object]] = [(("nodes", node_id, "reply"), node.get("reply"))]
        places += [(("nodes", node_id, "replies", channel), reply) for channel, reply in mapping(node.get("replies")).items()]
        for base, reply in places:
            if isinstance(reply, str):
                yield base, reply
            elif isinstance(reply, dict):
                for lang, source in reply.items():
                    if isinstance(source, str):
                        yield (*base, lang), source


def variable_position(ctx, path, source, name):
    """File line and column of the first use of variable `name` inside a `{{ }}` or `{% %}` of the template at `path`.

    Falls back to the start of the template line that mentions it when the expression
    spans lines or the text is escaped differently in the file.
    """
    use = re.compile(r"\{[{%][^}]*?(?<![\w.])" + re.escape(name) + r"\b")
    lines = source.splitlines() or [""]
    number = next((i for i, text in enumerate(lines, 1) if use.search(text)), None)
    number = number or next((i for i, text in enumerate(lines, 1) if name in text), 1)
    line, column = ctx.template_position(path, number)
    file_lines = ctx.doc.text.splitlines()
    if 0 < line <= len(file_lines):
        found = use.search(file_lines[line - 1], max(column - 1, 0))
        if found:
            return line, found.end() - len(name) + 1
    return line, column
