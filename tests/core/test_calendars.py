"""Business calendars: named cases from the desk's week, properties against a minute-by-minute reference, and every problem lint reports."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import holidays
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from playbook_cli.core.calendars import (
    ROUND_THE_CLOCK,
    Calendar,
    CalendarError,
    WallInterval,
    build_calendar,
    calendar_problems,
)

HCM = ZoneInfo("Asia/Ho_Chi_Minh")
PARIS = ZoneInfo("Europe/Paris")
OFFICE_HOURS = ["08:00-12:00", "13:30-17:30"]


def office(**extra: Any) -> Calendar:
    """Monday to Friday, 08:00-12:00 and 13:30-17:30, in Ho Chi Minh City."""
    return build_calendar("office", {"timezone": "Asia/Ho_Chi_Minh", "hours": {"mon-fri": OFFICE_HOURS}, **extra})


def local(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=HCM)


# ---------------------------------------------------------------------------
# Named cases


def test_a_friday_afternoon_target_runs_into_monday():
    due = office().add_business_time(local(2026, 11, 20, 16, 30), timedelta(hours=4))
    assert due == local(2026, 11, 23, 11, 0)
    assert due.tzinfo == HCM


def test_lunch_does_not_count():
    assert office().add_business_time(local(2026, 11, 23, 11, 0), timedelta(hours=2)) == local(2026, 11, 23, 14, 30)


def test_a_start_outside_hours_counts_from_the_next_opening():
    assert office().add_business_time(local(2026, 11, 21, 10, 0), timedelta(hours=1)) == local(2026, 11, 23, 9, 0)


def test_a_target_used_up_at_closing_time_is_due_at_closing_time():
    assert office().add_business_time(local(2026, 11, 20, 16, 30), timedelta(hours=1)) == local(2026, 11, 20, 17, 30)


def test_tet_2027_comes_from_the_holidays_package_and_is_skipped():
    vietnam_2027 = holidays.country_holidays("VN", years=2027)
    tet = sorted(day for day, name in vietnam_2027.items() if "Lunar New Year" in name)
    # What the library says (checked when this test was written): 29 Tết to the fifth day, Thursday 4 to Wednesday 10 February.
    assert tet[0] == date(2027, 2, 4) and tet[-1] == date(2027, 2, 10)
    calendar = office(holidays=["VN"])
    assert all(calendar.is_day_off(day) for day in tet)
    due = calendar.add_business_time(local(2027, 2, 3, 16, 0), timedelta(hours=4))
    assert due.date() > tet[-1]
    assert due == local(2027, 2, 11, 10, 30)  # 1h30 on Wednesday 3, then 2h30 on Thursday 11


def test_hung_kings_day_is_a_public_holiday():
    assert office(holidays=["VN"]).is_day_off(date(2027, 4, 16))
    assert not office().is_day_off(date(2027, 4, 16))


def test_a_long_target_across_tet_is_walked_day_by_day_not_minute_by_minute():
    calendar = office(holidays=["VN"])
    began = time.perf_counter()
    due = calendar.add_business_time(local(2027, 2, 3, 16, 0), timedelta(days=2))
    assert due == local(2027, 2, 18, 16, 0)  # 48h = 1h30 + five 8h days (11, 12, 15, 16, 17 Feb) + 6h30 on the 18th
    assert time.perf_counter() - began < 1.0


def test_a_make_up_saturday_is_worked_with_mondays_hours():
    calendar = office(workdays=["2026-05-09"])
    assert calendar.working_intervals(date(2026, 5, 9)) == [
        (local(2026, 5, 9, 8, 0), local(2026, 5, 9, 12, 0)),
        (local(2026, 5, 9, 13, 30), local(2026, 5, 9, 17, 30)),
    ]
    assert calendar.add_business_time(local(2026, 5, 8, 17, 0), timedelta(hours=1)) == local(2026, 5, 9, 8, 30)
    assert office().add_business_time(local(2026, 5, 8, 17, 0), timedelta(hours=1)) == local(2026, 5, 11, 8, 30)


def test_a_make_up_day_is_worked_even_on_a_public_holiday():
    calendar = office(holidays=["VN"], workdays=["2027-02-06"])
    assert not calendar.is_day_off(date(2027, 2, 6))
    assert calendar.is_day_off(date(2027, 2, 5))


def test_without_monday_hours_a_make_up_day_takes_the_first_working_weekday():
    calendar = build_calendar(
        "shop",
        {"timezone": "UTC", "hours": {"tue-fri": ["09:00-17:00"], "sat": ["10:00-14:00"]}, "workdays": ["2026-11-22"]},
    )
    assert calendar.makeup_hours == (WallInterval(9 * 60, 17 * 60),)
    assert calendar.working_intervals(date(2026, 11, 22))[0][0] == datetime(2026, 11, 22, 9, tzinfo=UTC)


def test_an_extra_holiday_date_is_a_day_off():
    calendar = office(holidays=["2026-11-23"])
    assert calendar.is_day_off(date(2026, 11, 23))
    assert calendar.add_business_time(local(2026, 11, 20, 16, 30), timedelta(hours=4)) == local(2026, 11, 24, 11, 0)


def test_business_time_leaves_out_the_weekend_and_the_night():
    calendar = office()
    assert calendar.business_time(local(2026, 11, 20, 16, 0), local(2026, 11, 23, 9, 0)) == timedelta(hours=2, minutes=30)
    assert calendar.business_time(local(2026, 11, 23, 9, 0), local(2026, 11, 20, 16, 0)) == timedelta(0)


def test_a_start_given_in_utc_is_converted_to_the_calendars_zone():
    start = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)  # 16:30 in Ho Chi Minh City
    due = office().add_business_time(start, timedelta(hours=4))
    assert due == datetime(2026, 11, 23, 4, 0, tzinfo=UTC)
    assert due.tzinfo == HCM and (due.hour, due.minute) == (11, 0)


def test_seconds_and_microseconds_are_kept():
    calendar = office()
    start = local(2026, 11, 23, 11, 59, 30, 250_000)
    due = calendar.add_business_time(start, timedelta(seconds=45))
    assert due == local(2026, 11, 23, 13, 30, 15, 250_000)
    assert calendar.business_time(start, due) == timedelta(seconds=45)


def test_a_zero_target_is_due_at_its_start_and_a_negative_one_is_refused():
    calendar = office()
    assert calendar.add_business_time(local(2026, 11, 21, 10, 0), timedelta(0)) == local(2026, 11, 21, 10, 0)
    with pytest.raises(ValueError, match="negative"):
        calendar.add_business_time(local(2026, 11, 21, 10, 0), timedelta(minutes=-1))


def test_naive_datetimes_are_refused():
    with pytest.raises(ValueError, match="no time zone"):
        office().business_time(datetime(2026, 11, 20, 8), datetime(2026, 11, 20, 9))


def test_next_working_instant():
    calendar = office()
    assert calendar.next_working_instant(local(2026, 11, 20, 9, 15)) == local(2026, 11, 20, 9, 15)
    assert calendar.next_working_instant(local(2026, 11, 20, 12, 0)) == local(2026, 11, 20, 13, 30)
    assert calendar.next_working_instant(local(2026, 11, 21, 10, 0)) == local(2026, 11, 23, 8, 0)


def test_hours_ending_at_midnight_join_the_next_mornings():
    calendar = build_calendar("night", {"timezone": "UTC", "hours": {"mon": ["20:00-24:00"], "tue": ["00:00-02:00"]}})
    start = datetime(2026, 11, 23, 23, 0, tzinfo=UTC)
    assert calendar.add_business_time(start, timedelta(hours=2)) == datetime(2026, 11, 24, 1, 0, tzinfo=UTC)


def test_a_calendar_without_working_time_fails_fast_instead_of_looping():
    no_hours = Calendar("closed", HCM, ((),) * 7)
    mondays_only = Calendar(
        "mondays",
        HCM,
        ((WallInterval(480, 540),), (), (), (), (), (), ()),
        extra_holidays=frozenset(date(2026, 11, 23) + timedelta(weeks=n) for n in range(600)),
    )
    began = time.perf_counter()
    for calendar in (no_hours, mondays_only):
        with pytest.raises(CalendarError, match="no working time"):
            calendar.add_business_time(local(2026, 11, 20, 9, 0), timedelta(hours=1))
        with pytest.raises(CalendarError, match="no working time"):
            calendar.next_working_instant(local(2026, 11, 20, 9, 0))
    assert time.perf_counter() - began < 10


def test_a_working_hour_after_a_long_closure_is_still_found():
    mondays_only = Calendar(
        "mondays",
        HCM,
        ((WallInterval(480, 540),), (), (), (), (), (), ()),
        extra_holidays=frozenset(date(2026, 11, 23) + timedelta(weeks=n) for n in range(100)),
    )
    assert mondays_only.next_working_instant(local(2026, 11, 20, 9, 0)) == local(2028, 10, 23, 8, 0)


def test_build_calendar_refuses_unchecked_data():
    with pytest.raises(CalendarError) as raised:
        build_calendar("office", {"timezone": "Mars/Olympus", "hours": {"mon": ["08:00-12:00"]}})
    assert any("Mars/Olympus" in line for line in raised.value.details)


# -- DST: Europe/Paris springs forward on 2026-03-29 (02:00 → 03:00) and falls back on 2026-10-25 (03:00 → 02:00)


def night_shift_in_paris() -> Calendar:
    return build_calendar("paris", {"timezone": "Europe/Paris", "hours": {"mon-sun": ["01:00-04:00"]}})


def test_skipped_wall_times_are_not_worked():
    calendar = night_shift_in_paris()
    [(start, end)] = calendar.working_intervals(date(2026, 3, 29))
    assert calendar.business_time(start, end) == timedelta(hours=2)
    assert calendar.add_business_time(start, timedelta(hours=1, minutes=30)) == datetime(2026, 3, 29, 3, 30, tzinfo=PARIS)


def test_repeated_wall_times_are_worked_twice():
    calendar = night_shift_in_paris()
    [(start, end)] = calendar.working_intervals(date(2026, 10, 25))
    assert calendar.business_time(start, end) == timedelta(hours=4)
    due = calendar.add_business_time(start, timedelta(hours=2, minutes=30))
    assert due.astimezone(UTC) == datetime(2026, 10, 25, 1, 30, tzinfo=UTC)  # 02:30 the second time (CET)
    assert due.utcoffset() == timedelta(hours=1)


def test_a_due_time_on_a_wall_time_that_repeats_is_its_first_occurrence():
    calendar = build_calendar("paris", {"timezone": "Europe/Paris", "hours": {"sun": ["00:00-02:00"]}})
    due = calendar.add_business_time(datetime(2026, 10, 22, tzinfo=UTC), timedelta(hours=2))
    assert due.astimezone(UTC) == datetime(2026, 10, 25, 0, 0, tzinfo=UTC)  # 02:00 CEST, an hour before 02:00 CET
    assert (due.hour, due.minute, due.utcoffset()) == (2, 0, timedelta(hours=2))


def test_an_interval_that_starts_inside_the_skipped_hour_does_not_crash():
    calendar = build_calendar("paris", {"timezone": "Europe/Paris", "hours": {"sun": ["02:30-03:00", "03:00-05:00"]}})
    assert calendar.business_time(datetime(2026, 3, 29, tzinfo=PARIS), datetime(2026, 3, 30, tzinfo=PARIS)) == timedelta(hours=2)


def test_round_the_clock_counts_every_instant_in_real_time():
    start = datetime(2026, 10, 24, 12, 0, tzinfo=PARIS)
    due = ROUND_THE_CLOCK.add_business_time(start, timedelta(hours=25))
    assert due == datetime(2026, 10, 25, 12, 0, tzinfo=PARIS)  # the fall-back night has 25 hours
    assert due.tzinfo == PARIS
    assert ROUND_THE_CLOCK.business_time(start, due) == timedelta(hours=25)
    assert ROUND_THE_CLOCK.business_time(due, start) == timedelta(0)
    assert ROUND_THE_CLOCK.next_working_instant(start) == start


# ---------------------------------------------------------------------------
# Properties against a slow, obviously right reference: look at every minute


ZONES = ["Asia/Ho_Chi_Minh", "UTC", "Europe/Paris", "America/New_York"]
# Around Paris's and New York's DST changes, and Tết 2027.
BASE_DAYS = [date(2026, 3, 6), date(2026, 3, 26), date(2026, 10, 22), date(2026, 10, 30), date(2027, 1, 31)]
MINUTE = timedelta(minutes=1)


@st.composite
def day_hours(draw: st.DrawFn) -> list[tuple[int, int]]:
    """Up to two increasing intervals on a 30-minute grid, from 00:00 to 24:00."""
    bounds = sorted(draw(st.lists(st.integers(0, 48), unique=True, max_size=4)))
    return [(bounds[i] * 30, bounds[i + 1] * 30) for i in range(0, len(bounds) - 1, 2)]


@st.composite
def calendar_cases(draw: st.DrawFn) -> dict[str, Any]:
    weekly = draw(st.lists(day_hours(), min_size=7, max_size=7))
    weekly_minutes = sum(end - start for intervals in weekly for start, end in intervals)
    assume(weekly_minutes >= 120)
    base = draw(st.sampled_from(BASE_DAYS))
    nearby = st.integers(-2, 20).map(lambda n: base + timedelta(days=n))
    extra_holidays = draw(st.sets(nearby, max_size=4))
    workdays = draw(st.sets(nearby, max_size=3)) - extra_holidays
    zone = draw(st.sampled_from(ZONES))
    countries = draw(st.sampled_from([[], ["VN"]]))
    raw = {
        "timezone": zone,
        "hours": {name: [f"{a // 60:02d}:{a % 60:02d}-{b // 60:02d}:{b % 60:02d}" for a, b in weekly[i]] for i, name in enumerate(DAYS)},
        "holidays": [*countries, *(day.isoformat() for day in sorted(extra_holidays))],
        "workdays": [day.isoformat() for day in sorted(workdays)],
    }
    start = datetime(base.year, base.month, base.day, tzinfo=UTC) + draw(st.integers(0, 6 * 24 * 60)) * MINUTE
    target = draw(st.integers(0, min(2 * 24 * 60, 3 * weekly_minutes))) * MINUTE
    return {
        "raw": raw,
        "weekly": weekly,
        "zone": ZoneInfo(zone),
        "countries": countries,
        "extra_holidays": extra_holidays,
        "workdays": workdays,
        "start": start,
        "target": target,
    }


DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class Reference:
    """Working time by the definition, one minute at a time (all test instants and offsets are whole minutes)."""

    LIMIT = 80 * 24 * 60  # minutes looked at before giving up

    def __init__(self, case: dict[str, Any]):
        self.case = case
        self.zone = case["zone"]
        self._hours: dict[date, list[tuple[int, int]]] = {}

    def hours_on(self, day: date) -> list[tuple[int, int]]:
        if day not in self._hours:
            weekly = self.case["weekly"]
            makeup = next((intervals for intervals in weekly if intervals), [])
            holiday = day in self.case["extra_holidays"] or any(
                day in holidays.country_holidays(c, years=day.year) for c in self.case["countries"]
            )
            if day in self.case["workdays"]:
                self._hours[day] = makeup
            elif holiday:
                self._hours[day] = []
            else:
                self._hours[day] = weekly[day.weekday()]
        return self._hours[day]

    def is_working_minute(self, instant: datetime) -> bool:
        wall = instant.astimezone(self.zone)
        minute = wall.hour * 60 + wall.minute
        return any(start <= minute < end for start, end in self.hours_on(wall.date()))

    def add(self, start: datetime, target: timedelta) -> datetime | None:
        needed = target // MINUTE
        if not needed:
            return start
        instant = start
        for _ in range(self.LIMIT):
            if self.is_working_minute(instant):
                needed -= 1
                if not needed:
                    return instant + MINUTE
            instant += MINUTE
        return None

    def business_time(self, start: datetime, end: datetime) -> timedelta:
        count = 0
        instant = start
        while instant < end:
            count += self.is_working_minute(instant)
            instant += MINUTE
        return count * MINUTE


PROPERTY_SETTINGS = settings(deadline=None, max_examples=60, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


@PROPERTY_SETTINGS
@given(calendar_cases())
def test_due_time_matches_the_minute_by_minute_reference(case):
    assert calendar_problems(case["raw"]) == []
    calendar = build_calendar("random", case["raw"])
    expected = Reference(case).add(case["start"], case["target"])
    assume(expected is not None)
    due = calendar.add_business_time(case["start"], case["target"])
    # Compared in UTC: Python calls a wall time that a fall-back repeats unequal to any instant in another zone.
    assert due.astimezone(UTC) == expected
    assert due.tzinfo == case["zone"]
    assert calendar.business_time(case["start"], due) == case["target"]


@PROPERTY_SETTINGS
@given(calendar_cases(), st.integers(0, 3 * 24 * 60))
def test_business_time_matches_the_reference(case, minutes):
    calendar = build_calendar("random", case["raw"])
    end = case["start"] + minutes * MINUTE
    assert calendar.business_time(case["start"], end) == Reference(case).business_time(case["start"], end)


@PROPERTY_SETTINGS
@given(calendar_cases())
def test_next_working_instant_is_the_first_working_minute(case):
    calendar = build_calendar("random", case["raw"])
    reference = Reference(case)
    instant = case["start"]
    for _ in range(Reference.LIMIT):
        if reference.is_working_minute(instant):
            break
        instant += MINUTE
    else:
        assume(False)
    assert calendar.next_working_instant(case["start"]).astimezone(UTC) == instant


@PROPERTY_SETTINGS
@given(calendar_cases(), st.lists(st.integers(0, 4 * 24 * 3600 * 10**6), min_size=3, max_size=3))
def test_business_time_is_additive_over_split_points(case, offsets_in_microseconds):
    calendar = build_calendar("random", case["raw"])
    first, middle, last = (case["start"] + timedelta(microseconds=n) for n in sorted(offsets_in_microseconds))
    whole = calendar.business_time(first, last)
    assert whole == calendar.business_time(first, middle) + calendar.business_time(middle, last)
    assert timedelta(0) <= whole <= last - first


@PROPERTY_SETTINGS
@given(calendar_cases(), st.integers(0, 10**6 * 3600 * 30))
def test_due_time_is_exact_to_the_microsecond(case, target_in_microseconds):
    calendar = build_calendar("random", case["raw"])
    start = case["start"] + timedelta(microseconds=target_in_microseconds % 997_003)
    target = timedelta(microseconds=target_in_microseconds)
    due = calendar.add_business_time(start, target).astimezone(UTC)  # arithmetic on wall times would be off by an hour at a fall-back
    assert calendar.business_time(start, due) == target
    if target:  # the earliest such instant: a microsecond sooner is not enough
        assert calendar.business_time(start, due - timedelta(microseconds=1)) < target


# ---------------------------------------------------------------------------
# calendar_problems


SPEC_EXAMPLE = {
    "timezone": "Asia/Ho_Chi_Minh",
    "hours": {"mon-fri": ["08:00-12:00", "13:30-17:30"], "sat": ["08:00-12:00"]},
    "holidays": ["VN", "2027-02-05"],
    "workdays": ["2026-05-09"],
}


def problems_with(**changes: Any) -> list[tuple[tuple[Any, ...], str]]:
    raw = {**SPEC_EXAMPLE, **changes}
    return [
        (problem.path, problem.message) for problem in calendar_problems({key: value for key, value in raw.items() if value is not None})
    ]


def test_the_spec_example_has_no_problems():
    assert calendar_problems(SPEC_EXAMPLE) == []
    calendar = build_calendar("office", SPEC_EXAMPLE)
    assert calendar.timezone_name == "Asia/Ho_Chi_Minh"
    assert calendar.holiday_countries == ("VN",)
    assert calendar.extra_holidays == {date(2027, 2, 5)}
    assert calendar.hours[5] == (WallInterval(480, 720),)
    assert calendar.hours[6] == ()


def test_24_00_may_end_the_last_interval():
    assert problems_with(hours={"mon": ["18:00-24:00"]}) == []


@pytest.mark.parametrize(
    ("changes", "path", "fragment"),
    [
        ({"timezone": "Asia/Hanoi"}, ("timezone",), "'Asia/Hanoi' is not an IANA time-zone name; write an IANA time-zone name such as"),
        ({"timezone": "asia/ho_chi_minh"}, ("timezone",), "did you mean 'Asia/Ho_Chi_Minh'?"),
        ({"timezone": 7}, ("timezone",), "7 is not a time-zone name"),
        ({"timezone": None}, (), "the calendar has no timezone; add one"),
        ({"hours": {"mon": ["8-12"]}}, ("hours", "mon", 0), "'8-12' is not an interval; write \"HH:MM-HH:MM\""),
        ({"hours": {"mon": ["8:00 - 12:00"]}}, ("hours", "mon", 0), "write '08:00-12:00'"),
        ({"hours": {"mon": ["08:00-25:00"]}}, ("hours", "mon", 0), "'25:00' is not a time; write HH:MM from 00:00 to 24:00"),
        ({"hours": {"mon": ["08:60-12:00"]}}, ("hours", "mon", 0), "'08:60' is not a time"),
        (
            {"hours": {"mon": ["22:00-06:00"]}},
            ("hours", "mon", 0),
            "ends before it starts; an interval stays within one day: write '22:00-24:00'",
        ),
        ({"hours": {"mon": ["09:00-09:00"]}}, ("hours", "mon", 0), "'09:00-09:00' is empty"),
        ({"hours": {"mon": ["08:00-12:00", "11:00-13:00"]}}, ("hours", "mon", 1), "'11:00-13:00' overlaps '08:00-12:00'"),
        ({"hours": {"mon": ["13:00-17:00", "08:00-12:00"]}}, ("hours", "mon", 1), "list intervals in increasing order"),
        ({"hours": {"mon": [800]}}, ("hours", "mon", 0), "800 is not an interval"),
        ({"hours": {"mon": "08:00-17:00"}}, ("hours", "mon"), 'write a list of intervals, even for one: ["08:00-17:00"]'),
        ({"hours": {"mon": None}}, ("hours", "mon"), "or remove the day to make it a day off"),
        (
            {"hours": {"mon-fri": OFFICE_HOURS, "fri": OFFICE_HOURS}},
            ("hours", "fri"),
            "'fri' is already listed under 'mon-fri'; list each day once",
        ),
        (
            {"hours": {"mon-wed": OFFICE_HOURS, "tue-fri": OFFICE_HOURS}},
            ("hours", "tue-fri"),
            "'tue-fri' lists tue, wed again, already under 'mon-wed'",
        ),
        (
            {"hours": {"fri-mon": OFFICE_HOURS}},
            ("hours", "fri-mon"),
            "runs backwards; ranges go from mon towards sun: write fri-sun and mon as two keys",
        ),
        ({"hours": {"mon-mon": OFFICE_HOURS}}, ("hours", "mon-mon"), "is a range of one day; write mon"),
        (
            {"hours": {"monday": OFFICE_HOURS}},
            ("hours", "monday"),
            "'monday' is not a day; write mon, tue, wed, thu, fri, sat or sun, or a range such as mon-fri; did you mean 'mon'?",
        ),
        ({"hours": {}}, ("hours",), "this calendar has no working hours"),
        ({"hours": {"mon": [], "sat": []}}, ("hours",), "this calendar has no working hours"),
        ({"hours": None}, (), "the calendar has no hours"),
        ({"hours": ["08:00-17:00"]}, ("hours",), "hours is a mapping from days to lists of intervals"),
        ({"holidays": ["VNM"]}, ("holidays", 0), "'VNM' is not a country code; write an ISO 3166-1 alpha-2 code such as VN"),
        ({"holidays": ["UK"]}, ("holidays", 0), "such as GB"),
        ({"holidays": ["vn"]}, ("holidays", 0), "write it in capitals: VN"),
        (
            {"holidays": ["VX"]},
            ("holidays", 0),
            "'VX' is not a country code with known public holidays; write an ISO 3166-1 alpha-2 code such as",
        ),
        ({"holidays": [False]}, ("holidays", 0), 'put the country code in quotes, e.g. "NO" for Norway'),
        ({"holidays": "VN"}, ("holidays",), "holidays is a list of country codes and dates"),
        ({"holidays": ["2027-02-30"]}, ("holidays", 0), "'2027-02-30' is not a date; write YYYY-MM-DD"),
        ({"holidays": ["VN", "5/2/2027"]}, ("holidays", 1), "'5/2/2027' is not a date"),
        ({"workdays": ["2026-5-9"]}, ("workdays", 0), "'2026-5-9' is not a date; write YYYY-MM-DD"),
        ({"workdays": "2026-05-09"}, ("workdays",), "workdays is a list of dates"),
        ({"workdays": ["2027-02-05"]}, ("workdays", 0), "2027-02-05 is also listed in holidays; a day is either off or worked"),
        (
            {"holiday": ["VN"]},
            ("holiday",),
            "'holiday' is not a calendar key; write timezone, hours, holidays or workdays; did you mean 'holidays'?",
        ),
    ],
)
def test_each_problem_is_located_and_says_what_to_write(changes, path, fragment):
    problems = problems_with(**changes)
    assert any(found_path == path and fragment in message for found_path, message in problems), problems


def test_a_near_unknown_country_names_supported_codes_near_it():
    [(_, message)] = problems_with(holidays=["VX"])
    suggested = message.rsplit("such as ", 1)[1].split(", ")
    assert "VN" in suggested
    assert set(suggested) <= set(holidays.list_supported_countries(include_aliases=False))


def test_a_calendar_that_is_not_a_mapping():
    [problem] = calendar_problems(["office"])
    assert problem.path == () and "a calendar is a mapping" in problem.message


def test_dates_a_yaml_library_already_parsed_are_accepted():
    assert calendar_problems({**SPEC_EXAMPLE, "holidays": ["VN", date(2027, 2, 5)], "workdays": [date(2026, 5, 9)]}) == []
