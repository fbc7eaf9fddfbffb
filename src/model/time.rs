//! Timestamps as seconds since 1970-01-01T00:00:00 (no zone, as the data model says),
//! with hand-written civil-date conversion: formatting is on the hot path of every
//! row, and chrono's `format` allocates.

use serde::{Serialize, Serializer};
use std::fmt;

pub const SECONDS_PER_DAY: i64 = 86_400;

/// A calendar date as days since 1970-01-01.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(pub i64);

/// A moment as seconds since 1970-01-01T00:00:00.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(pub i64);

/// Days since the epoch of a proleptic Gregorian date (Howard Hinnant's algorithm).
pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = month as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + day as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The (year, month, day) of a day number.
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

pub(crate) fn digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

fn put2(buf: &mut [u8], at: usize, v: u32) {
    buf[at] = b'0' + (v / 10) as u8;
    buf[at + 1] = b'0' + (v % 10) as u8;
}

fn put_date(buf: &mut [u8], days: i64) {
    let (y, m, d) = civil_from_days(days);
    let y = y.clamp(0, 9999) as u32;
    put2(buf, 0, y / 100);
    put2(buf, 2, y % 100);
    buf[4] = b'-';
    put2(buf, 5, m);
    buf[7] = b'-';
    put2(buf, 8, d);
}

impl Date {
    pub fn timestamp(self) -> Timestamp {
        Timestamp(self.0 * SECONDS_PER_DAY)
    }

    /// 0 = Monday ... 6 = Sunday.
    pub fn weekday(self) -> u32 {
        (self.0 + 3).rem_euclid(7) as u32
    }

    pub fn month(self) -> u32 {
        civil_from_days(self.0).1
    }

    pub fn encode(self, buf: &mut [u8; 10]) -> &str {
        put_date(buf, self.0);
        std::str::from_utf8(buf).expect("ascii")
    }

    /// Appends `YYYY-MM-DD` to `out`, as `encode` gives it.
    #[inline]
    pub fn write(self, out: &mut Vec<u8>) {
        let mut buf = [0; 10];
        put_date(&mut buf, self.0);
        out.extend_from_slice(&buf);
    }

    /// The date `YYYY-MM-DD` names, if it is a real one.
    pub fn parse(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let (y, m, d) = (&s[0..4], &s[5..7], &s[8..10]);
        if !digits(y) || !digits(m) || !digits(d) {
            return None;
        }
        let (y, m, d): (i64, u32, u32) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
        let days = days_from_civil(y, m, d);
        // An impossible day (02-30, 13-01) lands on another date.
        (civil_from_days(days) == (y, m, d)).then_some(Date(days))
    }
}

impl std::str::FromStr for Date {
    type Err = String;

    /// A date as flags and config files give it: a real day from year 1 on.
    fn from_str(s: &str) -> Result<Date, String> {
        Date::parse(s)
            .filter(|d| civil_from_days(d.0).0 >= 1)
            .ok_or_else(|| "expected a real date as YYYY-MM-DD, e.g. 2023-01-31".to_string())
    }
}

impl Timestamp {
    pub fn date(self) -> Date {
        Date(self.0.div_euclid(SECONDS_PER_DAY))
    }

    pub fn plus(self, seconds: i64) -> Timestamp {
        Timestamp(self.0 + seconds)
    }

    pub fn encode(self, buf: &mut [u8; 19]) -> &str {
        self.fill(buf);
        std::str::from_utf8(buf).expect("ascii")
    }

    /// Appends `YYYY-MM-DDTHH:MM:SS`, as `encode` gives it, to `out`: the encoders'
    /// way, which skips the check that the digits are text.
    #[inline]
    pub fn write(self, out: &mut Vec<u8>) {
        let mut buf = [0; 19];
        self.fill(&mut buf);
        out.extend_from_slice(&buf);
    }

    fn fill(self, buf: &mut [u8; 19]) {
        put_date(buf, self.0.div_euclid(SECONDS_PER_DAY));
        let secs = self.0.rem_euclid(SECONDS_PER_DAY) as u32;
        buf[10] = b'T';
        put2(buf, 11, secs / 3600);
        buf[13] = b':';
        put2(buf, 14, secs / 60 % 60);
        buf[16] = b':';
        put2(buf, 17, secs % 60);
    }

    /// The moment `YYYY-MM-DDTHH:MM:SS` names, if it is a real one.
    pub fn parse(s: &str) -> Option<Timestamp> {
        let b = s.as_bytes();
        if b.len() != 19 || b[10] != b'T' || b[13] != b':' || b[16] != b':' {
            return None;
        }
        let date = Date::parse(s.get(..10)?)?;
        let part = |range: std::ops::Range<usize>, max: i64| {
            let text = s.get(range)?;
            let n: i64 = if digits(text) {
                text.parse().ok()?
            } else {
                None?
            };
            (n <= max).then_some(n)
        };
        let (h, m, sec) = (part(11..13, 23)?, part(14..16, 59)?, part(17..19, 59)?);
        Some(date.timestamp().plus(h * 3600 + m * 60 + sec))
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.encode(&mut [0; 19]))
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.encode(&mut [0; 10]))
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            serializer.serialize_str(self.encode(&mut [0; 19]))
        } else {
            serializer.serialize_newtype_struct(super::cells::SECONDS, &self.0)
        }
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            serializer.serialize_str(self.encode(&mut [0; 10]))
        } else {
            serializer.serialize_newtype_struct(super::cells::DAYS, &self.0)
        }
    }
}

/// The run's time window: every timestamp falls in `[start, end]`, both inclusive,
/// from the first second of the start date to the last second of the end date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Window {
    pub start: Timestamp,
    pub end: Timestamp,
}

/// The window a run gets without `--start-date`/`--end-date`: the year 2023.
impl Default for Window {
    fn default() -> Self {
        Window::new(
            Date(days_from_civil(2023, 1, 1)),
            Date(days_from_civil(2023, 12, 31)),
        )
    }
}

impl Window {
    pub fn new(start: Date, end: Date) -> Self {
        Window {
            start: start.timestamp(),
            end: Timestamp(end.timestamp().0 + SECONDS_PER_DAY - 1),
        }
    }

    pub fn first_day(&self) -> Date {
        self.start.date()
    }

    pub fn last_day(&self) -> Date {
        self.end.date()
    }

    pub fn days(&self) -> i64 {
        self.last_day().0 - self.first_day().0 + 1
    }

    /// Clamps a derived moment (a delivery, a refund) into the window; callers only
    /// pass moments at or after the window's start.
    pub fn clamp(&self, t: Timestamp) -> Timestamp {
        t.min(self.end)
    }

    pub fn contains(&self, t: Timestamp) -> bool {
        self.start <= t && t <= self.end
    }

    /// The day the shop opened unless `--opened` says: the same day
    /// `DEFAULT_YEARS_OPEN` years before the window starts (28 February for a start
    /// on 29 February). Accounts go back that far, so the data model names it.
    pub fn default_opened(&self) -> Date {
        let (year, month, day) = civil_from_days(self.first_day().0);
        let day = if month == 2 && day == 29 { 28 } else { day };
        Date(days_from_civil(year - DEFAULT_YEARS_OPEN, month, day))
    }
}

/// Years a shop has been open when the window starts, unless `--opened` says.
pub const DEFAULT_YEARS_OPEN: i64 = 4;

/// How far a promotion reaches before or after the window it overlaps: a season lasts
/// less than a year.
pub const PROMOTION_REACH_DAYS: i64 = 365;

/// Why a window is one the data model cannot fill: dates are written with four-digit
/// years, and the data reaches past the window (accounts back to the opening,
/// promotions up to a year either side), so a window near year 1 or 9999 would need
/// dates that do not exist. `opened` is the day the shop opened, if given.
pub fn unfillable(window: &Window, opened: Option<Date>) -> Option<String> {
    let first = Date(days_from_civil(1, 1, 1));
    let last = Date(days_from_civil(9999, 12, 31));
    let earliest = Date(first.0 + PROMOTION_REACH_DAYS);
    let latest = Date(last.0 - PROMOTION_REACH_DAYS);
    let opened_default = Date(days_from_civil(1 + DEFAULT_YEARS_OPEN, 1, 1));
    let start = window.first_day();
    let range = |from: Date| format!("windows run from {from} to {latest}");
    if window.last_day() > latest {
        return Some(format!(
            "the window ends on {}, too late: promotions reach up to a year past it and dates end at {last}; {}",
            window.last_day(),
            range(if opened.is_some() {
                earliest
            } else {
                opened_default
            }),
        ));
    }
    match opened {
        Some(_) if start < earliest => Some(format!(
            "the window starts on {start}, too early: promotions reach up to a year before it and dates begin at {first}; {}",
            range(earliest)
        )),
        None if start < opened_default => Some(format!(
            "the window starts on {start}, too early: accounts reach back to the shop's opening {DEFAULT_YEARS_OPEN} years before it and dates begin at {first}; {} (from {earliest} with --opened)",
            range(opened_default)
        )),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_near_the_ends_of_the_calendar_are_named_unfillable() {
        let day = |s: &str| Date::parse(s).unwrap();
        let window = |a, b| Window::new(day(a), day(b));
        for (w, opened) in [
            (window("0005-01-01", "0005-12-31"), None),
            (window("9998-01-01", "9998-12-31"), None),
            (window("0002-01-01", "0002-01-01"), Some(day("0001-01-01"))),
        ] {
            assert_eq!(unfillable(&w, opened), None, "{w:?}");
        }
        let late = unfillable(&window("9999-01-01", "9999-12-31"), None).unwrap();
        assert!(
            late.contains("windows run from 0005-01-01 to 9998-12-31"),
            "{late}"
        );
        let early = unfillable(&window("0004-12-31", "0005-01-31"), None).unwrap();
        assert!(
            early.contains("windows run from 0005-01-01 to 9998-12-31"),
            "{early}"
        );
        let opened = Some(day("0001-01-01"));
        let early = unfillable(&window("0001-12-31", "0002-01-31"), opened).unwrap();
        assert!(
            early.contains("windows run from 0002-01-01 to 9998-12-31"),
            "{early}"
        );
    }

    #[test]
    fn civil_round_trip() {
        for days in [-800_000i64, -1, 0, 1, 19_358, 19_722, 2_932_896] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
        assert_eq!(days_from_civil(2023, 1, 1), 19_358);
        assert_eq!(
            days_from_civil(2024, 2, 29) + 1,
            days_from_civil(2024, 3, 1)
        );
    }

    #[test]
    fn formats_like_the_data_model() {
        let t = Date(days_from_civil(2023, 12, 31))
            .timestamp()
            .plus(23 * 3600 + 59 * 60 + 58);
        assert_eq!(t.to_string(), "2023-12-31T23:59:58");
        assert_eq!(Date(days_from_civil(2023, 3, 5)).to_string(), "2023-03-05");
    }

    #[test]
    fn parses_exactly_what_it_writes() {
        for t in [0, 1_703_980_799, -86_400, 253_402_300_799] {
            assert_eq!(
                Timestamp::parse(&Timestamp(t).to_string()),
                Some(Timestamp(t))
            );
        }
        for bad in [
            "2023-02-29T10:00:00",
            "2023-12-31 23:59:59",
            "2023-12-31T24:00:00",
            "2023-12-31T23:60:00",
            "2023-1-31T10:00:00",
            "2023-12-31T23:59:5",
            "2023-12-31T23:59:+5",
        ] {
            assert_eq!(Timestamp::parse(bad), None, "{bad}");
        }
        assert_eq!(
            Date::parse("2024-02-29"),
            Some(Date(days_from_civil(2024, 2, 29)))
        );
        assert_eq!(Date::parse("1970-01-01"), Some(Date(0)));
        for bad in [
            "2023-02-29",
            "2023-13-01",
            "2023-00-10",
            "2023-04-31",
            "23-01-01",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn weekday_of_a_known_date() {
        // 2023-01-01 was a Sunday.
        assert_eq!(Date(days_from_civil(2023, 1, 1)).weekday(), 6);
    }

    #[test]
    fn window_covers_whole_days() {
        let w = Window::new(
            Date(days_from_civil(2023, 1, 1)),
            Date(days_from_civil(2023, 12, 31)),
        );
        assert_eq!(w.start.to_string(), "2023-01-01T00:00:00");
        assert_eq!(w.end.to_string(), "2023-12-31T23:59:59");
        assert_eq!(w.days(), 365);
    }
}
