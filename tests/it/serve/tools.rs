//! The API checked by tools from outside: schemathesis reads `/openapi.json` and
//! sends generated requests to the live server (no 5xx, every response as the
//! document says), and headless Chromium renders `/docs`, offline, with the list of
//! endpoints and the script that fills in the example request. CI installs both (see
//! .ci/run); elsewhere a missing tool skips its test with a notice.

use super::{ENDPOINTS, Server};
use crate::harness::{SMALL, installed};
use std::process::Command;

#[test]
fn schemathesis_finds_no_server_error_and_no_response_off_the_schema() {
    if !installed("schemathesis", &["--version"]) {
        return;
    }
    let server = Server::start(&[SMALL, &["--seed", "2"]].concat());
    // schemathesis keeps a cache of what it found in its working directory.
    let scratch = crate::harness::tempdir();
    let output = Command::new("schemathesis")
        .current_dir(scratch.path())
        .args(["run", &format!("http://{}/openapi.json", server.address)])
        .args(["--checks", "not_a_server_error,response_schema_conformance"])
        .args(["--max-examples", "5", "--seed", "1", "--no-color"])
        .output()
        .expect("schemathesis runs");
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "schemathesis found problems:\n{report}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(report.contains("No issues found"), "{report}");
    assert!(!server.log().contains("panicked"), "{}", server.log());
}

#[test]
fn chromium_renders_the_docs_page_with_every_endpoint() {
    if !installed("chromium", &["--version"]) {
        return;
    }
    let server = Server::start(&[SMALL, &["--seed", "2"]].concat());
    let profile = crate::harness::tempdir();
    let output = Command::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(["--dump-dom", &format!("http://{}/docs", server.address)])
        .output()
        .expect("chromium runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let dom = String::from_utf8_lossy(&output.stdout);
    let list = dom
        .split("<table id=\"endpoints\">")
        .nth(1)
        .and_then(|rest| rest.split("</table>").next())
        .unwrap_or_else(|| panic!("no endpoint list in the rendered page:\n{dom}"));
    for (path, _) in ENDPOINTS {
        assert!(
            list.contains(&format!("<code>/api/v1/{path}</code>")),
            "{path} is not listed"
        );
    }
    // The inline script ran: it wrote the example request's address into the page.
    assert!(
        dom.contains("id=\"try-url\" href=\"/api/v1/users?format=json"),
        "the page's script did not run:\n{dom}"
    );
}
