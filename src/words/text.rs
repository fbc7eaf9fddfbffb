//! Free text for reviews, support tickets and notifications, written so that its tone
//! matches the star rating, ticket category or notification kind it is attached to.
//!
//! `{product}` is replaced by a product noun that may be singular or plural ("Frying
//! Pan", "Wireless Earbuds"), so templates avoid present-tense verbs and articles that
//! would have to agree with it.

use super::catalog::Goods;

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

/// One thing customers write in about. Subjects and messages are only ever paired
/// within an issue, so every message has to read naturally under every subject of its
/// issue; a message that fits only some of them belongs in an issue of its own.
#[derive(Clone, Copy)]
pub struct TicketIssue {
    /// When in its order's life a customer can write this; `Any` outside about_order topics.
    pub when: When,
    /// How urgent the shop deems it, which sets the priority and how fast it is solved.
    pub urgency: Urgency,
    /// Whether the customer asks to cancel the order: the reply says whether it was.
    pub asks_to_cancel: bool,
    /// The kinds of goods whose product the text can name.
    pub goods: &'static [Goods],
    /// Short subject lines, may use {order} when the topic is about_order.
    pub subjects: &'static [&'static str],
    /// Customer messages of 1-3 sentences, may use {product}, and {order} when about_order.
    pub messages: &'static [&'static str],
}

/// The stretch of an order's life a ticket's text is true in, so the text fits the
/// order: nobody asks where a delivered parcel is, or to cancel a shipped order. A
/// ticket is dated inside that stretch. Stretches end with the next step of the order
/// ("until shipped") or stay open to the end of the data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum When {
    /// Any time; the only choice for topics not about an order.
    Any,
    /// Placed, not cancelled, and not charged yet.
    Unpaid,
    /// Placed, not cancelled, and not shipped yet.
    Unshipped,
    /// Paid and not shipped yet: "still processing".
    Processing,
    /// Placed, not cancelled, and not delivered yet.
    Undelivered,
    /// Shipped and not delivered yet.
    InTransit,
    /// Shipped, not delivered, and past the day the carrier promised.
    Overdue,
    /// Delivered, never returned, with more than one line: a line can be missing.
    KeptSeveral,
    /// Not shipped yet, with a line of more than one unit to lower.
    UnshippedSeveral,
    /// Not shipped yet, with more than one line: one can be taken off.
    UnshippedLines,
    /// Charged after a declined attempt: two attempts, so a charge can look doubled.
    PaidAfterDecline,
    /// Charged, from the payment on.
    Paid,
    /// Charged, with a shipping fee, from the payment on.
    PaidShipping,
    /// Placed, not cancelled, without any discount.
    Undiscounted,
    /// From a declined payment attempt on (every cancelled order had one).
    Declined,
    /// Delivered, until a return is requested.
    Delivered,
    /// Delivered and never returned: "it never came" is not said of a returned item.
    Kept,
    /// From the return request on.
    Returned,
    /// From a return's approval or refund on.
    Refunded,
    /// Cancelled, from its last failed payment on.
    Cancelled,
}

/// The replies that close a ticket, by category: what the shop did.
pub fn replies(category: &str) -> &'static [&'static str] {
    match category {
        "shipping" => &[
            "We checked with the carrier and sent you the latest tracking details.",
            "The carrier confirmed the parcel's route; we will follow up if it stalls again.",
            "We have asked the carrier to investigate and will keep you posted.",
        ],
        "billing" => &[
            "We reviewed the charges and sent you a breakdown of the payment.",
            "The duplicate authorisation has been released; it will drop off your statement.",
            "We corrected the amount and issued the difference to your payment method.",
        ],
        "returns" => &[
            "We sent you a prepaid return label.",
            "Your return has been logged; the refund follows once it reaches us.",
            "We approved the return and explained the next steps by email.",
        ],
        "product_issue" => &[
            "We sent troubleshooting steps and offered a replacement.",
            "A replacement is on its way at no cost.",
            "We refunded the item; there is no need to send it back.",
        ],
        "account" => &[
            "We secured the account and reset the password.",
            "Your account details have been updated.",
            "We verified your identity and restored access.",
        ],
        _ => &[
            "Done: the order has been updated as you asked.",
            "We made the change before the order shipped.",
            "The warehouse had already packed it, so we could not change it; we explained the options.",
        ],
    }
}

/// How customers open and close a message, and what they add: put around the
/// issue's own sentences, so two customers with one issue rarely write alike. A
/// message is one line, so a greeting ends as a sentence does: "Hi, The price"
/// would read as a greeting whose line break was lost.
pub const GREETINGS: &[&str] = &[
    "",
    "Hi!",
    "Hello!",
    "Hi there!",
    "Good morning!",
    "Hello team!",
    "Hello support team!",
];
pub const ASIDES: &[&str] = &[
    "",
    "Happy to give more details if that helps.",
    "Please let me know if you need anything from me.",
    "The email on the order is the one I'm writing from.",
    "I'd appreciate a quick answer.",
    "I've ordered from you before without any trouble.",
    "This is my first order with you.",
    "I can send photos if needed.",
];
pub const SIGN_OFFS: &[&str] = &[
    "",
    "Thanks.",
    "Thank you.",
    "Thanks in advance.",
    "Many thanks.",
    "Best regards.",
    "Thanks for your help.",
    "Looking forward to your reply.",
    "Kind regards.",
];

/// Replies to a request to cancel: it was, or why it could not be.
pub const CANCELLED_AS_ASKED: &[&str] = &[
    "We cancelled the order; no payment was taken.",
    "Your order has been cancelled and nothing will be charged.",
];
pub const COULD_NOT_CANCEL: &[&str] = &[
    "The order was already with the warehouse, so it could not be cancelled; you can return it free of charge once it arrives.",
    "We were too late to stop the order, but a free return is open to you when it arrives.",
];

/// How urgent a ticket's issue is: a hacked account before a wish to add an item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Urgency {
    Low,
    Normal,
    High,
    Urgent,
}

/// Which goods a ticket issue fits.
const ANY: &[Goods] = Goods::ALL;
const DEVICES: &[Goods] = &[Goods::Devices];
/// Things with parts, instructions and a warranty.
const ASSEMBLED: &[Goods] = &[Goods::Devices, Goods::Equipment];
/// Things bought by size, colour and look.
const LOOKS: &[Goods] = &[Goods::Equipment, Goods::Housewares, Goods::Apparel];
/// Things one uses for a while before deciding to keep them.
const KEPT: &[Goods] = &[
    Goods::Devices,
    Goods::Equipment,
    Goods::Housewares,
    Goods::Apparel,
];
const APPAREL: &[Goods] = &[Goods::Apparel];
const BOOKS: &[Goods] = &[Goods::Books];
const CONSUMABLES: &[Goods] = &[Goods::Consumables];

pub struct TicketTopic {
    /// support ticket category, snake_case: "shipping", "billing", "returns", "product_issue", "account", "order_change"
    pub category: &'static str,
    /// true where the topic is about an order (a ticket of this topic names one when it can)
    pub about_order: bool,
    /// What customers write in about under this category, equally likely.
    pub issues: &'static [TicketIssue],
    /// Relative frequency
    pub weight: u32,
}

/// The six support ticket categories; weights follow the usual e-commerce mix where
/// "where is my order" dominates.
///
/// A ticket is opened within two weeks of the moment its issue arose (the order placed,
/// shipped, delivered, returned...), so messages avoid claims that need more time than
/// that ("bought it months ago"). Every order fits some issue of the topics about
/// orders, whatever its status and the kind of goods it names.
pub static TICKET_TOPICS: &[TicketTopic] = &[
    TicketTopic {
        category: "shipping",
        about_order: true,
        issues: &[
            TicketIssue {
                when: When::Overdue,
                urgency: Urgency::High,
                asks_to_cancel: false,
                goods: ANY,
                subjects: &[
                    "Where is my order {order}?",
                    "Order {order} has not arrived",
                    "Order {order} is late",
                    "Still waiting for {order}",
                ],
                messages: &[
                    "My order {order} was supposed to arrive by now and still isn't here. Can you check where it is?",
                    "The estimated delivery date for {order} has passed and nothing has arrived. Is there any update from the carrier?",
                    "I'm still waiting on order {order}. Can you tell me when I can expect it?",
                    "I need the {product} for a trip this weekend and order {order} still hasn't shown up. Please help.",
                ],
            },
            TicketIssue {
                when: When::InTransit,
                urgency: Urgency::Normal,
                asks_to_cancel: false,
                goods: ANY,
                subjects: &[
                    "Tracking not updating for {order}",
                    "No tracking updates on {order}",
                    "Problem with tracking for my order",
                ],
                messages: &[
                    "The tracking for {order} hasn't changed in four days. Is the package actually moving?",
                    "The tracking number you sent me for {order} shows no information on the carrier's website.",
                    "My tracking page has said 'label created' for days. Has order {order} actually shipped?",
                    "Tracking for order {order} stopped updating after it left the warehouse. Can you check with the carrier?",
                ],
            },
            TicketIssue {
                when: When::Kept,
                urgency: Urgency::High,
                asks_to_cancel: false,
                goods: ANY,
                subjects: &[
                    "Package marked delivered but not received",
                    "Order {order} shows delivered, but I don't have it",
                    "Never received order {order}",
                ],
                messages: &[
                    "The tracking for {order} says delivered, but nothing was left at my door. I also checked with my neighbors.",
                    "According to the carrier, order {order} was delivered in the afternoon, but I was home all day and no one came to the door.",
                    "My package shows as delivered to the mailroom, but the front desk has nothing for me. Can you open a claim with the carrier?",
                    "Order {order} was marked delivered, but there is no package anywhere. Can you send a replacement or refund me?",
                ],
            },
            TicketIssue {
                when: When::InTransit,
                urgency: Urgency::Normal,
                asks_to_cancel: false,
                goods: ANY,
                subjects: &[
                    "Package held at carrier facility",
                    "Missed delivery for {order}",
                    "Delivery attempt failed",
                ],
                messages: &[
                    "The carrier says my package for {order} is being held at a local facility after a failed delivery attempt. What should I do?",
                    "I got a notice that delivery of {order} was attempted, but I was home all day. Now the package is waiting at the depot. Can you arrange redelivery?",
                    "The courier left a card saying they couldn't deliver order {order} and took the package back to their facility. Can I pick it up there, or will they try again?",
                ],
            },
            TicketIssue {
                when: When::KeptSeveral,
                urgency: Urgency::High,
                asks_to_cancel: false,
                goods: ANY,
                subjects: &[
                    "Part of my order is missing",
                    "Only some items from {order} arrived",
                    "Missing item from {order}",
                ],
                messages: &[
                    "Part of order {order} arrived today, but I couldn't find the {product} in the box. Will the missing item ship separately?",
                    "I received one package for {order}, but the {product} didn't come with it. Is a second package on the way?",
                    "The packing slip for order {order} lists the {product}, but I can't find that item in the box. Was it left out by mistake?",
                ],
            },
            TicketIssue {
                when: When::Undelivered,
                urgency: Urgency::Normal,
                asks_to_cancel: false,
                goods: ANY,
                subjects: &[
                    "Will {order} arrive by Friday?",
                    "Need my order before the weekend",
                    "Urgent delivery question for {order}",
                ],
                messages: &[
                    "I need the {product} by Friday for a birthday. Will order {order} get here in time?",
                    "I'm leaving town on Saturday morning. Can you tell me if order {order} will be delivered before then?",
                    "Is there any way to make sure {order} arrives before the weekend? I need the {product} for an event.",
                ],
            },
            TicketIssue {
                when: When::Processing,
                urgency: Urgency::Normal,
                asks_to_cancel: false,
                goods: ANY,
                subjects: &[
                    "Order {order} still processing",
                    "When will {order} ship?",
                    "Order {order} has not shipped yet",
                ],
                messages: &[
                    "Could you tell me when order {order} will ship? It still says processing.",
                    "My order {order} still shows as processing and I haven't received a shipping confirmation. Is something wrong?",
                    "I placed order {order} a few days ago and it still hasn't left your warehouse. When will it ship?",
                ],
            },
            TicketIssue {
                when: When::Undelivered,
                urgency: Urgency::Low,
                asks_to_cancel: false,
                goods: ANY,
                subjects: &["Can you ship to a PO box?", "PO box delivery for {order}"],
                messages: &[
                    "Do you ship to PO boxes? I want to make sure order {order} reaches me.",
                    "The address on order {order} is a PO box. Will the carrier be able to deliver there?",
                    "I only have a PO box at my new address. Can order {order} be delivered there?",
                ],
            },
            TicketIssue {
                when: When::PaidShipping,
                urgency: Urgency::Normal,
                asks_to_cancel: false,
                goods: ANY,
                subjects: &[
                    "Question about shipping costs",
                    "Why was I charged shipping on {order}?",
                ],
                messages: &[
                    "I thought my order qualified for free shipping, but {order} was charged for delivery. Can you explain why?",
                    "The shipping fee on order {order} seems high for such a small package. How is shipping calculated?",
                    "The checkout page said shipping was free, but I paid a delivery charge on {order}. Is that a mistake?",
                ],
            },
            TicketIssue {
                when: When::InTransit,
                urgency: Urgency::Normal,
                asks_to_cancel: false,
                goods: ANY,
                subjects: &[
                    "Wrong delivery address on {order}",
                    "Order {order} is going to my old address",
                ],
                messages: &[
                    "Order {order} is on its way to my old address, even though I updated it in my account. Can the carrier redirect it?",
                    "I just noticed that order {order} shipped to my previous apartment. Is there any way to reroute the package?",
                    "The tracking shows order {order} heading to the address I moved out of last month. Please help me get it redirected.",
                ],
            },
        ],
        weight: 30,
    },
    // Charges are told without naming a card: orders are paid by PayPal, Klarna and
    // direct debit too, and any method can fail first (a test holds it).
    TicketTopic {
        category: "billing",
        about_order: true,
        issues: &[
            TicketIssue {
                when: When::PaidAfterDecline,
                urgency: Urgency::High,
                asks_to_cancel: false,
                goods: ANY,
                subjects: &[
                    "Charged twice for {order}",
                    "Duplicate charge on my statement",
                    "Double payment for order {order}",
                ],
                messages: &[
                    "I was charged twice for order {order}. Please refund the duplicate payment.",
                    "My bank statement shows two identical charges for {order}. I only placed the order once.",
                    "I see the payment for order {order} twice in my account. Can you cancel one of the charges?",
                ],
            },
            TicketIssue {
                when: When::Refunded,
                urgency: Urgency::Normal,
                asks_to_cancel: false,
                goods: ANY,
                subjects: &[
                    "Refund not received",
                    "Where is my refund for {order}?",
                    "Refund for {order} still missing",
                ],
                messages: &[
                    "My refund for {order} was approved last week, but I still don't see it on my statement.",
                    "You confirmed the refund for order {order}, but nothing has reached my account yet. How long should it take?",
                    "I got an email saying my refund for {order} was issued, but my bank has no record of it. Can you send me a transaction reference?",
                ],
            },
            TicketIssue {
                when: When::Paid,
                urgency: Urgency::Normal,
                asks_to_cancel: false,
                goods: ANY,
                subjects: &[
                    "Question about a charge on my statement",
                    "Unrecognized charge from your store",
                    "What is this charge?",
                ],
                messages: &[
                    "There is a charge from your store on my statement that I don't recognize. Can you tell me what it was for?",
                    "I see a payment to your shop on my statement that I don't remember making. Could you check which order it belongs to?",
                    "My bank statement shows a charge from you for an amount I don't recognize. Which order is it for?",
                ],
            },
            TicketIssue {
                when: When::Undiscounted,
                urgency: Urgency::Normal,
                asks_to_cancel: false,
                goods: ANY,
                subjects: &[
                    "Promo code not applied to {order}",
                    "Discount missing from my order",
                    "Coupon didn't work at checkout",
                ],
                messages: &[
                    "I entered a promo code at checkout, but the discount was not applied to {order}. Can you adjust the price?",
                    "My coupon code seemed to go through at checkout, but the total for order {order} doesn't reflect the discount.",
                    "The 15% off code from your email didn't reduce the price of {order}. Could you apply it now?",
                ],
            },
            TicketIssue {
                when: When::Paid,
                urgency: Urgency::Normal,
                asks_to_cancel: false,
                goods: ANY,
                subjects: &[
                    "Invoice request for {order}",
                    "Need a receipt for {order}",
                    "Itemized receipt for my order",
                ],
                messages: &[
                    "Could you send me an itemized invoice for {order}? I need it for an expense report.",
                    "I need a receipt for order {order} that shows the tax paid. Where can I download one?",
                    "My company reimburses this purchase, so I need an invoice for {order} with my business name on it.",
                ],
            },
            TicketIssue {
                when: When::PaidAfterDecline,
                urgency: Urgency::High,
                asks_to_cancel: false,
                goods: ANY,
                subjects: &[
                    "Payment declined but money taken",
                    "Charged for a failed payment",
                    "Payment failed, still charged",
                ],
                messages: &[
                    "My payment was declined at checkout, but the amount was still taken from my account.",
                    "The checkout page said my payment had failed, yet my bank shows a pending charge for the full amount. Will it be reversed?",
                    "My payment failed when I placed order {order}, but my banking app shows the money as taken. Can you check?",
                ],
            },
            TicketIssue {
                when: When::Paid,
                urgency: Urgency::Normal,
                asks_to_cancel: false,
                goods: ANY,
                subjects: &[
                    "Price adjustment request",
                    "Price dropped after I ordered {order}",
                    "Can I get the sale price?",
                ],
                messages: &[
                    "The price of the {product} dropped right after I placed order {order}. Can I get the difference refunded?",
                    "The {product} went on sale two days after I ordered. Would you refund the price difference?",
                    "I paid full price for the {product}, and now the same item costs less on your site. Do you offer price adjustments on recent orders?",
                ],
            },
            TicketIssue {
                when: When::Paid,
                urgency: Urgency::High,
                asks_to_cancel: false,
                goods: ANY,
                subjects: &[
                    "Wrong amount charged for {order}",
                    "Charged more than my order total",
                ],
                messages: &[
                    "I was charged more for order {order} than the total shown at checkout. Can you explain the difference?",
                    "The amount taken for {order} is higher than on my order confirmation. Please correct it.",
                    "My confirmation email for {order} shows one total, but my bank shows a larger charge. Where does the extra amount come from?",
                ],
            },
        ],
        weight: 18,
    },
    TicketTopic {
        category: "returns",
        about_order: true,
        issues: &[
            TicketIssue {
                when: When::Delivered,
                urgency: Urgency::Normal,
                asks_to_cancel: false,
                goods: ANY,
                subjects: &[
                    "Return request for {order}",
                    "I want to return an item from {order}",
                    "Starting a return",
                ],
                messages: &[
                    "I would like to return the {product} from order {order}. The quality wasn't what I expected.",
                    "The {product} from order {order} didn't work out for me. How do I start a return?",
                    "Please help me return the {product}. I changed my mind and never used the item.",
                    "I'd like to send back the {product} from {order}. Everything is still unopened in the original packaging.",
                ],
            },
            TicketIssue {
                when: When::Delivered,
                urgency: Urgency::Normal,
                asks_to_cancel: false,
                goods: ANY,
                subjects: &[
                    "How do I return an item?",
                    "Return instructions please",
                    "Question about the return process",
                ],
                messages: &[
                    "I can't find where to start a return on your website. Can you walk me through the steps?",
                    "How do I send back the {product}? Do I need to print a label myself?",
                    "Do I need the original box to return the {product}, or can I use any packaging?",
                ],
            },
            TicketIssue {
                when: When::Returned,
                urgency: Urgency::Normal,
                asks_to_cancel: false,
                goods: ANY,
                subjects: &[
                    "Return label not working",
                    "Problem with my return label",
                    "Need a new return label for {order}",
                ],
                messages: &[
                    "The return label you emailed me won't scan at the post office. Can you send a new one?",
                    "The return label for {order} downloads as a blank page. Could you email it again?",
                    "The carrier refused my package because the return label had expired. Please send me a new one.",
                ],
            },
            TicketIssue {
                when: When::Delivered,
                urgency: Urgency::Normal,
                asks_to_cancel: false,
                goods: APPAREL,
                subjects: &[
                    "Exchange request for {order}",
                    "Exchange instead of a refund",
                    "Swap for a different size or color",
                ],
                messages: &[
                    "Can I exchange the {product} for a different size instead of getting a refund?",
                    "The {product} from order {order} turned out too small. I'd like to swap for the next size up rather than return the item.",
                    "I like the {product} but would prefer a different color. Could you exchange the item instead of refunding me?",
                ],
            },
            TicketIssue {
                when: When::Returned,
                urgency: Urgency::Normal,
                asks_to_cancel: false,
                goods: ANY,
                subjects: &[
                    "Refund status for a returned item",
                    "Returned item, no refund yet",
                    "When will my return be processed?",
                ],
                messages: &[
                    "I sent back the {product} a week ago. When will my refund be processed?",
                    "The tracking shows my return for {order} reached your warehouse days ago, but I haven't heard anything since.",
                    "I returned the {product} from order {order} and have the drop-off receipt. How long until the refund goes through?",
                ],
            },
            TicketIssue {
                when: When::Delivered,
                urgency: Urgency::Normal,
                asks_to_cancel: false,
                goods: ANY,
                subjects: &[
                    "Wrong item received in {order}",
                    "This isn't what I ordered",
                    "Received the wrong product",
                ],
                messages: &[
                    "I received the wrong item in order {order}. I ordered the {product} but got something else.",
                    "The box for {order} contained a completely different product. How do I send it back and get the {product} I ordered?",
                    "Instead of the {product}, my package held an item I never ordered. Can you send the correct one along with a return label?",
                ],
            },
            TicketIssue {
                when: When::Delivered,
                urgency: Urgency::Normal,
                asks_to_cancel: false,
                goods: KEPT,
                subjects: &[
                    "How long do I have to return?",
                    "Return window question",
                    "Return deadline for {order}",
                ],
                messages: &[
                    "How long do I have to return something from order {order}? I haven't had a chance to try everything yet.",
                    "What is your return window? I'd like to use the {product} a little longer before deciding whether to keep the item.",
                    "Is there a deadline for returning items from {order}? I'm traveling and won't be able to ship anything back for a couple of weeks.",
                ],
            },
            TicketIssue {
                when: When::Delivered,
                urgency: Urgency::Normal,
                asks_to_cancel: false,
                goods: ANY,
                subjects: &[
                    "Returning a gift",
                    "Gift return question",
                    "Return for an item I gave as a gift",
                ],
                messages: &[
                    "I bought the {product} in order {order} as a gift. Can the recipient return the item without a receipt?",
                    "The {product} I ordered as a present turned out to be something my friend already had. Can they exchange the item for store credit?",
                    "I had the {product} shipped straight to my sister as a gift, and the item doesn't suit her. Can the return be sent from her address?",
                ],
            },
        ],
        weight: 22,
    },
    TicketTopic {
        category: "product_issue",
        about_order: true,
        issues: &[
            TicketIssue {
                when: When::Delivered,
                urgency: Urgency::Normal,
                asks_to_cancel: false,
                goods: DEVICES,
                subjects: &[
                    "Item from {order} stopped working",
                    "Product stopped working",
                    "Item quit working after a few days",
                ],
                messages: &[
                    "The {product} stopped working after only a few days. What are my options?",
                    "The {product} from order {order} worked fine at first and then suddenly quit. Can I get a replacement?",
                    "My {product} stopped working properly this week. I followed the instructions, so I think the item is defective.",
                ],
            },
            TicketIssue {
                when: When::Delivered,
                urgency: Urgency::Normal,
                asks_to_cancel: false,
                goods: ANY,
                subjects: &[
                    "Item in {order} arrived damaged",
                    "Damaged item received",
                    "My order arrived damaged",
                ],
                messages: &[
                    "The {product} from order {order} arrived damaged; the box was crushed in transit.",
                    "When I opened the package, the {product} had visible damage. Can you send a replacement?",
                    "The {product} arrived in bad shape, clearly damaged during shipping. I'd like a replacement or a refund.",
                ],
            },
            TicketIssue {
                when: When::Delivered,
                urgency: Urgency::Normal,
                asks_to_cancel: false,
                goods: DEVICES,
                subjects: &[
                    "Defective item received",
                    "Item defective out of the box",
                    "Faulty product in {order}",
                ],
                messages: &[
                    "The {product} I received never worked, not even on the first day. Can I get a replacement?",
                    "The {product} from order {order} came with an obvious manufacturing defect. I'd like a replacement.",
                    "Right out of the box, the {product} didn't work properly. I think I got a faulty unit.",
                ],
            },
            TicketIssue {
                when: When::Delivered,
                urgency: Urgency::High,
                asks_to_cancel: false,
                goods: ASSEMBLED,
                subjects: &[
                    "Missing parts in my package",
                    "Parts missing from {order}",
                    "Incomplete item received",
                ],
                messages: &[
                    "Some parts are missing from the {product} I received in order {order}.",
                    "The {product} came without the accessories listed on the product page. Can you send the missing pieces?",
                    "I can't assemble the {product} because a few pieces were not in the box.",
                ],
            },
            TicketIssue {
                when: When::Delivered,
                urgency: Urgency::Normal,
                asks_to_cancel: false,
                goods: LOOKS,
                subjects: &[
                    "Product not as described",
                    "Item doesn't match the listing",
                    "Different from the photos",
                ],
                messages: &[
                    "What I received in order {order} doesn't match the description of the {product} on your website. The color and size are different.",
                    "The listing said the {product} came in navy, but mine arrived bright blue.",
                    "The photos on your site show a much sturdier {product} than what arrived at my door.",
                ],
            },
            TicketIssue {
                when: When::Delivered,
                urgency: Urgency::Normal,
                asks_to_cancel: false,
                goods: ASSEMBLED,
                subjects: &[
                    "Help setting up my item",
                    "Problem with the instructions",
                    "Setup help needed",
                ],
                messages: &[
                    "I can't figure out how to set up the {product}. The instructions don't match what's in the box.",
                    "The manual in the box seems to be for a different model than the {product}. Where can I find the right instructions?",
                    "Is there a video or guide for setting up the {product}? The printed instructions are hard to follow.",
                ],
            },
            TicketIssue {
                when: When::Delivered,
                urgency: Urgency::Normal,
                asks_to_cancel: false,
                goods: ASSEMBLED,
                subjects: &[
                    "Warranty question",
                    "Warranty on the item from {order}",
                    "Question about warranty coverage",
                ],
                messages: &[
                    "How long is the warranty on the {product} from order {order}? I'd like to register the item.",
                    "What does the warranty on the {product} cover? I want to know what to do if something goes wrong.",
                    "Do I need to register the {product} to keep the warranty valid, or is my order confirmation enough?",
                ],
            },
            TicketIssue {
                when: When::Delivered,
                urgency: Urgency::Normal,
                asks_to_cancel: false,
                goods: ANY,
                subjects: &[
                    "Disappointed with the quality",
                    "Quality complaint about {order}",
                    "Not happy with my purchase",
                ],
                messages: &[
                    "I expected much better quality from the {product} after reading the reviews. Honestly, I'm disappointed.",
                    "For the price I paid, I expected a lot more from the {product} in order {order}.",
                    "I'm not happy with the quality of the {product}. Can you tell me what my options are?",
                ],
            },
            TicketIssue {
                when: When::Delivered,
                urgency: Urgency::Normal,
                asks_to_cancel: false,
                goods: APPAREL,
                subjects: &[
                    "Sizing doesn't match the chart",
                    "Size problem with {order}",
                    "Wrong fit for my usual size",
                ],
                messages: &[
                    "I ordered my usual size of the {product}, but the fit is a full size smaller than your size chart says.",
                    "The measurements of the {product} I received don't match the size chart on your site.",
                    "According to your size guide I should wear a medium, but the medium {product} from order {order} would fit a child.",
                ],
            },
            TicketIssue {
                when: When::Delivered,
                urgency: Urgency::Normal,
                asks_to_cancel: false,
                goods: CONSUMABLES,
                subjects: &[
                    "Expiry date problem with {order}",
                    "Problem with the best-before date",
                    "Question about an expiry date",
                ],
                messages: &[
                    "The {product} from order {order} arrived already past its best-before date. Can you send a fresh one?",
                    "The best-before date printed on the {product} I received was only a few days away. I expected a much longer shelf life.",
                    "I just noticed that the {product} in my order expired last month. Please send a replacement or refund me.",
                ],
            },
            TicketIssue {
                when: When::Delivered,
                urgency: Urgency::Normal,
                asks_to_cancel: false,
                goods: CONSUMABLES,
                subjects: &[
                    "Seal broken on my item",
                    "Item from {order} arrived opened",
                    "Packaging open on arrival",
                ],
                messages: &[
                    "When I opened the package, the safety seal on the {product} had already been broken. I don't feel safe using it.",
                    "The {product} from order {order} arrived with the packaging torn open and half of the contents spilled in the box.",
                    "Someone had clearly opened the {product} before it was shipped to me. Can you send a sealed replacement?",
                ],
            },
            TicketIssue {
                when: When::Delivered,
                urgency: Urgency::Normal,
                asks_to_cancel: false,
                goods: BOOKS,
                subjects: &[
                    "Misprinted book in {order}",
                    "Printing problem with my book",
                    "Defective copy received",
                ],
                messages: &[
                    "A whole section of the {product} I received was printed upside down. Can I get a replacement copy?",
                    "Several pages in the {product} from order {order} came out blank or badly smudged.",
                    "My copy of the {product} jumps from page 96 straight to page 129. It looks like a binding error.",
                ],
            },
            TicketIssue {
                when: When::Delivered,
                urgency: Urgency::Normal,
                asks_to_cancel: false,
                goods: BOOKS,
                subjects: &[
                    "Wrong edition received",
                    "Not the edition I ordered",
                    "Different edition in {order}",
                ],
                messages: &[
                    "I ordered the hardcover edition of the {product}, but a paperback arrived in order {order}.",
                    "The copy of the {product} I received was an older edition than the one shown on your site.",
                    "Your listing showed the new illustrated edition of the {product}, but I got the plain text edition.",
                ],
            },
        ],
        weight: 15,
    },
    TicketTopic {
        category: "account",
        about_order: false,
        issues: &[
            TicketIssue {
                when: When::Any,
                urgency: Urgency::Normal,
                asks_to_cancel: false,
                goods: ANY,
                subjects: &[
                    "Can't log in to my account",
                    "Login not working",
                    "Locked out of my account",
                ],
                messages: &[
                    "My account says it's locked after too many login attempts. How do I unlock it?",
                    "I keep getting an 'incorrect password' error even though I'm sure my password is right.",
                    "Every time I try to sign in, the page just reloads. I've tried two different browsers.",
                ],
            },
            TicketIssue {
                when: When::Any,
                urgency: Urgency::Normal,
                asks_to_cancel: false,
                goods: ANY,
                subjects: &[
                    "Password reset email not arriving",
                    "Didn't get the reset link",
                    "Can't reset my password",
                ],
                messages: &[
                    "I have tried to reset my password three times, but the email never arrives.",
                    "The password reset link never shows up in my inbox or spam folder. Can you send it another way?",
                    "I requested a password reset an hour ago and still have nothing. Is there a problem with your emails?",
                ],
            },
            TicketIssue {
                when: When::Any,
                urgency: Urgency::Normal,
                asks_to_cancel: false,
                goods: ANY,
                subjects: &[
                    "Update my email address",
                    "Change the email on my account",
                    "New email address",
                ],
                messages: &[
                    "I'd like to change the email address on my account. The old one no longer works.",
                    "Please update my account email to my new work address. I can verify my identity if needed.",
                    "I can't find where to change my email in the account settings. Can you do it for me?",
                ],
            },
            TicketIssue {
                when: When::Any,
                urgency: Urgency::Normal,
                asks_to_cancel: false,
                goods: ANY,
                subjects: &[
                    "Please delete my account",
                    "Account deletion request",
                    "Close my account",
                ],
                messages: &[
                    "Please delete my account and all of my personal data.",
                    "I no longer shop here and would like my account closed. Please confirm once it's done.",
                    "I'm requesting that you delete my account and any personal data you hold about me.",
                ],
            },
            TicketIssue {
                when: When::Any,
                urgency: Urgency::Urgent,
                asks_to_cancel: false,
                goods: ANY,
                subjects: &[
                    "Suspicious activity on my account",
                    "Someone else logged in to my account",
                    "I think my account was hacked",
                ],
                messages: &[
                    "I received a login alert from a device I don't recognize. Can you help me secure my account?",
                    "My password was changed, and I didn't do it. Please lock my account until I can reset it.",
                    "There are orders in my account history that I never placed. I think someone else has access to my account.",
                ],
            },
            TicketIssue {
                when: When::Any,
                urgency: Urgency::Normal,
                asks_to_cancel: false,
                goods: ANY,
                subjects: &[
                    "Unsubscribe from marketing emails",
                    "Too many promotional emails",
                    "Stop sending me newsletters",
                ],
                messages: &[
                    "I keep getting marketing emails even though I unsubscribed last month.",
                    "Please take me off your mailing list. The unsubscribe link in your emails doesn't work.",
                    "I get several promotional emails a day from you. How do I stop them completely?",
                ],
            },
            TicketIssue {
                when: When::Any,
                urgency: Urgency::Normal,
                asks_to_cancel: false,
                goods: ANY,
                subjects: &[
                    "Update my saved address",
                    "Change my default shipping address",
                ],
                messages: &[
                    "How do I update the default shipping address saved on my account?",
                    "I moved recently and need to change the address saved in my profile, but the edit button doesn't do anything.",
                    "My saved address still has my old apartment number. Could you change it to my new one?",
                ],
            },
            TicketIssue {
                when: When::Any,
                urgency: Urgency::Normal,
                asks_to_cancel: false,
                goods: ANY,
                subjects: &[
                    "Remove a saved card",
                    "Delete a payment method from my account",
                ],
                messages: &[
                    "How do I remove an old credit card from my account? I don't see a delete option.",
                    "Please delete the expired card saved in my profile. I don't want it stored anymore.",
                    "I'd like to remove my saved card details from your site. Where can I do that?",
                ],
            },
        ],
        weight: 8,
    },
    TicketTopic {
        category: "order_change",
        about_order: true,
        issues: &[
            TicketIssue {
                when: When::Unshipped,
                urgency: Urgency::High,
                asks_to_cancel: true,
                goods: ANY,
                subjects: &[
                    "Cancel order {order}",
                    "Please cancel my order",
                    "Cancellation request for {order}",
                ],
                messages: &[
                    "Please cancel order {order}. I placed it by mistake.",
                    "I found the {product} cheaper elsewhere, so I'd like to cancel order {order} if it hasn't shipped.",
                    "I ordered the wrong {product} by accident. Can you cancel {order} so I can place a new order?",
                ],
            },
            TicketIssue {
                when: When::Unshipped,
                urgency: Urgency::Normal,
                asks_to_cancel: false,
                goods: ANY,
                subjects: &[
                    "Change shipping address for {order}",
                    "Update delivery address",
                    "New address for order {order}",
                ],
                messages: &[
                    "Can I change the shipping address on {order}? I just moved.",
                    "I entered my old address for order {order} by mistake. Please send it to my new address instead.",
                    "Could you update the delivery address on {order} before it ships? I'll be staying with family for a few weeks.",
                ],
            },
            TicketIssue {
                when: When::Unshipped,
                urgency: Urgency::Low,
                asks_to_cancel: false,
                goods: ANY,
                subjects: &["Add an item to {order}", "Forgot something in my order"],
                messages: &[
                    "I forgot to add one more item to order {order}. Can it be added before it ships?",
                    "Is it possible to add another product to {order} so everything ships together?",
                    "Can I add one more thing to order {order} before it ships, or do I need to place a separate order?",
                ],
            },
            TicketIssue {
                when: When::UnshippedSeveral,
                urgency: Urgency::Normal,
                asks_to_cancel: false,
                goods: ANY,
                subjects: &[
                    "Change the quantity on my order",
                    "Quantity change for {order}",
                ],
                messages: &[
                    "I got the quantity of the {product} wrong on order {order}. Can you fix it before it ships?",
                    "Can you increase the quantity of the {product} on order {order}? I'd like a few more for gifts.",
                    "Please lower the quantity of the {product} on {order}. I don't need as many as I ordered.",
                ],
            },
            TicketIssue {
                when: When::Unshipped,
                urgency: Urgency::Normal,
                asks_to_cancel: false,
                goods: ANY,
                subjects: &[
                    "Switch to faster shipping",
                    "Upgrade shipping on {order}",
                    "Express shipping for {order}",
                ],
                messages: &[
                    "Is it possible to upgrade {order} to express shipping?",
                    "I need the {product} sooner than I planned. Can I pay extra for faster delivery on order {order}?",
                    "Could you switch order {order} to next-day shipping? I'm happy to pay the difference.",
                ],
            },
            // Orders wait for their money mostly on direct debits: no card named.
            TicketIssue {
                when: When::Unpaid,
                urgency: Urgency::Normal,
                asks_to_cancel: false,
                goods: ANY,
                subjects: &[
                    "Update payment method for {order}",
                    "Pay for {order} another way",
                    "Change how I pay for my order",
                ],
                messages: &[
                    "I'd like to pay for {order} another way. My bank closed the account I used.",
                    "The payment for order {order} still hasn't gone through. Can I switch to another method?",
                    "Can I still change the payment method on order {order}?",
                ],
            },
            TicketIssue {
                when: When::UnshippedLines,
                urgency: Urgency::Normal,
                asks_to_cancel: false,
                goods: ANY,
                subjects: &["Remove an item from {order}", "Take something off my order"],
                messages: &[
                    "Please remove the {product} from order {order} if the order hasn't shipped yet.",
                    "I no longer need the {product}. Could you take the item off {order} and refund that part?",
                    "Can you drop the {product} from {order} and ship the rest as planned?",
                ],
            },
            TicketIssue {
                when: When::Cancelled,
                urgency: Urgency::Normal,
                asks_to_cancel: false,
                goods: ANY,
                subjects: &[
                    "Why was {order} cancelled?",
                    "Order {order} was cancelled",
                    "My order got cancelled",
                ],
                messages: &[
                    "I just saw that order {order} was cancelled. I didn't ask for that, so what happened?",
                    "Order {order} shows as cancelled in my account. Can I still get the {product} at the same price?",
                    "My order {order} was cancelled after the payment didn't go through. Can you help me place it again?",
                ],
            },
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
    while let Some(start) = memchr::memchr(b'{', rest.as_bytes()) {
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
    use std::collections::BTreeSet;

    /// One part (subjects or messages) of every ticket issue, in table order.
    fn ticket_templates(
        part: fn(&TicketIssue) -> &'static [&'static str],
    ) -> impl Iterator<Item = &'static str> {
        TICKET_TOPICS
            .iter()
            .flat_map(|t| t.issues)
            .flat_map(move |i| part(i).iter().copied())
    }

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
            for issue in t.issues {
                all.extend(issue.subjects.iter().map(|s| (*s, false, t.about_order)));
                all.extend(issue.messages.iter().map(|s| (*s, true, t.about_order)));
            }
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
        let weights: Vec<_> = TICKET_TOPICS.iter().map(|t| t.weight).collect();
        assert_eq!(weights, [30, 18, 22, 15, 8, 7]);
        let about_order: Vec<_> = TICKET_TOPICS.iter().map(|t| t.about_order).collect();
        assert_eq!(about_order, [true, true, true, true, false, true]);
        for t in TICKET_TOPICS {
            let subjects = t.issues.iter().flat_map(|i| i.subjects).count();
            let messages = t.issues.iter().flat_map(|i| i.messages).count();
            assert!(
                t.issues.len() >= 3 && subjects >= 6 && messages >= 6,
                "{}",
                t.category
            );
        }
        // The flat per-category tables held 37 subjects and 42 messages; splitting them
        // by issue must not make tickets more repetitive.
        let subjects: BTreeSet<_> = ticket_templates(|i| i.subjects).collect();
        let messages: BTreeSet<_> = ticket_templates(|i| i.messages).collect();
        assert!(subjects.len() >= 37, "{}", subjects.len());
        assert!(messages.len() >= 42, "{}", messages.len());
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
    fn charges_and_unpaid_orders_name_no_card() {
        let issues = TICKET_TOPICS.iter().flat_map(|t| {
            let billing = t.category == "billing";
            t.issues
                .iter()
                .filter(move |i| billing || i.when == When::Unpaid)
        });
        for text in issues.flat_map(|i| i.subjects.iter().chain(i.messages)) {
            assert!(!text.to_lowercase().contains("card"), "{text:?}");
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
            .flat_map(|l| l.iter().copied())
            .chain(ticket_templates(|i| i.messages))
            .chain(
                NOTIFICATION_KINDS
                    .iter()
                    .flat_map(|k| k.messages.iter().copied()),
            );
        for s in sentences {
            assert!(s.ends_with(['.', '!', '?']), "{s:?}");
            assert!(s.starts_with(char::is_uppercase), "{s:?}");
        }
    }

    #[test]
    fn ticket_text_belongs_to_exactly_one_issue() {
        // Two subjects and several messages per issue keep a ticket's text varied
        // without pairing it across issues.
        for t in TICKET_TOPICS {
            for issue in t.issues {
                assert!(
                    issue.subjects.len() >= 2 && issue.messages.len() >= 3,
                    "{}: {:?}",
                    t.category,
                    issue.subjects
                );
            }
        }
        // A line listed under two issues would be paired with the other issue's lines,
        // which it was not written for; it also keeps the issue of a generated ticket
        // recoverable from its text.
        let mut seen = BTreeSet::new();
        for s in ticket_templates(|i| i.subjects).chain(ticket_templates(|i| i.messages)) {
            assert!(seen.insert(s), "listed twice: {s:?}");
        }
    }

    #[test]
    fn ticket_text_needs_no_agreement_with_the_product() {
        // `{product}` may be plural ("wireless earbuds"), so the word before or after it
        // must not need to agree with it. Pronouns for it cannot be checked here.
        const BEFORE: &[&str] = &[
            "a", "an", "another", "is", "are", "was", "were", "this", "these",
        ];
        const AFTER: &[&str] = &[
            "is", "are", "was", "were", "has", "have", "does", "do", "isn't", "aren't", "wasn't",
            "weren't", "hasn't", "haven't", "doesn't", "don't", "looks", "feels", "seems", "works",
            "fits", "comes",
        ];
        let tickets = ticket_templates(|i| i.subjects).chain(ticket_templates(|i| i.messages));
        for t in tickets {
            for (at, _) in t.match_indices("{product}") {
                let before = t[..at].split_whitespace().last().unwrap_or("");
                let after = t[at + "{product}".len()..]
                    .split_whitespace()
                    .next()
                    .unwrap_or("")
                    .trim_end_matches(['.', ',', '?', '!', ';']);
                let agrees =
                    BEFORE.contains(&before.to_lowercase().as_str()) || AFTER.contains(&after);
                assert!(!agrees, "{t:?} must agree with {{product}}");
            }
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
