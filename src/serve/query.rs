//! A page request's query string: `format`, `limit`, `offset` and `seed`, checked so
//! that any mistake is answered with the parameter's name and what it may be, never a
//! guess: an unknown or repeated parameter is refused too, since a typo (`fromat=csv`)
//! would otherwise quietly serve the default.

use super::endpoints::Endpoint;
use crate::output::Format;

/// Rows of a page when `limit` is not given, as in the original service.
pub const DEFAULT_LIMIT: u64 = 1000;

/// The parameters a page takes.
pub const PARAMETERS: [&str; 4] = ["format", "limit", "offset", "seed"];

/// What a page request asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PageQuery {
    pub format: Format,
    /// Rows to skip: row `offset` of the file is the page's first.
    pub offset: u64,
    /// Rows at most.
    pub limit: u64,
    pub seed: u64,
}

/// Why a parameter was refused.
#[derive(Debug, PartialEq, Eq)]
pub struct BadParameter {
    pub parameter: String,
    pub message: String,
    /// The values it may take (or the range, for numbers).
    pub valid: Vec<String>,
}

impl BadParameter {
    fn new(parameter: &str, message: String, valid: Vec<String>) -> Self {
        BadParameter {
            parameter: parameter.to_string(),
            message,
            valid,
        }
    }
}

/// The text that says which numbers a parameter takes.
pub fn number_range() -> String {
    format!("a whole number from 0 to {}", u64::MAX)
}

/// Parses the query string of a request to `endpoint`.
pub fn parse(
    query: Option<&str>,
    endpoint: &Endpoint,
    default_seed: u64,
) -> Result<PageQuery, BadParameter> {
    let mut page = PageQuery {
        format: endpoint.formats()[0],
        offset: 0,
        limit: DEFAULT_LIMIT,
        seed: default_seed,
    };
    let mut seen: Vec<String> = Vec::new();
    for (name, value) in form_urlencoded::parse(query.unwrap_or("").as_bytes()) {
        if name.is_empty() && value.is_empty() {
            continue;
        }
        if !PARAMETERS.contains(&name.as_ref()) {
            return Err(BadParameter::new(
                &name,
                format!(
                    "unknown parameter '{name}' (valid: {})",
                    PARAMETERS.join(", ")
                ),
                PARAMETERS.map(String::from).to_vec(),
            ));
        }
        if seen.iter().any(|s| *s == name) {
            return Err(BadParameter::new(
                &name,
                format!("{name} is given twice: give it once"),
                valid_values(&name, endpoint),
            ));
        }
        seen.push(name.to_string());
        match name.as_ref() {
            "format" => page.format = format(&value, endpoint)?,
            "limit" => page.limit = number("limit", &value)?,
            "offset" => page.offset = number("offset", &value)?,
            _ => page.seed = number("seed", &value)?,
        }
    }
    Ok(page)
}

fn valid_values(name: &str, endpoint: &Endpoint) -> Vec<String> {
    if name == "format" {
        format_names(endpoint)
    } else {
        vec![number_range()]
    }
}

fn format_names(endpoint: &Endpoint) -> Vec<String> {
    endpoint
        .formats()
        .iter()
        .map(|f| f.name().to_string())
        .collect()
}

fn format(value: &str, endpoint: &Endpoint) -> Result<Format, BadParameter> {
    let valid = format_names(endpoint);
    let chosen = endpoint
        .formats()
        .iter()
        .find(|f| f.name().eq_ignore_ascii_case(value.trim()));
    if let Some(&format) = chosen {
        return Ok(format);
    }
    let why = match value.parse::<Format>() {
        Ok(_) if endpoint.is_child() => format!(
            "{} are a table of their own only in CSV; JSON, JSON Lines and XML nest them in /api/v1/{} under `items`",
            endpoint.name(),
            endpoint.table.entity().name()
        ),
        Ok(known) => format!(
            "{} is written to files only (ecomgen generate --format {})",
            known.name(),
            known.name()
        ),
        Err(_) => "unknown format".to_string(),
    };
    Err(BadParameter::new(
        "format",
        format!("format '{value}': {why} (valid: {})", valid.join(", ")),
        valid,
    ))
}

fn number(name: &str, value: &str) -> Result<u64, BadParameter> {
    value.trim().parse::<u64>().map_err(|_| {
        BadParameter::new(
            name,
            format!("{name} '{value}' is not {}", number_range()),
            vec![number_range()],
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn users(query: &str) -> Result<PageQuery, BadParameter> {
        parse(Some(query), Endpoint::find("/api/v1/users").unwrap(), 7)
    }

    #[test]
    fn defaults_and_given_values() {
        let page = parse(None, Endpoint::find("/api/v1/users").unwrap(), 7).unwrap();
        assert_eq!(
            page,
            PageQuery {
                format: Format::Json,
                offset: 0,
                limit: 1000,
                seed: 7
            }
        );
        let page = users("format=CSV&limit=5&offset=10&seed=18446744073709551615").unwrap();
        assert_eq!((page.format, page.limit, page.offset), (Format::Csv, 5, 10));
        assert_eq!(page.seed, u64::MAX);
        assert_eq!(users("&&format=jsonl&").unwrap().format, Format::Jsonl);
    }

    #[test]
    fn mistakes_name_the_parameter_and_its_choices() {
        let bad = users("format=yaml").unwrap_err();
        assert_eq!(bad.parameter, "format");
        assert_eq!(bad.valid, ["json", "jsonl", "csv", "xml"]);
        let bad = users("format=parquet").unwrap_err();
        assert!(bad.message.contains("files only"), "{}", bad.message);
        let bad = users("limit=-1").unwrap_err();
        assert_eq!((bad.parameter.as_str(), bad.valid.len()), ("limit", 1));
        assert_eq!(
            users("seed=18446744073709551616").unwrap_err().parameter,
            "seed"
        );
        assert_eq!(users("offset=").unwrap_err().parameter, "offset");
        let bad = users("fromat=csv").unwrap_err();
        assert_eq!(bad.parameter, "fromat");
        assert_eq!(bad.valid, PARAMETERS);
        let bad = users("limit=1&limit=2").unwrap_err();
        assert!(bad.message.contains("twice"), "{}", bad.message);
        assert_eq!(users("%ff=1").unwrap_err().parameter, "\u{fffd}");
    }

    #[test]
    fn order_items_are_csv_only() {
        let items = Endpoint::find("/api/v1/order-items").unwrap();
        let bad = parse(Some("format=json"), items, 1).unwrap_err();
        assert_eq!(bad.valid, ["csv"]);
        assert!(bad.message.contains("/api/v1/orders"), "{}", bad.message);
        assert_eq!(
            parse(Some("format=csv"), items, 1).unwrap().format,
            Format::Csv
        );
        // An endpoint's default format is its first: JSON, or CSV for order items.
        assert_eq!(parse(None, items, 1).unwrap().format, Format::Csv);
    }
}
