"""What `status` and `stats` show on a terminal: rich tables, words from the catalogue.

The figures are those of the JSON forms (`status.status_data`, `stats.StatsBuilder.data`);
these functions only lay them out. Every cell is a `Text` made by `safe_text` (never
markup): node texts, names and journal paths come from files anyone could have edited.
The table's own words are in `lang` (`--lang`); a walk's steps and clock titles are in
the language that walk was recorded in, as its own screens showed them.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from playbook_cli.core.i18n import NOTHING, duration_words, format_moment, labels_for
from playbook_cli.core.i18n import format_number as number
from playbook_cli.core.i18n import format_percent as percent
from playbook_cli.core.text_safety import safe_text
from playbook_cli.team.status import OpenWalk
from playbook_cli.walk.clock_text import clock_phrase

if TYPE_CHECKING:
    from rich.console import RenderableType


def status_view(items: list[OpenWalk], lang: str | None, as_of: datetime) -> RenderableType:
    """The open walks, most urgent first: playbook, step, who holds it, the next due clock, coloured by state."""
    from rich.table import Table  # lazy: rich only when a table is shown

    from playbook_cli.walk.view import CLOCK_MARK, CLOCK_STYLE  # lazy: imports rich

    labels = labels_for(lang)
    words = labels["team"]
    if not items:
        return safe_text(words["no_open"] + " " + words["as_of"].format(when=format_moment(as_of, lang)), "dim")
    table = Table(title=words["open_walks"].format(count=len(items), when=format_moment(as_of, lang)), title_justify="left")
    for header in ("playbook", "step", "holder", "next_due"):
        table.add_column(words[header])
    for item in items:
        walk = item.walk
        playbook, walk_lang = walk.playbook, walk.state.lang
        say = playbook.localizer(walk_lang)
        node = item.node
        step = f"#{playbook.node_number(node)} {say(playbook.nodes[node].text)}" if node else NOTHING
        due = item.next_due
        if due is None:
            next_due = safe_text(NOTHING, "dim")
        else:
            phrase = f"{CLOCK_MARK[due.state]} {playbook.clock_title(due.name, walk_lang)}: {clock_phrase(due, labels, lang)}"
            next_due = safe_text(phrase, CLOCK_STYLE[due.state])
        table.add_row(safe_text(say(playbook.title)), safe_text(step), safe_text(item.holder or NOTHING), next_due)
    return table


def seconds_words(value: int | None, lang: str | None) -> str:
    return NOTHING if value is None else duration_words(timedelta(seconds=value), lang, seconds=True)


def _moment(iso: str, lang: str | None) -> str:
    moment = datetime.fromisoformat(iso)
    return format_moment(moment, lang, moment.tzinfo)


def stats_view(data: Mapping[str, Any], names: Mapping[str, Any], lang: str | None) -> RenderableType:
    """Every figure of `stats --format json`, as tables in `lang`."""
    from rich.console import Group
    from rich.table import Table  # lazy: rich only when a table is shown

    labels = labels_for(lang)
    words = labels["team"]

    def table(title_key: str, *headers: str) -> Table:
        shown = Table(title=words[title_key], title_justify="left")
        for index, header in enumerate(headers):
            shown.add_column(words[header], justify="left" if index < 2 else "right")
        return shown

    def cells(*values: object) -> list[Any]:
        return [safe_text(value) for value in values]

    walks = data["walks"]
    outcomes = ", ".join(f"{labels['outcomes'].get(name, name)} {count}" for name, count in walks["by_outcome"].items())
    summary = f"{words['walks']}: {walks['total']} {words['total']} · {walks['open']} {words['open']} · {walks['ended']} {words['ended']}"
    parts: list[Any] = [
        safe_text(words["stats_title"] + " — " + words["as_of"].format(when=_moment(data["as_of"], lang)), "bold"),
        safe_text(summary + (f" ({outcomes})" if outcomes else "")),
    ]
    clocks = table("clocks", "playbook", "clock", "applied", "met", "met_late", "breached", "running", "compliance", "median", "p90")
    for row in data["clocks"]:
        clocks.add_row(
            *cells(
                names["playbooks"].get(row["playbook"], row["playbook"]),
                names["clocks"].get(f"{row['playbook']}/{row['clock']}", row["clock"]),
                row["applied"], row["met"], row["met_late"], row["breached"], row["running"],
                percent(row["compliance"], lang),
                seconds_words(row["median_elapsed_seconds"], lang),
                seconds_words(row["p90_elapsed_seconds"], lang),
            )
        )  # fmt: skip
    people = table("people", "person", "steps", "clocks_stopped", "breaches", "median_step")
    for row in data["people"]:
        people.add_row(
            *cells(row["person"], row["steps"], row["clocks_stopped"], row["breaches"], seconds_words(row["median_step_seconds"], lang))
        )
    steps = table("slowest_steps", "playbook", "step", "count", "median", "p90")
    for row in data["steps"]:
        steps.add_row(
            *cells(
                names["playbooks"].get(row["playbook"], row["playbook"]),
                names["nodes"].get(f"{row['playbook']}/{row['node']}", row["node"]),
                row["count"],
                seconds_words(row["median_seconds"], lang),
                seconds_words(row["p90_seconds"], lang),
            )
        )
    cases = data["cases"]
    case_line = (
        f"{words['cases']}: {cases['total']} ({words['case_key'].format(key=cases['key'])}) · "
        f"{words['fcr']} {percent(cases['first_contact_resolution'], lang)} · "
        f"{words['walks_per_case']} {number(cases['walks_per_resolved_case'], lang)}"
    )
    measures = table("measures", "measure", "answers", "mean", "satisfied", "nps_score")
    csat, nps, ces = (data["measures"][name] for name in ("csat", "nps", "ces"))
    measures.add_row(*cells(words["csat"], csat["count"], number(csat["mean"], lang), percent(csat["satisfied_share"], lang), NOTHING))
    measures.add_row(*cells(words["nps"], nps["count"], NOTHING, NOTHING, number(nps["score"], lang)))
    measures.add_row(*cells(words["ces"], ces["count"], number(ces["mean"], lang), NOTHING, NOTHING))
    if not walks["total"]:
        return Group(*parts, safe_text(words["no_data"], "dim"))
    return Group(*parts, clocks, people, steps, safe_text(case_line), measures)
