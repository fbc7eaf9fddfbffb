//! One order's whole life, drawn from that order's own stream: whose k-th order it is
//! and when (from the customer's schedule), the basket, the code, the money, then
//! payment, dispatch, delivery and returns until the window closes. Every entity that
//! hangs on orders recomputes these facts from the order index alone.

use super::basket::{self, Basket};
use super::logistics::{self, Carrier};
use super::payment::{self, Outcome, PAYMENT_WAIT_DAYS};
use super::tuning::*;
use super::{OrderStatus, ReturnStatus, ShippingMethod};
use crate::generate::customers::{self, Profile};
use crate::generate::products::Products;
use crate::generate::promotions::Promotions;
use crate::generate::users::Users;
use crate::generate::{World, warehouses};
use crate::model::{Date, Money, Timestamp};
use crate::rng::{self, RowRng};
use crate::schema::Entity;
use crate::words::catalog::{DEPARTMENTS, RETURN_REASONS};
use crate::words::geo::Country;
use rand::Rng;

pub const MAX_ITEMS: usize = 8;
const DAY: i64 = 86_400;

#[derive(Clone, Copy, Debug)]
pub struct ReturnFacts {
    pub requested_at: Timestamp,
    pub reason: &'static str,
    pub refund: Money,
    pub status: ReturnStatus,
    /// When the return reached its status (approval, rejection or refund).
    pub resolved_at: Option<Timestamp>,
}

#[derive(Clone, Copy, Debug, Default)]
pub struct ItemFacts {
    pub product: u64,
    pub category: u64,
    /// Catalog index of the product's department.
    pub department: usize,
    pub quantity: u32,
    pub unit_price: Money,
    pub total: Money,
    pub returned: Option<ReturnFacts>,
}

/// A parcel on its way, or delivered.
#[derive(Clone, Copy)]
pub struct Shipment {
    pub at: Timestamp,
    pub warehouse: u64,
    /// How the parcel travels from the warehouse to the customer's country.
    pub route: warehouses::Route,
    pub carrier: &'static Carrier,
    /// The day the carrier promised.
    pub promised: Date,
    /// When it arrived; `None` while in transit at the window's end.
    pub delivered: Option<Timestamp>,
    /// Delivered after the promised day.
    pub late: bool,
}

/// Where an order's life got to by the window's end.
#[derive(Clone, Copy)]
pub enum Life {
    /// Cancelled before it was paid: declined for good, or the money never came.
    Cancelled { at: Timestamp },
    /// Waiting for its payment.
    AwaitingPayment { since: Timestamp },
    /// Paid, and shipped once `shipment` is set.
    Paid {
        at: Timestamp,
        shipment: Option<Shipment>,
    },
}

/// The payment outcome as the payments file shows it.
#[derive(Clone, Copy, Debug)]
pub enum PaymentOutcome {
    Completed(Timestamp),
    /// Still awaiting capture at the end of the window.
    Pending(Timestamp),
    /// Only failed attempts (the order was cancelled).
    Abandoned,
}

#[derive(Clone, Copy)]
pub struct OrderFacts {
    pub index: u64,
    pub user: u64,
    /// Which of the customer's orders in the window it is, from 0.
    pub nth: u64,
    pub created_at: Timestamp,
    pub country: &'static Country,
    items: [ItemFacts; MAX_ITEMS],
    item_count: usize,
    pub promotion: Option<u64>,
    pub method: ShippingMethod,
    pub subtotal: Money,
    pub discount: Money,
    pub tax: Money,
    pub shipping_cost: Money,
    pub total: Money,
    pub payment_method: &'static str,
    /// Declined attempts, then a direct debit that never came once the shop gave up
    /// on it.
    pub failed_attempts: [Timestamp; 3],
    pub failed_count: usize,
    pub life: Life,
}

impl OrderFacts {
    pub fn items(&self) -> &[ItemFacts] {
        &self.items[..self.item_count]
    }

    pub fn status(&self) -> OrderStatus {
        match self.life {
            Life::Cancelled { .. } => OrderStatus::Cancelled,
            Life::AwaitingPayment { .. } => OrderStatus::Pending,
            Life::Paid { shipment: None, .. } => OrderStatus::Processing,
            Life::Paid {
                shipment: Some(s), ..
            } => match s.delivered {
                None => OrderStatus::Shipped,
                Some(_) if self.items().iter().any(|i| i.returned.is_some()) => {
                    OrderStatus::Returned
                }
                Some(_) => OrderStatus::Delivered,
            },
        }
    }

    pub fn shipment(&self) -> Option<&Shipment> {
        match &self.life {
            Life::Paid {
                shipment: Some(s), ..
            } => Some(s),
            _ => None,
        }
    }

    pub fn shipped_at(&self) -> Option<Timestamp> {
        self.shipment().map(|s| s.at)
    }

    pub fn delivered_at(&self) -> Option<Timestamp> {
        self.shipment().and_then(|s| s.delivered)
    }

    /// Delivered after the promised day.
    pub fn late(&self) -> bool {
        self.shipment()
            .is_some_and(|s| s.delivered.is_some() && s.late)
    }

    pub fn paid_at(&self) -> Option<Timestamp> {
        match self.life {
            Life::Paid { at, .. } => Some(at),
            _ => None,
        }
    }

    /// When the shop cancelled it (the data model has no field for it, but tickets
    /// must not ask about a cancellation before it).
    pub fn cancelled_at(&self) -> Option<Timestamp> {
        match self.life {
            Life::Cancelled { at } => Some(at),
            _ => None,
        }
    }

    pub fn outcome(&self) -> PaymentOutcome {
        match self.life {
            Life::Cancelled { .. } => PaymentOutcome::Abandoned,
            Life::AwaitingPayment { since } => PaymentOutcome::Pending(since),
            Life::Paid { at, .. } => PaymentOutcome::Completed(at),
        }
    }
}

/// What an order's facts are drawn from: the parents it recomputes.
pub struct FactsSource<'w> {
    pub(super) world: &'w World,
    pub(super) users: Users<'w>,
    products: Products<'w>,
    promotions: Promotions<'w>,
}

/// The customer of an order, as its facts need them.
#[derive(Clone, Copy)]
struct Customer {
    user: u64,
    nth: u64,
    profile: Profile,
    country: &'static Country,
    tax_bp: i64,
    tastes: customers::Tastes,
}

/// The customer of the order drawn last by one caller (see `facts_after`); a pure
/// function of the user, so keeping it changes nothing but the time.
#[derive(Default)]
pub struct LastCustomer(Option<Customer>);

impl<'w> FactsSource<'w> {
    pub fn new(world: &'w World) -> Self {
        FactsSource {
            world,
            users: Users::new(world),
            products: Products::new(world),
            promotions: Promotions::new(world),
        }
    }

    pub fn facts(&self, index: u64) -> OrderFacts {
        self.facts_after(index, &mut LastCustomer::default())
    }

    /// The facts of order `index`, for a caller that draws orders in sequence: a
    /// customer's orders are consecutive, and their profile, tastes and place are
    /// drawn once for all of them.
    pub fn facts_after(&self, index: u64, last: &mut LastCustomer) -> OrderFacts {
        let w = self.world;
        let mut rng = w.rng(Entity::Orders, index);
        let customer = self.customer(index, last);
        let created_at = self.moment(&mut rng, &customer);
        let mut basket = basket::fill(
            w,
            &self.products,
            &mut rng,
            customer.user,
            &customer.tastes,
            created_at,
        );
        let first_ever = customer.nth == 0 && customer.profile.first_in_window(w);
        basket::apply_promotion(
            w,
            &self.promotions,
            &self.products,
            &mut rng,
            created_at,
            first_ever,
            &mut basket,
        );
        let method = ShippingMethod::ALL[rng::pick_weighted(&mut rng, &SHIPPING_METHOD_WEIGHTS)];
        let (subtotal, discount, tax, shipping_cost, total) =
            price(&basket, method, customer.tax_bp);
        let usual = payment::usual_method(customer.country.code, customer.tastes.payment_pick);
        let paying = payment::pay(w, &mut rng, created_at, customer.country.code, usual);
        let mut facts = OrderFacts {
            index,
            user: customer.user,
            nth: customer.nth,
            created_at,
            country: customer.country,
            items: basket.items,
            item_count: basket.count,
            promotion: basket.promotion,
            method,
            subtotal,
            discount,
            tax,
            shipping_cost,
            total,
            payment_method: paying.method,
            failed_attempts: [paying.failed[0], paying.failed[1], created_at],
            failed_count: paying.failed_count,
            life: Life::AwaitingPayment { since: created_at },
        };
        facts.life = self.life(&mut rng, &paying.outcome, &customer, &mut facts);
        facts
    }

    fn customer(&self, index: u64, last: &mut LastCustomer) -> Customer {
        let w = self.world;
        let (user, nth) = w.order_book().locate(index);
        if let Some(known) = last.0.filter(|c| c.user == user) {
            return Customer { nth, ..known };
        }
        let locale = self.users.locale(user);
        let customer = Customer {
            user,
            nth,
            profile: customers::profile(w, user, locale.country.utc_offset),
            country: locale.country,
            tax_bp: locale.city.sales_tax_bp as i64,
            tastes: customers::tastes(w, user),
        };
        last.0 = Some(customer);
        customer
    }

    /// The customer's `nth` order's moment in their schedule: the first draw of the
    /// order's stream places it inside its slice.
    fn moment(&self, rng: &mut RowRng, customer: &Customer) -> Timestamp {
        let w = self.world;
        let n = w.order_book().count_of(customer.user);
        let fraction = rng.next_u32();
        let offset = customer.country.utc_offset;
        customers::order_moment(w, &customer.profile, offset, customer.nth, n, fraction)
            .max(customer.profile.signup)
    }

    /// Payment, dispatch, delivery and returns, each only if it happened before the
    /// window closed.
    fn life(
        &self,
        rng: &mut RowRng,
        outcome: &Outcome,
        customer: &Customer,
        facts: &mut OrderFacts,
    ) -> Life {
        let w = self.world;
        let end = w.window.end;
        let paid = match *outcome {
            Outcome::Declined(at) => return Life::Cancelled { at },
            Outcome::Stalled(since) => {
                let deadline = since.plus(PAYMENT_WAIT_DAYS * DAY);
                return if deadline <= end {
                    // The debit shows as a failed payment once the shop stops waiting.
                    facts.failed_attempts[facts.failed_count] = since;
                    facts.failed_count += 1;
                    Life::Cancelled { at: deadline }
                } else {
                    Life::AwaitingPayment { since }
                };
            }
            Outcome::Captured(at) if at > end => {
                return Life::AwaitingPayment {
                    since: facts.failed_attempts[..facts.failed_count]
                        .last()
                        .copied()
                        .unwrap_or(facts.created_at)
                        .max(facts.created_at),
                };
            }
            Outcome::Captured(at) => at,
        };
        let warehouse = crate::generate::stock::fulfil(w, customer.country, facts.items());
        let route = warehouses::route(warehouse, customer.country);
        let shipped = logistics::dispatch(
            rng,
            paid,
            facts.method,
            warehouses::country_of(warehouse).utc_offset,
        );
        if shipped > end {
            return Life::Paid {
                at: paid,
                shipment: None,
            };
        }
        let carriers = logistics::carriers(route, customer.country.code);
        let carrier = &carriers[rng::pick_weighted_by(rng, carriers, |c| c.share)];
        let offset = customer.country.utc_offset;
        let shipped_day = Date((shipped.0 + offset * 3_600).div_euclid(DAY));
        let promised = Date(shipped_day.0 + logistics::promised_days(facts.method, route));
        let arrival =
            logistics::deliver(rng, shipped, promised, carrier, route, facts.method, offset);
        let delivered = (arrival.at <= end).then_some(arrival.at);
        if let Some(at) = delivered {
            self.draw_returns(rng, &mut facts.items[..facts.item_count], at, arrival.late);
        }
        Life::Paid {
            at: paid,
            shipment: Some(Shipment {
                at: shipped,
                warehouse,
                route,
                carrier,
                promised,
                delivered,
                late: arrival.late,
            }),
        }
    }

    /// Items go back as often as their department's goods do (more after a late
    /// parcel or a holiday gift), each with its own reason, refund and decision.
    fn draw_returns(
        &self,
        rng: &mut RowRng,
        items: &mut [ItemFacts],
        delivered: Timestamp,
        late: bool,
    ) {
        let w = self.world;
        let holiday = logistics::in_peak(delivered.date());
        for item in items.iter_mut() {
            let habits = &DEPARTMENTS[item.department].habits;
            let mut per_mille = habits.return_per_mille as u64;
            if late {
                per_mille = per_mille * LATE_RETURN_PERCENT / 100;
            }
            if holiday {
                per_mille = per_mille * HOLIDAY_RETURN_PERCENT / 100;
            }
            if !rng::chance(rng, per_mille.min(1000) as u32) {
                continue;
            }
            let Some(requested_at) = w.after_delay(rng, delivered, DAY, 30 * DAY) else {
                continue;
            };
            let reason = if late && rng::chance(rng, LATE_REASON_PER_MILLE) {
                "arrived_too_late"
            } else {
                RETURN_REASONS[rng::pick_weighted(rng, &habits.reasons)]
            };
            let refund = if rng::chance(rng, FULL_REFUND_PER_MILLE) {
                item.total
            } else {
                // A partial refund for an opened or worn item.
                item.total
                    .scale_half_up(rng::between(rng, 50, 95), 100)
                    .max(Money(1))
            };
            let (status, resolved_at) = match w.after_delay(rng, requested_at, DAY, 4 * DAY) {
                None => (ReturnStatus::Requested, None),
                Some(decided) if rng::chance(rng, REJECTED_RETURN_PER_MILLE) => {
                    (ReturnStatus::Rejected, Some(decided))
                }
                Some(decided) => match w.after_delay(rng, decided, DAY, 5 * DAY) {
                    None => (ReturnStatus::Approved, Some(decided)),
                    Some(refunded) => (ReturnStatus::Refunded, Some(refunded)),
                },
            };
            item.returned = Some(ReturnFacts {
                requested_at,
                reason,
                refund,
                status,
                resolved_at,
            });
        }
    }
}

/// Subtotal, discount, tax (on what is paid for the goods, at the rate where it
/// ships), shipping (free from a subtotal on, waived by a free-shipping code) and the
/// total.
fn price(
    basket: &Basket,
    method: ShippingMethod,
    tax_bp: i64,
) -> (Money, Money, Money, Money, Money) {
    let subtotal: Money = basket.items().iter().map(|it| it.total).sum();
    let discount = basket.discount;
    let shipping_cost = if basket.free_shipping {
        Money::ZERO
    } else {
        method.cost(subtotal - discount)
    };
    let tax = (subtotal - discount).scale_half_up(tax_bp, 10_000);
    let total = subtotal + tax + shipping_cost - discount;
    (subtotal, discount, tax, shipping_cost, total)
}
