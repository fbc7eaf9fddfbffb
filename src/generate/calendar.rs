//! When people shop: a smooth yearly curve with the named events of a shop's year
//! (Black Friday, Cyber Monday, the Christmas rush and the days after it, Valentine's,
//! Mother's Day, the summer sale, back to school), a weekly cycle, and the hours of a
//! day in the customer's own time zone. No weight jumps at a month's boundary: the
//! curve is made of smooth bumps of the day of the year, never of month tables.
//!
//! Moments are drawn by inverting a cumulative weight per hour of the window, one per
//! time zone, so a customer's k-th order can be placed in the k-th slice of their
//! active time without drawing the others (see `customers`).

use crate::model::time::days_from_civil;
use crate::model::{Date, Timestamp, Window, time_parts};
use crate::rng::{self, RowRng};

const HOUR: i64 = 3_600;
const DAY: i64 = 86_400;
const HOURS_A_DAY: usize = 24;

/// Traffic by local hour of day: a night trough, a lunch bump, an evening peak.
pub const HOUR_WEIGHT: [u64; 24] = [
    20, 12, 8, 6, 6, 8, 15, 30, 50, 65, 75, 80, 85, 80, 75, 75, 80, 90, 105, 120, 125, 110, 80, 45,
];

/// Monday first: people shop online most at the weekend, Sunday above all.
const WEEKDAY_WEIGHT: [f64; 7] = [1.0, 0.97, 0.96, 0.96, 0.95, 1.08, 1.12];

/// A smooth bump of height 1 at `center`, falling to 0 at `width` days away (the
/// biweight kernel: smooth at its edges, so nothing steps).
pub fn bump(distance: f64, width: f64) -> f64 {
    let x = distance / width;
    if x.abs() >= 1.0 {
        0.0
    } else {
        let y = 1.0 - x * x;
        y * y
    }
}

/// Days from `day` to the day of the same year `(month, dom)`, wrapping round the year
/// so that a bump around Christmas reaches into January.
pub fn days_between(day: Date, month: u32, dom: u32) -> f64 {
    let (year, _, _) = time_parts(day);
    [year - 1, year, year + 1]
        .into_iter()
        .map(|y| (day.0 - days_from_civil(y, month, dom)) as f64)
        .min_by(|a, b| a.abs().total_cmp(&b.abs()))
        .unwrap_or(0.0)
}

/// The nth `weekday` (0 = Monday) of a month, as a day.
fn nth_weekday(year: i64, month: u32, weekday: u32, n: i64) -> Date {
    let first = Date(days_from_civil(year, month, 1));
    let offset = (weekday as i64 - first.weekday() as i64).rem_euclid(7);
    Date(first.0 + offset + 7 * (n - 1))
}

/// Black Friday: the day after the fourth Thursday of November.
pub fn black_friday(year: i64) -> Date {
    Date(nth_weekday(year, 11, 3, 4).0 + 1)
}

/// Mother's Day as most of the shop's customers keep it: the second Sunday of May.
pub fn mothers_day(year: i64) -> Date {
    nth_weekday(year, 5, 6, 2)
}

/// The summer sale: the second Tuesday of July and the day after.
pub fn summer_sale(year: i64) -> Date {
    nth_weekday(year, 7, 1, 2)
}

/// How busy a day is, relative to an ordinary one.
pub fn day_weight(day: Date) -> f64 {
    let (year, month, dom) = time_parts(day);
    // The holiday season rises from mid-October to a peak in early December and
    // fades through January; a small summer high, a February low.
    let season = 1.0
        + 0.55 * bump(days_between(day, 12, 5), 60.0)
        + 0.08 * bump(days_between(day, 7, 15), 55.0)
        - 0.10 * bump(days_between(day, 2, 12), 28.0)
        + 0.06 * bump(days_between(day, 8, 20), 20.0);
    season * WEEKDAY_WEIGHT[day.weekday() as usize] * event(day, year, month, dom)
}

/// The named events' own lift on a day.
fn event(day: Date, year: i64, month: u32, dom: u32) -> f64 {
    let from_black_friday = day.0 - black_friday(year).0;
    let lift = match from_black_friday {
        -7..=-2 => 1.1,
        -1 => 1.3,
        0 => 3.2,
        1 => 1.8,
        2 => 1.6,
        // Cyber Monday, then the rest of Cyber Week.
        3 => 2.6,
        4..=7 => 1.25,
        _ => 1.0,
    };
    if lift != 1.0 {
        return lift;
    }
    let from_mothers_day = mothers_day(year).0 - day.0;
    let from_summer_sale = day.0 - summer_sale(year).0;
    match (month, dom) {
        (12, 8..=20) => 1.25,
        (12, 21..=23) => 1.1,
        (12, 24) => 0.7,
        (12, 25) => 0.25,
        (12, 26) => 1.4,
        (12, 27..=31) => 1.15,
        (1, 1) => 0.75,
        (2, 7..=13) => 1.12,
        _ if (1..=7).contains(&from_mothers_day) => 1.12,
        _ if (0..=1).contains(&from_summer_sale) => 1.7,
        _ => 1.0,
    }
}

/// The cumulative traffic of a window, hour by hour, for one time zone.
struct Zone {
    offset: i64,
    /// Weight of all hours up to and including hour `h` of the window.
    cumulative: Vec<u64>,
    /// `cumulative` at the last hour of each run of 24: a search of these few
    /// thousand bytes, then of one day's hours, touches far less memory than a search
    /// of every hour (this lookup places every order).
    daily: Vec<u64>,
}

impl Zone {
    fn new(offset: i64, cumulative: Vec<u64>) -> Zone {
        let daily = cumulative
            .chunks(HOURS_A_DAY)
            .map(|day| day[day.len() - 1])
            .collect();
        Zone {
            offset,
            cumulative,
            daily,
        }
    }

    /// The first hour whose cumulative weight passes `weight`, if any: what
    /// `cumulative.partition_point(|&c| c <= weight)` finds.
    fn hour_passing(&self, weight: u64) -> Option<usize> {
        let day = self.daily.partition_point(|&c| c <= weight);
        if day == self.daily.len() {
            return None;
        }
        let first = day * HOURS_A_DAY;
        let hours = &self.cumulative[first..(first + HOURS_A_DAY).min(self.cumulative.len())];
        Some(first + hours.partition_point(|&c| c <= weight))
    }
}

pub struct Calendar {
    window: Window,
    zones: Vec<Zone>,
}

impl Calendar {
    /// The calendar of `window` for customers at these UTC offsets (hours).
    pub fn new(window: Window, offsets: &[i64]) -> Calendar {
        let hours = ((window.end.0 - window.start.0) / HOUR + 1) as usize;
        let zones = offsets
            .iter()
            .map(|&offset| {
                let mut total = 0u64;
                let mut day_cache = (i64::MIN, 0u64);
                let cumulative = (0..hours as i64)
                    .map(|h| {
                        let local = window.start.0 + h * HOUR + offset * HOUR;
                        let day = local.div_euclid(DAY);
                        if day_cache.0 != day {
                            day_cache = (day, (day_weight(Date(day)) * 1000.0).round() as u64);
                        }
                        let hour = (local.rem_euclid(DAY) / HOUR) as usize;
                        total += day_cache.1 * HOUR_WEIGHT[hour];
                        total
                    })
                    .collect();
                Zone::new(offset, cumulative)
            })
            .collect();
        Calendar { window, zones }
    }

    fn zone(&self, offset: i64) -> &Zone {
        self.zones
            .iter()
            .find(|z| z.offset == offset)
            .unwrap_or(&self.zones[0])
    }

    /// The traffic before moment `t` (clamped to the window) in the zone at `offset`.
    pub fn before(&self, offset: i64, t: Timestamp) -> u64 {
        let zone = self.zone(offset);
        let t = t.0.clamp(self.window.start.0, self.window.end.0 + 1);
        let since = t - self.window.start.0;
        let (hour, second) = ((since / HOUR) as usize, since % HOUR);
        let earlier = if hour == 0 {
            0
        } else {
            zone.cumulative[hour - 1]
        };
        let Some(&through) = zone.cumulative.get(hour) else {
            return earlier;
        };
        earlier + (through - earlier) * second as u64 / HOUR as u64
    }

    /// The moment at which the zone's traffic reaches `weight`: the inverse of
    /// `before`, within the window.
    pub fn at(&self, offset: i64, weight: u64) -> Timestamp {
        let zone = self.zone(offset);
        let Some(hour) = zone.hour_passing(weight) else {
            return self.window.end;
        };
        let through = zone.cumulative[hour];
        let earlier = if hour == 0 {
            0
        } else {
            zone.cumulative[hour - 1]
        };
        // One hour's traffic is under a million: the product stays far inside a u64.
        let second = ((weight - earlier) * HOUR as u64 / (through - earlier).max(1)) as i64;
        let t = Timestamp(self.window.start.0 + hour as i64 * HOUR + second.min(HOUR - 1));
        self.window.clamp(t)
    }

    /// A moment of the whole window, as likely as the traffic then.
    pub fn sample(&self, rng: &mut RowRng, offset: i64) -> Timestamp {
        self.sample_between(rng, offset, self.window.start, self.window.end)
    }

    /// A moment in `[from, to]`, as likely as the traffic then.
    pub fn sample_between(
        &self,
        rng: &mut RowRng,
        offset: i64,
        from: Timestamp,
        to: Timestamp,
    ) -> Timestamp {
        let (lo, hi) = (self.before(offset, from), self.before(offset, to));
        if hi <= lo {
            return from.max(self.window.start).min(to);
        }
        self.at(offset, lo + rng::below(rng, hi - lo))
            .max(from)
            .min(to)
    }

    /// Like `slice`, with the slices crowded toward `from`: slice k starts at
    /// (k/n)^1.5 of the traffic, so moments come thick at first and thin out.
    pub fn slice_front_loaded(
        &self,
        offset: i64,
        from: Timestamp,
        to: Timestamp,
        k: u64,
        n: u64,
        fraction: u32,
    ) -> Timestamp {
        let (lo, hi) = (self.before(offset, from), self.before(offset, to));
        let span = hi.saturating_sub(lo) as f64;
        let p = (k as f64 + fraction as f64 / (1u64 << 32) as f64) / n as f64;
        let point = span * p * p.sqrt();
        self.at(offset, lo + (point as u64).min(hi.saturating_sub(lo)))
            .max(from)
            .min(to)
    }

    /// Slice `k` of `n` equal slices of the traffic in `[from, to]`, at a point
    /// `fraction` (of 2^32) into it: the k-th of n moments spread by traffic, which
    /// come in order for increasing k.
    pub fn slice(
        &self,
        offset: i64,
        from: Timestamp,
        to: Timestamp,
        k: u64,
        n: u64,
        fraction: u32,
    ) -> Timestamp {
        let (lo, hi) = (self.before(offset, from), self.before(offset, to));
        let span = hi.saturating_sub(lo) as u128;
        let point = ((k as u128) << 32 | fraction as u128) * span / ((n as u128) << 32);
        self.at(offset, lo + point as u64).max(from).min(to)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i64, m: u32, d: u32) -> Date {
        Date(days_from_civil(y, m, d))
    }

    #[test]
    fn named_days_fall_where_the_calendar_has_them() {
        assert_eq!(black_friday(2023), day(2023, 11, 24));
        assert_eq!(black_friday(2024), day(2024, 11, 29));
        assert_eq!(mothers_day(2023), day(2023, 5, 14));
        assert_eq!(summer_sale(2023), day(2023, 7, 11));
    }

    #[test]
    fn events_stand_out_and_months_join_smoothly() {
        let normal = day_weight(day(2023, 10, 4));
        assert!(day_weight(black_friday(2023)) > 2.5 * normal);
        assert!(day_weight(day(2023, 12, 25)) < 0.6 * normal);
        // The last day of a month and the first of the next, on the same weekday
        // a week apart, differ by the season's slope only.
        for (a, b) in [
            ((2023, 10, 31), (2023, 11, 7)),
            ((2023, 2, 28), (2023, 3, 7)),
        ] {
            let (a, b) = (
                day_weight(day(a.0, a.1, a.2)),
                day_weight(day(b.0, b.1, b.2)),
            );
            assert!((b / a - 1.0).abs() < 0.15, "{a} {b}");
        }
    }

    #[test]
    fn slices_come_in_order_and_stay_in_their_span() {
        let window = Window::default();
        let calendar = Calendar::new(window, &[-5, 0, 10]);
        let from = Timestamp(window.start.0 + 40 * DAY);
        let to = Timestamp(window.start.0 + 200 * DAY);
        let mut last = from;
        for k in 0..50 {
            let t = calendar.slice(10, from, to, k, 50, (k as u32).wrapping_mul(2_654_435_761));
            assert!(t >= last && t <= to, "{k}: {t:?}");
            last = t;
        }
        let mut rng = rng::row_rng(1, 2);
        for _ in 0..1000 {
            assert!(window.contains(calendar.sample(&mut rng, -5)));
        }
    }

    #[test]
    fn evenings_are_busier_than_nights_in_local_time() {
        let window = Window::default();
        let calendar = Calendar::new(window, &[10]);
        let mut by_hour = [0u32; 24];
        let mut rng = rng::row_rng(3, 4);
        for _ in 0..20_000 {
            let t = calendar.sample(&mut rng, 10);
            by_hour[((t.0 + 10 * HOUR).rem_euclid(DAY) / HOUR) as usize] += 1;
        }
        assert!(by_hour[20] > 5 * by_hour[3], "{by_hour:?}");
    }

    #[test]
    fn the_search_by_day_finds_the_hour_a_search_of_every_hour_finds() {
        let calendar = Calendar::new(Window::default(), &[-8, 1]);
        for zone in &calendar.zones {
            let total = *zone.cumulative.last().unwrap();
            let mut rng = rng::row_rng(5, 6);
            let edges = zone
                .cumulative
                .iter()
                .take(60)
                .flat_map(|&c| [c - 1, c, c + 1]);
            let draws = (0..20_000).map(|_| rng::below(&mut rng, total + 10));
            for weight in edges.chain(draws).chain([0, total - 1, total, total + 1]) {
                let every_hour = zone.cumulative.partition_point(|&c| c <= weight);
                let expected = (every_hour < zone.cumulative.len()).then_some(every_hour);
                assert_eq!(zone.hour_passing(weight), expected, "{weight}");
            }
        }
    }
}
