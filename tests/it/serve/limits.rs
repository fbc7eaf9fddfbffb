//! What the server says to mistakes, many clients and a stop signal: 400s naming the
//! parameter and its choices, 404 and 405, bad flags refused before listening, pages
//! at once beyond the limit refused with 503, concurrent pages each whole and right,
//! a page past `--timeout` cut and logged, `--host 0.0.0.0` reachable on loopback, and
//! SIGTERM or Ctrl-C letting a page in flight end before exit 0.

use super::files::File;
use super::{Server, open, parse, read_head, request};
use crate::harness::*;
use std::io::Read;

/// Asks for `target` and expects a 400 naming `parameter` with these valid values.
fn expect_bad(server: &Server, target: &str, parameter: &str, valid: &[&str]) {
    let response = server.get(target);
    assert_eq!(response.status, 400, "{target}: {}", response.text());
    assert_eq!(response.header("content-type"), Some("application/json"));
    let body = response.json();
    assert_eq!(body["parameter"], parameter, "{target}: {body}");
    let got: Vec<&str> = body["valid"]
        .as_array()
        .unwrap_or_else(|| panic!("{target}: no list of valid values: {body}"))
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    if !valid.is_empty() {
        assert_eq!(got, valid, "{target}");
    }
    let error = body["error"].as_str().unwrap();
    assert!(error.contains(parameter), "{target}: {error}");
}

#[test]
fn mistakes_get_400_404_and_405_and_the_server_goes_on() {
    let server = Server::start(&[SMALL, &["--seed", "3"]].concat());
    // Only this machine reaches a server started without --host.
    assert!(
        server.address.starts_with("127.0.0.1:"),
        "{}",
        server.address
    );
    let formats = ["json", "jsonl", "csv", "xml"];
    expect_bad(&server, "/api/v1/users?format=yaml", "format", &formats);
    expect_bad(&server, "/api/v1/users?format=parquet", "format", &formats);
    expect_bad(
        &server,
        "/api/v1/order-items?format=json",
        "format",
        &["csv"],
    );
    expect_bad(&server, "/api/v1/orders?limit=-1", "limit", &[]);
    expect_bad(&server, "/api/v1/orders?limit=ten", "limit", &[]);
    expect_bad(&server, "/api/v1/orders?offset=1.5", "offset", &[]);
    expect_bad(
        &server,
        "/api/v1/orders?seed=18446744073709551616",
        "seed",
        &[],
    );
    expect_bad(
        &server,
        "/api/v1/reviews?fromat=csv",
        "fromat",
        &["format", "limit", "offset", "seed"],
    );
    expect_bad(&server, "/api/v1/reviews?limit=1&limit=2", "limit", &[]);

    let missing = server.get("/api/v1/customers");
    assert_eq!(missing.status, 404);
    let endpoints = missing.json()["endpoints"].as_array().unwrap().len();
    assert_eq!(endpoints, 18);
    assert_eq!(server.get("/api/v2/users").status, 404);
    let post = request(&server.address, "POST", "/api/v1/users");
    assert_eq!(post.status, 405);
    assert_eq!(post.header("allow"), Some("GET, HEAD, OPTIONS"));

    let health = server.get("/health");
    assert_eq!(health.status, 200);
    assert_eq!(health.json()["seed"], 3);
    assert_eq!(server.get("/api/v1/users?limit=1").status, 200);
    assert!(!server.log().contains("panicked"), "{}", server.log());
}

#[test]
fn bad_flags_are_refused_before_listening() {
    for (args, code) in [
        (&["serve", "--port", "70000"][..], 2),
        (&["serve", "--count", "users=-1"], 2),
        (&["serve", "--scale", "-1"], 2),
        (
            &[
                "serve",
                "--port",
                "0",
                "--count",
                "users=0",
                "--count",
                "orders=10",
            ],
            2,
        ),
        (
            &[
                "serve",
                "--port",
                "0",
                "--start-date",
                "2023-05-01",
                "--end-date",
                "2023-01-01",
            ],
            2,
        ),
        (&["serve", "--max-requests", "0"], 2),
        (&["serve", "--host", "no such host!", "--port", "0"], 1),
    ] {
        let output = ecomgen(args);
        let err = stderr(&output);
        assert_eq!(output.status.code(), Some(code), "{args:?}: {err}");
        // One line, or clap's and its tip: each an `ecomgen:` line.
        assert!(
            err.lines().all(|l| l.starts_with("ecomgen: ")),
            "{args:?}: {err}"
        );
    }
    // A port that is taken is a runtime failure, said in one line.
    let first = Server::start(&["--scale", "0.05"]);
    let port = first.address.rsplit(':').next().unwrap();
    let output = ecomgen(&["serve", "--scale", "0.05", "--port", port]);
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{err}");
    assert!(
        err.lines().last().unwrap().starts_with("ecomgen: "),
        "{err}"
    );
    assert!(!err.contains("serving on"), "{err}");
}

#[test]
fn concurrent_pages_are_each_whole_and_right() {
    let dir = tempdir();
    let out = generate(
        dir.path(),
        &[SMALL, &["--seed", "8", "--format", "jsonl"]].concat(),
    );
    let server = Server::start(&[SMALL, &["--seed", "8", "--max-requests", "64"]].concat());
    let tables = [
        ("orders", "orders"),
        ("payments", "payments"),
        ("notifications", "notifications"),
        ("wishlists", "wishlists"),
    ];
    std::thread::scope(|scope| {
        let mut clients = Vec::new();
        for client in 0..12u64 {
            let (path, table) = tables[client as usize % tables.len()];
            let file = File::read(&out, table, "jsonl");
            let address = server.address.clone();
            clients.push(scope.spawn(move || {
                for page in 0..4 {
                    let offset = client * 13 + page * 29;
                    let target = format!("/api/v1/{path}?format=jsonl&offset={offset}&limit=37");
                    let response = request(&address, "GET", &target);
                    assert_eq!(response.status, 200, "{target}: {}", response.text());
                    assert!(response.complete, "{target}");
                    assert_same_bytes(&target, &file.page(offset, 37), &response.body);
                }
            }));
        }
        for client in clients {
            client.join().expect("a client thread");
        }
    });
}

/// A page the client has started but not read holds the server's only permit: the
/// next page is refused, other paths still answer.
#[test]
fn pages_beyond_the_limit_get_503() {
    let server = Server::start(&[
        "--seed",
        "4",
        "--count",
        "users=150000",
        "--max-requests",
        "1",
    ]);
    // Tens of megabytes: more than the channel and the sockets' buffers hold, so the
    // page cannot finish while its client reads nothing.
    let mut held = open(&server.address, "GET", "/api/v1/users?limit=150000");
    let head = read_head(&mut held);
    assert!(
        head.starts_with(b"HTTP/1.1 200"),
        "{}",
        String::from_utf8_lossy(&head)
    );
    let busy = server.get("/api/v1/users?limit=1");
    assert_eq!(busy.status, 503, "{}", busy.text());
    assert_eq!(busy.header("retry-after"), Some("1"));
    assert!(
        busy.json()["error"]
            .as_str()
            .unwrap()
            .contains("--max-requests")
    );
    assert_eq!(server.get("/health").status, 200);
}

/// A page in flight when SIGTERM arrives is sent to its end; then the server exits 0
/// and no longer listens. Ctrl-C stops it the same way.
#[test]
fn sigterm_and_ctrl_c_end_pages_in_flight_then_exit_0() {
    let dir = tempdir();
    let out = generate(dir.path(), &["--seed", "6", "--format", "csv"]);
    let file = File::read(&out, "notifications", "csv");
    let server = Server::start(&["--seed", "6"]);
    let address = server.address.clone();
    let mut stream = open(
        &address,
        "GET",
        "/api/v1/notifications?format=csv&limit=10000000",
    );
    let mut raw = read_head(&mut stream);
    let (status, log) = std::thread::scope(|scope| {
        let stopped = scope.spawn(move || server.stop("TERM"));
        stream
            .read_to_end(&mut raw)
            .expect("the page is read to its end");
        stopped.join().expect("the server stops")
    });
    assert_eq!(status.code(), Some(0), "{log}");
    let page = parse(&raw);
    assert!(page.complete, "the page in flight was cut");
    assert_same_bytes("notifications", &file.page(0, u64::MAX), &page.body);
    assert!(
        std::net::TcpStream::connect(&address).is_err(),
        "still listening"
    );

    let server = Server::start(&["--scale", "0.05"]);
    assert_eq!(server.get("/health").status, 200);
    let (status, log) = server.stop("INT");
    assert_eq!(status.code(), Some(0), "{log}");
}

/// A page still streaming when `--timeout` runs out is cut (its body ends without the
/// last chunk), the log says which and why, and the server goes on.
#[test]
fn a_page_past_its_timeout_is_cut_logged_and_the_server_goes_on() {
    let server = Server::start(&["--seed", "4", "--count", "users=150000", "--timeout", "1"]);
    // Tens of megabytes that the client does not read: the page cannot finish in time.
    let mut held = open(&server.address, "GET", "/api/v1/users?limit=150000");
    let mut raw = read_head(&mut held);
    assert!(
        raw.starts_with(b"HTTP/1.1 200"),
        "{}",
        String::from_utf8_lossy(&raw)
    );
    std::thread::sleep(std::time::Duration::from_millis(2500));
    let _ = held.read_to_end(&mut raw);
    let page = parse(&raw);
    assert!(!page.complete, "a page past its timeout came whole");
    let said = (0..50)
        .map(|_| {
            std::thread::sleep(std::time::Duration::from_millis(100));
            server.log()
        })
        .find(|log| log.contains("(--timeout)"))
        .unwrap_or_else(|| server.log());
    assert!(
        said.contains(
            "/api/v1/users?format=json&offset=0&limit=150000&seed=4: cut after 1 s (--timeout)"
        ),
        "{said}"
    );
    let next = server.get("/api/v1/users?limit=2");
    assert_eq!(next.status, 200, "{}", next.text());
    assert!(next.complete);
}

/// `--host 0.0.0.0` listens on every address of the machine: the loopback one too.
#[test]
fn host_0_0_0_0_listens_on_every_address() {
    let server = Server::start(&["--seed", "4", "--scale", "0.05", "--host", "0.0.0.0"]);
    let port = server
        .address
        .strip_prefix("0.0.0.0:")
        .unwrap_or_else(|| panic!("not on 0.0.0.0: {}", server.address));
    let health = request(&format!("127.0.0.1:{port}"), "GET", "/health");
    assert_eq!(health.status, 200, "{}", health.text());
}
