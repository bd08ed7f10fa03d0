"""Every word playbook-cli shows, per language: the message catalogue and its helpers.

The catalogues are `core/messages/<lang>.py`, one dict per language keyed by message
id; English is the reference and every other language must have each of its keys (a
test checks). `text(lang, key, **values)` is the one way to a message; `labels_for`
hands a whole catalogue to templates. Durations and instants are written in words of
the language ("1 giờ 30 phút", "1 h 30 min"; "23/11/2026 11:00") by the helpers below.
Playbook TEXT in a language is read through `core.model.Localizer`.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, tzinfo
from typing import Any

from playbook_cli.core.messages import en, vi

LABELS: dict[str, dict[str, Any]] = {"en": en.MESSAGES, "vi": vi.MESSAGES}


def labels_for(lang: str | None) -> dict[str, Any]:
    return LABELS.get(lang or "en", LABELS["en"])


def text(lang: str | None, key: str, **values: object) -> str:
    """Message `key` in `lang` (English when the language has no catalogue), filled with `values`."""
    catalogue = labels_for(lang)
    template = catalogue[key] if key in catalogue else LABELS["en"][key]
    return str(template).format(**values) if values else str(template)


_UNITS = {
    "vi": {"d": "ngày", "h": "giờ", "m": "phút", "s": "giây"},
    "en": {"d": "d", "h": "h", "m": "min", "s": "s"},
}


def duration_words(value: timedelta, lang: str | None, *, seconds: bool = False, working: bool = False) -> str:
    """A duration as people read it: "1 giờ 30 phút", "1 h 30 min", "2 ngày 3 giờ".

    Two units at most (the larger ones); seconds only when asked for and under an hour
    (a countdown), so "5m" is never read as five metres. `working` is time counted on a
    calendar: in hours of working time ("24 giờ làm việc"), never in days, since a
    working day is not 24 hours.
    """
    units = _UNITS.get(lang or "en", _UNITS["en"])
    total = int(abs(value).total_seconds())
    if working:
        hours, rest = divmod(total, 3600)
        minutes = rest // 60
        working_hours = " ".join(f"{amount} {units[unit]}" for amount, unit in ((hours, "h"), (minutes, "m")) if amount)
        return text(lang, "working_time", time=working_hours or f"0 {units['m']}")
    days, rest = divmod(total, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    parts = [(days, "d"), (hours, "h"), (minutes, "m")]
    if seconds and not days and not hours:
        parts.append((secs, "s"))
    shown = [f"{amount} {units[unit]}" for amount, unit in parts if amount][:2]
    if not shown:
        shown = [f"0 {units['s' if seconds else 'm']}"]
    return " ".join(shown)


def target_words(target: timedelta, lang: str | None, calendar: str | None) -> str:
    """A clock's target for pages: "1 giờ", or "4 giờ làm việc theo lịch office" on a calendar."""
    if calendar is None:
        return duration_words(target, lang)
    return text(lang, "target_on_calendar", time=duration_words(target, lang, working=True), calendar=calendar)


NOTHING = "—"  # a figure that has no value (no settled clock, no score)


def format_percent(value: float | None, lang: str | None) -> str:
    """A share as a percentage, with the decimal comma in Vietnamese."""
    if value is None:
        return NOTHING
    shown = f"{value * 100:.1f}%"
    return shown.replace(".", ",") if lang == "vi" else shown


def format_number(value: float | None, lang: str | None) -> str:
    """A figure with at most two decimals, with the decimal comma in Vietnamese."""
    if value is None:
        return NOTHING
    shown = f"{value:.2f}".rstrip("0").rstrip(".")
    return shown.replace(".", ",") if lang == "vi" else shown


def channel_label(lang: str | None, channel: str) -> str:
    """A reply channel as people name it ("điện thoại" for phone); an unknown one as written."""
    catalogue = labels_for(lang)
    return str(catalogue.get(f"channel_{channel}", LABELS["en"].get(f"channel_{channel}", channel)))


def format_moment(moment: datetime, lang: str | None, zone: tzinfo | None = None) -> str:
    """An instant for people, in `zone` (UTC when None), with its UTC offset.

    Vietnamese: dd/mm/yyyy HH:mm (vi-style.md); English: yyyy-mm-dd HH:mm.
    """
    local = moment.astimezone(zone or UTC)
    offset = local.utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds()) // 60
    hours, rest = divmod(abs(minutes), 60)
    suffix = "UTC" if not minutes else f"UTC{'+' if minutes > 0 else '-'}{hours}" + (f":{rest:02d}" if rest else "")
    shown = local.strftime("%d/%m/%Y %H:%M") if lang == "vi" else local.strftime("%Y-%m-%d %H:%M")
    return f"{shown} ({suffix})"


def plural(count: int, word: str) -> str:
    """`1 file`, `2 files`: the English counts of lint and test summaries."""
    return f"{count} {word}{'' if count == 1 else 's'}"
