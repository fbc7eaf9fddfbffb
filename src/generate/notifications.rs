//! Notifications: what the shop sent its users. Order notifications announce an event
//! of that order (confirmation, shipment, delivery, refund) and are never dated before
//! it; the others are marketing and account messages.

use super::orders::{OrderFacts, Orders, ReturnStatus};
use super::products::Products;
use super::support_tickets::order_reference;
use super::users::Users;
use super::{CountRule, EntitySpec, Generator, RowSource, World, flat_record};
use crate::model::{Id, Timestamp};
use crate::rng;
use crate::schema::{Entity, Field, FieldType as F, Table, TableSpec};
use crate::words::text::{notification_kind, render};
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
    doc: "Messages sent to users, some announcing an order event.",
    parents: &[Entity::Users, Entity::Products, Entity::Orders],
    requires: &[Entity::Users],
    count: CountRule::Set(6_000),
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

/// The events of an order a notification can announce, with when they happened.
fn order_events(facts: &OrderFacts, out: &mut Vec<(&'static str, Timestamp)>) {
    out.clear();
    out.push(("order_confirmed", facts.created_at));
    if let Some(t) = facts.shipped_at() {
        out.push(("order_shipped", t));
    }
    if let Some(t) = facts.delivered_at() {
        out.push(("order_delivered", t));
        out.push(("review_reminder", t.plus(5 * 86_400)));
    }
    for item in facts.items() {
        if let Some(r) = item.returned
            && r.status == ReturnStatus::Refunded
        {
            out.push((
                "refund_issued",
                r.resolved_at.expect("refunded returns have a time"),
            ));
        }
    }
}

pub struct Notifications<'w> {
    world: &'w World,
    orders: Orders<'w>,
    users: Users<'w>,
    products: Products<'w>,
}

impl<'w> Notifications<'w> {
    pub fn new(world: &'w World) -> Self {
        Notifications {
            world,
            orders: Orders::new(world),
            users: Users::new(world),
            products: Products::new(world),
        }
    }

    fn fill(
        &self,
        index: u64,
        row: &mut Notification,
        events: &mut Vec<(&'static str, Timestamp)>,
    ) {
        let w = self.world;
        let mut rng = w.rng(Entity::Notifications, index);
        let orders = self.orders.count();
        let mut reference = String::new();
        let user;
        let product;
        if orders > 0 && rng::chance(&mut rng, 600) {
            let facts = self.orders.facts(rng::below(&mut rng, orders));
            order_events(&facts, events);
            events.retain(|(_, t)| *t <= w.window.end);
            let (kind, at) = rng::pick(&mut rng, events);
            row.kind = kind;
            row.created_at = w.window.clamp(at.plus(rng::between(&mut rng, 5, 1_800)));
            user = facts.user;
            product = facts.items()[0].product;
            let order_id = w.ids(Table::Orders).id(facts.index);
            row.order_id = Some(order_id);
            order_reference(order_id, &mut reference);
        } else {
            user = w
                .user_activity
                .apply(rng::skewed_rank(&mut rng, w.count(Entity::Users), 400));
            product = w.product_popularity.apply(rng::skewed_rank(
                &mut rng,
                w.count(Entity::Products).max(1),
                500,
            ));
            row.kind = rng::pick(
                &mut rng,
                &["promotion", "promotion", "price_drop", "account_security"],
            );
            row.created_at = w.moment_after(&mut rng, self.users.created_at(user));
            row.order_id = None;
        }
        row.notification_id = w.ids(Table::Notifications).id(index);
        row.user_id = w.ids(Table::Users).id(user);
        row.channel = CHANNELS[rng::pick_weighted(&mut rng, &[55, 35, 10])];
        let noun = if w.count(Entity::Products) > 0 {
            self.products.core(product).noun.name.to_lowercase()
        } else {
            "item".to_string()
        };
        let kind = notification_kind(row.kind);
        row.title.clear();
        render(
            rng::pick(&mut rng, kind.titles),
            &noun,
            &reference,
            &mut row.title,
        );
        row.message.clear();
        render(
            rng::pick(&mut rng, kind.messages),
            &noun,
            &reference,
            &mut row.message,
        );
        row.read_at = if rng::chance(&mut rng, 550) {
            w.after_delay(&mut rng, row.created_at, 30, 3 * 86_400)
        } else {
            None
        };
    }
}

impl Generator for Notifications<'_> {
    type Row = Notification;

    fn units(&self) -> u64 {
        self.world.count(Entity::Notifications)
    }

    fn generate(&self, units: Range<u64>, emit: &mut dyn FnMut(&Notification)) {
        let mut row = Notification::default();
        let mut events = Vec::new();
        for index in units {
            self.fill(index, &mut row, &mut events);
            emit(&row);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::world::small_world;

    #[test]
    fn order_kinds_name_an_order_and_come_after_its_event() {
        let world = small_world(7, &[(Entity::Notifications, 3_000)]);
        let notifications = Notifications::new(&world);
        let orders = Orders::new(&world);
        let mut events = Vec::new();
        let mut seen = std::collections::BTreeSet::new();
        notifications.generate(0..3_000, &mut |n| {
            assert!(KINDS.contains(&n.kind), "{}", n.kind);
            assert_eq!(names_an_order(n.kind), n.order_id.is_some(), "{}", n.kind);
            seen.insert(n.kind);
            if let Some(order_id) = n.order_id {
                let index = (0..orders.count())
                    .find(|&i| world.ids(Table::Orders).id(i) == order_id)
                    .expect("the order exists");
                let facts = orders.facts(index);
                assert_eq!(n.user_id, world.ids(Table::Users).id(facts.user));
                order_events(&facts, &mut events);
                let (_, at) = events
                    .iter()
                    .filter(|(kind, _)| *kind == n.kind)
                    .min_by_key(|(_, at)| *at)
                    .expect("the order had the event announced");
                assert!(
                    n.created_at >= *at,
                    "{} at {} before {at}",
                    n.kind,
                    n.created_at
                );
            }
        });
        assert_eq!(seen.len(), KINDS.len(), "every kind occurs: {seen:?}");
    }
}
