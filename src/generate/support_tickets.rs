//! Support tickets: customers asking about orders, billing, returns or their account.
//! A ticket about an order is opened by that order's customer after the order.

use super::orders::Orders;
use super::products::Products;
use super::users::Users;
use super::{Entity, Generator, World, flat_record};
use crate::model::{Id, Timestamp};
use crate::rng;
use crate::schema::{Field, FieldType as F};
use crate::words::text::{TICKET_TOPICS, render};
use serde::Serialize;
use std::ops::Range;
use std::sync::OnceLock;

pub const FIELDS: &[Field] = &[
    Field::primary("ticket_id", "Primary key."),
    Field::foreign("user_id", Entity::Users, "Customer who opened it."),
    Field::foreign(
        "order_id",
        Entity::Orders,
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
        "Opened; after the order it names.",
    ),
    Field::new(
        "resolved_at",
        F::Timestamp,
        "Set for resolved and closed tickets; >= created_at.",
    )
    .nullable(),
];

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
    let text = id.to_string();
    out.extend(text[..8].chars().map(|c| c.to_ascii_uppercase()));
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

    fn fill(&self, index: u64, row: &mut SupportTicket) {
        static WEIGHTS: OnceLock<Vec<u32>> = OnceLock::new();
        let weights = WEIGHTS.get_or_init(|| TICKET_TOPICS.iter().map(|t| t.weight).collect());
        let w = self.world;
        let mut rng = w.rng(Entity::SupportTickets, index);
        let orders = self.orders.count();
        let mut topic = &TICKET_TOPICS[rng::pick_weighted(&mut rng, weights)];
        if topic.about_order && orders == 0 {
            topic = TICKET_TOPICS
                .iter()
                .find(|t| !t.about_order)
                .expect("an account topic");
        }
        let mut reference = String::new();
        let product;
        let user;
        if topic.about_order {
            let facts = self.orders.facts(rng::below(&mut rng, orders));
            user = facts.user;
            let order_id = w.ids(Entity::Orders).id(facts.index);
            row.order_id = Some(order_id);
            order_reference(order_id, &mut reference);
            product = facts.items()[0].product;
            row.created_at = w
                .after_delay(&mut rng, facts.created_at, 1_800, 14 * 86_400)
                .unwrap_or_else(|| w.moment_after(&mut rng, facts.created_at));
        } else {
            user = w
                .user_activity
                .apply(rng::skewed_rank(&mut rng, w.count(Entity::Users), 400));
            row.order_id = None;
            product = w.product_popularity.apply(rng::skewed_rank(
                &mut rng,
                w.count(Entity::Products).max(1),
                500,
            ));
            row.created_at = w.moment_after(&mut rng, self.users.created_at(user));
        }
        row.ticket_id = w.ids(Entity::SupportTickets).id(index);
        row.user_id = w.ids(Entity::Users).id(user);
        row.category = topic.category;
        let noun = if w.count(Entity::Products) > 0 {
            self.products.core(product).noun.name.to_lowercase()
        } else {
            "item".to_string()
        };
        let order_text = if reference.is_empty() {
            "my order"
        } else {
            &reference
        };
        // Subject and message come from one issue: drawn independently from the whole
        // category they would contradict each other ("Charged twice" over a price drop).
        let issue = rng::pick(&mut rng, topic.issues);
        row.subject.clear();
        render(
            rng::pick(&mut rng, issue.subjects),
            &noun,
            order_text,
            &mut row.subject,
        );
        row.message.clear();
        render(
            rng::pick(&mut rng, issue.messages),
            &noun,
            order_text,
            &mut row.message,
        );
        row.priority = PRIORITIES[rng::pick_weighted(&mut rng, &[30, 45, 20, 5])];
        row.channel = CHANNELS[rng::pick_weighted(&mut rng, &[40, 30, 15, 15])];
        let wants_resolution = rng::chance(&mut rng, 750);
        let resolved = if wants_resolution {
            w.after_delay(&mut rng, row.created_at, 600, 5 * 86_400)
        } else {
            None
        };
        row.resolved_at = resolved;
        row.status = match resolved {
            Some(_) if rng::chance(&mut rng, 300) => STATUSES[3],
            Some(_) => STATUSES[2],
            None if rng::chance(&mut rng, 500) => STATUSES[1],
            None => STATUSES[0],
        };
    }
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
mod tests {
    use super::*;
    use crate::config::default_counts;
    use crate::model::Window;
    use crate::words::text::TicketIssue;

    /// Whether `text` could be `template` rendered with any product and order.
    fn fits(template: &str, text: &str) -> bool {
        let pieces: Vec<&str> = template
            .split("{product}")
            .flat_map(|p| p.split("{order}"))
            .collect();
        let (first, rest) = pieces.split_first().expect("split yields a piece");
        let Some(mut tail) = text.strip_prefix(first) else {
            return false;
        };
        let Some((last, middle)) = rest.split_last() else {
            return tail.is_empty();
        };
        for piece in middle {
            match tail.find(piece) {
                Some(at) => tail = &tail[at + piece.len()..],
                None => return false,
            }
        }
        tail.ends_with(last)
    }

    #[test]
    fn fits_treats_placeholders_as_wildcards() {
        assert!(fits("Cancel order {order}", "Cancel order #1A2B3C4D"));
        assert!(fits(
            "The {product} from {order}.",
            "The wireless earbuds from #1."
        ));
        assert!(fits("No placeholders", "No placeholders"));
        assert!(!fits("No placeholders", "No placeholders here"));
        assert!(!fits(
            "The {product} arrived.",
            "The laptop arrived damaged."
        ));
        assert!(!fits("Where is {order}?", "Charged twice for #1?"));
    }

    #[test]
    fn subject_and_message_come_from_one_issue() {
        let mut counts = default_counts(0.2).expect("small counts");
        counts.set(Entity::SupportTickets, 3_000);
        let world = World::new(11, Window::default(), counts);
        let issues: Vec<(&str, &TicketIssue)> = TICKET_TOPICS
            .iter()
            .flat_map(|t| t.issues.iter().map(move |i| (t.category, i)))
            .collect();
        let mut used = vec![false; issues.len()];
        SupportTickets::new(&world).generate(0..3_000, &mut |t| {
            let mut found = false;
            for (n, (category, issue)) in issues.iter().enumerate() {
                if *category == t.category
                    && issue.subjects.iter().any(|s| fits(s, &t.subject))
                    && issue.messages.iter().any(|m| fits(m, &t.message))
                {
                    used[n] = true;
                    found = true;
                }
            }
            assert!(found, "{}: {:?} / {:?}", t.category, t.subject, t.message);
        });
        let unused: Vec<_> = issues
            .iter()
            .zip(&used)
            .filter(|(_, used)| !**used)
            .map(|((_, issue), _)| issue.subjects[0])
            .collect();
        assert!(unused.is_empty(), "never generated: {unused:?}");
    }
}
