"""A text that is not in Unicode composed form (NFC).

Vietnamese can be typed two ways that look identical: 'ể' as one character (composed,
NFC, what most Vietnamese keyboards produce) or as 'ê' followed by a combining hook
(decomposed, NFD, what some Mac tools and copy-paste produce). A mix breaks search,
matching of answers typed at the walk, and comparisons of options. Warning, at the
value: retype the text, or save the file as NFC (for example with
`python -c "import sys, unicodedata; sys.stdout.write(unicodedata.normalize('NFC', sys.stdin.read()))"`).
"""

import unicodedata

from playbook_cli.core.findings import Severity
from playbook_cli.lint.rule import Scope

ID = "text/not-nfc"
SEVERITY = Severity.WARNING
SCOPE = Scope.FILE

MESSAGE = (
    "this text is not in composed (NFC) form, so it looks the same but does not match when searched or compared; "
    "retype it or save the file as NFC (e.g. 'ể' as one character, not 'ê' plus a combining mark)"
)


def check(ctx):
    # Each entry: (value, link), where link is (parent link, key) or None for the root;
    # a path is built only for a finding, so large files cost one pass over their values.
    stack: list[tuple[object, tuple | None]] = [(ctx.doc.data, None)]
    while stack:
        value, link = stack.pop()
        if isinstance(value, str):
            if not value.isascii() and not unicodedata.is_normalized("NFC", value):
                yield ctx.at(_path(link), MESSAGE)
        elif isinstance(value, dict):
            stack.extend((item, (link, key)) for key, item in reversed(value.items()))
        elif isinstance(value, list):
            stack.extend((value[index], (link, index)) for index in range(len(value) - 1, -1, -1))


def _path(link):
    path = []
    while link is not None:
        link, key = link
        path.append(key)
    return tuple(reversed(path))
