//! The tickets' tests: a subject and message from one issue, fitting the order and
//! its product, opened and resolved in the order's span.

use super::*;
use crate::generate::orders::OrderStatus;
use crate::generate::world::small_world;
use crate::words::catalog::DEPARTMENTS;
use crate::words::text::When;
use std::collections::HashMap;

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

/// Whether `text` is a greeting, then `template`, then an aside and a sign-off,
/// each of those three optional.
fn fits_message(template: &str, text: &str) -> bool {
    let mut bodies = vec![text];
    for greeting in GREETINGS.iter().filter(|g| !g.is_empty()) {
        if let Some(rest) = text
            .strip_prefix(greeting)
            .and_then(|t| t.strip_prefix(' '))
        {
            bodies.push(rest);
        }
    }
    bodies.iter().any(|body| {
        let mut cores = vec![*body];
        for aside in SIGN_OFFS.iter().chain(ASIDES).filter(|e| !e.is_empty()) {
            for core in cores.clone() {
                if let Some(rest) = core.strip_suffix(aside).and_then(|t| t.strip_suffix(' ')) {
                    cores.push(rest);
                }
            }
        }
        cores.iter().any(|core| fits(template, core))
    })
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
    let world = small_world(11, &[(Entity::SupportTickets, 3_000)]);
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
                && issue.messages.iter().any(|m| fits_message(m, &t.message))
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

/// The least an order in `status` has been through: later steps and flags only
/// add stretches an issue can be dated in.
fn least_life(status: OrderStatus, declined: bool, fee: bool, discounted: bool) -> Life {
    let at = |days: i64| Some(Timestamp(1_700_000_000 + days * 86_400));
    let reached = |step: OrderStatus| {
        use OrderStatus::*;
        let order = [Pending, Processing, Shipped, Delivered, Returned];
        let rank = |s| order.iter().position(|o| *o == s);
        status != Cancelled && rank(status) >= rank(step)
    };
    let cancelled = status == OrderStatus::Cancelled;
    Life {
        created: at(0).unwrap(),
        declined: if declined || cancelled { at(0) } else { None },
        paid: at(1).filter(|_| reached(OrderStatus::Processing)),
        cancelled: at(0).filter(|_| cancelled),
        shipped: at(2).filter(|_| reached(OrderStatus::Shipped)),
        delivered: at(5).filter(|_| reached(OrderStatus::Delivered)),
        returned: at(8).filter(|_| reached(OrderStatus::Returned)),
        refunded: None,
        promised: None,
        lines: 1,
        most_units: 1,
        paid_after_decline: false,
        shipping_fee: fee,
        discounted,
        end: at(30).unwrap(),
    }
}

#[test]
fn every_order_of_every_department_has_a_fitting_issue() {
    use OrderStatus::*;
    for department in DEPARTMENTS {
        for status in [Pending, Processing, Shipped, Delivered, Cancelled, Returned] {
            for flags in 0..8 {
                let life = least_life(status, flags & 1 != 0, flags & 2 != 0, flags & 4 != 0);
                let fitting = TICKET_TOPICS
                    .iter()
                    .filter(|t| t.about_order)
                    .flat_map(|t| t.issues)
                    .filter(|i| life.fits(department.goods, i))
                    .count();
                assert!(fitting > 0, "{} {status:?} {flags}", department.name);
            }
        }
    }
    // Topics not about an order fit anyone at any time.
    for topic in TICKET_TOPICS.iter().filter(|t| !t.about_order) {
        for issue in topic.issues {
            assert_eq!(issue.when, When::Any, "{:?}", issue.subjects);
            assert_eq!(issue.goods, Goods::ALL, "{:?}", issue.subjects);
        }
    }
}

#[test]
fn spans_follow_the_order() {
    let life = least_life(OrderStatus::Delivered, false, true, false);
    let day = |d: i64| Timestamp(1_700_000_000 + d * 86_400);
    assert_eq!(life.span(When::Unshipped), Some((day(0), day(2).plus(-1))));
    assert_eq!(life.span(When::InTransit), Some((day(2), day(5).plus(-1))));
    assert_eq!(life.span(When::Delivered), Some((day(5), day(30))));
    assert_eq!(life.span(When::Kept), Some((day(5), day(30))));
    assert_eq!(life.span(When::Returned), None);
    assert_eq!(life.span(When::Cancelled), None);
    let returned = least_life(OrderStatus::Returned, false, true, false);
    assert_eq!(
        returned.span(When::Delivered),
        Some((day(5), day(8).plus(-1)))
    );
    assert_eq!(returned.span(When::Kept), None);
    let cancelled = least_life(OrderStatus::Cancelled, false, true, false);
    for when in [When::Unpaid, When::Unshipped, When::Undelivered, When::Paid] {
        assert_eq!(cancelled.span(when), None, "{when:?}");
    }
    assert!(cancelled.span(When::Declined).is_some());
}

#[test]
fn tickets_fit_their_order_and_product() {
    let world = small_world(7, &[(Entity::SupportTickets, 3_000)]);
    let orders = Orders::new(&world);
    let products = Products::new(&world);
    let users = Users::new(&world);
    let ids = world.ids(Table::Orders);
    let index: HashMap<Id, u64> = (0..orders.count()).map(|i| (ids.id(i), i)).collect();
    let mut about_order = 0;
    let mut categories = HashMap::new();
    SupportTickets::new(&world).generate(0..3_000, &mut |t| {
        *categories.entry(t.category).or_insert(0) += 1;
        assert!(t.created_at <= world.window.end, "{t:?}");
        let Some(order_id) = t.order_id else {
            return;
        };
        about_order += 1;
        let facts = orders.facts(index[&order_id]);
        assert!(t.created_at >= users.created_at(facts.user), "{t:?}");
        assert!(t.created_at >= facts.created_at, "{t:?}");
        let goods = products
            .core(named_product(&facts))
            .shape
            .department()
            .goods;
        let life = Life::of(&facts, world.window.end);
        let topic = TICKET_TOPICS
            .iter()
            .find(|topic| topic.category == t.category)
            .expect("a known category");
        let fitting = topic.issues.iter().any(|issue| {
            issue.subjects.iter().any(|s| fits(s, &t.subject))
                && issue.messages.iter().any(|m| fits_message(m, &t.message))
                && issue.goods.contains(&goods)
                && life
                    .span(issue.when)
                    .is_some_and(|(from, to)| from <= t.created_at && t.created_at <= to)
        });
        assert!(
            fitting,
            "{:?} {goods:?} {:?}: {:?} / {:?} at {:?}",
            facts.status(),
            life,
            t.subject,
            t.message,
            t.created_at
        );
    });
    assert!(about_order > 2_500, "{about_order}");
    // Fitting the order bends the topic mix only a little.
    let share = |c: &str| categories.get(c).copied().unwrap_or(0) * 100 / 3_000;
    assert!((24..=36).contains(&share("shipping")), "{categories:?}");
    assert!((5..=11).contains(&share("account")), "{categories:?}");
}
