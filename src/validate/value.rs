//! How the validator reads one value: strictly, by the data model's text forms, so a
//! value another tool rewrote (`12.5`, an uppercase id, `+4`) is reported instead of
//! being silently accepted; and how a message quotes a value, however long.

use crate::model::{Date, Money, Timestamp, Window};
use crate::rules::Rule;
use crate::schema::FieldType;

fn digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

pub fn is_uuid(s: &str) -> bool {
    s.len() == 36
        && s.bytes().enumerate().all(|(i, b)| match i {
            8 | 13 | 18 | 23 => b == b'-',
            _ => b.is_ascii_digit() || (b'a'..=b'f').contains(&b),
        })
}

pub fn parse_money(s: &str) -> Option<i64> {
    Money::parse(s).map(Money::cents)
}

pub fn parse_int(s: &str) -> Option<i64> {
    let body = s.strip_prefix('-').unwrap_or(s);
    if !digits(body) {
        return None;
    }
    s.parse().ok()
}

pub fn well_formed(ty: FieldType, v: &str) -> bool {
    match ty {
        FieldType::Uuid => is_uuid(v),
        FieldType::Text => true,
        FieldType::Integer => parse_int(v).is_some(),
        FieldType::Boolean => v == "true" || v == "false",
        FieldType::Money | FieldType::Decimal => parse_money(v).is_some(),
        FieldType::Timestamp => Timestamp::parse(v).is_some(),
        FieldType::Date => Date::parse(v).is_some(),
    }
}

/// The rule a value of this type breaks when it does not parse.
pub fn format_rule(ty: FieldType) -> Rule {
    match ty {
        FieldType::Uuid => Rule::FormatUuid,
        FieldType::Text => Rule::FormatText,
        FieldType::Integer => Rule::FormatInteger,
        FieldType::Boolean => Rule::FormatBoolean,
        FieldType::Money | FieldType::Decimal => Rule::FormatMoney,
        FieldType::Timestamp => Rule::FormatTimestamp,
        FieldType::Date => Rule::FormatDate,
    }
}

pub fn format_expected(ty: FieldType) -> &'static str {
    match ty {
        FieldType::Uuid => "a lowercase hyphenated UUID",
        FieldType::Text => "text",
        FieldType::Integer => "a whole number",
        FieldType::Boolean => "true or false",
        FieldType::Money => "an amount with exactly two decimals, like 107.99",
        FieldType::Decimal => "a number with exactly two decimals, like 4.25",
        FieldType::Timestamp => "a timestamp YYYY-MM-DDTHH:MM:SS",
        FieldType::Date => "a date YYYY-MM-DD",
    }
}

/// A value as a message quotes it: edited files can hold anything, of any length.
pub fn shown(v: &str) -> String {
    const MAX: usize = 60;
    match v.char_indices().nth(MAX) {
        Some((cut, _)) => format!("{:?}...", &v[..cut]),
        None => format!("{v:?}"),
    }
}

pub fn money_text(cents: i64) -> String {
    Money(cents).to_string()
}

pub fn window_text(window: Window) -> String {
    format!("{}..{}", window.first_day(), window.last_day())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_parse_strictly() {
        assert_eq!(parse_money("107.99"), Some(10799));
        assert!(is_uuid("32efd717-b77e-45e5-8ef7-add88020ce1b"));
        assert!(!is_uuid("32EFD717-B77E-45E5-8EF7-ADD88020CE1B"));
        assert!(!is_uuid("32efd717b77e45e58ef7add88020ce1b"));
        assert_eq!(parse_int("-4"), Some(-4));
        assert_eq!(parse_int("+4"), None);
        assert_eq!(parse_int("4.0"), None);
    }

    #[test]
    fn long_values_are_cut_when_quoted() {
        assert_eq!(shown("a\"b"), "\"a\\\"b\"");
        let long = "x".repeat(100);
        assert_eq!(shown(&long), format!("{:?}...", "x".repeat(60)));
    }
}
