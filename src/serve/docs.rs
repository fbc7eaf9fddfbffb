//! The `/docs` page: the endpoints, their parameters and every field, rendered on the
//! server from the same schema as the OpenAPI document, in one self-contained HTML
//! file (no fonts, scripts or styles from elsewhere, so it works offline). A small
//! inline script adds what needs the live server: its health and a form that fetches
//! a page and shows it.

use super::endpoints::{ENDPOINTS, Endpoint};
use super::query::DEFAULT_LIMIT;
use crate::generate::{CountRule, Counts};
use crate::schema::{Entity, Field};
use std::fmt::Write;

const STYLE: &str = "
body { font: 15px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 70rem; padding: 1rem 2rem; color: #222; }
h1 { margin-bottom: 0; } h2 { margin-top: 2rem; border-bottom: 1px solid #ddd; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
th, td { text-align: left; vertical-align: top; padding: .3rem .6rem; border-bottom: 1px solid #eee; }
th { background: #f5f5f5; } code { font-size: 90%; }
#status { color: #555; } #status.ok { color: #176f2c; } #status.down { color: #a11; }
form { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: end; }
label { display: flex; flex-direction: column; font-size: 85%; color: #555; }
input { width: 9rem; } pre { background: #f7f7f7; padding: .8rem; overflow: auto; max-height: 30rem; }
details { margin: .3rem 0; } summary { cursor: pointer; }
";

const SCRIPT: &str = r#"
const status = document.getElementById('status');
fetch('/health').then(r => r.json()).then(h => {
  status.textContent = 'Server ' + h.status + ': ecomgen ' + h.version + ', default seed ' + h.seed;
  status.className = 'ok';
}).catch(() => { status.textContent = 'The server does not answer.'; status.className = 'down'; });

const form = document.getElementById('try-form');
const endpoint = form.elements.endpoint, format = form.elements.format;
function formats() {
  const chosen = format.value;
  format.replaceChildren(...endpoint.selectedOptions[0].dataset.formats.split(' ').map(f => new Option(f, f)));
  if ([...format.options].some(o => o.value === chosen)) format.value = chosen;
}
async function run(event) {
  if (event) event.preventDefault();
  const params = new URLSearchParams({format: format.value});
  for (const name of ['limit', 'offset', 'seed']) {
    if (form.elements[name].value !== '') params.set(name, form.elements[name].value);
  }
  const url = endpoint.value + '?' + params;
  const link = document.getElementById('try-url');
  link.href = url; link.textContent = url;
  const result = document.getElementById('result');
  result.textContent = 'Loading...';
  try {
    const response = await fetch(url);
    const text = await response.text();
    result.textContent = (response.ok ? '' : response.status + ' ' + response.statusText + '\n') +
      (text.length > 100000 ? text.slice(0, 100000) + '\n...' : text);
  } catch (e) { result.textContent = 'The request failed: ' + e; }
}
endpoint.addEventListener('change', formats);
form.addEventListener('submit', run);
formats();
run();
"#;

/// The page, for a server whose pages default to `seed` and whose tables hold `counts`.
pub fn page(seed: u64, counts: &Counts) -> String {
    let mut html = String::with_capacity(64 * 1024);
    let _ = write!(
        html,
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>ecomgen API</title>\n<style>{STYLE}</style>\n</head>\n<body>\n\
         <h1>ecomgen API</h1>\n<p id=\"status\">Checking the server...</p>\n\
         <p>Realistic, interconnected, reproducible e-commerce data. Row N of an endpoint is \
         row N of the file <code>ecomgen generate</code> writes with the same seed and counts, \
         byte for byte in the same format. Pages stream: any page of any size, from any \
         offset, of any seed.</p>\n<p>This server: default seed {seed}; {}.</p>\n",
        escape(&counts_text(counts))
    );
    endpoints(&mut html);
    parameters(&mut html, seed);
    try_it(&mut html, seed);
    fields(&mut html);
    html.push_str(
        "<h2>Other paths</h2>\n<table>\n<tr><td><a href=\"/openapi.json\"><code>/openapi.json</code></a></td>\
         <td>The OpenAPI 3 document of the API.</td></tr>\n\
         <tr><td><a href=\"/health\"><code>/health</code></a></td><td>Whether the server is up, its version and default seed.</td></tr>\n\
         <tr><td><code>/docs</code></td><td>This page.</td></tr>\n</table>\n",
    );
    let _ = write!(html, "<script>{SCRIPT}</script>\n</body>\n</html>\n");
    html
}

fn counts_text(counts: &Counts) -> String {
    let set: Vec<String> = Entity::ALL
        .into_iter()
        .filter(|e| matches!(e.count_rule(), CountRule::Set(_) | CountRule::SetRoot(_)))
        .map(|e| format!("{} {}", counts.get(e), e.name()))
        .collect();
    format!("{}; the other tables follow from them", set.join(", "))
}

fn endpoints(html: &mut String) {
    html.push_str(
        "<h2>Endpoints</h2>\n<table id=\"endpoints\">\n<tr><th>endpoint</th><th>formats</th><th>rows</th></tr>\n",
    );
    for endpoint in &ENDPOINTS {
        let _ = writeln!(
            html,
            "<tr><td><a href=\"{}?format={}&amp;limit=5\"><code>{}</code></a></td><td>{}</td><td>{}</td></tr>",
            endpoint.path,
            endpoint.formats()[0].name(),
            endpoint.path,
            format_names(endpoint),
            escape(&endpoint.doc())
        );
    }
    html.push_str("</table>\n");
}

fn format_names(endpoint: &Endpoint) -> String {
    let names: Vec<&str> = endpoint.formats().iter().map(|f| f.name()).collect();
    names.join(", ")
}

fn parameters(html: &mut String, seed: u64) {
    let _ = write!(
        html,
        "<h2>Parameters</h2>\n<p>Every endpoint takes these query parameters; any other, or one \
         given twice, is answered with 400 and a JSON body naming it and its valid values.</p>\n\
         <table>\n<tr><th>parameter</th><th>default</th><th>meaning</th></tr>\n\
         <tr><td><code>format</code></td><td>json (order items: csv)</td><td>json: an array of \
         the file's objects; jsonl: one object per line; csv: the header line, then the rows; \
         xml: the root element wrapping the rows. Orders nest their items in json, jsonl and \
         xml; <code>/api/v1/order-items</code> is the CSV file of items.</td></tr>\n\
         <tr><td><code>limit</code></td><td>{DEFAULT_LIMIT}</td><td>Rows at most; no cap, \
         large pages stream.</td></tr>\n\
         <tr><td><code>offset</code></td><td>0</td><td>Rows to skip: the page starts at row \
         <code>offset</code> of the file (counted from 0, the header not counted).</td></tr>\n\
         <tr><td><code>seed</code></td><td>{seed}</td><td>Seed of the whole dataset: pages of \
         one seed fit together, keys resolve across endpoints.</td></tr>\n</table>\n"
    );
}

fn try_it(html: &mut String, seed: u64) {
    html.push_str(
        "<h2>Try it</h2>\n<form id=\"try-form\">\n<label>endpoint <select name=\"endpoint\">\n",
    );
    for endpoint in &ENDPOINTS {
        let formats: Vec<&str> = endpoint.formats().iter().map(|f| f.name()).collect();
        let _ = writeln!(
            html,
            "<option value=\"{}\" data-formats=\"{}\">{}</option>",
            endpoint.path,
            formats.join(" "),
            endpoint.name()
        );
    }
    let _ = write!(
        html,
        "</select></label>\n<label>format <select name=\"format\"><option>json</option></select></label>\n\
         <label>limit <input name=\"limit\" type=\"number\" min=\"0\" value=\"3\"></label>\n\
         <label>offset <input name=\"offset\" type=\"number\" min=\"0\" value=\"0\"></label>\n\
         <label>seed <input name=\"seed\" type=\"number\" min=\"0\" placeholder=\"{seed}\"></label>\n\
         <button type=\"submit\">Get</button>\n</form>\n\
         <p><a id=\"try-url\" href=\"#\"></a></p>\n<pre id=\"result\"></pre>\n"
    );
}

fn fields(html: &mut String) {
    html.push_str("<h2>Fields</h2>\n");
    for endpoint in &ENDPOINTS {
        let table = endpoint.spec();
        let _ = writeln!(
            html,
            "<details><summary><code>{}</code> ({} fields)</summary>",
            endpoint.path,
            table.fields.len()
        );
        field_table(html, table.fields.iter());
        if !endpoint.is_child()
            && let Some(child) = table.table.entity().spec().tables.get(1)
        {
            let nesting = child.nesting.expect("a child table nests");
            let _ = writeln!(
                html,
                "<p>In json, jsonl and xml each row nests <code>{}</code>, a list of:</p>",
                nesting.wrapper
            );
            field_table(html, child.nested_fields().map(|(_, f)| f));
        }
        html.push_str("</details>\n");
    }
}

fn field_table<'a>(html: &mut String, fields: impl Iterator<Item = &'a Field>) {
    html.push_str("<table>\n<tr><th>field</th><th>type</th><th>meaning</th></tr>\n");
    for field in fields {
        let ty = if field.nullable {
            format!("{}, may be empty", field.ty.name())
        } else {
            field.ty.name().to_string()
        };
        let mut doc = field.doc.to_string();
        if !field.values.is_empty() {
            let _ = write!(doc, " One of: {}.", field.values.join(", "));
        }
        let _ = writeln!(
            html,
            "<tr><td><code>{}</code></td><td>{ty}</td><td>{}</td></tr>",
            field.name,
            escape(&doc)
        );
    }
    html.push_str("</table>\n");
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_lists_every_endpoint_and_loads_nothing_from_elsewhere() {
        let html = page(42, &Counts::default());
        for endpoint in &ENDPOINTS {
            assert!(html.contains(&format!("<code>{}</code>", endpoint.path)));
        }
        assert!(html.contains("default seed 42"));
        assert!(!html.contains("http://") && !html.contains("https://") && !html.contains("src="));
        assert_eq!(escape("a < b & \"c\""), "a &lt; b &amp; &quot;c&quot;");
    }
}
