//! One request, one response. Pages are generated on the blocking pool, off the
//! threads that serve connections, under a permit of the server's limit on pages at
//! once; every other answer is small and immediate. Every response carries
//! `Access-Control-Allow-Origin: *`, so a front end on another port can use the
//! server as its backend.

use super::Server;
use super::body::{Body, PIECES_IN_FLIGHT, Piece};
use super::endpoints::{ENDPOINTS, Endpoint, content_type};
use super::page::{self, Stopped};
use super::query::{self, BadParameter, PageQuery};
use hyper::body::Incoming;
use hyper::header::{self, HeaderValue};
use hyper::{Method, Request, Response, StatusCode};
use serde_json::json;
use std::convert::Infallible;
use std::sync::Arc;
use std::time::Instant;
use tokio::sync::mpsc;

const METHODS: &str = "GET, HEAD, OPTIONS";

pub async fn handle(
    server: Arc<Server>,
    request: Request<Incoming>,
) -> Result<Response<Body>, Infallible> {
    let head = request.method() == Method::HEAD;
    let mut response = match *request.method() {
        Method::GET | Method::HEAD => route(&server, &request, head).await,
        Method::OPTIONS => preflight(&request),
        ref other => {
            let mut response = json_answer(
                StatusCode::METHOD_NOT_ALLOWED,
                json!({
                    "error": format!("method {other} is not allowed: the API only reads"),
                    "valid": ["GET", "HEAD", "OPTIONS"],
                }),
            );
            response
                .headers_mut()
                .insert(header::ALLOW, HeaderValue::from_static(METHODS));
            response
        }
    };
    response.headers_mut().insert(
        header::ACCESS_CONTROL_ALLOW_ORIGIN,
        HeaderValue::from_static("*"),
    );
    if head {
        *response.body_mut() = Body::empty();
    }
    Ok(response)
}

async fn route(server: &Arc<Server>, request: &Request<Incoming>, head: bool) -> Response<Body> {
    let path = request.uri().path();
    match path {
        "/health" => json_answer(
            StatusCode::OK,
            json!({"status": "ok", "version": env!("CARGO_PKG_VERSION"), "seed": server.seed}),
        ),
        "/openapi.json" => whole("application/json", server.openapi.clone()),
        "/docs" => whole("text/html; charset=utf-8", server.docs.clone()),
        "/" => {
            let mut response = whole("text/plain; charset=utf-8", "See /docs\n");
            *response.status_mut() = StatusCode::FOUND;
            response
                .headers_mut()
                .insert(header::LOCATION, HeaderValue::from_static("/docs"));
            response
        }
        _ => match Endpoint::find(path) {
            Some(endpoint) => page(server, endpoint, request.uri().query(), head).await,
            None => json_answer(
                StatusCode::NOT_FOUND,
                json!({
                    "error": format!("no endpoint at {path}"),
                    "endpoints": ENDPOINTS.iter().map(|e| e.path).collect::<Vec<_>>(),
                }),
            ),
        },
    }
}

async fn page(
    server: &Arc<Server>,
    endpoint: &'static Endpoint,
    query: Option<&str>,
    head: bool,
) -> Response<Body> {
    let query = match query::parse(query, endpoint, server.seed) {
        Ok(query) => query,
        Err(bad) => return bad_parameter(bad),
    };
    let Ok(permit) = server.permits.clone().try_acquire_owned() else {
        let mut response = json_answer(
            StatusCode::SERVICE_UNAVAILABLE,
            json!({"error": format!(
                "busy: {} pages are being generated, the most this server makes at once (--max-requests); retry shortly",
                server.max_requests
            )}),
        );
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
        return response;
    };
    let deadline = Instant::now() + server.timeout;
    let timeout = server.timeout.as_secs();
    let shops = server.clone();
    let shop = match tokio::task::spawn_blocking(move || shops.shops.get(&query)).await {
        Ok(Ok(shop)) => shop,
        Ok(Err(why)) => {
            return bad_parameter(BadParameter {
                parameter: "seed".to_string(),
                message: format!("seed {}: {why}", query.seed),
                valid: vec![query::number_range()],
            });
        }
        Err(_) => return internal_error(),
    };
    let response = Response::builder()
        .header(header::CONTENT_TYPE, content_type(query.format))
        .header("x-ecomgen-seed", query.seed);
    if head {
        return response
            .body(Body::empty())
            .unwrap_or_else(|_| internal_error());
    }
    let (pieces, received) = mpsc::channel(PIECES_IN_FLIGHT);
    let runtime = tokio::runtime::Handle::current();
    tokio::task::spawn_blocking(move || {
        let _permit = permit;
        let deadline_at = tokio::time::Instant::from_std(deadline);
        // Waiting for a slow client counts against the page's time too.
        let send = |piece: Piece| {
            runtime.block_on(async {
                matches!(
                    tokio::time::timeout_at(deadline_at, pieces.send(piece)).await,
                    Ok(Ok(()))
                )
            })
        };
        match page::write(&shop, endpoint, &query, deadline, &mut |bytes| {
            send(Piece::Bytes(bytes))
        }) {
            Ok(Ok(())) => {
                send(Piece::End);
            }
            // A client too slow to take the page in time is cut by the deadline on
            // its sends, which the page sees as a refusal: the log says why all the
            // same. A client that left before the deadline is no news.
            Ok(Err(Stopped::Refused)) if Instant::now() < deadline => {}
            Ok(Err(Stopped::Refused | Stopped::TimedOut)) => log(format_args!(
                "ecomgen: {}: cut after {} s (--timeout)",
                describe(endpoint, &query),
                timeout
            )),
            Err(e) => log(format_args!("ecomgen: {}: {e}", describe(endpoint, &query))),
        }
    });
    response
        .body(Body::page(received))
        .unwrap_or_else(|_| internal_error())
}

fn describe(endpoint: &Endpoint, query: &PageQuery) -> String {
    format!(
        "{}?format={}&offset={}&limit={}&seed={}",
        endpoint.path,
        query.format.name(),
        query.offset,
        query.limit,
        query.seed
    )
}

/// The answer to a browser asking whether another origin may read the API.
fn preflight(request: &Request<Incoming>) -> Response<Body> {
    let mut response = Response::new(Body::empty());
    *response.status_mut() = StatusCode::NO_CONTENT;
    let headers = response.headers_mut();
    headers.insert(
        header::ACCESS_CONTROL_ALLOW_METHODS,
        HeaderValue::from_static(METHODS),
    );
    let asked = request
        .headers()
        .get(header::ACCESS_CONTROL_REQUEST_HEADERS)
        .cloned()
        .unwrap_or_else(|| HeaderValue::from_static("*"));
    headers.insert(header::ACCESS_CONTROL_ALLOW_HEADERS, asked);
    headers.insert(
        header::ACCESS_CONTROL_MAX_AGE,
        HeaderValue::from_static("86400"),
    );
    response
}

fn whole(content_type: &'static str, bytes: impl Into<bytes::Bytes>) -> Response<Body> {
    let mut response = Response::new(Body::whole(bytes));
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    response
}

/// A JSON answer: an error, or the health check.
fn json_answer(status: StatusCode, body: serde_json::Value) -> Response<Body> {
    let mut text = body.to_string();
    text.push('\n');
    let mut response = whole("application/json", text);
    *response.status_mut() = status;
    response
}

fn bad_parameter(bad: BadParameter) -> Response<Body> {
    json_answer(
        StatusCode::BAD_REQUEST,
        json!({"error": bad.message, "parameter": bad.parameter, "valid": bad.valid}),
    )
}

fn internal_error() -> Response<Body> {
    json_answer(
        StatusCode::INTERNAL_SERVER_ERROR,
        json!({"error": "the server failed to answer; see its log"}),
    )
}

/// One line on the server's stderr; a closed stderr is no reason to stop serving.
fn log(line: std::fmt::Arguments) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr().lock(), "{line}");
}
