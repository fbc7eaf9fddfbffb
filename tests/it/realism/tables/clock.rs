//! Dates and local times computed from the text alone: civil days, weekdays, each
//! country's offset from UTC.

pub const DAY: i64 = 86_400;
pub const HOUR: i64 = 3_600;

// The library's civil-calendar arithmetic, as the other integration tests use it.
pub use ecomgen::model::time::{civil_from_days, days_from_civil};

/// 0 = Monday ... 6 = Sunday.
pub fn weekday(day: i64) -> i64 {
    (day + 3).rem_euclid(7)
}

pub fn date(text: &str) -> Option<i64> {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let (y, m, d): (i64, u32, u32) = (
        text[0..4].parse().ok()?,
        text[5..7].parse().ok()?,
        text[8..10].parse().ok()?,
    );
    let days = days_from_civil(y, m, d);
    (civil_from_days(days) == (y, m, d)).then_some(days)
}

pub fn timestamp(text: &str) -> Option<i64> {
    if text.len() != 19 || text.as_bytes()[10] != b'T' {
        return None;
    }
    let day = date(&text[..10])?;
    let (h, m, s): (i64, i64, i64) = (
        text[11..13].parse().ok()?,
        text[14..16].parse().ok()?,
        text[17..19].parse().ok()?,
    );
    Some(day * DAY + h * HOUR + m * 60 + s)
}

/// `YYYY-MM-DDTHH:MM:SS` of a moment, for messages and the controls.
pub fn format_ts(ts: i64) -> String {
    let (y, m, d) = civil_from_days(ts.div_euclid(DAY));
    let s = ts.rem_euclid(DAY);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}",
        s / HOUR,
        s / 60 % 60,
        s % 60
    )
}

pub fn format_date(day: i64) -> String {
    let (y, m, d) = civil_from_days(day);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Hours a country's clock is ahead of the shop's (UTC) in winter: the offset the
/// measures of "local time" use all year (summer time moves an hour at most).
pub fn utc_offset_hours(country: &str) -> i64 {
    match country {
        "US" | "CA" => -5,
        "GB" => 0,
        "DE" | "FR" => 1,
        "AU" => 10,
        _ => 0,
    }
}

/// A moment on the local clock of `country`.
pub fn local(ts: i64, country: &str) -> i64 {
    ts + utc_offset_hours(country) * HOUR
}
