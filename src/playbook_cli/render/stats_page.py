"""The HTML page of `playbook stats`: the same figures as its JSON, with charts, in vi or en.

It takes plain data (the stats JSON, names in the page's language, compliance per
week), never the team package itself: render sits beside team, and the CLI hands one
to the other. Charts are drawn by pygal as SVG and put inline, so the page is one file
that opens without a network, prints, and needs no JavaScript: pygal's own script (it
adds one for tooltips) is taken out of the tree before the SVG is written. Everything
that came from a journal is escaped twice over: by ElementTree in the SVG, by Jinja's
autoescape in the page.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any

from playbook_cli.core.i18n import NOTHING, duration_words, format_moment, labels_for
from playbook_cli.core.i18n import format_number as number
from playbook_cli.core.i18n import format_percent as percent
from playbook_cli.render.jinja import render

SLOWEST_SHOWN = 10  # steps in the chart; the table lists them all
PALETTE = ("#2e6da4", "#1e7e34", "#b7950b", "#c0392b", "#6c3483", "#117a65", "#a04000", "#5b6472")


def seconds_words(value: int | None, lang: str | None) -> str:
    return NOTHING if value is None else duration_words(timedelta(seconds=value), lang, seconds=True)


def _no_script(svg: Any) -> Any:
    """pygal's xml filter: drop every <script> (its tooltip configuration), so no script runs."""
    for parent in svg.iter():
        for child in list(parent):
            if isinstance(child.tag, str) and child.tag.rsplit("}", 1)[-1] == "script":
                parent.remove(child)
    return svg


def _chart(
    kind: str,
    title: str,
    labels: Sequence[str],
    series: Sequence[tuple[str, list[float | None]]],
    unit: str,
    *,
    height: int,
    decimal: str = ".",
) -> Any:
    """One chart as inline SVG markup; `kind` is a pygal chart class (Bar, HorizontalBar)."""
    import pygal  # type: ignore[import-untyped]  # lazy: only the HTML page draws charts
    from markupsafe import Markup  # lazy: comes with jinja2, needed only here
    from pygal.style import Style  # type: ignore[import-untyped]

    style = Style(
        background="#ffffff",
        plot_background="#ffffff",
        foreground="#1d2430",
        foreground_strong="#1d2430",
        foreground_subtle="#5b6472",
        colors=PALETTE,
        font_family='"DejaVu Sans", "Noto Sans", Arial, sans-serif',
        label_font_size=12,
        major_label_font_size=12,
        legend_font_size=12,
        value_font_size=11,
        title_font_size=15,
        opacity="1",  # solid bars: printed pages have no hover to tell a faint bar apart
        opacity_hover="1",
    )
    chart = getattr(pygal, kind)(
        js=[],
        disable_xml_declaration=True,
        style=style,
        width=860,
        height=height,
        title=title,
        show_legend=len(series) > 1,
        legend_at_bottom=True,
        legend_at_bottom_columns=1,
        print_values=True,
        value_formatter=lambda value: f"{value:g}{unit}".replace(".", decimal),
        truncate_label=-1,
        truncate_legend=-1,
        no_data_text="—",
    )
    if unit == "%":
        chart.range = (0, 100)
    chart.add_xml_filter(_no_script)
    flip = kind == "HorizontalBar"  # pygal draws a horizontal chart's first label at the bottom: the first row goes on top
    chart.x_labels = list(reversed(labels)) if flip else list(labels)
    for name, values in series:
        chart.add(name, list(reversed(values)) if flip else values)
    return Markup(chart.render(is_unicode=True))


def _clock_name(names: Mapping[str, Any], playbook: str, clock: str) -> str:
    return f"{names['playbooks'].get(playbook, playbook)} · {names['clocks'].get(f'{playbook}/{clock}', clock)}"


def stats_context(
    data: Mapping[str, Any], names: Mapping[str, Any], weekly: Mapping[str, Any], lang: str | None, filters: Mapping[str, Any]
) -> dict[str, Any]:
    """What stats.html.j2 sees: labels, the figures formatted for `lang`, three charts as SVG."""
    labels = labels_for(lang)
    words = labels["team"]
    as_of = datetime.fromisoformat(data["as_of"])
    clocks = [
        {
            **row,
            "name": _clock_name(names, row["playbook"], row["clock"]),
            "compliance_text": percent(row["compliance"], lang),
            "median": seconds_words(row["median_elapsed_seconds"], lang),
            "p90": seconds_words(row["p90_elapsed_seconds"], lang),
        }
        for row in data["clocks"]
    ]
    steps = [
        {
            **row,
            "playbook_title": names["playbooks"].get(row["playbook"], row["playbook"]),
            "step": names["nodes"].get(f"{row['playbook']}/{row['node']}", row["node"]),
            "median": seconds_words(row["median_seconds"], lang),
            "p90": seconds_words(row["p90_seconds"], lang),
        }
        for row in data["steps"]
    ]
    people = [{**row, "median": seconds_words(row["median_step_seconds"], lang)} for row in data["people"]]
    charts = {}
    decimal = "," if lang == "vi" else "."
    judged = [row for row in clocks if row["compliance"] is not None]
    if judged:
        charts["clocks"] = _chart(
            "HorizontalBar",
            words["compliance_per_clock"],
            [row["name"] for row in judged],
            [(words["percent"], [round(row["compliance"] * 100, 1) for row in judged])],
            "%",
            height=120 + 44 * len(judged),
            decimal=decimal,
        )
    if weekly["overall"]:
        weeks = [row["week"] for row in weekly["overall"]]
        series: list[tuple[str, list[float | None]]] = [(words["all_clocks"], [_pct(row["compliance"]) for row in weekly["overall"]])]
        per_clock: dict[tuple[str, str], dict[str, float | None]] = {}
        for row in weekly["per_clock"]:
            per_clock.setdefault((row["playbook"], row["clock"]), {})[row["week"]] = _pct(row["compliance"])
        if len(per_clock) > 1:
            series += [(_clock_name(names, *key), [values.get(week) for week in weeks]) for key, values in per_clock.items()]
        charts["weeks"] = _chart("Bar", words["compliance_per_week"], weeks, series, "%", height=360 + 24 * len(series), decimal=decimal)
    slowest = steps[:SLOWEST_SHOWN]
    if slowest:
        charts["steps"] = _chart(
            "HorizontalBar",
            f"{words['slowest_steps']} ({words['minutes']})",
            [row["step"] for row in slowest],
            [
                (words["median"], [round(row["median_seconds"] / 60, 1) for row in slowest]),
                (words["p90"], [round(row["p90_seconds"] / 60, 1) for row in slowest]),
            ],
            "",
            height=140 + 56 * len(slowest),
            decimal=decimal,
        )
    walks, cases, measures = data["walks"], data["cases"], data["measures"]
    return {
        "lang": lang or "en",
        "labels": labels,
        "words": words,
        "meta": _meta(words, format_moment(as_of, lang, as_of.tzinfo), filters),
        "walks": walks,
        "outcomes": [(labels["outcomes"].get(name, name), count) for name, count in walks["by_outcome"].items()],
        "clocks": clocks,
        "people": people,
        "steps": steps,
        "cases": {
            **cases,
            "key_text": words["case_key"].format(key=cases["key"]),
            "fcr_text": percent(cases["first_contact_resolution"], lang),
            "per_case_text": number(cases["walks_per_resolved_case"], lang),
        },
        "measures": {
            "csat": {
                **measures["csat"],
                "mean_text": number(measures["csat"]["mean"], lang),
                "share_text": percent(measures["csat"]["satisfied_share"], lang),
            },
            "nps": {**measures["nps"], "score_text": number(measures["nps"]["score"], lang)},
            "ces": {**measures["ces"], "mean_text": number(measures["ces"]["mean"], lang)},
        },
        "charts": charts,
    }


def _meta(words: Mapping[str, str], as_of: str, filters: Mapping[str, Any]) -> str:
    """The line under the title: as of when, which walks (the filters given)."""
    parts = [words["as_of"].format(when=as_of)]
    if filters.get("since") or filters.get("until"):
        opened = words["opened_between"].format(
            since=filters.get("since") or words["beginning"], until=filters.get("until") or words["today"]
        )
        parts.append(f"{opened} ({filters.get('timezone', 'UTC')})")
    if filters.get("playbooks"):
        parts.append(f"{words['playbook']}: {', '.join(filters['playbooks'])}")
    return " · ".join(parts)


def _pct(value: float | None) -> float | None:
    return None if value is None else round(value * 100, 1)


def stats_page(
    data: Mapping[str, Any], names: Mapping[str, Any], weekly: Mapping[str, Any], lang: str | None, filters: Mapping[str, Any]
) -> str:
    """The whole self-contained page."""
    return render("html", "stats.html.j2", stats_context(data, names, weekly, lang, filters))
