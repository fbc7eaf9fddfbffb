//! Response bodies: small ones whole, pages as a stream of pieces from the thread that
//! generates them, over a channel of a few pieces so the generator waits for a slow
//! client instead of filling memory. A page whose generator stopped before the end
//! (a time limit, an encoding error) ends the body with an error, which cuts the
//! connection: the client sees a broken transfer, never a page that looks complete.

use bytes::Bytes;
use hyper::body::{Frame, SizeHint};
use std::pin::Pin;
use std::task::{Context, Poll};
use tokio::sync::mpsc;

/// Pieces a page may have in flight between its generator and the connection.
pub const PIECES_IN_FLIGHT: usize = 4;

/// What a page's generator sends.
pub enum Piece {
    Bytes(Vec<u8>),
    /// The page is complete: what went before is all of it.
    End,
}

pub enum Body {
    Whole(Option<Bytes>),
    Page {
        pieces: mpsc::Receiver<Piece>,
        ended: bool,
    },
}

impl Body {
    pub fn whole(bytes: impl Into<Bytes>) -> Self {
        Body::Whole(Some(bytes.into()))
    }

    pub fn empty() -> Self {
        Body::Whole(None)
    }

    pub fn page(pieces: mpsc::Receiver<Piece>) -> Self {
        Body::Page {
            pieces,
            ended: false,
        }
    }
}

/// A page that ended before its last row.
#[derive(Debug)]
pub struct Cut;

impl std::fmt::Display for Cut {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the page stopped before its end")
    }
}

impl std::error::Error for Cut {}

impl hyper::body::Body for Body {
    type Data = Bytes;
    type Error = Cut;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Cut>>> {
        match self.get_mut() {
            Body::Whole(bytes) => Poll::Ready(bytes.take().map(|b| Ok(Frame::data(b)))),
            Body::Page { ended: true, .. } => Poll::Ready(None),
            Body::Page { pieces, ended } => match pieces.poll_recv(cx) {
                Poll::Pending => Poll::Pending,
                Poll::Ready(Some(Piece::Bytes(bytes))) => {
                    Poll::Ready(Some(Ok(Frame::data(Bytes::from(bytes)))))
                }
                Poll::Ready(Some(Piece::End)) => {
                    *ended = true;
                    Poll::Ready(None)
                }
                Poll::Ready(None) => {
                    *ended = true;
                    Poll::Ready(Some(Err(Cut)))
                }
            },
        }
    }

    fn is_end_stream(&self) -> bool {
        matches!(self, Body::Whole(None) | Body::Page { ended: true, .. })
    }

    fn size_hint(&self) -> SizeHint {
        match self {
            Body::Whole(bytes) => {
                SizeHint::with_exact(bytes.as_ref().map_or(0, |b| b.len() as u64))
            }
            Body::Page { .. } => SizeHint::default(),
        }
    }
}
