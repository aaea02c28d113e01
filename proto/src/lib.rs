//! The pyfast inspection protocol, `pyfast.inspect.v1`, generated from
//! `proto/inspect.proto`.
//!
//! One crate holds the generated code so that the runtime (server) and
//! `pyfast-dbg` (client) compile it once and cannot drift apart; other
//! languages generate their own stubs from the same `.proto` file.

#![allow(clippy::all, clippy::pedantic)]

pub mod v1 {
    tonic::include_proto!("pyfast.inspect.v1");
}

/// The encoded `FileDescriptorSet` of `inspect.proto`, for gRPC reflection.
pub const FILE_DESCRIPTOR_SET: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/inspect_descriptor.bin"));

/// The protocol version this build speaks (`HandshakeRequest.protocol_version`).
pub const PROTOCOL_VERSION: u32 = 1;

/// The fully qualified service name (for health checks).
pub const SERVICE_NAME: &str = "pyfast.inspect.v1.Inspector";

/// Where a pyfast process publishes its endpoint, shared by the server
/// and `pyfast-dbg`: a per-user directory holding `<pid>.sock` (the Unix
/// socket), and for TCP endpoints `<pid>.tcp` (the address) and
/// `<pid>.token` (the token to send), all private to the user.
pub mod discovery {
    use std::path::{Path, PathBuf};

    /// The per-user directory: `$XDG_RUNTIME_DIR/pyfast` when that
    /// variable is set (in the target process's environment), else
    /// `/tmp/pyfast-<uid>`.
    pub fn runtime_dir(xdg_runtime_dir: Option<&str>, uid: u32) -> PathBuf {
        match xdg_runtime_dir.filter(|d| !d.is_empty()) {
            Some(d) => Path::new(d).join("pyfast"),
            None => PathBuf::from(format!("/tmp/pyfast-{uid}")),
        }
    }

    pub fn socket_file(dir: &Path, pid: u32) -> PathBuf {
        dir.join(format!("{pid}.sock"))
    }

    pub fn tcp_file(dir: &Path, pid: u32) -> PathBuf {
        dir.join(format!("{pid}.tcp"))
    }

    pub fn token_file(dir: &Path, pid: u32) -> PathBuf {
        dir.join(format!("{pid}.token"))
    }

    /// The request metadata key carrying the token (`Bearer <token>`).
    pub const TOKEN_HEADER: &str = "authorization";
}
