//! The campaigns of a shop's year: each promotion belongs to one, named after its
//! event and running in its season (Black Friday codes in late November, Mother's Day
//! codes in early May), with the discounts such a campaign offers.

use crate::generate::calendar::{black_friday, mothers_day, summer_sale};
use crate::model::Date;
use crate::model::time::days_from_civil;

/// What a campaign may discount.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Offer {
    /// Percentages off, or fixed amounts off orders of some size.
    Discounts,
    /// Shipping waived on every order.
    FreeShipping,
    /// A percentage off a customer's first order.
    FirstOrder,
}

pub struct Campaign {
    /// The event's name, as customers see it: "Black Friday".
    pub name: &'static str,
    /// The word its codes start with: "BLACKFRIDAY".
    pub code: &'static str,
    /// How many of a shop's codes belong to this campaign, relative.
    pub weight: u32,
    /// How strongly a running code of it draws customers to use one.
    pub pull: u32,
    pub offer: Offer,
    /// Whole percentages it offers (never half the price or more, but on Black Friday).
    pub percents: &'static [u32],
    /// Fixed amounts off, in whole units of currency.
    pub amounts: &'static [i64],
    /// Departments (catalog indexes) its category codes favour; empty: any.
    pub departments: &'static [usize],
    /// Its first and last day in a year; `None` for a campaign placed anywhere.
    pub season: Option<fn(i64) -> (Date, Date)>,
    /// Days a campaign without a season runs.
    pub days: (i64, i64),
}

fn day(year: i64, month: u32, dom: u32) -> Date {
    Date(days_from_civil(year, month, dom))
}

fn third_sunday_of_june(year: i64) -> Date {
    let first = day(year, 6, 1);
    Date(first.0 + (6 - first.weekday() as i64).rem_euclid(7) + 14)
}

/// Departments by catalog position.
const ELECTRONICS: usize = 0;
const HOME: usize = 1;
const CLOTHING: usize = 2;
const SPORTS: usize = 3;
const BEAUTY: usize = 4;
const BOOKS: usize = 5;
const TOYS: usize = 6;
const GROCERY: usize = 7;

pub static CAMPAIGNS: &[Campaign] = &[
    Campaign {
        name: "Black Friday",
        code: "BLACKFRIDAY",
        weight: 8,
        pull: 9,
        offer: Offer::Discounts,
        percents: &[20, 25, 30, 40, 50],
        amounts: &[10, 20, 25, 50],
        departments: &[ELECTRONICS, TOYS, HOME, CLOTHING],
        season: Some(|y| {
            let bf = black_friday(y);
            (Date(bf.0 - 1), Date(bf.0 + 2))
        }),
        days: (0, 0),
    },
    Campaign {
        name: "Cyber Monday",
        code: "CYBERMONDAY",
        weight: 6,
        pull: 7,
        offer: Offer::Discounts,
        percents: &[20, 25, 30, 40],
        amounts: &[10, 15, 20, 30],
        departments: &[ELECTRONICS, TOYS, BOOKS],
        season: Some(|y| {
            let bf = black_friday(y);
            (Date(bf.0 + 3), Date(bf.0 + 4))
        }),
        days: (0, 0),
    },
    Campaign {
        name: "Holiday Sale",
        code: "HOLIDAY",
        weight: 6,
        pull: 3,
        offer: Offer::Discounts,
        percents: &[10, 15, 20, 25],
        amounts: &[5, 10, 15, 20],
        departments: &[TOYS, ELECTRONICS, BEAUTY, BOOKS, HOME],
        season: Some(|y| (day(y, 12, 1), day(y, 12, 20))),
        days: (0, 0),
    },
    Campaign {
        name: "After-Christmas Sale",
        code: "YEAREND",
        weight: 3,
        pull: 3,
        offer: Offer::Discounts,
        percents: &[20, 25, 30, 40],
        amounts: &[10, 20],
        departments: &[CLOTHING, HOME, ELECTRONICS],
        season: Some(|y| (day(y, 12, 26), day(y, 12, 31))),
        days: (0, 0),
    },
    Campaign {
        name: "New Year Sale",
        code: "NEWYEAR",
        weight: 3,
        pull: 2,
        offer: Offer::Discounts,
        percents: &[10, 15, 20, 30],
        amounts: &[5, 10, 15],
        departments: &[SPORTS, CLOTHING, BOOKS],
        season: Some(|y| (day(y, 1, 1), day(y, 1, 10))),
        days: (0, 0),
    },
    Campaign {
        name: "Valentine's Day",
        code: "VALENTINE",
        weight: 3,
        pull: 2,
        offer: Offer::Discounts,
        percents: &[10, 15, 20],
        amounts: &[5, 10],
        departments: &[BEAUTY, GROCERY, BOOKS],
        season: Some(|y| (day(y, 2, 1), day(y, 2, 14))),
        days: (0, 0),
    },
    Campaign {
        name: "Spring Sale",
        code: "SPRING",
        weight: 3,
        pull: 2,
        offer: Offer::Discounts,
        percents: &[10, 15, 20, 25],
        amounts: &[5, 10, 15],
        departments: &[HOME, CLOTHING, SPORTS],
        season: Some(|y| (day(y, 3, 15), day(y, 4, 10))),
        days: (0, 0),
    },
    Campaign {
        name: "Mother's Day",
        code: "MOTHERSDAY",
        weight: 3,
        pull: 2,
        offer: Offer::Discounts,
        percents: &[10, 15, 20],
        amounts: &[5, 10, 15],
        departments: &[BEAUTY, HOME, BOOKS],
        season: Some(|y| {
            let md = mothers_day(y);
            (Date(md.0 - 14), md)
        }),
        days: (0, 0),
    },
    Campaign {
        name: "Father's Day",
        code: "FATHERSDAY",
        weight: 2,
        pull: 2,
        offer: Offer::Discounts,
        percents: &[10, 15, 20],
        amounts: &[5, 10, 15],
        departments: &[ELECTRONICS, SPORTS, BOOKS],
        season: Some(|y| {
            let fd = third_sunday_of_june(y);
            (Date(fd.0 - 14), fd)
        }),
        days: (0, 0),
    },
    Campaign {
        name: "Summer Sale",
        code: "SUMMER",
        weight: 5,
        pull: 3,
        offer: Offer::Discounts,
        percents: &[15, 20, 25, 30],
        amounts: &[10, 15, 20],
        departments: &[SPORTS, CLOTHING, ELECTRONICS, HOME],
        season: Some(|y| {
            let ss = summer_sale(y);
            (Date(ss.0 - 4), Date(ss.0 + 6))
        }),
        days: (0, 0),
    },
    Campaign {
        name: "Back to School",
        code: "BACKTOSCHOOL",
        weight: 3,
        pull: 2,
        offer: Offer::Discounts,
        percents: &[10, 15, 20],
        amounts: &[5, 10, 15],
        departments: &[BOOKS, ELECTRONICS, CLOTHING],
        season: Some(|y| (day(y, 8, 1), day(y, 9, 5))),
        days: (0, 0),
    },
    Campaign {
        name: "Halloween",
        code: "HALLOWEEN",
        weight: 2,
        pull: 2,
        offer: Offer::Discounts,
        percents: &[10, 15, 20],
        amounts: &[5, 10],
        departments: &[TOYS, GROCERY],
        season: Some(|y| (day(y, 10, 15), day(y, 10, 31))),
        days: (0, 0),
    },
    Campaign {
        name: "Clearance",
        code: "CLEARANCE",
        weight: 3,
        pull: 2,
        offer: Offer::Discounts,
        percents: &[25, 30, 40],
        amounts: &[10, 15, 20],
        departments: &[CLOTHING, HOME, SPORTS],
        season: Some(|y| (day(y, 1, 12), day(y, 1, 31))),
        days: (0, 0),
    },
    Campaign {
        name: "Flash Sale",
        code: "FLASH",
        weight: 6,
        pull: 2,
        offer: Offer::Discounts,
        percents: &[15, 20, 25, 30],
        amounts: &[5, 10, 15],
        departments: &[],
        season: None,
        days: (1, 2),
    },
    Campaign {
        name: "Free Shipping Weekend",
        code: "FREESHIP",
        weight: 4,
        pull: 2,
        offer: Offer::FreeShipping,
        percents: &[],
        amounts: &[],
        departments: &[],
        season: None,
        days: (3, 3),
    },
    Campaign {
        name: "Welcome",
        code: "WELCOME",
        weight: 2,
        pull: 1,
        offer: Offer::FirstOrder,
        percents: &[10, 15],
        amounts: &[],
        departments: &[],
        season: Some(|y| (day(y, 1, 1), day(y, 12, 31))),
        days: (0, 0),
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::time_parts;

    #[test]
    fn seasons_fall_in_their_months_and_discounts_stay_below_half() {
        for campaign in CAMPAIGNS {
            assert!(
                campaign.code.chars().all(|c| c.is_ascii_uppercase()),
                "{}",
                campaign.code
            );
            assert!(
                campaign.percents.iter().all(|&p| (1..=50).contains(&p)),
                "{}",
                campaign.name
            );
            if let Some(season) = campaign.season {
                for year in [2023, 2024, 2030] {
                    let (start, end) = season(year);
                    assert!(start <= end, "{}", campaign.name);
                    assert!(end.0 - start.0 < 366);
                    assert_eq!(time_parts(start).0, year, "{}", campaign.name);
                }
            }
        }
        let (start, _) = (CAMPAIGNS[0].season.unwrap())(2023);
        assert_eq!(time_parts(start), (2023, 11, 23));
    }
}
