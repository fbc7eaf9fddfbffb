//! Value types shared by every entity: money in integer cents, timestamps in seconds,
//! and ids built from row keys. Each serializes to the exact text the data model fixes,
//! in every format, without going through floats.

pub mod cells;
mod currency;
mod id;
mod money;
pub mod time;

pub use currency::Currency;
pub use id::{Id, IdSpace};
pub use money::{Hundredths, Money};
pub use time::{Date, Timestamp, Window};

/// (year, month, day of month) of a date.
pub fn time_parts(day: Date) -> (i64, u32, u32) {
    time::civil_from_days(day.0)
}
