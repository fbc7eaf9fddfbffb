//! Invariant 2 (uniqueness of email and username is checked with the keys).

use super::super::report::Findings;
use super::super::table::Moment;
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
    }
    Ok(())
}
