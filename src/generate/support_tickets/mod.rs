//! Support tickets: customers asking about orders, billing, returns or their account.
//! A ticket about an order is opened by that order's customer after the order.

mod life;

use super::orders::{OrderFacts, Orders};
use super::products::Products;
use super::users::Users;
use super::{CountRule, EntitySpec, Generator, RowSource, World, flat_record};
use crate::model::{Id, Timestamp};
use crate::rng;
use crate::schema::{Entity, Field, FieldType as F, Table, TableSpec};
use crate::words::catalog::Goods;
use crate::words::text::{
    ASIDES, CANCELLED_AS_ASKED, COULD_NOT_CANCEL, GREETINGS, SIGN_OFFS, TICKET_TOPICS, TicketIssue,
    TicketTopic, Urgency, render, replies,
};
use life::{Life, named_product};
use serde::Serialize;
use std::ops::Range;
use std::sync::OnceLock;

pub const FIELDS: &[Field] = &[
    Field::primary("ticket_id", "Primary key."),
    Field::foreign("user_id", Table::Users, "Customer who opened it."),
    Field::foreign(
        "order_id",
        Table::Orders,
        "Order it is about, one of the user's; may be empty.",
    )
    .nullable(),
    Field::new(
        "category",
        F::Text,
        "shipping, billing, returns, product_issue, account or order_change.",
    ),
    Field::new("subject", F::Text, "Subject line."),
    Field::new("message", F::Text, "The customer's first message."),
    Field::new("priority", F::Text, "How urgent support rated it.").one_of(PRIORITIES),
    Field::new("status", F::Text, "Where the ticket stands.").one_of(STATUSES),
    Field::new("channel", F::Text, "How the customer reached support.").one_of(CHANNELS),
    Field::new(
        "created_at",
        F::Timestamp,
        "Opened; after the order it names, at a point of its life the text fits.",
    ),
    Field::new(
        "resolution",
        F::Text,
        "The shop's closing reply; empty while open. A request to cancel says whether the order was cancelled.",
    )
    .nullable(),
    Field::new(
        "resolved_at",
        F::Timestamp,
        "Set for resolved and closed tickets; >= created_at.",
    )
    .nullable(),
];

pub const TABLE: TableSpec = TableSpec {
    table: Table::SupportTickets,
    name: "support_tickets",
    row_tag: "support_ticket",
    fields: FIELDS,
    nesting: None,
};

pub const SPEC: EntitySpec = EntitySpec {
    entity: Entity::SupportTickets,
    stable_id: 12,
    name: "support_tickets",
    doc: "Customer support requests, some about an order.",
    parents: &[Entity::Users, Entity::Products, Entity::Orders],
    requires: &[Entity::Users],
    count: CountRule::Set(400),
    tables: &[&TABLE],
    source,
};

fn source(world: &World) -> Box<dyn RowSource + '_> {
    Box::new(SupportTickets::new(world))
}

const PRIORITIES: &[&str] = &["low", "medium", "high", "urgent"];
/// Open, being worked on, then resolved or closed (both with resolved_at).
const STATUSES: &[&str] = &["open", "in_progress", "resolved", "closed"];
const CHANNELS: &[&str] = &["email", "chat", "phone", "web_form"];

#[derive(Debug, Default, Serialize)]
pub struct SupportTicket {
    pub ticket_id: Id,
    pub user_id: Id,
    pub order_id: Option<Id>,
    pub category: &'static str,
    pub subject: String,
    pub message: String,
    pub priority: &'static str,
    pub status: &'static str,
    pub channel: &'static str,
    pub created_at: Timestamp,
    pub resolution: Option<&'static str>,
    pub resolved_at: Option<Timestamp>,
}

flat_record!(SupportTicket);

pub struct SupportTickets<'w> {
    world: &'w World,
    orders: Orders<'w>,
    users: Users<'w>,
    products: Products<'w>,
}

/// "#1A2B3C4D": how customers quote an order.
pub fn order_reference(id: Id, out: &mut String) {
    out.push('#');
    let text = id.text();
    out.extend(text[..8].iter().map(|b| b.to_ascii_uppercase() as char));
}

impl<'w> SupportTickets<'w> {
    pub fn new(world: &'w World) -> Self {
        SupportTickets {
            world,
            orders: Orders::new(world),
            users: Users::new(world),
            products: Products::new(world),
        }
    }

    /// A topic and issue that fit order `facts` and the product the ticket names, and
    /// a moment in the stretch of the order's life the issue is true in. `None` only
    /// if no topic about orders fits, which the tests rule out.
    fn about_order(
        &self,
        rng: &mut rng::RowRng,
        drawn: &'static TicketTopic,
        facts: &OrderFacts,
    ) -> Option<(&'static TicketTopic, &'static TicketIssue, Timestamp)> {
        let w = self.world;
        let goods = self.goods(named_product(facts));
        let life = Life::of(facts, w.window.end);
        let topic = life.topic(rng, goods, drawn)?;
        let (issue, (from, to)) = life.issue(rng, goods, topic)?;
        // Some time after the issue arose, as long as it is still true then.
        let late = from.plus(rng::between(rng, 1_800, 14 * 86_400));
        let created_at = if late <= to {
            late
        } else {
            Timestamp(rng::between(rng, from.0, to.0))
        };
        Some((topic, issue, created_at))
    }

    fn goods(&self, product: u64) -> Goods {
        if self.world.count(Entity::Products) > 0 {
            self.products.core(product).shape.department().goods
        } else {
            Goods::Mixed
        }
    }

    fn fill(&self, index: u64, row: &mut SupportTicket) {
        let w = self.world;
        let mut rng = w.rng(Entity::SupportTickets, index);
        let about = self.subject(&mut rng, row);
        row.ticket_id = w.ids(Table::SupportTickets).id(index);
        row.user_id = w.ids(Table::Users).id(about.user);
        row.category = about.topic.category;
        let noun = if w.count(Entity::Products) > 0 {
            self.products.core(about.product).noun.name.to_lowercase()
        } else {
            "item".to_string()
        };
        let order_text = if about.reference.is_empty() {
            "my order"
        } else {
            &about.reference
        };
        row.subject.clear();
        let subject = rng::pick(&mut rng, about.issue.subjects);
        render(subject, &noun, order_text, &mut row.subject);
        row.message.clear();
        let greeting = rng::pick(&mut rng, GREETINGS);
        if !greeting.is_empty() {
            row.message.push_str(greeting);
            row.message.push(' ');
        }
        let message = rng::pick(&mut rng, about.issue.messages);
        render(message, &noun, order_text, &mut row.message);
        for extra in [rng::pick(&mut rng, ASIDES), rng::pick(&mut rng, SIGN_OFFS)] {
            if !extra.is_empty() {
                row.message.push(' ');
                row.message.push_str(extra);
            }
        }
        self.triage(&mut rng, about.issue.urgency, row);
        row.resolution = row.resolved_at.map(|_| {
            if about.issue.asks_to_cancel {
                let cancelled = about.cancelled_at.is_some_and(|c| c >= row.created_at);
                rng::pick(
                    &mut rng,
                    if cancelled {
                        CANCELLED_AS_ASKED
                    } else {
                        COULD_NOT_CANCEL
                    },
                )
            } else {
                rng::pick(&mut rng, replies(about.topic.category))
            }
        });
    }

    /// What the ticket is about: an order of the customer's when its topic is about
    /// orders and one fits, else their account. Sets the order and the moment.
    fn subject(&self, rng: &mut rng::RowRng, row: &mut SupportTicket) -> About {
        static WEIGHTS: OnceLock<Vec<u32>> = OnceLock::new();
        let weights = WEIGHTS.get_or_init(|| TICKET_TOPICS.iter().map(|t| t.weight).collect());
        let w = self.world;
        let orders = self.orders.count();
        let drawn = &TICKET_TOPICS[rng::pick_weighted(rng, weights)];
        let about = if drawn.about_order && orders > 0 {
            let mut facts = self.orders.facts(rng::below(rng, orders));
            // A late parcel makes customers write: such orders are more often the
            // subject of a ticket than on-time ones.
            if !facts.late() && rng::chance(rng, 500) {
                facts = self.orders.facts(rng::below(rng, orders));
            }
            self.about_order(rng, drawn, &facts)
                .map(|chosen| (facts, chosen))
        } else {
            None
        };
        if let Some((facts, (topic, issue, created_at))) = about {
            let order_id = w.ids(Table::Orders).id(facts.index);
            row.order_id = Some(order_id);
            row.created_at = created_at;
            let mut reference = String::new();
            order_reference(order_id, &mut reference);
            return About {
                topic,
                issue,
                user: facts.user,
                product: named_product(&facts),
                reference,
                cancelled_at: facts.cancelled_at(),
            };
        }
        let topic = if drawn.about_order {
            TICKET_TOPICS
                .iter()
                .find(|t| !t.about_order)
                .expect("an account topic")
        } else {
            drawn
        };
        let user = w
            .user_activity
            .apply(rng::skewed_rank(rng, w.count(Entity::Users), 400));
        row.order_id = None;
        let product = w.product_popularity.apply(rng::skewed_rank(
            rng,
            w.count(Entity::Products).max(1),
            500,
        ));
        row.created_at = w.moment_after(rng, self.users.created_at(user));
        // Subject and message come from one issue: drawn independently from the
        // whole category they would contradict each other.
        let issue = &topic.issues[rng::below(rng, topic.issues.len() as u64) as usize];
        About {
            topic,
            issue,
            user,
            product,
            reference: String::new(),
            cancelled_at: None,
        }
    }

    /// Priority by how urgent the issue is, the channel it came by, and how far the
    /// ticket has got: urgent tickets are solved within hours, low ones in days, faster
    /// on the phone or in chat than by email.
    fn triage(&self, rng: &mut rng::RowRng, urgency: Urgency, row: &mut SupportTicket) {
        let (priorities, hours): (&[u32; 4], (i64, i64)) = match urgency {
            Urgency::Urgent => (&[0, 0, 15, 85], (1, 8)),
            Urgency::High => (&[0, 15, 60, 25], (3, 36)),
            Urgency::Normal => (&[30, 60, 10, 0], (10, 96)),
            Urgency::Low => (&[80, 20, 0, 0], (24, 168)),
        };
        row.priority = PRIORITIES[rng::pick_weighted(rng, priorities)];
        row.channel = CHANNELS[rng::pick_weighted(rng, &[40, 30, 15, 15])];
        let live = matches!(row.channel, "chat" | "phone");
        let (lo, hi) = if live {
            (hours.0.max(1) / 2 + 1, hours.1 / 2)
        } else {
            hours
        };
        let wants_resolution = rng::chance(rng, 800);
        let resolved = if wants_resolution {
            self.world
                .after_delay(rng, row.created_at, lo * 3_600, hi.max(lo) * 3_600)
        } else {
            None
        };
        row.resolved_at = resolved;
        row.status = match resolved {
            Some(_) if rng::chance(rng, 300) => STATUSES[3],
            Some(_) => STATUSES[2],
            None if rng::chance(rng, 500) => STATUSES[1],
            None => STATUSES[0],
        };
    }
}

/// What a ticket is about.
struct About {
    topic: &'static TicketTopic,
    issue: &'static TicketIssue,
    user: u64,
    product: u64,
    /// How the customer quotes the order; empty for a ticket about the account.
    reference: String,
    /// When the order named was cancelled, if it was.
    cancelled_at: Option<Timestamp>,
}

impl Generator for SupportTickets<'_> {
    type Row = SupportTicket;

    fn units(&self) -> u64 {
        self.world.count(Entity::SupportTickets)
    }

    fn generate(&self, units: Range<u64>, emit: &mut dyn FnMut(&SupportTicket)) {
        super::each_row(units, emit, |index, row| self.fill(index, row));
    }
}

#[cfg(test)]
mod tests;
