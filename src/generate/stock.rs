//! What each warehouse stocks: the best sellers in more warehouses, each product
//! first in the shop's biggest markets; as many units as weeks of that product's
//! sales, so stock covers a few weeks to months; and from that, every warehouse's
//! capacity, so none holds more than it can. Orders ship from a warehouse that
//! stocks their items (see `fulfil`).
//!
//! A product's warehouses are a rotation, within each market, of the sites in index
//! order, so whether a warehouse stocks a product is a formula, not a table.

use super::world::World;
use crate::generate::orders::{ItemFacts, MAX_ITEMS};
use crate::generate::warehouses;
use crate::rng::mix64;
use crate::schema::Entity;
use crate::words::geo::{COUNTRIES, Country};

/// Weeks of sales a stocked product keeps on hand, the median.
pub const MEDIAN_COVER_WEEKS: u64 = 8;

pub struct Stock {
    /// Each product's popularity rank (0 = the best seller), and its inverse.
    rank: Vec<u32>,
    popularity: crate::rng::Permutation,
    /// Products stocked in each round of warehouses (the best sellers in more), and
    /// the rows before each round.
    per_round: Vec<u64>,
    rows_before: Vec<u64>,
    /// The sites of each market, in index order; each site's market and place there.
    sites: Vec<Vec<u64>>,
    market_of: Vec<usize>,
    place_in_market: Vec<u64>,
    /// Units a week each product sells, over all its warehouses (in thousandths).
    weekly_milli: Vec<u64>,
    /// For an order from each market, the markets to look at in turn (see `fulfil`):
    /// worked out once rather than per order.
    market_order: Vec<Vec<usize>>,
    /// Units each warehouse holds, summed over its rows.
    pub held: Vec<u64>,
    salt: u64,
}

/// How many products each round of warehouses stocks: every product in the first,
/// then fewer and fewer, falling by the same factor each round, so that the rows add
/// up to `rows` and the best sellers are in every warehouse.
fn rounds(products: u64, warehouses: u64, rows: u64) -> Vec<u64> {
    if products == 0 || warehouses == 0 {
        return Vec::new();
    }
    let rows = rows.min(products * warehouses);
    let total = |g: f64| {
        (0..warehouses)
            .map(|j| products as f64 * pow(g, j))
            .sum::<f64>()
    };
    let (mut lo, mut hi) = (0.0f64, 1.0f64);
    for _ in 0..60 {
        let mid = (lo + hi) / 2.0;
        if total(mid) < rows as f64 {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    let mut per_round: Vec<u64> = (0..warehouses)
        .map(|j| ((products as f64 * pow(hi, j)).round() as u64).min(products))
        .collect();
    // Rounding aside, the rows add up exactly: the first rounds take what is over.
    let mut sum: u64 = per_round.iter().sum();
    for n in per_round.iter_mut() {
        if sum > rows {
            let cut = (sum - rows).min(*n);
            *n -= cut;
            sum -= cut;
        }
    }
    for n in per_round.iter_mut() {
        if sum < rows {
            let add = (rows - sum).min(products - *n);
            *n += add;
            sum += add;
        }
    }
    per_round.sort_unstable_by(|a, b| b.cmp(a));
    per_round
}

fn pow(base: f64, exponent: u64) -> f64 {
    (0..exponent).fold(1.0, |acc, _| acc * base)
}

impl Stock {
    pub fn build(world: &World) -> Stock {
        let products = world.count(Entity::Products);
        let warehouses_count = world.count(Entity::Warehouses);
        let mut rank = vec![0u32; products as usize];
        for r in 0..products {
            rank[world.product_popularity.apply(r) as usize] = r as u32;
        }
        let mut sites = vec![Vec::new(); COUNTRIES.len()];
        let mut market_of = Vec::new();
        let mut place_in_market = Vec::new();
        for w in 0..warehouses_count {
            let code = warehouses::country_of(w).code;
            let market = COUNTRIES.iter().position(|c| c.code == code).unwrap_or(0);
            market_of.push(market);
            place_in_market.push(sites[market].len() as u64);
            sites[market].push(w);
        }
        let per_round = rounds(products, warehouses_count, world.count(Entity::Inventory));
        let mut rows_before = Vec::with_capacity(per_round.len());
        let mut total = 0;
        for &n in &per_round {
            rows_before.push(total);
            total += n;
        }
        let market_order = COUNTRIES.iter().map(|c| preference(c).collect()).collect();
        let mut stock = Stock {
            rank,
            popularity: world.product_popularity,
            per_round,
            rows_before,
            market_order,
            sites,
            market_of,
            place_in_market,
            weekly_milli: world.demand().weekly_units_milli(world),
            held: vec![0; warehouses_count as usize],
            salt: world.key(super::streams::Stream::InventoryOffsets),
        };
        // Every inventory row's units: a pass as long as the inventory, on every
        // thread, since the orders wait for it.
        let per_block = crate::parallel::map_blocks(total, 1 << 16, world.threads, |rows| {
            let mut held = vec![0u64; warehouses_count as usize];
            for k in rows {
                let (product, warehouse) = stock.pair(k);
                held[warehouse as usize] += stock.on_hand(product, warehouse);
            }
            held
        });
        for block in per_block {
            for (sum, units) in stock.held.iter_mut().zip(block) {
                *sum += units;
            }
        }
        stock
    }

    /// Where `product`'s sites start in a market: each product takes its market's
    /// sites from a place of its own, so one market's sites share its products.
    fn offset(&self, product: u64, market: usize) -> u64 {
        let n = self.sites[market].len() as u64;
        mix64(self.salt ^ product ^ (market as u64) << 48) % n.max(1)
    }

    /// How many warehouses stock `product`.
    pub fn spread(&self, product: u64) -> u64 {
        let rank = self.rank[product as usize] as u64;
        self.per_round.iter().filter(|&&n| rank < n).count() as u64
    }

    /// The warehouse of `product`'s round `round`. Rounds follow the sites' index
    /// order, which opens one site per market, biggest first, then more where the
    /// customers are; so a product in a few rounds is in the biggest markets.
    fn warehouse(&self, product: u64, round: u64) -> u64 {
        let market = self.market_of[round as usize];
        let sites = &self.sites[market];
        let at = (self.place_in_market[round as usize] + self.offset(product, market))
            % sites.len() as u64;
        sites[at as usize]
    }

    /// The round in which `product` is at `warehouse` (the inverse of `warehouse`).
    fn round_at(&self, product: u64, warehouse: u64) -> u64 {
        let market = self.market_of[warehouse as usize];
        let place = self.place_in_market[warehouse as usize];
        round_in(&self.sites[market], place, self.offset(product, market))
    }

    /// Whether `product` is in the warehouses of round `round`.
    fn stocked_in(&self, product: u64, round: u64) -> bool {
        (self.rank[product as usize] as u64) < self.per_round[round as usize]
    }

    /// Whether `warehouse` stocks `product`.
    pub fn stocks(&self, product: u64, warehouse: u64) -> bool {
        self.stocked_in(product, self.round_at(product, warehouse))
    }

    /// Inventory row `k`: the (product, warehouse) it stocks. Rows go round by round,
    /// best sellers first in each round, so no pair repeats.
    pub fn pair(&self, k: u64) -> (u64, u64) {
        let round = self.rows_before.partition_point(|&r| r <= k) - 1;
        let product = self.popularity.apply(k - self.rows_before[round]);
        (product, self.warehouse(product, round as u64))
    }

    /// Units a week `product` sells through one of its warehouses.
    pub fn weekly_at(&self, product: u64) -> u64 {
        self.weekly_milli[product as usize] / self.spread(product).max(1) / 1000
    }

    /// Units on hand of `product` at `warehouse`: its weeks of cover. A slow seller's
    /// fraction of a unit rounds up or down by chance, so such goods are out of stock
    /// about as often as their sales say they would be.
    pub fn on_hand(&self, product: u64, warehouse: u64) -> u64 {
        let weeks = self.cover_weeks(product, warehouse);
        let milli = self.weekly_milli[product as usize] / self.spread(product).max(1) * weeks;
        let chance = mix64(self.salt ^ product.rotate_left(7) ^ warehouse.rotate_left(40)) % 1000;
        let units = milli / 1000 + u64::from(milli % 1000 > chance);
        // Its first site keeps at least one, so every product can be bought somewhere.
        if self.round_at(product, warehouse) == 0 {
            units.max(1)
        } else {
            units
        }
    }

    /// Weeks of sales on hand: a few to thirty, most near two months.
    pub fn cover_weeks(&self, product: u64, warehouse: u64) -> u64 {
        let h = mix64(self.salt ^ product.rotate_left(21) ^ warehouse);
        let a = 1 + h % 8;
        let b = 1 + (h >> 20) % 8;
        a + b
    }
}

/// The warehouse an order for `country` ships from: the closest site (its own
/// market, then across an open border, then the home market, then the rest) that
/// stocks all its items, or if none does the closest that stocks the most.
pub fn fulfil(world: &World, country: &Country, items: &[ItemFacts]) -> u64 {
    let stock = world.stock();
    let searched: Vec<usize>;
    let markets = match COUNTRIES.iter().position(|c| c.code == country.code) {
        Some(market) => &stock.market_order[market],
        None => {
            searched = preference(country).collect();
            &searched
        }
    };
    // Where each product's sites start in the market at hand, found once per market
    // rather than once per site: `stocks` asked per site hashed the product again
    // for every site. An order has at most `MAX_ITEMS` lines, so they fit on the
    // stack.
    assert!(
        items.len() <= MAX_ITEMS,
        "an order has at most MAX_ITEMS lines"
    );
    let mut offsets = [0; MAX_ITEMS];
    let offsets = &mut offsets[..items.len()];
    let mut best: Option<(usize, u64)> = None;
    for &market in markets {
        let sites = &stock.sites[market];
        for (offset, item) in offsets.iter_mut().zip(items) {
            *offset = stock.offset(item.product, market);
        }
        for (place, &site) in sites.iter().enumerate() {
            let stocked = items
                .iter()
                .zip(offsets.iter())
                .filter(|&(item, &offset)| {
                    stock.stocked_in(item.product, round_in(sites, place as u64, offset))
                })
                .count();
            if stocked == items.len() {
                return site;
            }
            if best.is_none_or(|(most, _)| stocked > most) {
                best = Some((stocked, site));
            }
        }
    }
    best.map_or(0, |(_, site)| site)
}

/// The round of a product at the site in `place` of a market's `sites`, where its
/// sites there start at `offset` (see `Stock::offset`): the place less the offset.
fn round_in(sites: &[u64], place: u64, offset: u64) -> u64 {
    let n = sites.len() as u64;
    let at = place + n - offset;
    sites[(if at >= n { at - n } else { at }) as usize]
}

/// Markets in the order an order for `country` looks to: its own, its open-border
/// neighbours, the home market, then the others by size.
fn preference(country: &Country) -> impl Iterator<Item = usize> {
    let position = |code: &str| COUNTRIES.iter().position(|c| c.code == code);
    let mut order = Vec::with_capacity(COUNTRIES.len());
    order.extend(position(country.code));
    order.extend(country.open_borders.iter().filter_map(|c| position(c)));
    order.push(0);
    order.extend(0..COUNTRIES.len());
    let mut seen = [false; 16];
    order.retain(|&m| !std::mem::replace(&mut seen[m], true));
    order.into_iter()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_add_up_and_fall() {
        for (products, warehouses, rows) in [
            (2_000, 5, 6_000),
            (10, 3, 30),
            (7, 4, 5),
            (100, 1, 100),
            (50, 6, 0),
        ] {
            let per_round = rounds(products, warehouses, rows);
            assert_eq!(
                per_round.iter().sum::<u64>(),
                rows.min(products * warehouses)
            );
            assert!(per_round.windows(2).all(|w| w[0] >= w[1]), "{per_round:?}");
            assert!(per_round.iter().all(|&n| n <= products));
        }
    }

    #[test]
    fn rows_are_distinct_pairs_and_stocks_agrees() {
        let world = crate::generate::world::small_world(3, &[]);
        let stock = Stock::build(&world);
        let rows = world.count(Entity::Inventory);
        let mut pairs = std::collections::BTreeSet::new();
        for k in 0..rows {
            let (p, w) = stock.pair(k);
            assert!(pairs.insert((p, w)), "row {k} repeats a pair");
            assert!(stock.stocks(p, w));
        }
        let stocked = (0..world.count(Entity::Products))
            .flat_map(|p| (0..world.count(Entity::Warehouses)).map(move |w| (p, w)))
            .filter(|&(p, w)| stock.stocks(p, w))
            .count() as u64;
        assert_eq!(stocked, rows);
    }
}
