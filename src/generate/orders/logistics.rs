//! Getting a parcel to the customer: the warehouse packs it within a handling time
//! that depends on the shipping method and the season, on working days and hours; a
//! carrier of the route (uneven shares, each with its own punctuality) promises a day;
//! most parcels come by it, a few late (more in the holiday peak and across borders),
//! delivered in the carriers' working hours and seldom on a Sunday.

use super::ShippingMethod;
use crate::generate::warehouses::Route;
use crate::model::{Date, Timestamp, time_parts};
use crate::rng::{self, RowRng};

const HOUR: i64 = 3_600;
const DAY: i64 = 86_400;

pub struct Carrier {
    pub name: &'static str,
    /// Tracking number pattern (`#` digit, `@` letter).
    pub tracking: &'static str,
    /// Share of the route's parcels, relative.
    pub share: u32,
    /// Parcels it delivers after the promised day, per mille, outside the peak.
    pub late_per_mille: u32,
}

const fn carrier(
    name: &'static str,
    tracking: &'static str,
    share: u32,
    late_per_mille: u32,
) -> Carrier {
    Carrier {
        name,
        tracking,
        share,
        late_per_mille,
    }
}

static US: &[Carrier] = &[
    carrier("UPS", "1Z@@@###########", 35, 45),
    carrier("FedEx", "############", 28, 40),
    carrier("USPS", "9400 #### #### #### #### ##", 37, 70),
];
static GB: &[Carrier] = &[
    carrier("Royal Mail", "@@#########GB", 46, 60),
    carrier("DPD", "##############", 30, 30),
    carrier("Evri", "H##@@@#########", 24, 95),
];
static CA: &[Carrier] = &[
    carrier("Canada Post", "################", 58, 70),
    carrier("Purolator", "############", 42, 40),
];
static DE: &[Carrier] = &[
    carrier("DHL", "00340434#########", 56, 40),
    carrier("Hermes", "H##############", 26, 75),
    carrier("DPD", "##############", 18, 45),
];
static FR: &[Carrier] = &[
    carrier("Colissimo", "6A###########", 52, 60),
    carrier("Chronopost", "@@#########FR", 26, 35),
    carrier("DPD", "##############", 22, 50),
];
static AU: &[Carrier] = &[
    carrier("Australia Post", "@@@##########", 66, 85),
    carrier("StarTrack", "@@@#########", 34, 50),
];
static CROSS_BORDER: &[Carrier] = &[
    carrier("DHL Parcel", "00340434#########", 50, 60),
    carrier("DPD", "##############", 30, 55),
    carrier("GLS", "###########", 20, 75),
];
static INTERNATIONAL: &[Carrier] = &[
    carrier("DHL Express", "##########", 45, 55),
    carrier("FedEx International", "############", 31, 60),
    carrier("UPS Worldwide", "1Z@@@###########", 24, 60),
];

/// The carriers of a route to `country`.
pub fn carriers(route: Route, country: &str) -> &'static [Carrier] {
    match route {
        Route::OpenBorder => CROSS_BORDER,
        Route::International => INTERNATIONAL,
        Route::Domestic => match country {
            "US" => US,
            "GB" => GB,
            "CA" => CA,
            "DE" => DE,
            "FR" => FR,
            "AU" => AU,
            _ => INTERNATIONAL,
        },
    }
}

/// Whether a day is in the holiday peak, when warehouses and carriers are stretched.
pub fn in_peak(day: Date) -> bool {
    let (_, month, dom) = time_parts(day);
    (month == 11 && dom >= 20) || (month == 12 && dom <= 23)
}

/// Hours from payment to dispatch, by method: overnight and express leave first.
fn handling_hours(method: ShippingMethod) -> (i64, i64) {
    match method {
        ShippingMethod::Overnight => (2, 8),
        ShippingMethod::Express => (4, 22),
        ShippingMethod::Standard => (10, 44),
        ShippingMethod::Economy => (20, 80),
    }
}

/// Days a carrier promises, by method and route.
pub fn promised_days(method: ShippingMethod, route: Route) -> i64 {
    let days = match method {
        ShippingMethod::Overnight => 1,
        ShippingMethod::Express => 2,
        ShippingMethod::Standard => 5,
        ShippingMethod::Economy => 8,
    };
    days + match route {
        Route::Domestic => 0,
        Route::OpenBorder => 2,
        Route::International => 6,
    }
}

/// The earliest a promise can be kept, in days after dispatch.
fn fastest_days(method: ShippingMethod, route: Route) -> i64 {
    let promised = promised_days(method, route);
    let slack = match method {
        ShippingMethod::Overnight => 0,
        ShippingMethod::Express => 1,
        ShippingMethod::Standard => 3,
        ShippingMethod::Economy => 4,
    };
    (promised - slack).max(1)
}

/// When the warehouse (at UTC `offset`) hands the parcel over: a handling time after
/// payment, moved into its working hours (08:00 to 20:00), never on a Sunday.
pub fn dispatch(
    rng: &mut RowRng,
    paid: Timestamp,
    method: ShippingMethod,
    offset: i64,
) -> Timestamp {
    let (lo, hi) = handling_hours(method);
    let stretch = if in_peak(paid.date()) { 3 } else { 2 };
    let hours = rng::between(rng, lo, hi) * stretch / 2;
    let mut local = paid.0 + offset * HOUR + hours * HOUR + rng::between(rng, 0, HOUR - 1);
    let hour = local.rem_euclid(DAY) / HOUR;
    if hour < 8 {
        local += (8 - hour) * HOUR;
    } else if hour >= 20 {
        local += (24 - hour + 8) * HOUR;
    }
    if Date(local.div_euclid(DAY)).weekday() == 6 {
        local += DAY;
    }
    Timestamp(local - offset * HOUR)
}

/// Local hours parcels arrive at, from 08:00 to 20:59.
const DELIVERY_HOUR_WEIGHT: [u32; 13] = [4, 8, 11, 12, 12, 11, 11, 10, 9, 7, 5, 3, 2];

/// A delivery: when, and whether after the promised day.
pub struct Arrival {
    pub at: Timestamp,
    pub late: bool,
}

/// When the parcel reaches a customer at UTC `offset`, and whether it is late.
pub fn deliver(
    rng: &mut RowRng,
    shipped: Timestamp,
    promised: Date,
    carrier: &Carrier,
    route: Route,
    method: ShippingMethod,
    offset: i64,
) -> Arrival {
    let shipped_day = Date((shipped.0 + offset * HOUR).div_euclid(DAY));
    let mut late_per_mille = carrier.late_per_mille * 3 / 5;
    if in_peak(shipped_day) {
        late_per_mille = late_per_mille * 5 / 2;
    }
    if route != Route::Domestic {
        late_per_mille = late_per_mille * 3 / 2;
    }
    let day = if rng::chance(rng, late_per_mille) {
        // One to a week late, shorter delays more common.
        promised.0 + 1 + rng::below(rng, 7).min(rng::below(rng, 7)) as i64
    } else {
        let fastest = shipped_day.0 + fastest_days(method, route);
        rng::between(rng, fastest.min(promised.0), promised.0)
    };
    // Few carriers deliver on Sundays: most such parcels come on Monday.
    let day = if Date(day).weekday() == 6 && !rng::chance(rng, 100) {
        day + 1
    } else {
        day
    };
    let hour = 8 + rng::pick_weighted(rng, &DELIVERY_HOUR_WEIGHT) as i64;
    let local = day * DAY + hour * HOUR + rng::between(rng, 0, HOUR - 1);
    let at = Timestamp(local - offset * HOUR).max(shipped.plus(2 * HOUR));
    Arrival {
        at,
        late: Date((at.0 + offset * HOUR).div_euclid(DAY)) > promised,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn carriers_have_uneven_shares_and_dispatch_keeps_working_hours() {
        for country in ["US", "GB", "CA", "DE", "FR", "AU"] {
            let shares: Vec<u32> = carriers(Route::Domestic, country)
                .iter()
                .map(|c| c.share)
                .collect();
            assert!(shares.windows(2).any(|w| w[0] != w[1]), "{country}");
        }
        for i in 0..2_000 {
            let mut rng = rng::row_rng(8, i);
            let paid = Timestamp(19_400 * DAY + rng::between(&mut rng, 0, 90 * DAY));
            let shipped = dispatch(&mut rng, paid, ShippingMethod::Standard, 1);
            let local = shipped.0 + HOUR;
            assert!((8..20).contains(&(local.rem_euclid(DAY) / HOUR)));
            assert_ne!(Date(local.div_euclid(DAY)).weekday(), 6);
            assert!(shipped > paid);
        }
    }
}
