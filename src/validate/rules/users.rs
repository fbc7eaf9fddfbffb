//! Invariant 2 (uniqueness of email and username is checked with the keys): an
//! account changes after it opens, and a closed one is inactive and orders no more.

use super::super::report::Findings;
use super::super::table::{Id, Moment, Text};
use super::Joined;
use crate::error::Result;
use crate::rules::Rule;
use crate::schema::Table;

pub fn check(joined: &Joined, found: &mut Findings) -> Result<()> {
    let Some(users) = joined.table(Table::Users) else {
        return Ok(());
    };
    let created = users.column::<Moment>("created_at")?;
    let updated = users.column::<Moment>("updated_at")?;
    let active = users.column::<Text>("is_active")?;
    let closed = users.column::<Moment>("closed_at")?;
    for row in 0..users.len() {
        if let (Some(c), Some(u)) = (created.at(row), updated.at(row))
            && u < c
        {
            found.at(
                users,
                row,
                Rule::UsersUpdatedAt,
                format!("updated_at {u} is before created_at {c}"),
            );
        }
        let problem = match (active.at(row), closed.at(row), created.at(row)) {
            (Some("true"), Some(at), _) => {
                Some(format!("the account is active but closed_at is {at}"))
            }
            (Some("false"), None, _) if closed.text(row).is_none() => {
                Some("the account is not active but has no closed_at".to_string())
            }
            (_, Some(at), Some(c)) if at < c => {
                Some(format!("closed_at {at} is before created_at {c}"))
            }
            _ => None,
        };
        if let Some(problem) = problem {
            found.at(users, row, Rule::UsersClosedAt, problem);
        }
    }
    check_orders_after_closing(joined, found)
}

/// No order is placed once its customer's account is closed.
fn check_orders_after_closing(joined: &Joined, found: &mut Findings) -> Result<()> {
    let (Some(users), Some(orders)) = (joined.table(Table::Users), joined.table(Table::Orders))
    else {
        return Ok(());
    };
    let closed = users.column::<Moment>("closed_at")?;
    let user = orders.column::<Id>("user_id")?;
    let placed = orders.column::<Moment>("created_at")?;
    for row in 0..orders.len() {
        if let Some(u) = joined.find(Table::Users, user.at(row))
            && let (Some(at), Some(shut)) = (placed.at(row), closed.at(u))
            && at > shut
        {
            found.at(
                orders,
                row,
                Rule::UsersClosedAt,
                format!("created_at {at} is after the user's account was closed at {shut}"),
            );
        }
    }
    Ok(())
}
