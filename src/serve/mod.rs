//! `ecomgen serve`: the generator as an HTTP service. Every row is a pure function of
//! (seed, entity, row key), so the server answers any page of any table of any seed
//! without generating what comes before it, and streams it: row N of an endpoint is
//! row N of the file `ecomgen generate` writes. Built on hyper and tokio; pages are
//! generated on the blocking pool and reach the connection through a bounded channel.
//!
//! Limits: at most `max_requests` pages generated at once (more get 503), each within
//! `timeout`; request headers must arrive within 30 seconds; on SIGTERM or Ctrl-C the
//! server stops accepting, lets the pages in flight end (for up to 10 seconds, then
//! cuts them) and returns.

mod body;
mod docs;
mod endpoints;
mod handler;
mod index;
mod openapi;
mod page;
mod query;
mod shops;

pub use endpoints::ENDPOINTS;
pub use shops::SEEDS_KEPT;

use crate::error::{Error, Result};
use crate::generate::{Plan, PlanInput};
use bytes::Bytes;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use std::net::{SocketAddr, TcpListener};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Semaphore;

/// How long a client may take to send a request's headers.
const HEADER_TIMEOUT: Duration = Duration::from_secs(30);

/// How long pages in flight may go on after a stop signal.
const GRACE: Duration = Duration::from_secs(10);

/// Connections open at once; past them the server accepts no more until one closes.
const MAX_CONNECTIONS: usize = 1024;

/// A time limit longer than any page needs (and short enough to add to a clock).
const LONGEST_TIMEOUT: Duration = Duration::from_secs(366 * 24 * 3600);

/// What a server is started with.
pub struct Settings {
    /// Counts, window, currency, and the seed of pages that do not name one.
    pub input: PlanInput,
    pub host: String,
    /// 0 for any free port.
    pub port: u16,
    /// Pages generated at once.
    pub max_requests: usize,
    /// The longest a page may take.
    pub timeout: Duration,
}

/// What every request reads.
struct Server {
    seed: u64,
    shops: shops::Shops,
    permits: Arc<Semaphore>,
    max_requests: usize,
    timeout: Duration,
    openapi: Bytes,
    docs: Bytes,
}

/// Serves until SIGTERM or Ctrl-C; `listening` is told the address once requests are
/// accepted.
pub fn run(settings: Settings, listening: impl FnOnce(SocketAddr)) -> Result<()> {
    // Counts that no seed can meet are a usage error, said before listening.
    Plan::new(&settings.input)?;
    let seed = settings.input.seed;
    let listener = TcpListener::bind((settings.host.as_str(), settings.port))
        .and_then(|l| l.set_nonblocking(true).map(|()| l))
        .map_err(|e| Error::io(format!("{}:{}", settings.host, settings.port), e))?;
    let address = listener
        .local_addr()
        .map_err(|e| Error::io(&settings.host, e))?;
    let mut openapi = serde_json::to_vec_pretty(&openapi::document(seed))
        .map_err(|e| Error::Runtime(format!("cannot write the OpenAPI document: {e}")))?;
    openapi.push(b'\n');
    // Bounds that keep the arithmetic of permits and deadlines in range.
    let max_requests = settings.max_requests.clamp(1, Semaphore::MAX_PERMITS);
    let timeout = settings.timeout.min(LONGEST_TIMEOUT);
    let server = Arc::new(Server {
        seed,
        docs: docs::page(seed, &settings.input.counts).into(),
        openapi: openapi.into(),
        shops: shops::Shops::new(settings.input),
        permits: Arc::new(Semaphore::new(max_requests)),
        max_requests,
        timeout,
    });
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_name("ecomgen-serve")
        .build()
        .map_err(|e| Error::io("the server's threads", e))?;
    let served = runtime.block_on(async {
        let listener = tokio::net::TcpListener::from_std(listener)?;
        listening(address);
        accept(listener, server).await;
        Ok::<(), std::io::Error>(())
    });
    // Pages cut at the end of the grace period stop at their next piece.
    runtime.shutdown_timeout(Duration::from_secs(1));
    served.map_err(|e| Error::io(address.to_string(), e))
}

/// Accepts connections until a stop signal, then waits for those in flight.
async fn accept(listener: tokio::net::TcpListener, server: Arc<Server>) {
    let graceful = GracefulShutdown::new();
    let connections = Arc::new(Semaphore::new(MAX_CONNECTIONS));
    let stop = stop_signal();
    tokio::pin!(stop);
    loop {
        let slot = tokio::select! {
            slot = connections.clone().acquire_owned() => slot,
            () = &mut stop => break,
        };
        let Ok(slot) = slot else { break };
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                // Out of file descriptors, or a connection reset before it was
                // accepted: wait a little rather than spin.
                Err(_) => {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut stop => break,
        };
        let server = server.clone();
        let service =
            hyper::service::service_fn(move |request| handler::handle(server.clone(), request));
        let mut http = hyper::server::conn::http1::Builder::new();
        http.timer(TokioTimer::new())
            .header_read_timeout(HEADER_TIMEOUT);
        let connection = graceful.watch(http.serve_connection(TokioIo::new(stream), service));
        tokio::spawn(async move {
            let _ = connection.await;
            drop(slot);
        });
    }
    drop(listener);
    tokio::select! {
        () = graceful.shutdown() => {}
        () = tokio::time::sleep(GRACE) => {}
    }
}

/// Ctrl-C, or SIGTERM where there are signals.
async fn stop_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        if let Ok(mut terminate) = signal(SignalKind::terminate()) {
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                _ = terminate.recv() => {}
            }
            return;
        }
    }
    if tokio::signal::ctrl_c().await.is_err() {
        std::future::pending::<()>().await;
    }
}
