"""Business calendars (format 1.1, section 2): when a support desk works, and SLA time counted in it.

A clock with `calendar: office` counts only the office's working time, so "4h" on a
Friday afternoon runs on into Monday. This module answers the two questions every
clock asks: how much working time lies between two instants (`business_time`), and at
which instant a target is reached (`add_business_time`, the due time). It also checks a
raw `calendars.NAME` mapping and says, for each problem, where it is and what to write
instead (`calendar_problems`), so lint can locate every message at its YAML key.

How time is reckoned (choices the spec leaves open, made once here):

- Working hours are local wall-clock times in the calendar's `timezone`. An instant is
  working time when its wall time in that zone falls in one of the intervals of its
  local date. Business time is therefore real elapsed time, what the customer waits:
  on a day the clocks spring forward, the skipped wall times are not worked
  (08:00-12:00 across a one-hour skip counts 3h, and a wall time that does not exist
  never crashes anything); on a day they fall back, repeated wall times are worked both
  times (counts 5h). All arithmetic is done on UTC instants: Python compares and
  subtracts two datetimes that share a tzinfo by their wall times, which is wrong
  across a fall-back, so this module never does that and callers should not either
  (and it calls a repeated wall time unequal to every instant of another zone:
  compare results with `.astimezone(UTC)`).
- Instants must be aware datetimes (any zone); results come back in the calendar's
  zone. Precision is the datetime's own (microseconds): nothing is rounded.
- Day ranges run forward from `mon` to `sun` only (`mon-fri`, `sat-sun`); a wrapping
  range such as `fri-mon` is an error that says to write `fri-sun` and `mon` instead,
  because a week that "starts" on Friday reads differently to different people.
- A make-up day (`workdays`) is worked with Monday's hours; when Monday has none, with
  the hours of the first weekday (in mon…sun order) that has some.
- A due time is the earliest instant at which the target is reached: a target that is
  used up exactly at 17:30 is due at 17:30, not at the next morning's opening. A zero
  target is due at its start.
- A calendar-less clock counts round the clock: `ROUND_THE_CLOCK` offers the same
  methods with plain elapsed time, so callers need no special case.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from functools import cache, lru_cache
from typing import Any, NamedTuple, Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from playbook_cli.core.errors import PlaybookError
from playbook_cli.core.suggest import closest, did_you_mean

DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
CALENDAR_KEYS = ("timezone", "hours", "holidays", "workdays")
MINUTES_PER_DAY = 24 * 60

# A calendar without working time in this long is broken, not busy: stop and say so.
SEARCH_LIMIT = timedelta(days=3653)

_ONE_DAY = timedelta(days=1)
# add_business_time and business_time walk the calendar this many days at a time.
_CHUNK = timedelta(days=14)
# Offsets are probed this often to find DST transitions; no zone changes offset twice in 6 hours.
_OFFSET_PROBE = timedelta(hours=6)

_INTERVAL = re.compile(r"^\d\d:\d\d-\d\d:\d\d$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_EXAMPLE_HOURS = 'mon-fri: ["08:00-12:00", "13:30-17:30"]'

# Keys as the YAML loader gave them (normally str; a stray int or bool key is reported where it stands).
Path = tuple[Any, ...]


class WallInterval(NamedTuple):
    """Working hours within one day, in minutes since local midnight; `end` may be 1440 (24:00)."""

    start: int
    end: int


DayHours = tuple[WallInterval, ...]


class CalendarProblem(NamedTuple):
    """One problem in a raw calendar: where it is inside the calendar mapping, and what to write instead."""

    path: Path
    message: str


class CalendarError(PlaybookError, ValueError):
    """A calendar that cannot be built or used: invalid data, or no working time at all."""


# ---------------------------------------------------------------------------
# The model


@dataclass(frozen=True)
class Calendar:
    """A checked calendar. Hashable, immutable, and safe to share between clocks.

    `hours` holds seven entries, Monday first (`date.weekday()` order), each the day's
    working intervals in increasing order.
    """

    name: str
    timezone: ZoneInfo
    hours: tuple[DayHours, ...]
    holiday_countries: tuple[str, ...] = ()
    extra_holidays: frozenset[date] = frozenset()
    workdays: frozenset[date] = frozenset()

    def __post_init__(self) -> None:
        if len(self.hours) != len(DAY_NAMES):
            raise ValueError(f"a calendar needs hours for 7 weekdays, not {len(self.hours)}")

    @property
    def timezone_name(self) -> str:
        """The IANA name, as written in the playbook and shown in clock objects."""
        return self.timezone.key

    @property
    def makeup_hours(self) -> DayHours:
        """The hours of a make-up day: Monday's, else those of the first weekday that has some."""
        return next((day_hours for day_hours in self.hours if day_hours), ())

    def is_holiday(self, day: date) -> bool:
        """Whether `day` is an extra holiday or a public holiday of one of the countries."""
        return day in self.extra_holidays or any(day in _public_holidays(country, day.year) for country in self.holiday_countries)

    def hours_on(self, day: date) -> DayHours:
        """The wall-clock working intervals of a local date: make-up day, holiday or plain weekday."""
        if day in self.workdays:
            return self.makeup_hours
        if self.is_holiday(day):
            return ()
        return self.hours[day.weekday()]

    def is_day_off(self, day: date) -> bool:
        """Whether nobody works on the local date `day` (a weekend, a holiday, a day without hours)."""
        return not self.hours_on(day)

    def working_intervals(self, day: date) -> list[tuple[datetime, datetime]]:
        """The instants worked on local date `day`, as (start, end) in the calendar's zone, merged.

        Usually one pair per interval of `hours`; a DST change inside an interval may
        shorten it (skipped wall times) or split it in two (repeated wall times).
        """
        return [(start.astimezone(self.timezone), end.astimezone(self.timezone)) for start, end in self._day_pieces(day)]

    def business_time(self, start: datetime, end: datetime) -> timedelta:
        """The working time between two instants; zero when `end` is not after `start`."""
        low, high = _as_utc(start), _as_utc(end)
        total = timedelta(0)
        for piece_start, piece_end in self._pieces_between(low, high):
            total += piece_end - piece_start
        return total

    def add_business_time(self, start: datetime, amount: timedelta) -> datetime:
        """The due time: the earliest instant at which `amount` of working time has passed since `start`.

        Walks working intervals a couple of weeks at a time, so a long holiday costs
        nothing. Raises CalendarError when the calendar has no working time for
        `SEARCH_LIMIT` (every day off), rather than searching forever.
        """
        if amount < timedelta(0):
            raise ValueError(f"a business-time amount cannot be negative: {amount}")
        remaining = amount
        cursor = _as_utc(start)
        if not remaining:
            return cursor.astimezone(self.timezone)
        for piece_start, piece_end in self._pieces_from(cursor):
            length = piece_end - piece_start
            if length >= remaining:
                return (piece_start + remaining).astimezone(self.timezone)
            remaining -= length
        raise self._no_working_time(start)

    def next_working_instant(self, moment: datetime) -> datetime:
        """The first working instant at or after `moment` (itself when it is inside working hours).

        Where a clock started outside hours begins to count. Raises CalendarError like
        `add_business_time` when there is none within `SEARCH_LIMIT`.
        """
        for piece_start, _ in self._pieces_from(_as_utc(moment)):
            return piece_start.astimezone(self.timezone)
        raise self._no_working_time(moment)

    # -- internals: every instant below is an aware datetime in UTC

    def _no_working_time(self, start: datetime) -> CalendarError:
        return CalendarError(
            f"calendar '{self.name}' has no working time in the {SEARCH_LIMIT.days // 365} years after {start.isoformat()}; "
            "give it working hours, or fewer holidays"
        )

    def _day_pieces(self, day: date) -> tuple[tuple[datetime, datetime], ...]:
        """The working instants of local date `day`, cached: every clock of every walk asks the same days."""
        return _day_pieces_of(self, day)

    def _compute_day_pieces(self, day: date) -> tuple[tuple[datetime, datetime], ...]:
        """The working instants of local date `day`, in UTC, sorted and merged.

        Within a stretch of constant UTC offset, wall time = instant + offset, so each
        wall interval maps to one instant interval, cut to the stretch. That is what
        makes skipped wall times count nothing and repeated ones count twice.
        """
        wall_intervals = self.hours_on(day)
        if not wall_intervals:
            return ()
        midnight_as_utc = datetime(day.year, day.month, day.day, tzinfo=UTC)
        pieces = []
        for stretch_start, stretch_end, offset in _offset_stretches(self.timezone, day):
            for interval in wall_intervals:
                start = max(stretch_start, midnight_as_utc + timedelta(minutes=interval.start) - offset)
                end = min(stretch_end, midnight_as_utc + timedelta(minutes=interval.end) - offset)
                if start < end:
                    pieces.append((start, end))
        return tuple(_merged(pieces))

    def _pieces_between(self, low: datetime, high: datetime) -> list[tuple[datetime, datetime]]:
        """The working instants in [low, high), sorted and merged.

        Reads one local date more on each side: around a fall-back across midnight an
        instant's local date can be the day before or after the one at `low` or `high`.
        """
        if high <= low:
            return []
        first_day = low.astimezone(self.timezone).date() - _ONE_DAY
        last_day = high.astimezone(self.timezone).date() + _ONE_DAY
        pieces = []
        day = first_day
        while day <= last_day:
            for start, end in self._day_pieces(day):
                start, end = max(start, low), min(end, high)
                if start < end:
                    pieces.append((start, end))
            day += _ONE_DAY
        return _merged(pieces)

    def _pieces_from(self, start: datetime) -> Iterator[tuple[datetime, datetime]]:
        """Working instants from `start` on, in order, until `SEARCH_LIMIT` passes without any."""
        if not any(self.hours):
            return
        cursor = last_worked = start
        while cursor - last_worked < SEARCH_LIMIT:
            chunk_end = cursor + _CHUNK
            for piece in self._pieces_between(cursor, chunk_end):
                last_worked = chunk_end
                yield piece
            cursor = chunk_end


@lru_cache(maxsize=1 << 16)
def _day_pieces_of(calendar: Calendar, day: date) -> tuple[tuple[datetime, datetime], ...]:
    # A calendar is frozen and hashable, so its days can be cached across walks and clocks.
    return calendar._compute_day_pieces(day)


class WorkingTime(Protocol):
    """What a clock needs from its calendar; `Calendar` and `ROUND_THE_CLOCK` both provide it."""

    def business_time(self, start: datetime, end: datetime) -> timedelta: ...

    def add_business_time(self, start: datetime, amount: timedelta) -> datetime: ...

    def next_working_instant(self, moment: datetime) -> datetime: ...


@dataclass(frozen=True)
class RoundTheClock:
    """The working time of a clock without a calendar: every instant counts.

    Results keep the zone of the instant given, and are computed in UTC, so a
    fall-back night is 25 hours long here too.
    """

    def business_time(self, start: datetime, end: datetime) -> timedelta:
        return max(_as_utc(end) - _as_utc(start), timedelta(0))

    def add_business_time(self, start: datetime, amount: timedelta) -> datetime:
        if amount < timedelta(0):
            raise ValueError(f"a business-time amount cannot be negative: {amount}")
        return (_as_utc(start) + amount).astimezone(start.tzinfo)

    def next_working_instant(self, moment: datetime) -> datetime:
        _as_utc(moment)
        return moment


ROUND_THE_CLOCK = RoundTheClock()


def _as_utc(moment: datetime) -> datetime:
    """`moment` in UTC; naive datetimes are refused, since their zone would be a guess."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{moment.isoformat()} has no time zone; give an aware datetime")
    return moment.astimezone(UTC)


def _merged(pieces: list[tuple[datetime, datetime]]) -> list[tuple[datetime, datetime]]:
    """Intervals sorted, with overlapping or touching ones joined."""
    result: list[tuple[datetime, datetime]] = []
    for start, end in sorted(pieces):
        if result and start <= result[-1][1]:
            result[-1] = (result[-1][0], max(end, result[-1][1]))
        else:
            result.append((start, end))
    return result


def _utc_offset(zone: tzinfo, instant: datetime) -> timedelta:
    offset = instant.astimezone(zone).utcoffset()
    assert offset is not None  # a ZoneInfo always has one
    return offset


@lru_cache(maxsize=8192)
def _offset_stretches(zone: ZoneInfo, day: date) -> tuple[tuple[datetime, datetime, timedelta], ...]:
    """The UTC window that can hold instants of local date `day`, cut where the zone's offset changes.

    Offsets lie within ±24h, so those instants lie between the day's midnight read as
    UTC minus one day and plus two days. Each (start, end, offset) has one offset.
    Cached: consecutive days share most of their window, and zoneinfo has no public
    list of transitions.
    """
    midnight_as_utc = datetime(day.year, day.month, day.day, tzinfo=UTC)
    low, high = midnight_as_utc - _ONE_DAY, midnight_as_utc + 2 * _ONE_DAY
    stretches = []
    stretch_start, stretch_offset = low, _utc_offset(zone, low)
    probe = low
    while probe < high:
        next_probe = min(probe + _OFFSET_PROBE, high)
        next_offset = _utc_offset(zone, next_probe)
        if next_offset != stretch_offset:
            change = _offset_change(zone, probe, next_probe, stretch_offset)
            stretches.append((stretch_start, change, stretch_offset))
            stretch_start, stretch_offset = change, next_offset
        probe = next_probe
    stretches.append((stretch_start, high, stretch_offset))
    return tuple(stretches)


def _offset_change(zone: tzinfo, before: datetime, after: datetime, old_offset: timedelta) -> datetime:
    """The first instant (to the second; tz transitions fall on whole seconds) after `before` with a new offset."""
    low, high = int(before.timestamp()), int(after.timestamp())
    while high - low > 1:
        middle = (low + high) // 2
        if _utc_offset(zone, datetime.fromtimestamp(middle, UTC)) == old_offset:
            low = middle
        else:
            high = middle
    return datetime.fromtimestamp(high, UTC)


@cache
def _public_holidays(country: str, year: int) -> frozenset[date]:
    """Public holidays of a country in a year, from the maintained `holidays` package (lunar ones included)."""
    import holidays  # lazy: heavy (~0.1s), needed only by calendars with a country

    return frozenset(holidays.country_holidays(country, years=year))


# ---------------------------------------------------------------------------
# Reading the raw YAML mapping


def calendar_problems(raw: object) -> list[CalendarProblem]:
    """Every problem in a raw `calendars.NAME` value, each with its path inside it and what to write instead.

    Paths are keys and list indexes from the calendar mapping down, e.g.
    `("hours", "mon-fri", 1)` for the second interval of `mon-fri`, `("holidays", 0)`,
    `("timezone",)`; `()` is the calendar itself (for a missing key). An empty list
    means `build_calendar` will succeed.
    """
    if not isinstance(raw, Mapping):
        return [CalendarProblem((), "a calendar is a mapping with timezone, hours, holidays and workdays; " + _example_hint())]
    problems: list[CalendarProblem] = []
    for key in raw:
        if key not in CALENDAR_KEYS and not str(key).startswith("x-"):  # x- keys are ignored, as everywhere
            problems.append(
                CalendarProblem(
                    (key,), f"'{key}' is not a calendar key; write timezone, hours, holidays or workdays{did_you_mean(key, CALENDAR_KEYS)}"
                )
            )
    if "timezone" in raw:
        problems += _timezone_problems(raw["timezone"])
    else:
        problems.append(CalendarProblem((), "the calendar has no timezone; add one, e.g. timezone: Asia/Ho_Chi_Minh"))
    problems += _hours_problems(raw.get("hours"), "hours" in raw)
    holiday_dates = _date_list_problems(raw, "holidays", problems)
    workday_dates = _date_list_problems(raw, "workdays", problems)
    for index, day in workday_dates.items():
        if day in holiday_dates.values():
            problems.append(
                CalendarProblem(
                    ("workdays", index),
                    f"{day.isoformat()} is also listed in holidays; a day is either off or worked: remove it from one of the two lists",
                )
            )
    return problems


def build_calendar(name: str, raw: Mapping[str, object]) -> Calendar:
    """The Calendar a raw mapping describes. Raises CalendarError listing the problems if there are any."""
    problems = calendar_problems(raw)
    if problems:
        raise CalendarError(
            f"calendar '{name}' has {len(problems)} problem(s)",
            details=[f"  {'.'.join(map(str, problem.path)) or name}: {problem.message}" for problem in problems],
        )
    weekly: list[DayHours] = [() for _ in DAY_NAMES]
    hours = raw["hours"]
    assert isinstance(hours, Mapping)
    for key, intervals in hours.items():
        day_range = _day_range(key)
        assert day_range is not None and isinstance(intervals, list)
        parsed = tuple(interval for interval in map(_parse_interval, intervals) if interval is not None)
        for weekday in range(day_range[0], day_range[1] + 1):
            weekly[weekday] = parsed
    countries: list[str] = []
    extra_holidays: set[date] = set()
    for entry in _list_of(raw, "holidays"):
        day = _parse_date(entry)
        if day is None:
            countries.append(str(entry))
        else:
            extra_holidays.add(day)
    workdays = {day for day in map(_parse_date, _list_of(raw, "workdays")) if day is not None}
    return Calendar(
        name=name,
        timezone=ZoneInfo(str(raw["timezone"])),
        hours=tuple(weekly),
        holiday_countries=tuple(dict.fromkeys(countries)),
        extra_holidays=frozenset(extra_holidays),
        workdays=frozenset(workdays),
    )


def _example_hint() -> str:
    return f"e.g. timezone: Asia/Ho_Chi_Minh and hours: {{{_EXAMPLE_HOURS}}}"


def _list_of(raw: Mapping[str, object], key: str) -> list[object]:
    value = raw.get(key)
    return value if isinstance(value, list) else []


def _timezone_problems(value: object) -> list[CalendarProblem]:
    hint = "write an IANA time-zone name such as Asia/Ho_Chi_Minh or Europe/Paris"
    if not isinstance(value, str):
        return [CalendarProblem(("timezone",), f"{value!r} is not a time-zone name; {hint}")]
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return [CalendarProblem(("timezone",), f"'{value}' is not an IANA time-zone name; {hint}{_zone_suggestion(value)}")]
    return []


def _zone_suggestion(value: str) -> str:
    """Did-you-mean over the tz database, ignoring case ('asia/ho_chi_minh' → 'Asia/Ho_Chi_Minh')."""
    by_lower_name = {zone.lower(): zone for zone in available_timezones()}
    found = by_lower_name.get(value.lower()) or by_lower_name.get(closest(value.lower(), by_lower_name) or "")
    return f"; did you mean '{found}'?" if found else ""


def _hours_problems(value: object, present: bool) -> list[CalendarProblem]:
    if not present:
        return [CalendarProblem((), f"the calendar has no hours; add the working days, e.g. hours: {{{_EXAMPLE_HOURS}}}")]
    if not isinstance(value, Mapping):
        return [CalendarProblem(("hours",), f"hours is a mapping from days to lists of intervals; write e.g. {_EXAMPLE_HOURS}")]
    problems: list[CalendarProblem] = []
    listed_under: dict[int, str] = {}  # weekday → the key that listed it first
    any_working_time = False
    for key, intervals in value.items():
        day_range = _day_range(key)
        if day_range is None:
            problems.append(CalendarProblem(("hours", key), _bad_day_key_message(key)))
        else:
            weekdays = range(day_range[0], day_range[1] + 1)
            repeated = [weekday for weekday in weekdays if weekday in listed_under]
            if repeated:
                earlier = " and ".join(dict.fromkeys(f"'{listed_under[weekday]}'" for weekday in repeated))
                if len(weekdays) == 1:
                    message = f"'{key}' is already listed under {earlier}; list each day once"
                else:
                    names = ", ".join(DAY_NAMES[weekday] for weekday in repeated)
                    message = f"'{key}' lists {names} again, already under {earlier}; list each day once"
                problems.append(CalendarProblem(("hours", key), message))
            for weekday in weekdays:
                listed_under.setdefault(weekday, str(key))
        interval_problems, has_intervals = _intervals_problems(key, intervals)
        problems += interval_problems
        any_working_time = any_working_time or has_intervals
    if not problems and not any_working_time:
        problems.append(CalendarProblem(("hours",), f"this calendar has no working hours; list at least one day, e.g. {_EXAMPLE_HOURS}"))
    return problems


def _day_range(key: object) -> tuple[int, int] | None:
    """(first, last) weekday of a day key such as `sat` or `mon-fri`; None unless it is a valid forward range."""
    if not isinstance(key, str):
        return None
    first, dash, last = key.partition("-")
    if not dash:
        return (DAY_NAMES.index(first),) * 2 if first in DAY_NAMES else None
    if first not in DAY_NAMES or last not in DAY_NAMES:
        return None
    start, end = DAY_NAMES.index(first), DAY_NAMES.index(last)
    return (start, end) if start < end else None


def _bad_day_key_message(key: object) -> str:
    days = "write mon, tue, wed, thu, fri, sat or sun, or a range such as mon-fri"
    if isinstance(key, str):
        first, _, last = key.partition("-")
        if first in DAY_NAMES and last in DAY_NAMES:
            if first == last:
                return f"'{key}' is a range of one day; write {first}"
            wrapped = f"{first}-sun" if first != "sun" else "sun"
            head = f"mon-{last}" if last != "mon" else "mon"
            return f"'{key}' runs backwards; ranges go from mon towards sun: write {wrapped} and {head} as two keys"
    options = [*DAY_NAMES, "mon-fri", "mon-sat", "sat-sun"]
    suggestion = did_you_mean(str(key).lower()[:3] if isinstance(key, str) and "-" not in key else str(key).lower(), options)
    return f"{str(key)!r} is not a day; {days}{suggestion}"


def _intervals_problems(key: Any, intervals: object) -> tuple[list[CalendarProblem], bool]:
    """Problems of one day's interval list, and whether it holds at least one valid interval."""
    example = '["08:00-12:00", "13:30-17:30"]'
    if isinstance(intervals, str):
        return [CalendarProblem(("hours", key), f'write a list of intervals, even for one: ["{intervals}"]')], False
    if not isinstance(intervals, list):
        return [
            CalendarProblem(("hours", key), f"write a list of intervals such as {example}, or remove the day to make it a day off")
        ], False
    problems: list[CalendarProblem] = []
    previous: tuple[str, WallInterval] | None = None
    for index, text in enumerate(intervals):
        path: Path = ("hours", key, index)
        message = _interval_message(text)
        if message:
            problems.append(CalendarProblem(path, message))
            continue
        interval = _parse_interval(text)
        assert interval is not None
        if previous is not None and interval.start < previous[1].end:
            if interval.start < previous[1].start:
                message = f"'{text}' comes after '{previous[0]}' but starts before it; list intervals in increasing order"
            else:
                message = f"'{text}' overlaps '{previous[0]}'; intervals must not overlap: join them or move one"
            problems.append(CalendarProblem(path, message))
        previous = (str(text), interval)
    return problems, previous is not None


def _interval_message(text: object) -> str | None:
    """Why `text` is not a usable interval, or None when it is one."""
    shape = 'write "HH:MM-HH:MM" such as "08:00-12:00"'
    if not isinstance(text, str):
        return f"{text!r} is not an interval; {shape}"
    if not _INTERVAL.match(text):
        tidied = _tidied_interval(text)
        return f"'{text}' is not an interval; write '{tidied}'" if tidied else f"'{text}' is not an interval; {shape}"
    start_text, end_text = text.split("-")
    for part in (start_text, end_text):
        if _minutes(part) is None:
            return f"'{part}' is not a time; write HH:MM from 00:00 to 24:00"
    start, end = _minutes(start_text), _minutes(end_text)
    assert start is not None and end is not None
    if end < start:
        return f"'{text}' ends before it starts; an interval stays within one day: write '{start_text}-24:00' here and '00:00-{end_text}' on the next day"
    if end == start:
        return f"'{text}' is empty; write an end later than its start, or remove it"
    return None


def _tidied_interval(text: str) -> str | None:
    """The well-formed spelling of a near miss such as '8:00 - 12:00' ('08:00-12:00'), or None."""
    parts = text.replace(" ", "").split("-")
    if len(parts) != 2 or not all(re.fullmatch(r"\d{1,2}:\d\d", part) for part in parts):
        return None
    tidied = "-".join(part.zfill(5) for part in parts)
    return tidied if tidied != text and _interval_message(tidied) is None else None


def _minutes(text: str) -> int | None:
    """Minutes since midnight of "HH:MM" (00:00 to 24:00), or None."""
    hours, minutes = int(text[:2]), int(text[3:])
    if minutes > 59 or hours > 24 or (hours == 24 and minutes):
        return None
    return hours * 60 + minutes


def _parse_interval(text: object) -> WallInterval | None:
    if not isinstance(text, str) or _interval_message(text):
        return None
    start_text, end_text = text.split("-")
    start, end = _minutes(start_text), _minutes(end_text)
    assert start is not None and end is not None
    return WallInterval(start, end)


def _parse_date(value: object) -> date | None:
    """The date of a "YYYY-MM-DD" string (or of a date a YAML library already made), else None."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str) and _ISO_DATE.match(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


def _looks_like_date(value: object) -> bool:
    return isinstance(value, date) or (isinstance(value, str) and value[:1].isdigit())


def _date_list_problems(raw: Mapping[str, object], key: str, problems: list[CalendarProblem]) -> dict[int, date]:
    """Checks `holidays` or `workdays`, appending to `problems`; returns the valid dates by index."""
    if key not in raw:
        return {}
    value = raw[key]
    if not isinstance(value, list):
        example = '[VN, "2027-02-05"]' if key == "holidays" else '["2026-05-09"]'
        what = "country codes and dates" if key == "holidays" else "dates"
        problems.append(CalendarProblem((key,), f"{key} is a list of {what}; write e.g. {key}: {example}"))
        return {}
    dates: dict[int, date] = {}
    for index, entry in enumerate(value):
        day = _parse_date(entry)
        if day is not None:
            dates[index] = day
        elif key == "holidays" and not _looks_like_date(entry):
            message = _country_message(entry)
            if message:
                problems.append(CalendarProblem((key, index), message))
        else:
            problems.append(CalendarProblem((key, index), f'{str(entry)!r} is not a date; write YYYY-MM-DD, e.g. "2027-02-05"'))
    return dates


def _country_message(value: object) -> str | None:
    """Why `value` is not a country code the holiday library knows, or None when it is one."""
    if isinstance(value, bool):
        # YAML 1.1 reads NO (Norway) as false, and YES/ON as true.
        return 'this entry was read as a yes/no value (YAML reads a bare NO as false); put the country code in quotes, e.g. "NO" for Norway'
    hint = "write an ISO 3166-1 alpha-2 code"
    if not isinstance(value, str):
        return f"{value!r} is not a country code; {hint} such as VN"
    supported = _supported_countries()
    if value in supported:
        return None
    if value.upper() in supported:
        return f"'{value}' is not a country code; write it in capitals: {value.upper()}"
    alpha_2 = _alpha_2_of_alias(value.upper())
    if alpha_2:
        return f"'{value}' is not a country code; {hint} such as {alpha_2}"
    nearest = _nearest_countries(value.upper(), supported)
    return f"'{value}' is not a country code with known public holidays; {hint} such as {', '.join(nearest)}"


@lru_cache(maxsize=1)
def _supported_countries() -> frozenset[str]:
    """The alpha-2 codes whose public holidays the `holidays` package knows (aliases such as UK left out)."""
    import holidays  # lazy: see _public_holidays

    return frozenset(holidays.list_supported_countries(include_aliases=False))


def _alpha_2_of_alias(code: str) -> str | None:
    """The alpha-2 code behind an alias the holiday library accepts (VNM → VN, UK → GB), or None."""
    import holidays  # lazy: see _public_holidays

    if code not in holidays.list_supported_countries(include_aliases=True):
        return None
    country = getattr(holidays.country_holidays(code), "country", None)
    return country if isinstance(country, str) and country in _supported_countries() else None


def _nearest_countries(code: str, supported: frozenset[str], limit: int = 4) -> list[str]:
    """Supported codes that look like `code`: the closest by difflib first, then those sharing its first letter."""
    import difflib

    near = difflib.get_close_matches(code, sorted(supported), n=limit, cutoff=0.5)
    same_letter = sorted(option for option in supported if code[:1] and option.startswith(code[:1]))
    found = list(dict.fromkeys([*near, *same_letter]))[:limit]
    return found or ["VN", "FR", "US"]
