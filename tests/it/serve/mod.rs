//! `ecomgen serve` run as a user runs it: the real binary on a free loopback port,
//! asked over plain HTTP/1.1 (a small client here, so the tests depend on no HTTP
//! crate), its pages compared with the files `ecomgen generate` writes.

mod files;
mod limits;
mod pages;
mod tools;

use crate::harness::BIN;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{Arc, Mutex};

/// Every page endpoint and the file it matches, by table name.
pub const ENDPOINTS: [(&str, &str); 18] = [
    ("users", "users"),
    ("categories", "categories"),
    ("vendors", "vendors"),
    ("warehouses", "warehouses"),
    ("products", "products"),
    ("inventory", "inventory"),
    ("promotions", "promotions"),
    ("orders", "orders"),
    ("order-items", "order_items"),
    ("payments", "payments"),
    ("shipping", "shipping"),
    ("returns", "returns"),
    ("reviews", "reviews"),
    ("support-tickets", "support_tickets"),
    ("wishlists", "wishlists"),
    ("notifications", "notifications"),
    ("analytics/users", "user_analytics"),
    ("analytics/products", "product_analytics"),
];

pub const FORMATS: [&str; 4] = ["csv", "json", "jsonl", "xml"];

/// Whether `format` has a file of `table` (order items nest in orders but in CSV).
pub fn has_file(table: &str, format: &str) -> bool {
    table != "order_items" || format == "csv"
}

/// A running server, stopped (killed) when dropped.
pub struct Server {
    child: Option<Child>,
    /// host:port, as the server printed it.
    pub address: String,
    /// What the server wrote to stderr after its address.
    log: Arc<Mutex<String>>,
}

impl Server {
    /// Starts `ecomgen serve --port 0 ARGS` and waits for the line with its address.
    pub fn start(args: &[&str]) -> Server {
        let mut child = Command::new(BIN)
            .args(["serve", "--port", "0"])
            .args(args)
            .env_remove("RUST_BACKTRACE")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the binary runs");
        let mut lines = BufReader::new(child.stderr.take().expect("piped"));
        let mut said = String::new();
        let address = loop {
            let mut line = String::new();
            let read = lines.read_line(&mut line).expect("readable stderr");
            assert!(read > 0, "the server stopped before listening:\n{said}");
            said.push_str(&line);
            if let Some(rest) = line.strip_prefix("serving on http://") {
                break rest
                    .split([' ', '/'])
                    .next()
                    .unwrap_or_default()
                    .to_string();
            }
        };
        assert!(said.contains("seed: "), "no seed printed:\n{said}");
        let log = Arc::new(Mutex::new(String::new()));
        let sink = log.clone();
        std::thread::spawn(move || {
            for line in lines.lines().map_while(Result::ok) {
                let mut log = sink.lock().unwrap();
                log.push_str(&line);
                log.push('\n');
            }
        });
        Server {
            child: Some(child),
            address,
            log,
        }
    }

    pub fn get(&self, target: &str) -> Response {
        request(&self.address, "GET", target)
    }

    /// Sends `signal` (TERM, INT) and waits for the process to end.
    pub fn stop(mut self, signal: &str) -> (ExitStatus, String) {
        let mut child = self.child.take().expect("running");
        let sent = Command::new("kill")
            .args([&format!("-{signal}"), &child.id().to_string()])
            .status()
            .expect("kill runs");
        assert!(sent.success());
        let status = child.wait().expect("the server ends");
        (status, self.log())
    }

    pub fn log(&self) -> String {
        self.log.lock().unwrap().clone()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// A response as read off the connection.
pub struct Response {
    pub status: u16,
    /// Names in lower case.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// Whether the body ended as HTTP says a complete body ends.
    pub complete: bool,
}

impl Response {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text()))
    }
}

/// One request on a fresh connection, read to its end.
pub fn request(address: &str, method: &str, target: &str) -> Response {
    let mut stream = open(address, method, target);
    let mut raw = Vec::new();
    // A connection the server cuts ends the read with an error or early: the body
    // framing then says it is incomplete.
    let _ = stream.read_to_end(&mut raw);
    parse(&raw)
}

/// Sends a request and returns the connection, unread.
pub fn open(address: &str, method: &str, target: &str) -> TcpStream {
    let mut stream = TcpStream::connect(address).expect("the server accepts");
    write!(
        stream,
        "{method} {target} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
    )
    .expect("the request is sent");
    stream
}

/// Reads the status line and headers of a response from `stream`, leaving the body.
pub fn read_head(stream: &mut TcpStream) -> Vec<u8> {
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        let n = stream.read(&mut byte).expect("a response");
        assert_eq!(n, 1, "the connection closed inside the headers");
        head.push(byte[0]);
    }
    head
}

pub fn parse(raw: &[u8]) -> Response {
    let end = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("no header end in {:?}", String::from_utf8_lossy(raw)));
    let head = String::from_utf8_lossy(&raw[..end]).into_owned();
    let mut lines = head.split("\r\n");
    let status_line = lines.next().expect("a status line");
    let status = status_line
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("bad status line {status_line:?}"));
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    let rest = &raw[end + 4..];
    let mut response = Response {
        status,
        headers,
        body: Vec::new(),
        complete: false,
    };
    if response.header("transfer-encoding") == Some("chunked") {
        (response.body, response.complete) = dechunk(rest);
    } else {
        response.body = rest.to_vec();
        let length = response
            .header("content-length")
            .and_then(|l| l.parse().ok());
        response.complete = length == Some(rest.len());
    }
    response
}

/// A chunked body's bytes, and whether its last (empty) chunk arrived.
fn dechunk(mut rest: &[u8]) -> (Vec<u8>, bool) {
    let mut body = Vec::new();
    loop {
        let Some(line_end) = rest.windows(2).position(|w| w == b"\r\n") else {
            return (body, false);
        };
        let size = std::str::from_utf8(&rest[..line_end])
            .ok()
            .and_then(|s| usize::from_str_radix(s.split(';').next()?.trim(), 16).ok());
        let Some(size) = size else {
            return (body, false);
        };
        rest = &rest[line_end + 2..];
        if size == 0 {
            return (body, true);
        }
        if rest.len() < size + 2 {
            body.extend_from_slice(&rest[..size.min(rest.len())]);
            return (body, false);
        }
        body.extend_from_slice(&rest[..size]);
        rest = &rest[size + 2..];
    }
}
