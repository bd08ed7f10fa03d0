"""The reply templates of a playbook, one per language, with their paths."""

from playbook_cli.core.structure import nodes


def reply_templates(data):
    """(path, template source) for every reply string, per language when it is a mapping."""
    for node_id, node in nodes(data).items():
        reply = node.get("reply")
        base = ("nodes", node_id, "reply")
        if isinstance(reply, str):
            yield base, reply
        elif isinstance(reply, dict):
            for lang, source in reply.items():
                if isinstance(source, str):
                    yield (*base, lang), source
