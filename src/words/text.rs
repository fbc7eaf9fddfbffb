//! Free text for reviews, support tickets and notifications, written so that its tone
//! matches the star rating, ticket category or notification kind it is attached to.
//!
//! `{product}` is replaced by a product noun that may be singular or plural ("Frying
//! Pan", "Wireless Earbuds"), so templates avoid present-tense verbs and articles that
//! would have to agree with it.

/// Review titles by rating: index 0 = 1 star ... 4 = 5 stars. Titles match the rating.
pub static REVIEW_TITLES: [&[&str]; 5] = [
    &[
        "Stopped working after a week",
        "Complete waste of money",
        "Do not buy",
        "Arrived broken",
        "Very disappointed",
        "Nothing like the pictures",
        "Fell apart almost immediately",
        "Returned it the same day",
        "Terrible quality",
        "Cheaply made",
        "Would give zero stars if I could",
        "Not as described",
        "Broke on first use",
        "Save your money",
    ],
    &[
        "Not great",
        "Expected more for the price",
        "Mediocre at best",
        "Has some serious flaws",
        "Disappointing quality",
        "Works, but barely",
        "Would not buy again",
        "Fine for a few weeks, then not",
        "Below average",
        "Looks better online",
        "Too many compromises",
        "Not worth the price",
        "Good idea, poor execution",
    ],
    &[
        "It's okay",
        "Does the job",
        "Average",
        "Decent for the price",
        "Some pros and some cons",
        "Fine, nothing special",
        "Good enough",
        "Mixed feelings",
        "Middle of the road",
        "Acceptable",
        "Not bad, not great",
        "Meets basic needs",
        "Could be better",
    ],
    &[
        "Very good",
        "Happy with this purchase",
        "Solid product",
        "Great value",
        "Works well",
        "Almost perfect",
        "Pleasantly surprised",
        "Would recommend",
        "Good quality for the price",
        "Does what I needed",
        "Really nice",
        "Minor quibbles but overall great",
        "Better than expected",
    ],
    &[
        "Absolutely love it",
        "Perfect!",
        "Exceeded my expectations",
        "Best purchase this year",
        "Highly recommend",
        "Five stars",
        "Excellent quality",
        "Worth every penny",
        "Exactly what I wanted",
        "Fantastic",
        "Could not be happier",
        "Buying another one",
        "Outstanding",
    ],
];

/// Review bodies by rating, 1-3 sentences, may use {product}.
pub static REVIEW_BODIES: [&[&str]; 5] = [
    &[
        "The {product} stopped working after less than a week. Very frustrating.",
        "Arrived damaged and with parts missing. I requested a return right away.",
        "Nothing like the photos. The {product} felt cheap the moment I opened the box.",
        "Complete waste of money. I would not recommend the {product} to anyone.",
        "Terrible quality. Everything started falling apart within days of normal use.",
        "I ordered the {product} as a gift and was embarrassed by the poor quality.",
        "Did not match the description at all. Returned for a refund.",
        "Broke on the very first use. Customer service was slow to respond.",
        "Very disappointed with the {product}. Poor materials and a sloppy finish.",
        "Do not buy. Mine was defective out of the box and the replacement had the same problem.",
        "The {product} arrived two weeks late and never worked properly. Never again.",
        "Cheaply made and overpriced. Save your money and look elsewhere.",
        "Smelled strongly of chemicals and looked used. Sent the whole thing straight back.",
        "The instructions were useless and the {product} never worked as advertised.",
    ],
    &[
        "Technically functional, but the quality of the {product} is well below what I expected for the price.",
        "Looked nice at first, but started showing wear after a couple of weeks.",
        "Not terrible, but not good either. I probably won't buy the {product} again.",
        "Smaller than the photos suggested and the finish was uneven.",
        "Works some of the time. I expected more from this brand.",
        "Arrived on time, but the {product} had a few obvious defects.",
        "Mediocre. There are better options at this price point.",
        "The design is nice, but the materials feel flimsy.",
        "Had to contact support twice to get the {product} working properly. Not impressed.",
        "Some good ideas, but the execution is poor. Two stars for fast shipping.",
        "Okay for occasional use, but I would not rely on the {product} every day.",
        "The packaging was damaged and the {product} had scuffs. Usable, but I expected better.",
        "Not worth the full price. I kept mine only because returning felt like a hassle.",
    ],
    &[
        "Fine overall. Nothing special about the {product}, but it does the job.",
        "Decent quality for the price. A few minor issues, but nothing deal-breaking.",
        "Does what I needed. Shipping took a little longer than expected.",
        "Average. I like the design, but the build quality could be better.",
        "Some things I like, some I don't. Overall an okay purchase.",
        "Arrived quickly and does what it should, though the materials feel a bit cheap.",
        "Good enough for everyday use. I might try a higher-end option next time.",
        "Middle of the road. Not bad, but I have seen better.",
        "Met my basic needs. The instructions could be clearer.",
        "Three stars because the color was slightly different from the photos. Otherwise fine.",
        "Solid enough, but overpriced for what you get.",
        "Took some getting used to, but I have no major complaints about the {product}.",
        "Works as described. The packaging was excessive, though.",
    ],
    &[
        "Really happy with the {product}. Only missing a star because of the slow delivery.",
        "Great value for the money. Would buy again.",
        "Good quality and well made. One small flaw, but nothing that affects daily use.",
        "Arrived quickly and well packaged. Does exactly what I needed.",
        "Very pleased overall. The {product} looked even better in person than online.",
        "Solid purchase. I've used the {product} daily for a month with no issues.",
        "Better than expected for the price. Setup took a few minutes longer than I hoped.",
        "Nice design and sturdy construction. I would recommend the {product} to friends.",
        "Almost perfect. I wish there were more color options.",
        "Works well and feels durable. One star off for the flimsy packaging.",
        "I bought the {product} as a gift and the recipient was thrilled.",
        "Reliable and easy to use. A couple of small tweaks would make it perfect.",
        "Good product, good price, fast shipping. Minor quibbles only.",
    ],
    &[
        "Absolutely love the {product}! Exceeded my expectations in every way.",
        "The {product} arrived quickly and was exactly as described.",
        "Best purchase I've made this year. Highly recommend.",
        "Excellent quality and a beautiful design. I already ordered a second one.",
        "Worth every penny. I use the {product} every single day.",
        "Perfect. Fast shipping, great packaging and top-notch quality.",
        "I was hesitant at first, but the {product} turned out to be fantastic.",
        "Could not be happier. Customer service was also very helpful.",
        "Exactly what I was looking for. I will definitely buy from this shop again.",
        "Outstanding quality for the price. Five stars without hesitation.",
        "Bought the {product} as a gift and ended up ordering one for myself too.",
        "Everything about this was great, from ordering to delivery to daily use.",
        "My whole family loves the {product}. Sturdy, well made and great looking.",
    ],
];

pub struct TicketTopic {
    /// support ticket category, snake_case: "shipping", "billing", "returns", "product_issue", "account", "order_change"
    pub category: &'static str,
    /// true where the topic is about an order (a ticket of this topic names one when it can)
    pub about_order: bool,
    /// Short subject lines, may use {order} when about_order.
    pub subjects: &'static [&'static str],
    /// Customer messages of 1-3 sentences, may use {order}/{product}.
    pub messages: &'static [&'static str],
    /// Relative frequency
    pub weight: u32,
}

/// The six support ticket categories; weights follow the usual e-commerce mix where
/// "where is my order" dominates.
pub static TICKET_TOPICS: &[TicketTopic] = &[
    TicketTopic {
        category: "shipping",
        about_order: true,
        subjects: &[
            "Where is my order {order}?",
            "Order {order} has not arrived",
            "Tracking not updating for {order}",
            "Package marked delivered but not received",
            "Delivery delayed",
            "Wrong delivery address on {order}",
            "Question about shipping costs",
        ],
        messages: &[
            "My order {order} was supposed to arrive three days ago and the tracking has not updated since. Can you check where it is?",
            "The tracking for {order} says delivered, but nothing was left at my door. I also checked with my neighbors.",
            "Could you tell me when order {order} will ship? It has been processing for a week.",
            "I need the {product} by Friday. Is there any way to upgrade the shipping on {order}?",
            "The carrier says my package is being held at a local facility. What should I do?",
            "Part of my order arrived, but the {product} was missing from the box. Is it shipping separately?",
            "Do you ship to PO boxes? I want to make sure order {order} reaches me.",
        ],
        weight: 30,
    },
    TicketTopic {
        category: "billing",
        about_order: true,
        subjects: &[
            "Charged twice for {order}",
            "Refund not received",
            "Question about a charge on my card",
            "Promo code not applied to {order}",
            "Invoice request for {order}",
            "Payment declined but money taken",
        ],
        messages: &[
            "I was charged twice for order {order}. Please refund the duplicate payment.",
            "My refund for {order} was approved two weeks ago, but I still don't see it on my statement.",
            "There is a charge from your store on my card that I don't recognize. Can you tell me what it was for?",
            "I entered a promo code at checkout, but the discount was not applied to {order}. Can you adjust the price?",
            "Could you send me an itemized invoice for {order}? I need it for an expense report.",
            "My payment was declined at checkout, but the amount was still taken from my account.",
            "The price of the {product} dropped right after I bought it. Can I get the difference refunded?",
        ],
        weight: 18,
    },
    TicketTopic {
        category: "returns",
        about_order: true,
        subjects: &[
            "Return request for {order}",
            "How do I return an item?",
            "Return label not working",
            "Exchange for a different size",
            "Refund status for a returned item",
            "Wrong item received in {order}",
        ],
        messages: &[
            "I would like to return the {product} from order {order}. It's not what I expected.",
            "The return label you emailed me won't scan at the post office. Can you send a new one?",
            "Can I exchange the {product} for a different size instead of getting a refund?",
            "I sent back the {product} ten days ago. When will my refund be processed?",
            "I received the wrong item in order {order}. I ordered the {product} but got something else.",
            "Is it too late to return something from order {order}? I bought it about five weeks ago.",
            "The {product} was a gift. Can the recipient return it without a receipt?",
        ],
        weight: 22,
    },
    TicketTopic {
        category: "product_issue",
        about_order: true,
        subjects: &[
            "Item from {order} stopped working",
            "Defective item received",
            "Missing parts in my package",
            "Product not as described",
            "Warranty claim",
            "Item in {order} arrived damaged",
        ],
        messages: &[
            "The {product} stopped working after only two weeks. What are my options?",
            "The {product} arrived cracked. Can you send a replacement?",
            "Some parts are missing from the {product} I received in order {order}.",
            "I can't figure out how to set up the {product}. The instructions don't match what's in the box.",
            "The {product} doesn't match the description on your website. The color and size are different.",
            "Is the {product} still under warranty? Problems started after about eight months.",
            "The {product} from order {order} arrived damaged; the box was crushed in transit.",
        ],
        weight: 15,
    },
    TicketTopic {
        category: "account",
        about_order: false,
        subjects: &[
            "Can't log in to my account",
            "Password reset email not arriving",
            "Update my email address",
            "Please delete my account",
            "Suspicious activity on my account",
            "Unsubscribe from marketing emails",
        ],
        messages: &[
            "I have tried to reset my password three times, but the email never arrives.",
            "I'd like to change the email address on my account. The old one no longer works.",
            "Please delete my account and all of my personal data.",
            "I received a login alert from a device I don't recognize. Can you help me secure my account?",
            "I keep getting marketing emails even though I unsubscribed last month.",
            "My account says it's locked after too many login attempts. How do I unlock it?",
            "How do I update the default shipping address saved on my account?",
        ],
        weight: 8,
    },
    TicketTopic {
        category: "order_change",
        about_order: true,
        subjects: &[
            "Cancel order {order}",
            "Change shipping address for {order}",
            "Add an item to {order}",
            "Change the quantity on my order",
            "Switch to faster shipping",
            "Update payment method for {order}",
        ],
        messages: &[
            "Please cancel order {order}. I placed it by mistake.",
            "Can I change the shipping address on {order}? I just moved.",
            "I forgot to add one more item to order {order}. Can it be added before it ships?",
            "I ordered two of the {product} but only need one. Can you change the quantity before it ships?",
            "Is it possible to upgrade {order} to express shipping?",
            "I'd like to use a different card for {order}. My bank cancelled the current one.",
            "Please remove the {product} from order {order} if it hasn't shipped yet.",
        ],
        weight: 7,
    },
];

/// Notification titles and messages by kind. Kinds used by the generator:
/// "order_confirmed", "order_shipped", "order_delivered", "refund_issued",
/// "promotion", "price_drop", "account_security", "review_reminder".
pub struct NotificationKind {
    pub kind: &'static str,
    /// May use {order}/{product} as fits the kind.
    pub titles: &'static [&'static str],
    pub messages: &'static [&'static str],
}

pub static NOTIFICATION_KINDS: &[NotificationKind] = &[
    NotificationKind {
        kind: "order_confirmed",
        titles: &[
            "Order {order} confirmed",
            "Thanks for your order!",
            "We received your order {order}",
        ],
        messages: &[
            "Thanks for shopping with us! Your order {order} has been confirmed and is being prepared.",
            "We've received your order {order}. You'll get another update when it ships.",
            "Good news: payment for order {order} went through and your items are being packed.",
            "Your order {order} is confirmed. You can view the details anytime in your account.",
        ],
    },
    NotificationKind {
        kind: "order_shipped",
        titles: &[
            "Your order {order} has shipped",
            "On its way!",
            "Order {order} is on the move",
        ],
        messages: &[
            "Your order {order} is on its way. Track your package for the latest delivery estimate.",
            "Good news! Your package with the {product} has shipped.",
            "Order {order} left our warehouse today and is now with the carrier.",
            "We've handed your order {order} to the carrier. Expect delivery in 3-5 business days.",
        ],
    },
    NotificationKind {
        kind: "order_delivered",
        titles: &[
            "Order {order} delivered",
            "Your package has arrived",
            "Delivered: order {order}",
        ],
        messages: &[
            "Your order {order} was delivered. We hope you enjoy it!",
            "Your package was left at your front door. If you can't find it, let us know.",
            "Order {order} has been delivered. Tell us how everything arrived.",
            "Delivered! We hope you love your new {product}.",
        ],
    },
    NotificationKind {
        kind: "refund_issued",
        titles: &[
            "Refund issued for {order}",
            "Your refund is on its way",
            "Refund processed",
        ],
        messages: &[
            "We've issued a refund for order {order}. It may take 5-10 business days to appear on your statement.",
            "Your refund for the {product} has been sent to your original payment method.",
            "Refund confirmed for order {order}. Thanks for your patience.",
            "We've received your return and refunded the amount to your original payment method.",
        ],
    },
    NotificationKind {
        kind: "promotion",
        titles: &[
            "Weekend sale: up to 30% off",
            "Flash sale starts now",
            "A special offer just for you",
            "Free shipping this week",
        ],
        messages: &[
            "Save up to 30% on bestsellers this weekend only.",
            "Our flash sale is live for the next 24 hours. Don't miss out.",
            "Enjoy free shipping on all orders over $35 this week.",
            "As a thank-you for being a loyal customer, here's 15% off your next order.",
            "New arrivals are here. Be the first to shop the latest collection.",
        ],
    },
    NotificationKind {
        kind: "price_drop",
        titles: &[
            "Price drop on {product}",
            "An item you viewed is now cheaper",
            "Good news: a lower price",
        ],
        messages: &[
            "The {product} you viewed recently just went on sale.",
            "The price of the {product} in your wishlist just dropped.",
            "Now's a good time to buy: the price of the {product} fell since you last looked.",
            "Price alert: the {product} you saved just got cheaper.",
        ],
    },
    NotificationKind {
        kind: "account_security",
        titles: &[
            "New sign-in to your account",
            "Your password was changed",
            "Security alert",
        ],
        messages: &[
            "We noticed a sign-in to your account from a new device. If this was you, no action is needed.",
            "Your password was changed successfully. If you didn't make this change, contact support right away.",
            "The email address on your account was updated. If this wasn't you, contact support.",
            "For your security, we've signed you out of all devices. Please sign in again.",
            "A new payment method was added to your account.",
        ],
    },
    NotificationKind {
        kind: "review_reminder",
        titles: &[
            "How was your {product}?",
            "Review your recent purchase",
            "Tell us what you think",
        ],
        messages: &[
            "You recently received the {product}. Share your thoughts to help other shoppers.",
            "How are you enjoying your order {order}? Leave a quick review.",
            "Your opinion matters. Rate the {product} in under a minute.",
            "Reviews help other customers choose. Tell us about your order {order}.",
        ],
    },
];

/// The notification kind named `kind`; panics on unknown kind (internal use only).
pub fn notification_kind(kind: &str) -> &'static NotificationKind {
    NOTIFICATION_KINDS
        .iter()
        .find(|k| k.kind == kind)
        .unwrap_or_else(|| panic!("unknown notification kind {kind:?}"))
}

/// Replaces `{product}` and `{order}` in `template`, appending to `out`.
pub fn render(template: &str, product: &str, order: &str, out: &mut String) {
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let tail = &rest[start..];
        if let Some(after) = tail.strip_prefix("{product}") {
            out.push_str(product);
            rest = after;
        } else if let Some(after) = tail.strip_prefix("{order}") {
            out.push_str(order);
            rest = after;
        } else {
            // Not a placeholder: keep the brace as written.
            out.push('{');
            rest = &tail[1..];
        }
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every template in the module, with the placeholders it may use.
    fn all_templates() -> Vec<(&'static str, bool, bool)> {
        let mut all = Vec::new();
        for list in REVIEW_TITLES {
            all.extend(list.iter().map(|t| (*t, false, false)));
        }
        for list in REVIEW_BODIES {
            all.extend(list.iter().map(|t| (*t, true, false)));
        }
        for t in TICKET_TOPICS {
            all.extend(t.subjects.iter().map(|s| (*s, false, t.about_order)));
            all.extend(t.messages.iter().map(|s| (*s, true, t.about_order)));
        }
        for k in NOTIFICATION_KINDS {
            all.extend(k.titles.iter().chain(k.messages).map(|s| (*s, true, true)));
        }
        all
    }

    #[test]
    fn counts() {
        for r in 0..5 {
            assert!(REVIEW_TITLES[r].len() >= 12, "titles {r}");
            assert!(REVIEW_BODIES[r].len() >= 12, "bodies {r}");
        }
        let categories: Vec<_> = TICKET_TOPICS.iter().map(|t| t.category).collect();
        assert_eq!(
            categories,
            [
                "shipping",
                "billing",
                "returns",
                "product_issue",
                "account",
                "order_change"
            ]
        );
        for t in TICKET_TOPICS {
            assert!(
                t.subjects.len() >= 6 && t.messages.len() >= 6,
                "{}",
                t.category
            );
            assert!(t.weight > 0);
        }
        let kinds: Vec<_> = NOTIFICATION_KINDS.iter().map(|k| k.kind).collect();
        assert_eq!(
            kinds,
            [
                "order_confirmed",
                "order_shipped",
                "order_delivered",
                "refund_issued",
                "promotion",
                "price_drop",
                "account_security",
                "review_reminder",
            ]
        );
        for k in NOTIFICATION_KINDS {
            assert!(k.titles.len() >= 3 && k.messages.len() >= 4, "{}", k.kind);
        }
    }

    #[test]
    fn braces_are_only_known_placeholders() {
        for (t, product_ok, order_ok) in all_templates() {
            let stripped = t.replace("{product}", "").replace("{order}", "");
            assert!(!stripped.contains(['{', '}']), "{t:?}");
            assert!(product_ok || !t.contains("{product}"), "{t:?}");
            assert!(order_ok || !t.contains("{order}"), "{t:?}");
        }
    }

    #[test]
    fn plain_text_only() {
        for (t, _, _) in all_templates() {
            assert!(!t.is_empty() && t.trim() == t, "{t:?}");
            assert!(!t.chars().any(char::is_control), "{t:?}");
            assert!(!t.contains("  "), "{t:?}");
        }
    }

    #[test]
    fn bodies_and_messages_are_sentences() {
        let sentences = REVIEW_BODIES
            .iter()
            .flat_map(|l| l.iter())
            .chain(TICKET_TOPICS.iter().flat_map(|t| t.messages.iter()))
            .chain(NOTIFICATION_KINDS.iter().flat_map(|k| k.messages.iter()));
        for s in sentences {
            assert!(s.ends_with(['.', '!', '?']), "{s:?}");
            assert!(s.starts_with(char::is_uppercase), "{s:?}");
        }
    }

    #[test]
    fn render_replaces_placeholders() {
        let mut out = String::from(">");
        render(
            "Where is {order}? The {product} and {product}.",
            "Wireless Earbuds",
            "#A1B2C3D4",
            &mut out,
        );
        assert_eq!(
            out,
            ">Where is #A1B2C3D4? The Wireless Earbuds and Wireless Earbuds."
        );
        let mut out = String::new();
        render("no placeholders", "x", "y", &mut out);
        assert_eq!(out, "no placeholders");
        let mut out = String::new();
        render("{odd} {order", "x", "y", &mut out);
        assert_eq!(out, "{odd} {order");
        let mut out = String::new();
        render("{product}{order}", "Café Set", "#1", &mut out);
        assert_eq!(out, "Café Set#1");
    }

    #[test]
    fn one_star_and_five_star_titles_differ() {
        for t in REVIEW_TITLES[0] {
            assert!(!REVIEW_TITLES[4].contains(t), "{t}");
            assert!(!REVIEW_TITLES[3].contains(t), "{t}");
        }
        for t in REVIEW_TITLES[4] {
            assert!(!REVIEW_TITLES[1].contains(t), "{t}");
        }
        // A body shared between ratings would contradict one of them.
        for (r, bodies) in REVIEW_BODIES.iter().enumerate() {
            for b in *bodies {
                let elsewhere = REVIEW_BODIES
                    .iter()
                    .enumerate()
                    .any(|(o, other)| o != r && other.contains(b));
                assert!(!elsewhere, "{b}");
            }
        }
    }

    #[test]
    fn notification_kind_finds_every_kind() {
        for k in NOTIFICATION_KINDS {
            assert_eq!(notification_kind(k.kind).kind, k.kind);
        }
    }

    #[test]
    #[should_panic(expected = "unknown notification kind")]
    fn notification_kind_panics_on_unknown() {
        notification_kind("newsletter");
    }
}
