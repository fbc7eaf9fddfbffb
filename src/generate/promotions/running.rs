//! Which codes run on each day of the window, and how strongly their campaigns pull
//! customers that day: an order finds the codes it could use, and its odds of using
//! one, without going through every promotion.

use super::campaigns::Campaign;
use super::{Promotions, Terms};
use crate::generate::World;
use crate::model::Date;
use crate::schema::Entity;

/// How many distinct campaigns' pulls add up on one day; more cannot run at once.
const CAMPAIGNS_COUNTED: usize = 32;

/// Every promotion's terms, and what runs on each day.
pub struct RunningCodes {
    first_day: Date,
    terms: Vec<Terms>,
    by_day: Vec<Day>,
}

/// The codes running on one day.
#[derive(Default)]
pub struct Day {
    pub codes: Vec<u32>,
    /// Each code's campaign's pull: the weight of picking it.
    pub weights: Vec<u32>,
    /// The pulls of the distinct campaigns running, added up.
    pub pull: u32,
}

impl RunningCodes {
    pub fn build(world: &World) -> RunningCodes {
        let promotions = Promotions::new(world);
        let terms: Vec<Terms> = (0..world.count(Entity::Promotions))
            .map(|q| promotions.terms(q))
            .collect();
        let first_day = world.window.first_day();
        let mut by_day: Vec<Day> = (0..world.window.days()).map(|_| Day::default()).collect();
        for (q, t) in terms.iter().enumerate() {
            let from = (t.start.0 - first_day.0).max(0);
            let to = (t.end.0 - first_day.0).min(by_day.len() as i64 - 1);
            for day in from..=to {
                by_day[day as usize].codes.push(q as u32);
            }
        }
        for day in &mut by_day {
            day.weights = day
                .codes
                .iter()
                .map(|&q| terms[q as usize].campaign.pull)
                .collect();
            day.pull = campaigns_pull(day.codes.iter().map(|&q| terms[q as usize].campaign));
        }
        RunningCodes {
            first_day,
            terms,
            by_day,
        }
    }

    /// What runs on `day`; nothing outside the window.
    pub fn day(&self, day: Date) -> Option<&Day> {
        let at = day.0 - self.first_day.0;
        usize::try_from(at).ok().and_then(|at| self.by_day.get(at))
    }

    /// The promotions running on `day`.
    pub fn on(&self, day: Date) -> &[u32] {
        self.day(day).map_or(&[], |d| d.codes.as_slice())
    }

    pub fn terms(&self, promotion: u64) -> &Terms {
        &self.terms[promotion as usize]
    }
}

/// Campaigns pull, not codes: twenty Black Friday codes draw no more customers than
/// one does.
fn campaigns_pull(campaigns: impl Iterator<Item = &'static Campaign>) -> u32 {
    let mut seen: [Option<&'static Campaign>; CAMPAIGNS_COUNTED] = [None; CAMPAIGNS_COUNTED];
    let mut pull = 0;
    for campaign in campaigns {
        if let Some(slot) = seen
            .iter_mut()
            .find(|c| c.is_none_or(|c| std::ptr::eq(c, campaign)))
            && slot.is_none()
        {
            *slot = Some(campaign);
            pull += campaign.pull;
        }
    }
    pull
}
