//! Notifications: what the shop sent its customers, as events happened. Each order
//! gets one confirmation, a notice when it ships and when it arrives, a review
//! reminder for most deliveries and a notice per refund, each after its event;
//! subscribers hear of campaigns while they run, savers of price drops on what they
//! saved, and a few customers of a sign-in or an account change. Push messages and
//! texts are read far more often than emails.

mod campaign;

use super::orders::{CHILD_KEYS, OrderFacts, Orders, ReturnStatus};
use super::products::Products;
use super::support_tickets::order_reference;
use super::users::Users;
use super::wishlists::Wishlists;
use super::{
    CountRule, EntitySpec, FromOrders, Generator, OrderFed, RowSource, World, flat_record,
};
use crate::model::{Id, Timestamp};
use crate::rng::{self, RowRng};
use crate::schema::{Entity, Field, FieldType as F, Table, TableSpec};
use crate::words::text::{notification_kind, render};
use campaign::CampaignTexts;
use serde::Serialize;
use std::ops::Range;

pub const FIELDS: &[Field] = &[
    Field::primary("notification_id", "Primary key."),
    Field::foreign("user_id", Table::Users, "Recipient."),
    Field::foreign(
        "order_id",
        Table::Orders,
        "Order announced, one of the user's; may be empty.",
    )
    .nullable(),
    Field::new(
        "kind",
        F::Text,
        "What it announces; the order kinds name an order, the others none.",
    )
    .one_of(KINDS),
    Field::new("channel", F::Text, "How it was sent.").one_of(CHANNELS),
    Field::new("title", F::Text, "Headline."),
    Field::new("message", F::Text, "Body text."),
    Field::new(
        "created_at",
        F::Timestamp,
        "Sent; never before the event it announces.",
    ),
    Field::new("read_at", F::Timestamp, "When opened; empty while unread.").nullable(),
];

pub const TABLE: TableSpec = TableSpec {
    table: Table::Notifications,
    name: "notifications",
    row_tag: "notification",
    fields: FIELDS,
    nesting: None,
};

pub const SPEC: EntitySpec = EntitySpec {
    entity: Entity::Notifications,
    stable_id: 15,
    name: "notifications",
    doc: "Messages to customers: each event of their orders, campaigns, price drops, account notices.",
    parents: &[
        Entity::Users,
        Entity::Products,
        Entity::Promotions,
        Entity::Orders,
        Entity::Wishlists,
    ],
    requires: &[],
    count: CountRule::Derived(
        "one per order event (confirmation, shipment, delivery, review reminder, refund), plus campaign, price-drop and account messages per customer",
    ),
    tables: &[&TABLE],
    source,
};

fn source(world: &World) -> Box<dyn RowSource + '_> {
    Box::new(Notifications::new(world))
}

const CHANNELS: &[&str] = &["email", "push", "sms"];

/// Every kind: first the five that announce an event of the order they name, in the
/// order of its life, then marketing and account messages that name no order.
pub const KINDS: &[&str] = &[
    "order_confirmed",
    "order_shipped",
    "order_delivered",
    "review_reminder",
    "refund_issued",
    "promotion",
    "price_drop",
    "account_security",
];

#[derive(Debug, Default, Serialize)]
pub struct Notification {
    pub notification_id: Id,
    pub user_id: Id,
    pub order_id: Option<Id>,
    pub kind: &'static str,
    pub channel: &'static str,
    pub title: String,
    pub message: String,
    pub created_at: Timestamp,
    pub read_at: Option<Timestamp>,
}

flat_record!(Notification);

/// Whether a notification of `kind` announces an event of the order it names.
pub fn names_an_order(kind: &str) -> bool {
    KINDS[..5].contains(&kind)
}

/// The events of an order a notification announces, with when they happened and the
/// slot of the order's keys they take: a confirmation, a shipment, a delivery, a
/// review reminder for most deliveries, a refund per refunded item.
fn for_each_event(
    rng: &mut RowRng,
    facts: &OrderFacts,
    end: Timestamp,
    mut each: impl FnMut(&'static str, Timestamp, u64),
) {
    each("order_confirmed", facts.created_at, 0);
    if let Some(t) = facts.shipped_at() {
        each("order_shipped", t, 1);
    }
    if let Some(t) = facts.delivered_at() {
        each("order_delivered", t, 2);
        let reminder = t.plus(rng::between(rng, 4 * DAY, 8 * DAY));
        if rng::chance(rng, REMINDED_PER_MILLE) && reminder <= end {
            each("review_reminder", reminder, 3);
        }
    }
    for (i, item) in facts.items().iter().enumerate() {
        if let Some(r) = item.returned
            && r.status == ReturnStatus::Refunded
        {
            let at = r.resolved_at.expect("refunded returns have a time");
            each("refund_issued", at, 4 + i as u64);
        }
    }
}

const DAY: i64 = 86_400;

/// Delivered orders whose customer is asked for a review, per mille.
const REMINDED_PER_MILLE: u32 = 600;

/// Customers who agreed to hear about campaigns, per mille.
const SUBSCRIBED_PER_MILLE: u32 = 450;

/// Campaign messages a subscriber gets in a year, on average.
const CAMPAIGN_MESSAGES_A_YEAR: f64 = 6.0;

/// Customers warned about a sign-in or a change to their account, per mille.
const SECURITY_PER_MILLE: u32 = 60;

/// Messages opened, per mille, by channel: a push or a text is read far more often
/// than an email.
const READ_PER_MILLE: [(&str, u32); 3] = [("email", 230), ("push", 560), ("sms", 430)];

/// How each kind is sent: (channel, weight).
fn channels(kind: &str) -> &'static [(&'static str, u32)] {
    match kind {
        "order_confirmed" | "refund_issued" | "review_reminder" => &[("email", 90), ("push", 10)],
        "order_shipped" | "order_delivered" => &[("email", 40), ("push", 40), ("sms", 20)],
        "promotion" => &[("email", 70), ("push", 30)],
        "price_drop" => &[("push", 60), ("email", 40)],
        _ => &[("email", 50), ("sms", 50)],
    }
}

/// One message, before it is written out.
struct Message {
    kind: &'static str,
    at: Timestamp,
    key: u64,
    order: Option<u64>,
    product: Option<u64>,
    promotion: Option<u64>,
}

pub struct Notifications<'w> {
    world: &'w World,
    orders: Orders<'w>,
    users: Users<'w>,
    products: Products<'w>,
    wishlists: Wishlists<'w>,
    campaigns: CampaignTexts,
}

impl<'w> Notifications<'w> {
    pub fn new(world: &'w World) -> Self {
        Notifications {
            world,
            orders: Orders::new(world),
            users: Users::new(world),
            products: Products::new(world),
            wishlists: Wishlists::new(world),
            campaigns: CampaignTexts::default(),
        }
    }

    /// What a message calls the goods it is about: the product's kind in lower case.
    fn noun(&self, product: Option<u64>) -> String {
        match product {
            Some(p) if self.world.count(Entity::Products) > 0 => {
                self.products.core(p).noun.name.to_lowercase()
            }
            _ => "item".to_string(),
        }
    }

    /// A customer's own messages (campaigns, price drops, account security): the
    /// units after the orders.
    fn customer_messages(&self, user: u64, out: &mut Vec<Message>) {
        out.clear();
        let w = self.world;
        let orders = self.orders.count();
        let first_key = orders * CHILD_KEYS + user * CHILD_KEYS;
        let mut rng = w.rng(Entity::Notifications, w.count(Entity::Orders) + user);
        let profile = self.users.profile(user);
        let from = profile.signup.max(w.window.start);
        let to = profile.closed.unwrap_or(w.window.end).min(w.window.end);
        if from >= to {
            return;
        }
        let mut key = first_key;
        let push = |out: &mut Vec<Message>, message: Message| {
            if (out.len() as u64) < CHILD_KEYS {
                out.push(message);
            }
        };
        if rng::chance(&mut rng, SUBSCRIBED_PER_MILLE) && w.count(Entity::Promotions) > 0 {
            let years = (to.0 - from.0) as f64 / (365.25 * DAY as f64);
            let count = rng::poisson(&mut rng, CAMPAIGN_MESSAGES_A_YEAR * years).min(8);
            let offset = self.users.locale(user).country.utc_offset;
            for _ in 0..count {
                let at = w.calendar().sample_between(&mut rng, offset, from, to);
                let running = w.running_codes().on(at.date());
                if running.is_empty() {
                    continue;
                }
                let promotion = running[rng::below(&mut rng, running.len() as u64) as usize] as u64;
                push(
                    out,
                    Message {
                        kind: "promotion",
                        at,
                        key,
                        order: None,
                        product: None,
                        promotion: Some(promotion),
                    },
                );
                key += 1;
            }
        }
        self.wishlists.list(user, |_, saved| {
            if saved.notify && rng::chance(&mut rng, 500) {
                let at = w.moment_after(&mut rng, saved.added_at);
                push(
                    out,
                    Message {
                        kind: "price_drop",
                        at,
                        key,
                        order: None,
                        product: Some(saved.product),
                        promotion: None,
                    },
                );
                key += 1;
            }
        });
        if rng::chance(&mut rng, SECURITY_PER_MILLE) {
            let at = Timestamp(rng::between(&mut rng, from.0, to.0));
            push(
                out,
                Message {
                    kind: "account_security",
                    at,
                    key,
                    order: None,
                    product: None,
                    promotion: None,
                },
            );
        }
    }

    /// Writes one message as a row; `noun` names its goods and `reference` its order
    /// ("#1A2B3C4D"), as the caller worked them out once for all its messages.
    fn fill(
        &self,
        user: u64,
        message: &Message,
        noun: &str,
        reference: &str,
        row: &mut Notification,
    ) {
        let w = self.world;
        let mut rng = w.rng(Entity::Notifications, message.key | 1 << 62);
        row.notification_id = w.ids(Table::Notifications).id(message.key);
        row.user_id = w.ids(Table::Users).id(user);
        row.kind = message.kind;
        let channels = channels(message.kind);
        let mut weights = [0u32; 3];
        for (weight, &(_, w)) in weights.iter_mut().zip(channels) {
            *weight = w;
        }
        row.channel = channels[rng::pick_weighted(&mut rng, &weights[..channels.len()])].0;
        row.created_at = w
            .window
            .clamp(message.at.plus(rng::between(&mut rng, 5, 900)));
        row.order_id = message.order.map(|o| w.ids(Table::Orders).id(o));
        row.title.clear();
        row.message.clear();
        if let Some(promotion) = message.promotion {
            self.campaign_text(&mut rng, promotion, row);
        } else {
            let kind = notification_kind(row.kind);
            render(
                rng::pick(&mut rng, kind.titles),
                noun,
                reference,
                &mut row.title,
            );
            render(
                rng::pick(&mut rng, kind.messages),
                noun,
                reference,
                &mut row.message,
            );
        }
        let read = READ_PER_MILLE
            .iter()
            .find(|(c, _)| *c == row.channel)
            .map_or(300, |(_, r)| *r);
        row.read_at = if rng::chance(&mut rng, read) {
            w.after_delay(&mut rng, row.created_at, 30, 3 * DAY)
        } else {
            None
        };
    }

    fn campaign_text(&self, rng: &mut RowRng, promotion: u64, row: &mut Notification) {
        let variant = rng::below(rng, 3) as usize;
        let (title, message) = self.campaigns.get(self.world, promotion, variant);
        row.title.push_str(title);
        row.message.push_str(message);
    }
}

impl Generator for Notifications<'_> {
    type Row = Notification;

    fn units(&self) -> u64 {
        self.orders.count() + self.world.count(Entity::Users)
    }

    /// Units are the orders, then the customers.
    fn generate(&self, units: Range<u64>, emit: &mut dyn FnMut(&Notification)) {
        let orders = self.orders.count();
        self.generate_orders(
            &self.orders,
            units.start.min(orders)..units.end.min(orders),
            emit,
        );
        let mut row = Notification::default();
        let mut messages = Vec::new();
        for user in units.start.max(orders) - orders..units.end.max(orders) - orders {
            self.customer_messages(user, &mut messages);
            for message in &messages {
                let noun = self.noun(message.product);
                self.fill(user, message, &noun, "", &mut row);
                emit(&row);
            }
        }
    }

    fn fed_by_orders(&self) -> Option<&dyn OrderFed> {
        Some(self)
    }
}

/// An order's messages: one per event it went through, each after its event.
impl FromOrders for Notifications<'_> {
    type Row = Notification;

    fn rows_of(
        &self,
        order: u64,
        facts: &OrderFacts,
        row: &mut Notification,
        emit: &mut dyn FnMut(&Notification),
    ) {
        let w = self.world;
        let mut rng = w.rng(Entity::Notifications, order);
        let product = facts.items()[0].product;
        let noun = self.noun(Some(product));
        let mut reference = String::new();
        order_reference(w.ids(Table::Orders).id(order), &mut reference);
        for_each_event(&mut rng, facts, w.window.end, |kind, at, slot| {
            let message = Message {
                kind,
                at,
                key: order * CHILD_KEYS + slot,
                order: Some(order),
                product: Some(product),
                promotion: None,
            };
            self.fill(facts.user, &message, &noun, &reference, row);
            emit(row);
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::world::small_world;

    #[test]
    fn order_kinds_name_an_order_and_come_after_its_event() {
        let world = small_world(7, &[(Entity::Users, 1_000), (Entity::Orders, 1_500)]);
        let notifications = Notifications::new(&world);
        let orders = Orders::new(&world);
        let mut confirmed = std::collections::BTreeSet::new();
        let mut seen = std::collections::BTreeSet::new();
        notifications.generate(0..Generator::units(&notifications), &mut |n| {
            assert!(KINDS.contains(&n.kind), "{}", n.kind);
            assert_eq!(names_an_order(n.kind), n.order_id.is_some(), "{}", n.kind);
            seen.insert(n.kind);
            if let Some(order_id) = n.order_id {
                let index = (0..orders.count())
                    .find(|&i| world.ids(Table::Orders).id(i) == order_id)
                    .expect("the order exists");
                let facts = orders.facts(index);
                assert_eq!(n.user_id, world.ids(Table::Users).id(facts.user));
                let event = match n.kind {
                    "order_confirmed" => {
                        assert!(confirmed.insert(order_id), "one confirmation per order");
                        Some(facts.created_at)
                    }
                    "order_shipped" => facts.shipped_at(),
                    "order_delivered" | "review_reminder" => facts.delivered_at(),
                    "refund_issued" => facts
                        .items()
                        .iter()
                        .filter_map(|item| item.returned)
                        .filter(|r| r.status == ReturnStatus::Refunded)
                        .filter_map(|r| r.resolved_at)
                        .min(),
                    other => panic!("{other} names an order"),
                };
                let at = event.expect("the order had the event announced");
                assert!(
                    n.created_at >= at,
                    "{} at {} before {at}",
                    n.kind,
                    n.created_at
                );
            }
        });
        assert_eq!(seen.len(), KINDS.len(), "every kind occurs: {seen:?}");
    }
}
