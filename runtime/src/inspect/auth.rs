//! Who may talk to the service: on the Unix socket, a peer with our uid
//! (or root), checked with the kernel's peer credentials; on TCP, a client
//! that sends the token. Checked for every request of every service
//! (inspector, health, reflection).

use tonic::{Request, Status};

use super::conn::{ConnMeta, Peer};

#[derive(Clone)]
pub struct Auth {
    /// Our effective uid.
    pub uid: u32,
    /// The token TCP clients must send (`authorization: Bearer <token>`).
    pub token: Option<String>,
}

/// Compare without leaking where the first difference is.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

impl Auth {
    pub fn check(&self, meta: Option<&ConnMeta>, header: Option<&str>) -> Result<(), Status> {
        match meta.map(|m| &m.peer) {
            Some(Peer::Unix { uid: Some(u) }) if *u == self.uid || *u == 0 => Ok(()),
            Some(Peer::Unix { uid: Some(u) }) => Err(Status::permission_denied(format!(
                "peer uid {u} may not inspect this process (it runs as uid {})",
                self.uid
            ))),
            Some(Peer::Unix { uid: None }) => Err(Status::permission_denied("cannot read the peer's credentials")),
            Some(Peer::Tcp) => {
                let Some(token) = &self.token else { return Err(Status::permission_denied("no token configured")) };
                let sent = header.and_then(|h| h.strip_prefix("Bearer ")).unwrap_or("");
                if same(sent.as_bytes(), token.as_bytes()) {
                    Ok(())
                } else if header.is_none() {
                    Err(Status::unauthenticated(
                        "this endpoint needs the token from its .token file in metadata 'authorization: Bearer <token>'",
                    ))
                } else {
                    Err(Status::unauthenticated("wrong token"))
                }
            }
            None => Err(Status::permission_denied("unknown connection")),
        }
    }
}

impl tonic::service::Interceptor for Auth {
    fn call(&mut self, req: Request<()>) -> Result<Request<()>, Status> {
        let header = req.metadata().get(pyfast_inspect_proto::discovery::TOKEN_HEADER).and_then(|v| v.to_str().ok());
        self.check(req.extensions().get::<ConnMeta>(), header)?;
        Ok(req)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(peer: Peer) -> ConnMeta {
        ConnMeta { id: 1, peer }
    }

    #[test]
    fn unix_peers_need_our_uid_or_root() {
        let a = Auth { uid: 1000, token: None };
        assert!(a.check(Some(&meta(Peer::Unix { uid: Some(1000) })), None).is_ok());
        assert!(a.check(Some(&meta(Peer::Unix { uid: Some(0) })), None).is_ok());
        let e = a.check(Some(&meta(Peer::Unix { uid: Some(65534) })), None).unwrap_err();
        assert_eq!(e.code(), tonic::Code::PermissionDenied);
        assert!(a.check(Some(&meta(Peer::Unix { uid: None })), None).is_err());
        assert!(a.check(None, None).is_err());
    }

    #[test]
    fn tcp_peers_need_the_token() {
        let a = Auth { uid: 1000, token: Some("abc".into()) };
        let tcp = meta(Peer::Tcp);
        assert!(a.check(Some(&tcp), Some("Bearer abc")).is_ok());
        assert_eq!(a.check(Some(&tcp), None).unwrap_err().code(), tonic::Code::Unauthenticated);
        assert!(a.check(Some(&tcp), Some("Bearer abd")).is_err());
        assert!(a.check(Some(&tcp), Some("abc")).is_err());
        assert!(Auth { uid: 1000, token: None }.check(Some(&tcp), Some("Bearer ")).is_err());
    }
}
