"""An input with `measure` together with `pattern` or `options`.

`measure: csat` (1–5), `nps` (0–10) or `ces` (1–7) already fixes what the value may be,
and team statistics aggregate it as that score; a `pattern` or `options` beside it
would contradict the scale or say nothing. Error: keep `measure` alone, for example
`satisfaction: {prompt: {vi: Mức độ hài lòng (1–5), en: Satisfaction (1–5)}, measure: csat}`,
or remove `measure` for an input that is not a score.
"""

from playbook_cli.core.findings import Severity
from playbook_cli.core.structure import mapping
from playbook_cli.lint.rule import Scope

ID = "inputs/measure-conflict"
SEVERITY = Severity.ERROR
SCOPE = Scope.FILE


def check(ctx):
    for name, spec in mapping(ctx.data.get("inputs")).items():
        spec = mapping(spec)
        if "measure" not in spec:
            continue
        extra = [key for key in ("pattern", "options") if key in spec]
        if extra:
            listed = " and ".join(f"`{key}`" for key in extra)
            yield ctx.at(
                ("inputs", name, "measure"),
                f"input '{name}' has `measure`, which already fixes its values, together with {listed}; remove {listed}",
                key=True,
            )
