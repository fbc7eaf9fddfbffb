//! What a campaign message says, written once per promotion: thousands of customers
//! hear of each campaign, and a promotion's name and code take longer to work out
//! than the rest of the message.

use crate::generate::World;
use crate::generate::promotions::{Promotion, Promotions};
use crate::schema::Entity;
use std::fmt::Write;
use std::sync::OnceLock;

/// The title and the three ways of putting the code of one promotion.
struct Text {
    title: String,
    messages: [String; 3],
}

/// Every promotion's campaign text, built the first time one is asked for.
#[derive(Default)]
pub struct CampaignTexts {
    texts: OnceLock<Vec<Text>>,
}

impl CampaignTexts {
    /// The title of `promotion`'s messages and the message `variant` (0, 1 or 2).
    pub fn get(&self, world: &World, promotion: u64, variant: usize) -> (&str, &str) {
        let texts = self.texts.get_or_init(|| build(world));
        let text = &texts[promotion as usize];
        (&text.title, &text.messages[variant])
    }
}

/// A campaign message says what the campaign offers, in the shop's currency, and the
/// code to use.
fn build(world: &World) -> Vec<Text> {
    let promotions = Promotions::new(world);
    let mut promotion = Promotion::default();
    (0..world.count(Entity::Promotions))
        .map(|p| {
            promotions.fill(p, &mut promotion);
            let (code, until) = (&promotion.code, promotion.end_date);
            let mut messages: [String; 3] = Default::default();
            let _ = write!(messages[0], "Use code {code} at checkout, until {until}.");
            let _ = write!(messages[1], "Enter {code} at checkout before {until} ends.");
            let _ = write!(messages[2], "Your code {code} is good until {until}.");
            Text {
                title: promotion.name.clone(),
                messages,
            }
        })
        .collect()
}
