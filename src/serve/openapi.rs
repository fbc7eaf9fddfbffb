//! The OpenAPI 3 document of `/openapi.json`, made from the same schema as `ecomgen
//! schema`: one operation per endpoint, each JSON row an object with exactly the
//! table's fields, typed as the data model writes them (money a two-place decimal
//! string, timestamps `YYYY-MM-DDTHH:MM:SS`, enumerations their values), so a client
//! or a contract test can check every row it gets.

use super::endpoints::{ENDPOINTS, Endpoint, content_type};
use super::query::DEFAULT_LIMIT;
use crate::output::Format;
use crate::schema::{Bound, Field, FieldType, TableSpec};
use serde_json::{Map, Value, json};

/// The document, for a server whose pages default to `seed`.
pub fn document(seed: u64) -> Value {
    let mut paths = Map::new();
    for endpoint in &ENDPOINTS {
        paths.insert(
            endpoint.path.to_string(),
            json!({"get": operation(endpoint, seed)}),
        );
    }
    paths.insert(
        "/health".into(),
        plain_get("health", "The server is up.", health()),
    );
    paths.insert(
        "/openapi.json".into(),
        plain_get("openapi", "This document.", json!({"type": "object"})),
    );
    paths.insert(
        "/docs".into(),
        json!({"get": {
            "operationId": "docs",
            "summary": "The API's documentation as a page to read in a browser.",
            "responses": {"200": {
                "description": "A self-contained HTML page.",
                "content": {"text/html": {"schema": {"type": "string"}}}
            }}
        }}),
    );
    let mut schemas = Map::new();
    for endpoint in &ENDPOINTS {
        schemas.insert(endpoint.spec().name.to_string(), row_schema(endpoint));
    }
    schemas.insert(
        "BadParameter".into(),
        json!({
            "type": "object",
            "required": ["error", "parameter", "valid"],
            "properties": {
                "error": {"type": "string", "description": "What is wrong, in one line."},
                "parameter": {"type": "string", "description": "The parameter at fault."},
                "valid": {"type": "array", "items": {"type": "string"},
                          "description": "The values it may take."}
            }
        }),
    );
    schemas.insert(
        "Error".into(),
        json!({"type": "object", "required": ["error"], "properties": {"error": {"type": "string"}}}),
    );
    json!({
        "openapi": "3.0.3",
        "info": {
            "title": "ecomgen",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Realistic, interconnected, reproducible e-commerce data. Row N of an \
                endpoint is row N of the file `ecomgen generate` writes with the same seed and \
                counts, byte for byte in the same format; pages stream, so a page may be as \
                large as the table.",
        },
        "paths": paths,
        "components": {
            "schemas": schemas,
            "responses": {
                "BadParameter": {
                    "description": "A parameter is unknown, repeated or out of range.",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/BadParameter"}}}
                },
                "Busy": {
                    "description": "The server is generating as many pages as it may at once; retry after the seconds of Retry-After.",
                    "headers": {"Retry-After": {"schema": {"type": "integer"}}},
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
                }
            }
        }
    })
}

fn operation(endpoint: &Endpoint, seed: u64) -> Value {
    let formats: Vec<&str> = endpoint.formats().iter().map(|f| f.name()).collect();
    let rows = json!({"type": "array", "items": {"$ref": format!("#/components/schemas/{}", endpoint.spec().name)}});
    let mut content = Map::new();
    for &format in endpoint.formats() {
        let schema = if format == Format::Json {
            rows.clone()
        } else {
            json!({"type": "string"})
        };
        content.insert(content_type(format).to_string(), json!({"schema": schema}));
    }
    let number = |name: &str, default: u64, doc: &str| {
        json!({
            "name": name, "in": "query", "required": false, "description": doc,
            "schema": {"type": "integer", "minimum": 0, "maximum": u64::MAX, "default": default}
        })
    };
    json!({
        "operationId": endpoint.name().replace('/', "_"),
        "summary": endpoint.doc(),
        "parameters": [
            {
                "name": "format", "in": "query", "required": false,
                "description": format!("How rows are written: {}.", formats.join(", ")),
                "schema": {"type": "string", "enum": formats, "default": formats[0]}
            },
            number("limit", DEFAULT_LIMIT, "Rows at most."),
            number("offset", 0, "Rows to skip: the page starts at row `offset` of the file."),
            number("seed", seed, "Seed of the whole dataset; defaults to the server's."),
        ],
        "responses": {
            "200": {
                "description": format!(
                    "Rows offset .. offset + limit of {}, as the file `ecomgen generate` writes holds them, framed as a whole file of the format.",
                    endpoint.spec().name
                ),
                "headers": {"X-Ecomgen-Seed": {
                    "description": "The seed of the rows.",
                    "schema": {"type": "integer", "minimum": 0, "maximum": u64::MAX}
                }},
                "content": content
            },
            "400": {"$ref": "#/components/responses/BadParameter"},
            "503": {"$ref": "#/components/responses/Busy"}
        }
    })
}

fn plain_get(id: &str, summary: &str, schema: Value) -> Value {
    json!({"get": {
        "operationId": id,
        "summary": summary,
        "responses": {"200": {
            "description": summary,
            "content": {"application/json": {"schema": schema}}
        }}
    }})
}

fn health() -> Value {
    json!({
        "type": "object",
        "required": ["status", "version", "seed"],
        "properties": {
            "status": {"type": "string", "enum": ["ok"]},
            "version": {"type": "string"},
            "seed": {"type": "integer", "minimum": 0, "maximum": u64::MAX,
                     "description": "The seed of pages that do not name one."}
        }
    })
}

/// One row of an endpoint's JSON: its fields, and for orders their items nested.
fn row_schema(endpoint: &Endpoint) -> Value {
    let table = endpoint.spec();
    let mut schema = object(table, table.fields.iter());
    if !endpoint.is_child()
        && let Some(child) = table.table.entity().spec().tables.get(1)
    {
        let nesting = child.nesting.expect("a child table nests");
        let items = object(child, child.nested_fields().map(|(_, f)| f));
        schema["properties"][nesting.wrapper] = json!({"type": "array", "items": items});
        schema["required"]
            .as_array_mut()
            .expect("a list")
            .push(nesting.wrapper.into());
    }
    schema
}

fn object<'a>(table: &TableSpec, fields: impl Iterator<Item = &'a Field>) -> Value {
    let mut properties = Map::new();
    let mut required = Vec::new();
    for field in fields {
        properties.insert(field.name.to_string(), field_schema(field));
        required.push(Value::from(field.name));
    }
    json!({
        "type": "object",
        "description": format!("A row of {}.", table.name),
        "required": required,
        "additionalProperties": false,
        "properties": properties,
    })
}

fn field_schema(field: &Field) -> Value {
    const DECIMAL: &str = "^[0-9]+\\.[0-9]{2}$";
    let mut schema = match field.ty {
        FieldType::Uuid => json!({"type": "string", "format": "uuid",
            "pattern": "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"}),
        FieldType::Text => json!({"type": "string"}),
        FieldType::Integer => json!({"type": "integer"}),
        FieldType::Boolean => json!({"type": "boolean"}),
        FieldType::Money | FieldType::Decimal => json!({"type": "string", "pattern": DECIMAL}),
        FieldType::Timestamp => json!({"type": "string",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}$"}),
        FieldType::Date => json!({"type": "string", "format": "date",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}),
    };
    if field.ty == FieldType::Integer {
        let (min, max) = match field.range().unwrap_or(Bound::NonNegative) {
            Bound::NonNegative => (0, None),
            Bound::Positive => (1, None),
            Bound::AtLeast(min) => (min, None),
            Bound::Between(min, max) => (min, Some(max)),
        };
        schema["minimum"] = min.into();
        if let Some(max) = max {
            schema["maximum"] = max.into();
        }
    }
    if !field.values.is_empty() {
        let mut values: Vec<Value> = field.values.iter().map(|&v| v.into()).collect();
        if field.nullable {
            values.push(Value::Null);
        }
        schema["enum"] = values.into();
    }
    if field.nullable {
        schema["nullable"] = true.into();
    }
    schema["description"] = field.doc.into();
    schema
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_endpoint_has_an_operation_and_a_row_schema() {
        let doc = document(42);
        for endpoint in &ENDPOINTS {
            let op = &doc["paths"][endpoint.path]["get"];
            assert!(op["responses"]["200"].is_object(), "{}", endpoint.path);
            let schema = &doc["components"]["schemas"][endpoint.spec().name];
            let fields = schema["properties"].as_object().unwrap().len();
            let nested = usize::from(endpoint.table == crate::schema::Table::Orders);
            assert_eq!(
                fields,
                endpoint.spec().fields.len() + nested,
                "{}",
                endpoint.path
            );
        }
        let seed = &doc["paths"]["/api/v1/users"]["get"]["parameters"][3];
        assert_eq!(seed["schema"]["default"], 42);
        let items = &doc["paths"]["/api/v1/order-items"]["get"]["parameters"][0];
        assert_eq!(items["schema"]["enum"], json!(["csv"]));
    }

    /// Rows the generator makes fit their schemas' types, enumerations, nullability
    /// and bounds (the patterns are checked against the live server by schemathesis).
    #[test]
    fn generated_rows_fit_their_schemas() {
        let doc = document(1);
        let world = crate::generate::world::small_world(2, &[]);
        for endpoint in ENDPOINTS.iter().filter(|e| !e.is_child()) {
            let schema = &doc["components"]["schemas"][endpoint.spec().name];
            let entity = endpoint.table.entity().spec();
            let source = (entity.source)(&world);
            let mut out = [crate::output::Encoded::default()];
            let jsonl = crate::output::json::Json { lines: true };
            source.cells(0..source.units().min(50), &mut |row| {
                crate::output::TextFormat::row(&jsonl, entity.tables, row, &mut out).unwrap();
            });
            for line in String::from_utf8(std::mem::take(&mut out[0].bytes))
                .unwrap()
                .lines()
            {
                let row: Value = serde_json::from_str(line).unwrap();
                let row = row.as_object().unwrap();
                assert_eq!(row.len(), schema["required"].as_array().unwrap().len());
                for (name, value) in row {
                    let field = &schema["properties"][name];
                    assert!(fits(field, value), "{}.{name}: {value}", endpoint.path);
                }
            }
        }
    }

    fn fits(schema: &Value, value: &Value) -> bool {
        let listed = schema["enum"]
            .as_array()
            .is_none_or(|values| values.contains(value));
        listed
            && match value {
                Value::Null => schema["nullable"] == true,
                Value::String(_) => schema["type"] == "string",
                Value::Bool(_) => schema["type"] == "boolean",
                Value::Number(n) => {
                    let n = n.as_i64().unwrap();
                    schema["type"] == "integer"
                        && n >= schema["minimum"].as_i64().unwrap()
                        && schema["maximum"].as_i64().is_none_or(|max| n <= max)
                }
                _ => schema["type"] == "array",
            }
    }
}
