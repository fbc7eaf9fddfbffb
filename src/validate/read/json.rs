//! JSON (one array of objects) and JSON Lines (one object per line). Each object is
//! checked for the JSON type the data model gives its fields (money, ids and times
//! are strings; a missing value is null), then read as text like every other format.
//! An array is streamed element by element, so a large file is never one JSON tree.

use super::super::report::Findings;
use super::loader::Loader;
use crate::rules::Rule;
use crate::schema::{Field, FieldType};
use serde_json::Value;
use std::borrow::Cow;
use std::fmt;
use std::io::{BufRead, BufReader, Read};

pub fn read_array(
    source: impl Read,
    loader: &mut Loader,
    found: &mut Findings,
) -> Result<(), String> {
    use serde::de::DeserializeSeed;
    let mut de = serde_json::Deserializer::from_reader(BufReader::new(source));
    let mut failure = None;
    let mut each = |value: Value| match read_object(value, loader, found) {
        Ok(()) => true,
        Err(problem) => {
            failure = Some(problem);
            false
        }
    };
    let parsed = EachElement(&mut each)
        .deserialize(&mut de)
        .and_then(|()| de.end());
    if let Some(problem) = failure {
        return Err(problem);
    }
    parsed.map_err(|e| format!("not a JSON array of rows: {e}"))
}

pub fn read_lines(
    source: impl Read,
    loader: &mut Loader,
    found: &mut Findings,
) -> Result<(), String> {
    for (n, line) in BufReader::new(source).lines().enumerate() {
        let line = line.map_err(|e| format!("line {}: {e}", n + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        let value: Value =
            serde_json::from_str(&line).map_err(|e| format!("line {}: {e}", n + 1))?;
        read_object(value, loader, found)?;
    }
    Ok(())
}

fn read_object(value: Value, loader: &mut Loader, found: &mut Findings) -> Result<(), String> {
    let row = loader.len();
    let Value::Object(map) = value else {
        return Err(format!(
            "record {} is {}, not an object",
            row + 1,
            json_kind(&value)
        ));
    };
    let names: Vec<&str> = map.keys().map(String::as_str).collect();
    let name = loader.name();
    let wrapper = loader.nesting().map(|n| n.wrapper);
    let pairs = json_pairs(&map, loader.fields(), wrapper, |rule, message| {
        found.of_record(name, row, rule, message)
    });
    let pairs: Vec<(&str, Option<&str>)> = pairs.iter().map(|(k, v)| (*k, v.as_deref())).collect();
    loader.add_row(&names, &pairs, found)?;
    let (Some(nesting), Some(child)) = (loader.nesting(), loader.child_spec()) else {
        return Ok(());
    };
    let parent_key = loader.spec().key_field().name;
    let parent_key = map.get(parent_key).and_then(Value::as_str);
    match map.get(nesting.wrapper) {
        None => {}
        Some(Value::Array(children)) => {
            for item in children {
                let Value::Object(item) = item else {
                    return Err(format!(
                        "an {} of record {} is {}, not an object",
                        nesting.tag,
                        row + 1,
                        json_kind(item)
                    ));
                };
                let child_row = loader.child_len();
                let pairs = json_pairs(item, child.fields, None, |rule, message| {
                    found.of_record(child.name, child_row, rule, message)
                });
                let pairs: Vec<(&str, Option<&str>)> =
                    pairs.iter().map(|(k, v)| (*k, v.as_deref())).collect();
                loader.add_child(parent_key, &pairs, found)?;
            }
        }
        Some(other) => found.of_record(
            name,
            row,
            Rule::FormatJsonType,
            format!("{} is {}, not an array", nesting.wrapper, json_kind(other)),
        ),
    }
    Ok(())
}

fn json_kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// A JSON object's values as text, reporting each whose JSON type is not the one the
/// data model gives its field. `wrapper` names the nested array, which is no value.
fn json_pairs<'m>(
    map: &'m serde_json::Map<String, Value>,
    fields: &[Field],
    wrapper: Option<&str>,
    mut report: impl FnMut(Rule, String),
) -> Vec<(&'m str, Option<Cow<'m, str>>)> {
    let mut pairs = Vec::with_capacity(map.len());
    for (key, value) in map {
        if Some(key.as_str()) == wrapper && matches!(value, Value::Array(_)) {
            continue;
        }
        let field = fields.iter().find(|f| f.name == key);
        let expected = field.map(|f| match f.ty {
            FieldType::Integer => "a number",
            FieldType::Boolean => "a boolean",
            _ => "a string",
        });
        let text = match value {
            Value::Null => None,
            Value::String(s) if s.is_empty() && field.is_some() => {
                report(
                    Rule::FormatJsonType,
                    format!("{key} is an empty string; a missing value is null in JSON"),
                );
                None
            }
            Value::String(s) => Some(Cow::Borrowed(s.as_str())),
            Value::Number(n) => Some(Cow::Owned(n.to_string())),
            Value::Bool(b) => Some(Cow::Borrowed(if *b { "true" } else { "false" })),
            Value::Array(_) | Value::Object(_) => None,
        };
        if let Some(expected) = expected
            && !value.is_null()
            && json_kind(value) != expected
        {
            report(
                Rule::FormatJsonType,
                format!(
                    "{key} is {}; the data model writes it as {expected}",
                    json_kind(value)
                ),
            );
        }
        pairs.push((key.as_str(), text));
    }
    pairs
}

/// Streams the elements of a JSON array one at a time. The callback returns false to
/// stop.
struct EachElement<'f>(&'f mut dyn FnMut(Value) -> bool);

impl<'de> serde::de::DeserializeSeed<'de> for EachElement<'_> {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> serde::de::Visitor<'de> for EachElement<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of objects")
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(value) = seq.next_element::<Value>()? {
            if !(self.0)(value) {
                return Err(serde::de::Error::custom("stopped"));
            }
        }
        Ok(())
    }
}
