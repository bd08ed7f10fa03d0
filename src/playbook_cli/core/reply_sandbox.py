"""The bounded Jinja sandbox behind reply templates: no template can hang or exhaust memory.

Imported only by `core.reply_templates`, on first use: it imports Jinja.

Reply templates come from playbooks, untrusted text. Jinja's ImmutableSandboxedEnvironment
keeps them away from Python's internals; this subclass also bounds what they may cost, so
a reply that would run for hours or build gigabytes stops at once with `LimitExceeded`
naming the limit (the walk then shows the reply as not filled in):

- the reply itself: at most MAX_OUTPUT characters;
- every value a template builds (text, list, number) weighs at most MAX_VALUE characters
  (a list weighs what its items would print). Operations that multiply sizes are checked
  before they run: `*` and `**`, `%`/`format`/`str.format` widths, `join`, `replace`,
  `indent`, `wordwrap`, `tojson`, and any number above MAX_VALUE given to a filter or a method
  (`center(10**9)`). `expandtabs`, `translate`, `maketrans` and `encode` are refused;
- `range()` gives at most MAX_RANGE numbers; all the loops of a reply together run at
  most MAX_ROUNDS rounds;
- calls (macros, recursive loops) nest at most MAX_DEPTH deep;
- a reply takes at most MAX_STEPS steps (calls, filters, tests, operators, attribute
  reads, loop rounds, outputs) and builds at most MAX_TEXT characters in all.

How: `bound` rewrites the parsed template so that every `for` iterates through
`_rounds` and every `~` concatenation and list, tuple or dict literal passes through
`_value`; the environment intercepts calls, filters, tests, the operators `+ * % **`,
attribute reads and every `{{ }}` output (`finalize`). The budget of the reply being
rendered lives in a context variable set by `render`. The optimizer is off, and filters,
tests and `finalize` take the context, so compiling a template (lint) never evaluates any
of it: lint compiles, only the walk renders. `lipsum` is not offered (filler text, nothing a
reply needs).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from contextvars import ContextVar
from typing import Any

from jinja2 import StrictUndefined, Template, nodes, pass_context
from jinja2.runtime import Context, LoopContext, Macro
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.visitor import NodeTransformer

from playbook_cli.core.reply_templates import ReplyRenderError

MAX_OUTPUT = 100_000
MAX_VALUE = 100_000
MAX_RANGE = 10_000
MAX_ROUNDS = 20_000
MAX_DEPTH = 40
MAX_STEPS = 100_000
MAX_TEXT = 5_000_000

# String methods whose result can be far larger than their inputs, with no cheap check.
_REFUSED_STR_METHODS = frozenset({"expandtabs", "translate", "maketrans", "encode"})


class LimitExceeded(ReplyRenderError):
    """A reply template went past one of the sandbox's limits; the message names it."""


class _Budget:
    """What the reply being rendered has spent so far."""

    __slots__ = ("depth", "rounds", "steps", "text")

    def __init__(self) -> None:
        self.steps = 0
        self.rounds = 0
        self.text = 0
        self.depth = 0

    def step(self) -> None:
        self.steps += 1
        if self.steps > MAX_STEPS:
            raise LimitExceeded(f"it takes more than {MAX_STEPS:,} steps (calls, filters, operators, loop rounds)")

    def charge(self, size: int) -> None:
        self.text += size
        if self.text > MAX_TEXT:
            raise LimitExceeded(f"it builds more than {MAX_TEXT:,} characters of text in all")

    def round(self, literal: int) -> None:
        self.rounds += 1
        if self.rounds > MAX_ROUNDS:
            raise LimitExceeded(f"its loops run more than {MAX_ROUNDS:,} rounds")
        self.step()
        self.charge(literal)


_BUDGET: ContextVar[_Budget | None] = ContextVar("reply_budget", default=None)


def _budget() -> _Budget:
    budget = _BUDGET.get()
    if budget is None:  # only `render` runs templates of this environment
        raise LimitExceeded("a reply template runs only inside render()")
    return budget


def render(template: Template, variables: dict[str, Any]) -> str:
    """Render `template` within the limits; LimitExceeded (or Jinja's errors) when it cannot."""
    token = _BUDGET.set(_Budget())
    try:
        parts: list[str] = []
        size = 0
        for chunk in template.generate(**variables):
            size += len(chunk)
            if size > MAX_OUTPUT:
                raise LimitExceeded(f"the reply would be longer than {MAX_OUTPUT:,} characters")
            parts.append(chunk)
        return "".join(parts)
    finally:
        _BUDGET.reset(token)


# --- sizes ---------------------------------------------------------------------------


def weight(value: Any, limit: int = MAX_VALUE) -> int:
    """About how many characters `value` would print as (items of lists and dicts counted
    through); counting stops once above `limit`, so it costs at most `limit` steps."""
    total = 0
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            total += len(item)
        elif isinstance(item, int) and not isinstance(item, bool):
            total += item.bit_length() // 3 + 1
        elif isinstance(item, range):
            total += len(item)
        elif isinstance(item, list | tuple | set | frozenset | dict):
            total += 1 + len(item)
            if total > limit:
                return total
            stack.extend(item)
            if isinstance(item, dict):
                stack.extend(item.values())
        else:
            total += 1
        if total > limit:
            return total
    return total


def _too_long() -> LimitExceeded:
    return LimitExceeded(f"it builds a value longer than {MAX_VALUE:,} characters")


def _checked(value: Any) -> Any:
    """`value`, once it is known to be within MAX_VALUE (and charged to the budget)."""
    size = weight(value)
    if size > MAX_VALUE:
        raise _too_long()
    _budget().charge(size)
    return value


def _check_numbers(values: Iterable[Any]) -> None:
    for value in values:
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_VALUE:
            raise LimitExceeded(f"it gives a number above {MAX_VALUE:,} as a size or count")


def _check_size(estimate: int) -> None:
    if estimate > MAX_VALUE:
        raise _too_long()


def _arg(args: tuple[Any, ...], kwargs: dict[str, Any], index: int, name: str, default: Any) -> Any:
    return args[index] if len(args) > index else kwargs.get(name, default)


def _text(value: Any) -> str:
    return value if isinstance(value, str) else str(value)


_PERCENT_SPEC = re.compile(r"%(?:\([^)]*\))?[#0 +-]*(\*|\d+)?(?:\.(\*|\d+))?")
_BRACE_FIELD = re.compile(r"\{[^{}]*\}")
_NESTED_FIELD = re.compile(r"\{[^{}]*\{")


def _check_format(fmt: str, values: Iterable[Any], style: str) -> None:
    """Refuse widths and precisions above MAX_VALUE in a `%` (style "%") or `str.format` ("{") format."""
    numbers: list[str] = []
    star = False
    if style == "%":
        for found in _PERCENT_SPEC.finditer(fmt):
            for group in found.groups():
                star = star or group == "*"
                numbers += [group] if group and group != "*" else []
    else:
        star = _NESTED_FIELD.search(fmt) is not None
        for field in _BRACE_FIELD.finditer(fmt):
            _, colon, spec = field.group()[1:-1].partition(":")
            numbers += re.findall(r"\d+", spec) if colon else []
    if any(len(number) > len(str(MAX_VALUE)) or int(number) > MAX_VALUE for number in numbers):
        raise LimitExceeded(f"it formats with a width or precision above {MAX_VALUE:,}")
    if star:
        _check_numbers(values)


def _joined(separator: Any, items: Any) -> Any:
    """`items` as a sequence, once joining them with `separator` is known to stay within MAX_VALUE."""
    items = items if isinstance(items, str | list | tuple) else list(items)
    if isinstance(separator, str):
        _check_size(len(separator) * max(len(items) - 1, 0) + weight(items))
    return items


def _check_replace(text: Any, old: Any, new: Any, count: Any) -> None:
    if not (isinstance(old, str) and isinstance(new, str)):
        return
    text = _text(text)
    found = text.count(old) if old else len(text) + 1
    if isinstance(count, int) and count >= 0:
        found = min(found, count)
    _check_size(len(text) + found * max(len(new) - len(old), 0))


# --- filters and tests -----------------------------------------------------------------


def _join_filter(value: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Any, tuple[Any, ...], dict[str, Any]]:
    _check_numbers((*args, *kwargs.values()))
    return _joined(_arg(args, kwargs, 0, "d", ""), value), args, kwargs


def _replace_filter(value: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Any, tuple[Any, ...], dict[str, Any]]:
    _check_replace(value, _arg(args, kwargs, 0, "old", None), _arg(args, kwargs, 1, "new", None), _arg(args, kwargs, 2, "count", None))
    return value, args, kwargs


def _indent_filter(value: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Any, tuple[Any, ...], dict[str, Any]]:
    _check_numbers((*args, *kwargs.values()))
    text, width = _text(value), _arg(args, kwargs, 0, "width", 4)
    prefix = width if isinstance(width, int) else len(_text(width))
    _check_size(len(text) + max(prefix, 0) * (text.count("\n") + 1))
    return value, args, kwargs


def _wordwrap_filter(value: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Any, tuple[Any, ...], dict[str, Any]]:
    _check_numbers((*args, *kwargs.values()))
    text, width, wrap = _text(value), _arg(args, kwargs, 0, "width", 79), _arg(args, kwargs, 2, "wrapstring", None)
    lines = len(text) // max(width if isinstance(width, int) else 1, 1) + text.count("\n") + 1
    _check_size(len(text) + (len(wrap) if isinstance(wrap, str) else 1) * lines)
    return value, args, kwargs


def _sum_filter(value: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Any, tuple[Any, ...], dict[str, Any]]:
    start = _arg(args, kwargs, 1, "start", 0)
    if isinstance(start, bool) or not isinstance(start, int | float):
        raise LimitExceeded("sum adds numbers only (adding texts or lists one by one costs the square of their size)")
    return value, args, kwargs


def _format_filter(value: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Any, tuple[Any, ...], dict[str, Any]]:
    if isinstance(value, str):
        _check_format(value, (*args, *kwargs.values()), "%")
    return value, args, kwargs


def _tojson_filter(value: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Any, tuple[Any, ...], dict[str, Any]]:
    _check_numbers((*args, *kwargs.values()))
    indent = _arg(args, kwargs, 0, "indent", None)
    if indent:
        step = indent if isinstance(indent, int) else len(_text(indent))
        _check_size(weight(value) * (1 + max(step, 0) * _depth(value)))
    return value, args, kwargs


def _depth(value: Any) -> int:
    """How deeply lists and dicts nest in `value` (counting stops after MAX_VALUE items)."""
    deepest, seen, stack = 0, 0, [(value, 0)]
    while stack and seen <= MAX_VALUE:
        item, level = stack.pop()
        seen += 1
        deepest = max(deepest, level)
        if isinstance(item, list | tuple | set | frozenset | dict):
            stack.extend((child, level + 1) for child in (*item, *(item.values() if isinstance(item, dict) else ())))
    return deepest if seen <= MAX_VALUE else MAX_VALUE


_FILTER_CHECKS: dict[str, Callable[[Any, tuple[Any, ...], dict[str, Any]], tuple[Any, tuple[Any, ...], dict[str, Any]]]] = {
    "join": _join_filter,
    "replace": _replace_filter,
    "indent": _indent_filter,
    "wordwrap": _wordwrap_filter,
    "sum": _sum_filter,
    "format": _format_filter,
    "tojson": _tojson_filter,
}


def _pass_arg(function: Callable[..., Any]) -> str | None:
    """Which first argument Jinja gives `function`: "context", "eval_context", "environment" or None."""
    return getattr(getattr(function, "jinja_pass_arg", None), "name", None)


def _first_argument(kind: str | None, context: Context) -> tuple[Any, ...]:
    if kind == "context":
        return (context,)
    if kind == "eval_context":
        return (context.eval_ctx,)
    if kind == "environment":
        return (context.environment,)
    return ()


def _bounded_filter(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    kind = _pass_arg(function)
    check = _FILTER_CHECKS.get(name)

    @pass_context
    def bounded(context: Context, value: Any, *args: Any, **kwargs: Any) -> Any:
        _budget().step()
        if check is not None:
            value, args, kwargs = check(value, args, kwargs)
        else:
            _check_numbers((*args, *kwargs.values()))
        return _checked(function(*_first_argument(kind, context), value, *args, **kwargs))

    bounded.__name__ = getattr(function, "__name__", name)
    return bounded


def _bounded_test(function: Any) -> Callable[..., Any]:
    kind = _pass_arg(function)

    @pass_context
    def bounded(context: Context, value: Any, *args: Any, **kwargs: Any) -> Any:
        _budget().step()
        return function(*_first_argument(kind, context), value, *args, **kwargs)

    bounded.__name__ = getattr(function, "__name__", "test")
    return bounded


@pass_context
def _finalize(context: Context, value: Any) -> Any:
    """Every `{{ }}` output: within MAX_VALUE, and charged."""
    _budget().step()
    return _checked(value)


# --- globals and the rewritten nodes -----------------------------------------------------


def _range(*args: int) -> range:
    numbers = range(*args)
    try:
        size = len(numbers)
    except OverflowError:
        size = MAX_RANGE + 1
    if size > MAX_RANGE:
        raise LimitExceeded(f"it asks range() for more than {MAX_RANGE:,} numbers")
    return numbers


def _rounds(iterable: Any, literal: int) -> Iterator[Any]:
    """Each round of a loop, charged: one step, and the text the loop body writes as written."""
    budget = _budget()
    for item in iterable:
        budget.round(literal)
        yield item


def _value(value: Any) -> Any:
    """A `~` concatenation or a list, tuple or dict literal, once built (checked by `call`)."""
    return value


_INTERNAL = (_rounds, _value, _range)


class _Bounds(NodeTransformer):
    """Rewrites a parsed template: loops through `_rounds`, built values through `_value`."""

    def visit_For(self, node: nodes.For) -> nodes.Node:
        self.generic_visit(node)
        literal = sum(len(data.data) for part in (*node.body, *node.else_) for data in _template_data(part))
        node.iter = _through("reply_rounds", node.iter, nodes.Const(literal))
        return node

    def visit_Concat(self, node: nodes.Expr) -> nodes.Node:
        self.generic_visit(node)
        return _through("reply_value", node)

    visit_List = visit_Dict = visit_Concat

    def visit_Tuple(self, node: nodes.Tuple) -> nodes.Node:
        self.generic_visit(node)
        return _through("reply_value", node) if node.ctx == "load" else node


def _template_data(node: nodes.Node) -> Iterator[nodes.TemplateData]:
    if isinstance(node, nodes.TemplateData):
        yield node
    yield from node.find_all(nodes.TemplateData)


def _through(name: str, node: nodes.Node, *extra: nodes.Node) -> nodes.Call:
    return nodes.Call(nodes.EnvironmentAttribute(name, lineno=node.lineno), [node, *extra], [], None, None, lineno=node.lineno)


def bound(tree: nodes.Template, environment: BoundedSandbox) -> nodes.Template:
    """`tree` rewritten so that rendering it counts loop rounds and checks built values."""
    _Bounds().visit(tree)
    tree.set_environment(environment)
    return tree


class BoundedSandbox(ImmutableSandboxedEnvironment):
    """The sandbox for replies: Jinja's immutable sandbox, StrictUndefined, and the bounds above."""

    intercepted_binops = frozenset({"+", "*", "%", "**"})

    def __init__(self) -> None:
        super().__init__(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=False, optimized=False, finalize=_finalize)
        self.globals["range"] = _range
        self.globals.pop("lipsum", None)  # up to n paragraphs of filler: nothing a reply needs
        self.filters = {name: _bounded_filter(name, function) for name, function in self.filters.items()}
        self.tests = {name: _bounded_test(function) for name, function in self.tests.items()}
        self.reply_rounds = _rounds
        self.reply_value = _value

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if isinstance(obj, str) and attr in _REFUSED_STR_METHODS:
            return False
        return super().is_safe_attribute(obj, attr, value)

    def getattr(self, obj: Any, attribute: str) -> Any:
        _budget().step()
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        _budget().step()
        return super().getitem(obj, argument)

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        wrapped = super().wrap_str_format(value)
        if wrapped is None:
            return None
        fmt, is_map = value.__self__, value.__name__ == "format_map"

        def checked(*args: Any, **kwargs: Any) -> str:
            mapped = args[0].values() if is_map and args and isinstance(args[0], dict) else ()
            _check_format(fmt, (*args, *kwargs.values(), *mapped), "{")
            return wrapped(*args, **kwargs)

        checked.reply_format = True  # type: ignore[attr-defined]  # its numbers are checked by _check_format
        return checked

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        _budget().step()
        if operator == "*":
            _check_repeat(left, right)
        elif operator == "**":
            _check_power(left, right)
        elif operator == "%" and isinstance(left, str):
            values = right.values() if isinstance(right, dict) else right if isinstance(right, tuple) else (right,)
            _check_format(left, values, "%")
        return _checked(super().call_binop(context, operator, left, right))

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        budget = _budget()
        budget.step()
        if __obj is _rounds:
            return _rounds(*args)
        if __obj is _value:
            return _checked(args[0])
        if isinstance(__obj, LoopContext) and args:  # a recursive loop: loop(children)
            args = (_rounds(args[0], 0), *args[1:])
        elif not (isinstance(__obj, Macro) or __obj is _range or getattr(__obj, "reply_format", False)):
            args = _checked_method_args(__obj, args, kwargs)
            _check_numbers((*args, *kwargs.values()))
        budget.depth += 1
        try:
            if budget.depth > MAX_DEPTH:
                raise LimitExceeded(f"its calls nest more than {MAX_DEPTH} deep (a macro that calls itself?)")
            result = super().call(__context, __obj, *args, **kwargs)
        finally:
            budget.depth -= 1
        return _checked(result)


def _checked_method_args(method: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Any, ...]:
    """The arguments of `str.join` and `str.replace`, once their result is known to stay within MAX_VALUE."""
    owner = getattr(method, "__self__", None)
    if not isinstance(owner, str):
        return args
    name = getattr(method, "__name__", "")
    if name == "join" and args:
        return (_joined(owner, args[0]), *args[1:])
    if name == "replace":
        _check_replace(owner, _arg(args, kwargs, 0, "old", None), _arg(args, kwargs, 1, "new", None), _arg(args, kwargs, 2, "count", None))
    return args


def _check_repeat(left: Any, right: Any) -> None:
    count, repeated = (right, left) if isinstance(right, int) else (left, right)
    if isinstance(count, bool) or not isinstance(count, int):
        return
    if isinstance(repeated, int) and not isinstance(repeated, bool):
        _check_size((count.bit_length() + repeated.bit_length()) // 3)
    elif isinstance(repeated, str | list | tuple):
        _check_size(weight(repeated) * max(count, 0))


def _check_power(base: Any, exponent: Any) -> None:
    if isinstance(base, int) and isinstance(exponent, int) and exponent > 0 and abs(base) > 1:
        _check_size(exponent * base.bit_length() // 3)
