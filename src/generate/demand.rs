//! What sells: a line's department follows the season (toys before Christmas, sports
//! gear in summer, groceries all year) and the customer's favourites; within a
//! department a product sells in proportion to its popularity and inversely to its
//! price to the power 3/4, so cheap consumables sell far more units than costly
//! goods; consumables come by the several and are bought again by the same customer.
//!
//! Built once per run from every product's department and price (8 bytes a product).

use super::calendar::days_between;
use super::products::Products;
use super::world::World;
use crate::model::Date;
use crate::rng::{self, RowRng};
use crate::schema::Entity;
use crate::words::catalog::{DEPARTMENTS, Habits};

/// The products of one department and their cumulative demand.
struct Department {
    products: Vec<u64>,
    cumulative: Vec<u64>,
    /// Where to start looking for a draw, by its share of the total: a draw lands on
    /// its product in a step or two instead of a binary search through cache misses.
    guide: Vec<u32>,
}

impl Department {
    fn bucket(&self, draw: u64) -> usize {
        let total = *self.cumulative.last().expect("a stocked department");
        (draw as u128 * self.guide.len() as u128 / total as u128) as usize
    }

    /// Fills the guide once the cumulative demand is known: bucket g starts at the
    /// first product whose cumulative demand passes the bucket's smallest draw.
    fn build_guide(&mut self) {
        let (n, Some(&total)) = (self.cumulative.len(), self.cumulative.last()) else {
            return;
        };
        self.guide = (0..n)
            .map(|g| {
                let lowest = (g as u128 * total as u128).div_ceil(n as u128) as u64;
                self.cumulative.partition_point(|&c| c <= lowest) as u32
            })
            .collect();
    }

    /// The index of the first product whose cumulative demand exceeds `draw`.
    fn index_of(&self, draw: u64) -> usize {
        let mut i = self.guide[self.bucket(draw)] as usize;
        while self.cumulative[i] <= draw {
            i += 1;
        }
        i
    }
}

pub struct Demand {
    departments: Vec<Department>,
    /// Each department's weight on each day of the window (share times season).
    first_day: Date,
    by_day: Vec<[u64; DEPARTMENT_COUNT]>,
}

const DEPARTMENT_COUNT: usize = 10;

/// Lines an order holds, on average (from the basket's weights).
const LINES_PER_ORDER: f64 = 1.75;

/// How much more a department sells on `day` than in an ordinary week, in per mille.
pub fn seasonal_per_mille(habits: &Habits, day: Date) -> u64 {
    use super::calendar::bump;
    let lift = habits.holiday_lift as f64 * bump(days_between(day, 12, 10), 42.0)
        + habits.summer_lift as f64 * bump(days_between(day, 7, 10), 50.0)
        + habits.january_lift as f64 * bump(days_between(day, 1, 8), 25.0);
    (1000.0 + 10.0 * lift).round() as u64
}

impl Demand {
    pub fn build(world: &World) -> Demand {
        let count = world.count(Entity::Products);
        let products = Products::new(world);
        let mut weight_of = vec![0u64; count as usize];
        // Rank r of the popularity permutation sells as 1/(r + 10): a long tail with
        // a head that is not a handful of products; and as price^-3/4, so a few costly
        // goods do not make most of the revenue.
        for rank in 0..count {
            let product = world.product_popularity.apply(rank);
            let price = products.core(product).price.cents().max(1) as f64 / 100.0;
            let damping = price.sqrt() * price.sqrt().sqrt();
            weight_of[product as usize] = (1e12 / ((rank + 10) as f64 * damping)).round() as u64;
        }
        let mut departments: Vec<Department> = DEPARTMENTS
            .iter()
            .map(|_| Department {
                products: Vec::new(),
                cumulative: Vec::new(),
                guide: Vec::new(),
            })
            .collect();
        for product in 0..count {
            let d = products.core(product).shape.department;
            let department = &mut departments[d];
            let total = department.cumulative.last().copied().unwrap_or(0);
            department.products.push(product);
            department
                .cumulative
                .push(total + weight_of[product as usize].max(1));
        }
        for department in &mut departments {
            department.build_guide();
        }
        let first_day = world.window.first_day();
        let by_day = (0..world.window.days())
            .map(|d| {
                let day = Date(first_day.0 + d);
                let mut weights = [0u64; DEPARTMENT_COUNT];
                for (i, dept) in DEPARTMENTS.iter().enumerate() {
                    if !departments[i].products.is_empty() {
                        weights[i] =
                            dept.habits.share as u64 * seasonal_per_mille(&dept.habits, day);
                    }
                }
                weights
            })
            .collect();
        Demand {
            departments,
            first_day,
            by_day,
        }
    }

    /// Units a week each product sells, in thousandths: the orders' lines shared out
    /// by department and demand, times the department's usual quantity.
    pub fn weekly_units_milli(&self, world: &World) -> Vec<u64> {
        let weeks = (world.window.days() as f64 / 7.0).max(1.0);
        let lines = world.count(Entity::Orders) as f64 * LINES_PER_ORDER / weeks;
        let shares: u64 = DEPARTMENTS.iter().map(|d| d.habits.share as u64).sum();
        let mut weekly = vec![0u64; world.count(Entity::Products) as usize];
        for (d, department) in self.departments.iter().enumerate() {
            let Some(&total) = department.cumulative.last() else {
                continue;
            };
            let habits = &DEPARTMENTS[d].habits;
            let q: u64 = habits.quantity.iter().sum::<u32>() as u64;
            let mean_quantity = habits
                .quantity
                .iter()
                .enumerate()
                .map(|(i, &w)| (i as u64 + 1) * w as u64)
                .sum::<u64>() as f64
                / q as f64;
            let department_lines = lines * habits.share as f64 / shares as f64;
            let mut before = 0;
            for (&product, &cumulative) in department.products.iter().zip(&department.cumulative) {
                let share = (cumulative - before) as f64 / total as f64;
                before = cumulative;
                weekly[product as usize] =
                    (department_lines * share * mean_quantity * 1000.0).round() as u64;
            }
        }
        weekly
    }

    /// A department for a line bought on `day`: one of the customer's favourites half
    /// the time, else by the season's mix.
    pub fn department(&self, rng: &mut RowRng, day: Date, favourites: [usize; 2]) -> Option<usize> {
        let stocked = |d: usize| !self.departments[d].products.is_empty();
        if rng::chance(rng, 500) {
            let favourite = favourites[rng::below(rng, 2) as usize];
            if stocked(favourite) {
                return Some(favourite);
            }
        }
        let at = (day.0 - self.first_day.0).clamp(0, self.by_day.len() as i64 - 1);
        let weights = &self.by_day[at as usize];
        (weights.iter().sum::<u64>() > 0).then(|| rng::pick_weighted_u64(rng, weights))
    }

    /// A product of `department`, as likely as its demand.
    pub fn product(&self, rng: &mut RowRng, department: usize) -> u64 {
        let d = &self.departments[department];
        let total = *d.cumulative.last().expect("a stocked department");
        let draw = rng::below(rng, total);
        d.products[d.index_of(draw)]
    }

    /// The customer's `n`-th staple of `department`: the same product every time it is
    /// asked for, so staples are bought again.
    pub fn staple(&self, world: &World, user: u64, department: usize, n: u64) -> u64 {
        let key = (user * DEPARTMENTS.len() as u64 + department as u64) * 4 + n;
        let mut rng = world.stream_rng(super::streams::Stream::Staples, key);
        self.product(&mut rng, department)
    }
}

/// A line's quantity, by its department's habits and a customer's basket size.
pub fn quantity(rng: &mut RowRng, habits: &Habits, spend_level: f64) -> u32 {
    let q = 1 + rng::pick_weighted(rng, &habits.quantity) as u32;
    // Big spenders buy the odd extra unit.
    if spend_level > 1.6 && q < 6 && rng::chance(rng, 250) {
        q + 1
    } else {
        q
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_guide_finds_what_a_binary_search_finds() {
        for weights in [
            vec![1u64],
            vec![5, 1, 1, 1, 9000, 2, 3],
            (1..300).rev().collect(),
        ] {
            let mut d = Department {
                products: (0..weights.len() as u64).collect(),
                cumulative: weights
                    .iter()
                    .scan(0, |t, w| {
                        *t += w;
                        Some(*t)
                    })
                    .collect(),
                guide: Vec::new(),
            };
            d.build_guide();
            let total = *d.cumulative.last().unwrap();
            for draw in (0..total)
                .step_by(((total / 5000) as usize).max(1))
                .chain([total - 1])
            {
                assert_eq!(
                    d.index_of(draw),
                    d.cumulative.partition_point(|&c| c <= draw)
                );
            }
        }
    }
}
