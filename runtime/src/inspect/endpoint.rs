//! Where the inspection service listens, and the files that publish it:
//! a private per-user directory (0700) holding the Unix socket (0600), or
//! for TCP the address and a random token (both 0600).

use std::io::Write;
use std::net::SocketAddr;
use std::os::unix::fs::{DirBuilderExt, MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use pyfast_inspect_proto::discovery;

/// What the command line asked for.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Open this endpoint at start (`--inspect[=...]`).
    pub endpoint: Option<Endpoint>,
    /// `--inspect-wait`: pause before the first line until a debugger continues.
    pub wait: bool,
    /// `--no-remote-debug` or `PYFAST_DISABLE_REMOTE_DEBUG=1`.
    pub disabled: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Endpoint {
    /// The per-user Unix socket (or the given path).
    Unix(Option<PathBuf>),
    Tcp(SocketAddr),
}

impl Endpoint {
    /// Parse `unix`, `unix:PATH` or `tcp:HOST:PORT`. A non-loopback TCP
    /// address is refused unless `allow_remote`.
    pub fn parse(s: &str, allow_remote: bool) -> Result<Endpoint, String> {
        if s.is_empty() || s == "unix" {
            return Ok(Endpoint::Unix(None));
        }
        if let Some(p) = s.strip_prefix("unix:") {
            return Ok(Endpoint::Unix(Some(PathBuf::from(p))));
        }
        if let Some(a) = s.strip_prefix("tcp:") {
            let addr: SocketAddr = a
                .parse()
                .map_err(|_| format!("--inspect=tcp:{a}: expected tcp:ADDRESS:PORT, e.g. tcp:127.0.0.1:5678"))?;
            if !addr.ip().is_loopback() && !allow_remote {
                return Err(format!(
                    "--inspect=tcp:{a}: refusing to listen on a non-loopback address (anyone who can reach it and \
                     has the token could run code in this process); add --inspect-allow-remote to do it anyway"
                ));
            }
            return Ok(Endpoint::Tcp(addr));
        }
        Err(format!("--inspect={s}: expected unix, unix:PATH or tcp:ADDRESS:PORT"))
    }
}

/// Whether remote debugging is disabled by the environment.
pub fn disabled_by_env() -> bool {
    std::env::var("PYFAST_DISABLE_REMOTE_DEBUG").is_ok_and(|v| !v.is_empty() && v != "0")
}

pub fn uid() -> u32 {
    unsafe { libc::geteuid() }
}

/// This user's endpoint directory, created 0700 if missing. An existing
/// one must be ours and private, or it is refused (someone else could
/// have made it to intercept the socket).
pub fn private_dir() -> Result<PathBuf, String> {
    let dir = discovery::runtime_dir(std::env::var("XDG_RUNTIME_DIR").ok().as_deref(), uid());
    match std::fs::symlink_metadata(&dir) {
        Err(_) => {
            std::fs::DirBuilder::new()
                .recursive(true)
                .mode(0o700)
                .create(&dir)
                .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
            std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700))
                .map_err(|e| format!("cannot make {} private: {e}", dir.display()))?;
        }
        Ok(m) => {
            if !m.is_dir() || m.uid() != uid() {
                return Err(format!("refusing {}: not a directory owned by uid {}", dir.display(), uid()));
            }
            if m.mode() & 0o077 != 0 {
                return Err(format!(
                    "refusing {}: its mode is {:o}; it must be 0700 (chmod 700 it or remove it)",
                    dir.display(),
                    m.mode() & 0o777
                ));
            }
        }
    }
    Ok(dir)
}

/// Write `contents` to a new file readable by this user only.
pub fn write_private(path: &Path, contents: &str) -> Result<(), String> {
    let _ = std::fs::remove_file(path);
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .map_err(|e| format!("cannot create {}: {e}", path.display()))?;
    f.write_all(contents.as_bytes()).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// A random token (256 bits, hex) from the kernel's generator.
pub fn new_token() -> Result<String, String> {
    let mut buf = [0u8; 32];
    let n = unsafe { libc::getrandom(buf.as_mut_ptr().cast(), buf.len(), 0) };
    if n != buf.len() as isize {
        return Err("getrandom failed".into());
    }
    Ok(buf.iter().map(|b| format!("{b:02x}")).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_endpoints_and_refuses_remote_addresses() {
        assert_eq!(Endpoint::parse("unix", false), Ok(Endpoint::Unix(None)));
        assert_eq!(Endpoint::parse("unix:/x/y.sock", false), Ok(Endpoint::Unix(Some("/x/y.sock".into()))));
        assert_eq!(Endpoint::parse("tcp:127.0.0.1:0", false), Ok(Endpoint::Tcp("127.0.0.1:0".parse().unwrap())));
        assert_eq!(Endpoint::parse("tcp:[::1]:9", false), Ok(Endpoint::Tcp("[::1]:9".parse().unwrap())));
        assert!(Endpoint::parse("tcp:0.0.0.0:5678", false).unwrap_err().contains("--inspect-allow-remote"));
        assert!(Endpoint::parse("tcp:0.0.0.0:5678", true).is_ok());
        assert!(Endpoint::parse("tcp:localhost", false).is_err());
        assert!(Endpoint::parse("pipe", false).is_err());
    }

    #[test]
    fn tokens_are_random_hex() {
        let (a, b) = (new_token().unwrap(), new_token().unwrap());
        assert_eq!(a.len(), 64);
        assert!(a.chars().all(|c| c.is_ascii_hexdigit()));
        assert_ne!(a, b);
    }
}
