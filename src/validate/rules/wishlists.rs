//! Invariant 12: a user saves a product once, after signing up.

use super::super::index::repeats;
use super::super::report::Findings;
use super::super::table::{Id, Moment};
use super::Joined;
use crate::error::Result;
use crate::rules::Rule;
use crate::schema::Table;
use std::collections::HashMap;

pub fn check(joined: &Joined, found: &mut Findings) -> Result<()> {
    let Some(t) = joined.table(Table::Wishlists) else {
        return Ok(());
    };
    let user = t.column::<Id>("user_id")?;
    let product = t.column::<Id>("product_id")?;
    let added = t.column::<Moment>("added_at")?;
    let mut seen: HashMap<(&str, &str), usize> = HashMap::new();
    for row in 0..t.len() {
        if let (Some(u), Some(p)) = (user.at(row), product.at(row))
            && let Some(first) = repeats(&mut seen, (u, p), row)
        {
            found.at(
                t,
                row,
                Rule::WishlistsPair,
                format!("user {u} already saved product {p} in record {}", first + 1),
            );
        }
        if let (Some(at), Some(signup)) = (added.at(row), joined.signup_of(user.at(row)))
            && at < signup
        {
            found.at(
                t,
                row,
                Rule::WishlistsAddedAt,
                format!("added_at {at} is before the user's created_at {signup}"),
            );
        }
    }
    Ok(())
}
