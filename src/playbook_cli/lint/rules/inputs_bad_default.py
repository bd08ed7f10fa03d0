"""An input `default` that is not among its `options`, or that its `pattern` rejects.

A default is the value a walk takes when nobody gives one; one the input itself would
refuse could never be accepted. When the default is a mapping (a default per language),
each language's value is checked. Error: write one of the options (its text in that
language, or in any language), for example `default: {vi: Quý khách, en: Sir or Madam}`
with `options: [{vi: Quý khách, en: Sir or Madam}, {vi: anh, en: Mr}]`, or a value the
pattern accepts (`default: CS-1` for `pattern: "^CS-[0-9]+$"`).
"""

from playbook_cli.core.findings import Severity
from playbook_cli.core.patterns import Pattern, compile_pattern, matches
from playbook_cli.core.structure import mapping
from playbook_cli.core.suggest import did_you_mean
from playbook_cli.lint.rule import Scope

ID = "inputs/bad-default"
SEVERITY = Severity.ERROR
SCOPE = Scope.FILE


def check(ctx):
    for name, spec in mapping(ctx.data.get("inputs")).items():
        spec = mapping(spec)
        default = spec.get("default")
        values: list[tuple[tuple, str | None, str]]
        if isinstance(default, str):
            values = [((), None, default)]
        else:
            values = [((lang,), lang, value) for lang, value in mapping(default).items() if isinstance(value, str)]
        base = ("inputs", name, "default")
        if isinstance(spec.get("options"), list):
            yield from _not_an_option(ctx, name, base, values, spec["options"])
        pattern = spec.get("pattern")
        compiled = _compiled(pattern)
        for rel, _, value in values:
            if compiled is not None and not matches(compiled, value):
                yield ctx.at(
                    (*base, *rel),
                    f"the default '{value}' of input '{name}' does not match its pattern {pattern}; write a default it accepts",
                )


def _not_an_option(ctx, name, base, values, options):
    any_language = {text for option in options for text in _texts(option).values()}
    if not any_language:
        return  # no readable option: the schema reports the shape
    for rel, lang, value in values:
        if value in any_language:
            continue
        same_language = [texts.get(lang, texts.get(None)) for texts in map(_texts, options)] if lang else []
        choices = [text for text in same_language if text] or sorted(any_language)
        hint = did_you_mean(value, choices) or f"; write one of: {', '.join(choices)}"
        yield ctx.at((*base, *rel), f"the default '{value}' of input '{name}' is not one of its options{hint}")


def _texts(option):
    """language (None for a plain string) → the option's text."""
    if isinstance(option, str):
        return {None: option}
    return {lang: text for lang, text in mapping(option).items() if isinstance(text, str)}


def _compiled(pattern):
    """The pattern as the walk runs it (RE2, linear time), or None."""
    if not isinstance(pattern, str):
        return None
    compiled = compile_pattern(pattern)
    return compiled if isinstance(compiled, Pattern) else None  # inputs/bad-pattern reports it
