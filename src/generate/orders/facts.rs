//! One order's whole life, drawn from that order's own stream: who and when, the
//! basket, the promotion, the money, then payment, shipment, delivery and returns
//! until the window closes. Every entity that hangs on orders recomputes these facts
//! from the order index alone.

use super::tuning::*;
use super::{OrderStatus, ReturnStatus, ShippingMethod};
use crate::generate::categories::Tree;
use crate::generate::products::Products;
use crate::generate::promotions::{Promotions, Target};
use crate::generate::users::{Locale, Users};
use crate::generate::{World, warehouses};
use crate::model::{Money, Timestamp};
use crate::rng::{self, RowRng};
use crate::schema::Entity;

pub const MAX_ITEMS: usize = 8;
const HOUR: i64 = 3_600;
const DAY: i64 = 86_400;

pub const PAYMENT_METHODS: [&str; 6] = [
    "credit_card",
    "paypal",
    "debit_card",
    "apple_pay",
    "google_pay",
    "gift_card",
];

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
    pub quantity: u32,
    pub unit_price: Money,
    pub total: Money,
    pub returned: Option<ReturnFacts>,
}

#[derive(Clone, Copy, Debug)]
pub enum PaymentOutcome {
    Completed(Timestamp),
    /// Still awaiting capture at the end of the window.
    Pending(Timestamp),
    /// Only failed attempts (the order was cancelled).
    Abandoned,
}

#[derive(Clone, Copy, Debug)]
pub struct OrderFacts {
    pub index: u64,
    pub user: u64,
    pub created_at: Timestamp,
    pub status: OrderStatus,
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
    pub failed_attempts: [Timestamp; 2],
    pub failed_count: usize,
    pub outcome: PaymentOutcome,
    pub shipped_at: Option<Timestamp>,
    pub delivered_at: Option<Timestamp>,
    /// When the shop cancelled it (cancelled orders only; the data model has no field
    /// for it, but support tickets must not ask about a cancellation before it).
    pub cancelled_at: Option<Timestamp>,
    pub warehouse: u64,
    /// How the parcel travels from the warehouse to the customer's country.
    pub route: warehouses::Route,
    pub country: &'static str,
}

impl OrderFacts {
    pub fn items(&self) -> &[ItemFacts] {
        &self.items[..self.item_count]
    }
}

/// What an order's facts are drawn from: the parents it recomputes.
pub struct FactsSource<'w> {
    pub(super) world: &'w World,
    pub(super) users: Users<'w>,
    products: Products<'w>,
    promotions: Promotions<'w>,
    tree: Tree,
}

/// The basket as drawn, before money is added up.
struct Basket {
    items: [ItemFacts; MAX_ITEMS],
    count: usize,
    promotion: Option<u64>,
    discount: Money,
}

/// How payment went, before shipping.
struct Payment {
    method: &'static str,
    failed_attempts: [Timestamp; 2],
    failed_count: usize,
    last_attempt: Timestamp,
    stalled: bool,
    cancelled_at: Option<Timestamp>,
}

impl<'w> FactsSource<'w> {
    pub fn new(world: &'w World) -> Self {
        FactsSource {
            world,
            users: Users::new(world),
            products: Products::new(world),
            promotions: Promotions::new(world),
            tree: Tree::new(world.count(Entity::Categories)),
        }
    }

    pub fn facts(&self, index: u64) -> OrderFacts {
        let w = self.world;
        let mut rng = w.rng(Entity::Orders, index);
        let (user, created_at) = self.customer_and_moment(&mut rng);
        let locale = self.users.locale(user);
        let mut basket = self.basket(&mut rng);
        self.apply_promotion(&mut rng, created_at, &mut basket);

        let items = &basket.items[..basket.count];
        let subtotal: Money = items.iter().map(|it| it.total).sum();
        let discount = basket.discount;
        let method = ShippingMethod::ALL[rng::pick_weighted(&mut rng, &SHIPPING_METHOD_WEIGHTS)];
        let shipping_cost = method.cost(subtotal - discount);
        let tax = (subtotal - discount).scale_half_up(locale.city.sales_tax_bp as i64, 10_000);
        let total = subtotal + tax + shipping_cost - discount;

        let payment = self.payment(&mut rng, created_at);
        let mut facts = OrderFacts {
            index,
            user,
            created_at,
            status: OrderStatus::Pending,
            items: basket.items,
            item_count: basket.count,
            promotion: basket.promotion,
            method,
            subtotal,
            discount,
            tax,
            shipping_cost,
            total,
            payment_method: payment.method,
            failed_attempts: payment.failed_attempts,
            failed_count: payment.failed_count,
            outcome: PaymentOutcome::Pending(payment.last_attempt),
            shipped_at: None,
            delivered_at: None,
            cancelled_at: payment.cancelled_at,
            warehouse: 0,
            route: warehouses::Route::Domestic,
            country: locale.country.code,
        };
        self.life(&mut rng, &payment, &locale, &mut facts);
        facts
    }

    /// A seasonal moment, and an active customer who had signed up by then (or, when
    /// none is found, a moment after the last one tried signed up).
    fn customer_and_moment(&self, rng: &mut RowRng) -> (u64, Timestamp) {
        let w = self.world;
        let mut created_at = w.seasonal_moment(rng);
        let users = w.count(Entity::Users);
        let mut user = 0;
        for _ in 0..SIGNED_UP_TRIES {
            user = w.user_activity.apply(rng::activity_rank(rng, users));
            if self.users.created_at(user) <= created_at {
                return (user, created_at);
            }
        }
        created_at = w.moment_after(rng, self.users.created_at(user));
        (user, created_at)
    }

    /// Distinct products, skewed toward the best sellers.
    fn basket(&self, rng: &mut RowRng) -> Basket {
        let w = self.world;
        let count = 1 + rng::pick_weighted(rng, &ITEM_COUNT_WEIGHTS);
        let mut items = [ItemFacts::default(); MAX_ITEMS];
        let products = w.count(Entity::Products);
        for i in 0..count {
            let mut product = 0;
            for _ in 0..DISTINCT_PRODUCT_TRIES {
                product = w.product_popularity.apply(rng::skewed_rank(
                    rng,
                    products,
                    PRODUCT_HEAD_PER_MILLE,
                ));
                if !items[..i].iter().any(|it| it.product == product) {
                    break;
                }
            }
            let quantity = 1 + rng::pick_weighted(rng, &QUANTITY_WEIGHTS) as u32;
            items[i] = self.item(product, quantity);
        }
        Basket {
            items,
            count,
            promotion: None,
            discount: Money::ZERO,
        }
    }

    /// A running promotion may bring the customer: a product promotion puts its
    /// product in the basket; a category promotion discounts what already fits.
    fn apply_promotion(&self, rng: &mut RowRng, created_at: Timestamp, basket: &mut Basket) {
        let promotions = self.world.count(Entity::Promotions);
        if promotions == 0 || !rng::chance(rng, PROMOTION_PER_MILLE) {
            return;
        }
        // The customer looks for a code that runs today, trying a few.
        let day = created_at.date();
        let mut q = rng::below(rng, promotions);
        let mut promo = self.promotions.core(q);
        for _ in 0..PROMOTION_TRIES {
            if promo.start <= day && day <= promo.end {
                break;
            }
            q = rng::below(rng, promotions);
            promo = self.promotions.core(q);
        }
        let items = &mut basket.items[..basket.count];
        if let Target::Product(p) = promo.target
            && promo.start <= day
            && day <= promo.end
            && !items.iter().any(|it| it.product == p)
        {
            items[0] = self.item(p, items[0].quantity);
        }
        let eligible: Money = items
            .iter()
            .filter(|it| Promotions::applies(&promo, &self.tree, day, it.product, it.category))
            .map(|it| it.total)
            .sum();
        if eligible > Money::ZERO {
            basket.promotion = Some(q);
            basket.discount = promo.discount.amount_on(eligible);
        }
    }

    /// Failed attempts, and whether the order is cancelled for want of payment.
    fn payment(&self, rng: &mut RowRng, created_at: Timestamp) -> Payment {
        let w = self.world;
        let method = PAYMENT_METHODS[rng::pick_weighted(rng, &PAYMENT_METHOD_WEIGHTS)];
        let fate = rng::below(rng, 1000);
        let mut failed_count = rng::pick_weighted(rng, &FAILED_ATTEMPT_WEIGHTS);
        // A stalled order waits as pending for a week, then the shop cancels it, so
        // only the window's last week holds stalled orders.
        let stalled = (DECLINED_PER_MILLE..DECLINED_PER_MILLE + STALLED_PER_MILLE).contains(&fate);
        let wait = PAYMENT_WAIT_DAYS * DAY;
        let cancelled =
            fate < DECLINED_PER_MILLE || stalled && created_at.plus(wait) <= w.window.end;
        if cancelled {
            failed_count = failed_count.max(1);
        }
        let mut failed_attempts = [created_at; 2];
        let mut last_attempt = created_at;
        for slot in failed_attempts.iter_mut().take(failed_count) {
            last_attempt = w
                .window
                .clamp(last_attempt.plus(rng::between(rng, 20, 600)));
            *slot = last_attempt;
        }
        // An order whose card failed is cancelled then; one whose payment never came,
        // when its week runs out.
        let cancelled_at = cancelled.then(|| {
            if stalled {
                w.window.clamp(created_at.plus(wait))
            } else {
                last_attempt
            }
        });
        Payment {
            method,
            failed_attempts,
            failed_count,
            last_attempt,
            stalled,
            cancelled_at,
        }
    }

    /// Capture, dispatch, delivery and returns, each only if it happened before the
    /// window closed.
    fn life(&self, rng: &mut RowRng, payment: &Payment, locale: &Locale, facts: &mut OrderFacts) {
        let w = self.world;
        let pending_since = payment.last_attempt.plus(rng::between(rng, 30, HOUR));
        facts.outcome = PaymentOutcome::Pending(w.window.clamp(pending_since));
        facts.warehouse = warehouses::serving(rng, locale.country, w.count(Entity::Warehouses));
        // Across a border a parcel takes days longer than the method's domestic promise.
        facts.route = warehouses::route(facts.warehouse, locale.country);
        if payment.cancelled_at.is_some() {
            facts.status = OrderStatus::Cancelled;
            facts.outcome = PaymentOutcome::Abandoned;
            return;
        }
        if payment.stalled {
            return;
        }
        let Some(paid) = w.after_delay(rng, payment.last_attempt, 30, 1_800) else {
            return;
        };
        facts.status = OrderStatus::Processing;
        facts.outcome = PaymentOutcome::Completed(paid);
        let Some(shipped) = w.after_delay(rng, paid, 2 * HOUR, 3 * DAY) else {
            return;
        };
        facts.status = OrderStatus::Shipped;
        facts.shipped_at = Some(shipped);
        let (lo, hi) = facts.method.transit_days();
        let (lo, hi) = match facts.route {
            warehouses::Route::Domestic => (lo, hi),
            warehouses::Route::OpenBorder => (lo + 1, hi + 2),
            warehouses::Route::International => (lo + 3, hi + 6),
        };
        let Some(delivered) = w.after_delay(rng, shipped, lo * DAY - 6 * HOUR, hi * DAY + 6 * HOUR)
        else {
            return;
        };
        facts.status = OrderStatus::Delivered;
        facts.delivered_at = Some(delivered);
        if rng::chance(rng, RETURN_PER_MILLE)
            && let Some(requested) = w.after_delay(rng, delivered, DAY, 30 * DAY)
        {
            facts.status = OrderStatus::Returned;
            let count = facts.item_count;
            self.draw_returns(rng, &mut facts.items[..count], requested);
        }
    }

    pub(super) fn item(&self, product: u64, quantity: u32) -> ItemFacts {
        let core = self.products.core(product);
        ItemFacts {
            product,
            category: core.category,
            quantity,
            unit_price: core.price,
            total: core.price * quantity as i64,
            returned: None,
        }
    }

    /// Some items go back (at least one), each with its own refund and decision.
    fn draw_returns(&self, rng: &mut RowRng, items: &mut [ItemFacts], requested_at: Timestamp) {
        let w = self.world;
        let forced = rng::below(rng, items.len() as u64) as usize;
        for (i, item) in items.iter_mut().enumerate() {
            if i != forced && !rng::chance(rng, EXTRA_ITEM_RETURN_PER_MILLE) {
                continue;
            }
            let reason = RETURN_REASONS[rng::pick_weighted(rng, &RETURN_REASON_WEIGHTS)];
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
