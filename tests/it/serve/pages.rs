//! Row N of an endpoint is row N of the file `ecomgen generate` writes with the same
//! seed and counts, in every format, for any offset and limit, for the server's seed
//! and for others asked by `?seed=`.

use super::files::File;
use super::{ENDPOINTS, FORMATS, Server, has_file};
use crate::harness::*;
use std::path::Path;

/// Asks `server` for `target` and expects exactly `expected`.
fn expect_page(server: &Server, target: &str, expected: &[u8]) {
    let response = server.get(target);
    assert_eq!(response.status, 200, "{target}: {}", response.text());
    assert!(response.complete, "{target}: the body was cut");
    assert_same_bytes(target, expected, &response.body);
}

/// The places a page may start at in a table of `n` rows, each with a limit.
fn cuts(n: u64) -> [(u64, u64); 6] {
    [
        (0, 1),
        (1, 7),
        (n / 2, 5),
        (n.saturating_sub(1), 3),
        (n, 2),
        (n + 3, 0),
    ]
}

#[test]
fn pages_are_the_files_rows_for_several_seeds_in_every_format() {
    let dir = tempdir();
    let server = Server::start(&[SMALL, &["--seed", "5"]].concat());
    for seed in ["5", "11", "18446744073709551615"] {
        // The server's own seed is asked for without naming it.
        let seed_param = if seed == "5" {
            String::new()
        } else {
            format!("&seed={seed}")
        };
        for format in FORMATS {
            let out = dir.path().join(format!("{seed}-{format}"));
            generate(
                &out,
                &[SMALL, &["--seed", seed, "--format", format]].concat(),
            );
            for (path, table) in ENDPOINTS {
                if !has_file(table, format) {
                    continue;
                }
                let file = File::read(&out, table, format);
                let base = format!("/api/v1/{path}?format={format}{seed_param}");
                expect_page(
                    &server,
                    &format!("{base}&limit=1000000"),
                    &file.page(0, u64::MAX),
                );
                for (offset, limit) in cuts(file.rows.len() as u64) {
                    expect_page(
                        &server,
                        &format!("{base}&offset={offset}&limit={limit}"),
                        &file.page(offset, limit),
                    );
                }
            }
        }
    }
}

/// Counts, window and currency flags mean for a server what they mean for generate;
/// a page without `limit` has 1,000 rows, and pages start deep inside tables whose
/// rows come several per unit.
#[test]
fn flags_and_defaults_as_for_generate() {
    let flags = [
        "--seed",
        "99",
        "--scale",
        "0.3",
        "--count",
        "users=1500",
        "--start-date",
        "2022-03-01",
        "--end-date",
        "2022-09-30",
        "--currency",
        "EUR",
    ];
    let dir = tempdir();
    let server = Server::start(&flags);
    let out = |format: &str| -> std::path::PathBuf {
        let out = dir.path().join(format);
        generate(&out, &[&flags[..], &["--format", format]].concat())
    };
    let json = out("json");
    let users = File::read(&json, "users", "json");
    assert!(users.rows.len() > 1000);
    expect_page(&server, "/api/v1/users", &users.page(0, 1000));
    expect_page(&server, "/api/v1/users?offset=900", &users.page(900, 1000));

    let csv = out("csv");
    deep_pages(
        &server,
        &csv,
        "csv",
        &[("order-items", "order_items"), ("payments", "payments")],
    );
    let jsonl = out("jsonl");
    deep_pages(
        &server,
        &jsonl,
        "jsonl",
        &[("notifications", "notifications")],
    );
    let xml = out("xml");
    deep_pages(
        &server,
        &xml,
        "xml",
        &[("wishlists", "wishlists"), ("shipping", "shipping")],
    );
}

/// Pages from a third of the way in, across many blocks of units.
fn deep_pages(server: &Server, dir: &Path, format: &str, tables: &[(&str, &str)]) {
    for &(path, table) in tables {
        let file = File::read(dir, table, format);
        let n = file.rows.len() as u64;
        assert!(n > 500, "{table}: {n} rows are too few to page through");
        for (offset, limit) in [(n / 3, 300), (n - 10, 1000), (n / 2 + 1, 2)] {
            expect_page(
                server,
                &format!("/api/v1/{path}?format={format}&offset={offset}&limit={limit}"),
                &file.page(offset, limit),
            );
        }
    }
}
