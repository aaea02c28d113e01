//! One accepted connection: the socket, who is on the other end, and a
//! guard that tells the server when the connection closes (a controlling
//! debugger that disconnects gives up control).

use std::pin::Pin;
use std::task::{Context, Poll};

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpStream, UnixStream};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Peer {
    /// A Unix-socket peer with its uid (None when unreadable).
    Unix {
        uid: Option<u32>,
    },
    Tcp,
}

/// What requests know about their connection (a request extension).
#[derive(Clone, Debug)]
pub struct ConnMeta {
    pub id: u64,
    pub peer: Peer,
}

enum Io {
    Unix(UnixStream),
    Tcp(TcpStream),
}

pub struct Conn {
    io: Io,
    meta: ConnMeta,
    _closed: OnClose,
}

/// Runs its callback when dropped.
pub struct OnClose(Option<Box<dyn FnOnce() + Send>>);

impl OnClose {
    pub fn new(f: impl FnOnce() + Send + 'static) -> OnClose {
        OnClose(Some(Box::new(f)))
    }
}

impl Drop for OnClose {
    fn drop(&mut self) {
        if let Some(f) = self.0.take() {
            f();
        }
    }
}

impl Conn {
    pub fn unix(s: UnixStream, id: u64, on_close: OnClose) -> Conn {
        let uid = s.peer_cred().ok().map(|c| c.uid());
        Conn { io: Io::Unix(s), meta: ConnMeta { id, peer: Peer::Unix { uid } }, _closed: on_close }
    }

    pub fn tcp(s: TcpStream, id: u64, on_close: OnClose) -> Conn {
        let _ = s.set_nodelay(true);
        Conn { io: Io::Tcp(s), meta: ConnMeta { id, peer: Peer::Tcp }, _closed: on_close }
    }
}

impl tonic::transport::server::Connected for Conn {
    type ConnectInfo = ConnMeta;

    fn connect_info(&self) -> ConnMeta {
        self.meta.clone()
    }
}

impl AsyncRead for Conn {
    fn poll_read(self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<std::io::Result<()>> {
        match &mut self.get_mut().io {
            Io::Unix(s) => Pin::new(s).poll_read(cx, buf),
            Io::Tcp(s) => Pin::new(s).poll_read(cx, buf),
        }
    }
}

impl AsyncWrite for Conn {
    fn poll_write(self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<std::io::Result<usize>> {
        match &mut self.get_mut().io {
            Io::Unix(s) => Pin::new(s).poll_write(cx, buf),
            Io::Tcp(s) => Pin::new(s).poll_write(cx, buf),
        }
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        match &mut self.get_mut().io {
            Io::Unix(s) => Pin::new(s).poll_flush(cx),
            Io::Tcp(s) => Pin::new(s).poll_flush(cx),
        }
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        match &mut self.get_mut().io {
            Io::Unix(s) => Pin::new(s).poll_shutdown(cx),
            Io::Tcp(s) => Pin::new(s).poll_shutdown(cx),
        }
    }
}
