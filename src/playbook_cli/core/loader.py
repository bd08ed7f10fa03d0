"""Read a YAML file into plain data that remembers where every key and value stood.

libyaml (`CSafeLoader`) produces the parse events; this module builds plain dicts,
lists and scalars from them and records, for every path into the data, the line and
column of the value and of its key. Building from events (rather than from
`yaml.safe_load`) is what lets us refuse what the format forbids and PyYAML accepts
silently: duplicate keys, anchors and aliases, unsafe tags, several documents.

Mapping keys are always kept as the text the writer typed, so `no:` stays the string
"no" instead of becoming the boolean False.
"""

from __future__ import annotations

import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

import yaml
from yaml import events as ev

from playbook_cli.core.errors import PlaybookLoadError
from playbook_cli.core.findings import Finding, Severity

try:  # libyaml is the fast path; the pure-Python parser gives the same events.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader

DataPath = tuple  # e.g. ("nodes", "how-late", "choices", 0, "answer")

_SAFE_TAG_PREFIX = "tag:yaml.org,2002:"
_SAFE_TAGS = {"str", "int", "float", "bool", "null", "map", "seq"}
_FORBIDDEN_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")
_BOMS = {
    b"\xff\xfe": "UTF-16",
    b"\xfe\xff": "UTF-16",
}


# What a playbook may cost to read: far above any real one, far below what hurts.
# A 10,000-node playbook has about 200,000 values and 12 levels.
MAX_BYTES = 8 * 1024 * 1024
MAX_DEPTH = 64
MAX_VALUES = 1_000_000
MAX_KEYS = 50_000  # in one mapping

# Characters a text must not carry once YAML escapes are decoded ("\e", "\0", "\r"):
# terminal control codes, NUL, carriage returns that start a new line in Markdown.
_CONTROL_IN_TEXT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")

LOAD_RULES = {
    "yaml/syntax": "The file is not valid YAML.",
    "yaml/duplicate-key": "A mapping has the same key twice; YAML would silently keep only the last value.",
    "yaml/anchor": "Anchors and aliases (&a, *a) are not allowed: playbooks do not need them and they allow YAML bombs.",
    "yaml/tag": "Only the plain safe YAML tags are allowed (!!str, !!int, ...); others could construct objects.",
    "yaml/encoding": "The file must be UTF-8 text without NUL bytes or control characters.",
    "yaml/empty": "The file is empty.",
    "yaml/multiple-documents": "A playbook file holds exactly one YAML document.",
    "yaml/complex-key": "Mapping keys must be plain scalars.",
    "yaml/not-mapping": "The top level of a playbook must be a mapping.",
    "yaml/too-large": "The file goes beyond what a playbook may hold (size, nesting depth, number of values or keys); "
    "the limits protect every command from hostile files.",
    "yaml/control-character": "A text holds a control character once its YAML escapes are decoded (\\e, \\0, \\r...): "
    "it would reach terminals and files as a command, not as text.",
    "io/unreadable": "The file could not be read.",
}


@dataclass(frozen=True)
class Loc:
    """Where one value stood in the file (all numbers 1-based)."""

    line: int
    column: int
    key_line: int | None = None
    key_column: int | None = None
    style: str | None = None  # YAML scalar style: None (plain), "'", '"', "|", ">"
    raw: str | None = None  # the scalar as written, for plain scalars YAML did not read as text


@dataclass
class LoadedDocument:
    """A parsed file: its data, the location of every path into it, and its text."""

    path: str
    data: Any
    locations: dict = field(repr=False)
    text: str = field(repr=False)
    problems: list = field(default_factory=list)  # findings that did not stop the load

    def loc(self, path: DataPath) -> Loc:
        """The location of `path`, or of its nearest ancestor that has one."""
        path = tuple(path)
        while path not in self.locations and path:
            path = path[:-1]
        return self.locations.get(path, Loc(1, 1))

    def key_position(self, path: DataPath) -> tuple[int, int]:
        """Line and column of the key of `path` (its value's, for list items and the root)."""
        loc = self.loc(path)
        if loc.key_line is not None and loc.key_column is not None and tuple(path) in self.locations:
            return loc.key_line, loc.key_column
        return loc.line, loc.column

    def value_position(self, path: DataPath) -> tuple[int, int]:
        loc = self.loc(path)
        return loc.line, loc.column


def _finding(path: str, line: int, column: int, rule: str, message: str) -> Finding:
    return Finding(path, line, column, rule, Severity.ERROR, message)


def _fail(path: str, line: int, column: int, rule: str, message: str) -> NoReturn:
    raise PlaybookLoadError(_finding(path, line, column, rule, message))


def decode(raw: bytes, path: str) -> str:
    """Bytes to text: UTF-8 only (a BOM is accepted), no NUL or control characters."""
    for bom, name in _BOMS.items():
        if raw.startswith(bom):
            _fail(path, 1, 1, "yaml/encoding", f"the file is {name}; save it as UTF-8")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        _fail(
            path,
            line,
            column,
            "yaml/encoding",
            f"byte 0x{raw[exc.start]:02x} is not UTF-8; save the file as UTF-8",
        )
    if text.startswith("\ufeff"):
        text = text[1:]
    bad = _FORBIDDEN_CHARS.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        column = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
        name = "NUL byte" if bad.group() == "\x00" else f"control character U+{ord(bad.group()):04X}"
        _fail(path, line, column, "yaml/encoding", f"a {name} is not allowed in YAML; remove it")
    return text


def load_file(path: str | Path) -> LoadedDocument:
    """Read and parse one file. Raises PlaybookLoadError (never a YAML exception)."""
    shown = str(path)
    try:
        mode = Path(path).stat().st_mode
        if stat.S_ISDIR(mode):
            _fail(shown, 1, 1, "io/unreadable", "this is a directory, not a YAML file")
        if not stat.S_ISREG(mode):  # a FIFO or a device would block or never end
            _fail(shown, 1, 1, "io/unreadable", "this is not a regular file (a pipe or a device); save the playbook as a file")
        with open(path, "rb") as file:
            raw = file.read(MAX_BYTES + 1)
    except OSError as exc:
        _fail(shown, 1, 1, "io/unreadable", f"cannot read the file: {exc.strerror or exc}")
    if len(raw) > MAX_BYTES:
        _fail(shown, 1, 1, "yaml/too-large", f"the file is larger than {MAX_BYTES // (1024 * 1024)} MiB; split it into several playbooks")
    return load_bytes(raw, shown)


def load_bytes(raw: bytes, path: str = "<input>") -> LoadedDocument:
    return load_text(decode(raw, path), path)


_SYNTAX_HINTS = (
    ("mapping values are not allowed", "a value that contains ': ' must be quoted"),
    ("found character '\\t'", "indent with spaces, not tabs"),
    ("could not find expected ':'", "every key needs a ':' after it; check the indentation"),
    ("found undefined alias", "aliases (*name) are not allowed; write the value out"),
    ("expected <block end>", "check the indentation of this line against the lines above"),
)


def _syntax_message(exc: yaml.MarkedYAMLError, text: str) -> str:
    problem = exc.problem or "invalid YAML"
    mark = exc.problem_mark
    if mark is not None and 0 <= mark.index < len(text) and text[mark.index] == "\t":
        problem = "found character '\\t' that cannot start any token"
    message = f"YAML syntax error: {problem}"
    if exc.context:
        message += f" ({exc.context})"
    for needle, hint in _SYNTAX_HINTS:
        if needle in problem:
            message += f"; {hint}"
            break
    return message


class _Builder:
    """Turns a stream of parse events into located plain data."""

    def __init__(self, path: str):
        self.path = path
        self.locations: dict = {}
        self.problems: list[Finding] = []
        self.resolver = yaml.resolver.Resolver()
        self.constructor = yaml.constructor.SafeConstructor()

    def build(self, events) -> Any:
        # Each frame: [container, data path, pending key or None, pending key mark]
        stack: list[list] = []
        root: Any = None
        have_root = False
        documents = 0
        values = 0

        for event in events:
            if isinstance(event, ev.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    mark = event.start_mark
                    _fail(
                        self.path,
                        mark.line + 1,
                        mark.column + 1,
                        "yaml/multiple-documents",
                        "a playbook file holds exactly one YAML document; remove this '---' and move the rest to its own file",
                    )
                continue
            if isinstance(event, (ev.StreamStartEvent, ev.StreamEndEvent, ev.DocumentEndEvent)):
                continue
            if isinstance(event, ev.AliasEvent):
                mark = event.start_mark
                _fail(
                    self.path,
                    mark.line + 1,
                    mark.column + 1,
                    "yaml/anchor",
                    f"aliases (*{event.anchor}) are not allowed in playbooks; write the value out in full",
                )
            if isinstance(event, (ev.MappingEndEvent, ev.SequenceEndEvent)):
                stack.pop()
                continue

            anchor = getattr(event, "anchor", None)
            if anchor is not None:
                mark = event.start_mark
                _fail(
                    self.path,
                    mark.line + 1,
                    mark.column + 1,
                    "yaml/anchor",
                    f"anchors (&{anchor}) are not allowed in playbooks; write each value out in full",
                )

            # Is this event a mapping key?
            if stack and isinstance(stack[-1][0], dict) and stack[-1][2] is None:
                frame = stack[-1]
                if not isinstance(event, ev.ScalarEvent):
                    mark = event.start_mark
                    _fail(
                        self.path,
                        mark.line + 1,
                        mark.column + 1,
                        "yaml/complex-key",
                        "mapping keys must be plain names, not lists or mappings",
                    )
                self._check_tag(event)
                self._check_text(event.value, event.start_mark)
                frame[2] = event.value
                frame[3] = event.start_mark
                continue

            if stack:
                frame = stack[-1]
                if isinstance(frame[0], dict):
                    key, key_mark = frame[2], frame[3]
                    frame[2] = None
                    path = frame[1] + (key,)
                else:
                    key, key_mark = len(frame[0]), None
                    path = frame[1] + (key,)
            else:
                key = key_mark = None
                path = ()

            value = self._value(event)
            mark = event.start_mark
            values += 1
            self._check_bounds(event, stack, values, value)
            if stack and isinstance(stack[-1][0], dict) and key in stack[-1][0]:
                first = self.locations[path]
                self.problems.append(
                    _finding(
                        self.path,
                        key_mark.line + 1,
                        key_mark.column + 1,
                        "yaml/duplicate-key",
                        f"the key '{key}' appears twice in this mapping (first at line {first.key_line}); "
                        "YAML would silently keep only the last one: merge them or rename one",
                    )
                )
            raw = event.value if isinstance(event, ev.ScalarEvent) and not isinstance(value, str) else None
            self.locations[path] = Loc(
                mark.line + 1,
                mark.column + 1,
                key_mark.line + 1 if key_mark is not None else None,
                key_mark.column + 1 if key_mark is not None else None,
                getattr(event, "style", None) or None,
                raw,
            )
            if not stack:
                root, have_root = value, True
            elif isinstance(stack[-1][0], dict):
                stack[-1][0][key] = value
            else:
                stack[-1][0].append(value)

            if isinstance(value, (dict, list)):
                stack.append([value, path, None, None])

        if not have_root:
            _fail(self.path, 1, 1, "yaml/empty", "the file is empty; a playbook starts with `playbook: 1`")
        return root

    def _check_bounds(self, event, stack: list[list], values: int, value: Any) -> None:
        """Stop early, at the place, when the file goes beyond what a playbook may hold."""
        mark = event.start_mark
        if len(stack) >= MAX_DEPTH and isinstance(value, (dict, list)):
            _fail(
                self.path,
                mark.line + 1,
                mark.column + 1,
                "yaml/too-large",
                f"values are nested more than {MAX_DEPTH} levels deep here; a playbook needs far fewer",
            )
        if values > MAX_VALUES:
            _fail(
                self.path,
                mark.line + 1,
                mark.column + 1,
                "yaml/too-large",
                f"the file holds more than {MAX_VALUES:,} values; split it into several playbooks",
            )
        if stack and isinstance(stack[-1][0], dict) and len(stack[-1][0]) >= MAX_KEYS:
            _fail(
                self.path,
                mark.line + 1,
                mark.column + 1,
                "yaml/too-large",
                f"this mapping has more than {MAX_KEYS:,} keys; split the playbook",
            )
        if isinstance(value, str):
            self._check_text(value, mark)

    def _check_text(self, text: str, mark) -> None:
        bad = _CONTROL_IN_TEXT.search(text)
        if bad is None:
            return
        code = ord(bad.group())
        names = {
            0: "NUL",
            0x1B: "ESC",
            0x0D: "carriage return",
            0x07: "BEL",
            0x08: "backspace",
            0x2028: "line separator",
            0x2029: "paragraph separator",
        }
        shown = f"U+{code:04X}" + (f" ({names[code]})" if code in names else "")
        self.problems.append(
            _finding(
                self.path,
                mark.line + 1,
                mark.column + 1,
                "yaml/control-character",
                f"this text holds the control character {shown}; remove it (or the escape that writes it): "
                "a playbook's text must not carry terminal or file control codes",
            )
        )

    def _check_tag(self, event) -> str | None:
        tag = event.tag
        if tag is None or tag == "!":
            return None
        if tag.startswith(_SAFE_TAG_PREFIX) and tag[len(_SAFE_TAG_PREFIX) :] in _SAFE_TAGS:
            return tag[len(_SAFE_TAG_PREFIX) :]
        mark = event.start_mark
        shown = "!!" + tag[len(_SAFE_TAG_PREFIX) :] if tag.startswith(_SAFE_TAG_PREFIX) else tag
        _fail(
            self.path,
            mark.line + 1,
            mark.column + 1,
            "yaml/tag",
            f"the tag '{shown}' is not allowed; remove it (playbooks use plain YAML values only)",
        )

    def _value(self, event) -> Any:
        explicit = self._check_tag(event)
        if isinstance(event, ev.MappingStartEvent):
            if explicit not in (None, "map"):
                self._tag_mismatch(event, explicit, "a mapping")
            return {}
        if isinstance(event, ev.SequenceStartEvent):
            if explicit not in (None, "seq"):
                self._tag_mismatch(event, explicit, "a list")
            return []
        if explicit is None:
            tag = self.resolver.resolve(yaml.ScalarNode, event.value, event.implicit)
            explicit = tag[len(_SAFE_TAG_PREFIX) :] if tag.startswith(_SAFE_TAG_PREFIX) else "str"
        if explicit in ("map", "seq"):
            self._tag_mismatch(event, explicit, "a single value")
        node = yaml.ScalarNode(_SAFE_TAG_PREFIX + explicit, event.value, event.start_mark, event.end_mark)
        try:
            if explicit == "bool":
                return self.constructor.construct_yaml_bool(node)
            if explicit == "int":
                return self.constructor.construct_yaml_int(node)
            if explicit == "float":
                return self.constructor.construct_yaml_float(node)
            if explicit == "null":
                return None
        except (ValueError, KeyError, OverflowError, yaml.YAMLError):  # e.g. `!!bool maybe`, `!!int 1e999`
            mark = event.start_mark
            _fail(
                self.path,
                mark.line + 1,
                mark.column + 1,
                "yaml/tag",
                f"'{event.value}' cannot be read as !!{explicit}; remove the tag or fix the value",
            )
        # Timestamps, merge keys and everything else stay the text that was written.
        return event.value

    def _tag_mismatch(self, event, tag: str, what: str):
        mark = event.start_mark
        _fail(self.path, mark.line + 1, mark.column + 1, "yaml/tag", f"the tag !!{tag} cannot be used on {what}; remove it")


def _events(text: str):
    loader = _Loader(text)
    try:
        while loader.check_event():
            yield loader.get_event()
    finally:
        loader.dispose()


def load_text(text: str, path: str = "<input>") -> LoadedDocument:
    """Parse YAML text. Raises PlaybookLoadError for anything that stops the load."""
    if text.startswith("\ufeff"):
        text = text[1:]
    builder = _Builder(path)
    try:
        data = builder.build(_events(text))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        _fail(path, line, column, "yaml/syntax", _syntax_message(exc, text))
    except yaml.YAMLError as exc:  # ReaderError and kin carry no mark
        _fail(path, 1, 1, "yaml/syntax", f"YAML error: {exc}")
    except RecursionError:  # pragma: no cover - the builder is iterative; libyaml may still refuse
        _fail(path, 1, 1, "yaml/syntax", "the YAML is nested too deeply")
    if not isinstance(data, dict):
        what = "a list" if isinstance(data, list) else "a single value"
        _fail(path, 1, 1, "yaml/not-mapping", f"the file holds {what}; a playbook is a mapping that starts with `playbook: 1`")
    return LoadedDocument(path=path, data=data, locations=builder.locations, text=text, problems=builder.problems)
