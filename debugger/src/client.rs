//! Connecting to a pyfast process: finding its endpoint (asking it to open
//! one with the attach signal if needed), the gRPC client, and the event
//! stream.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{anyhow, bail, Context, Result};
use pyfast_inspect_proto::discovery;
use pyfast_inspect_proto::v1;
use pyfast_inspect_proto::v1::inspector_client::InspectorClient;
use tonic::service::interceptor::InterceptedService;
use tonic::transport::{Channel, Endpoint as TonicEndpoint};

/// Where to connect.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    Unix(PathBuf),
    /// Address and token.
    Tcp(String, String),
}

/// Adds the token to every request (TCP endpoints).
#[derive(Clone)]
pub struct Token(Option<tonic::metadata::MetadataValue<tonic::metadata::Ascii>>);

impl tonic::service::Interceptor for Token {
    fn call(&mut self, mut req: tonic::Request<()>) -> Result<tonic::Request<()>, tonic::Status> {
        if let Some(t) = &self.0 {
            req.metadata_mut().insert(discovery::TOKEN_HEADER, t.clone());
        }
        Ok(req)
    }
}

pub type Client = InspectorClient<InterceptedService<Channel, Token>>;

/// What /proc says about a process.
pub struct ProcInfo {
    pub uid: u32,
    pub environ: Vec<(String, String)>,
    pub cmdline: Vec<String>,
}

pub fn proc_info(pid: u32) -> Result<ProcInfo> {
    let dir = PathBuf::from(format!("/proc/{pid}"));
    let comm = std::fs::read_to_string(dir.join("comm")).with_context(|| format!("no process {pid}"))?;
    if comm.trim_end() != crate::procs::PROGRAM {
        bail!("process {pid} is {:?}, not pyfast", comm.trim_end());
    }
    let status = std::fs::read_to_string(dir.join("status"))?;
    let uid = status
        .lines()
        .find_map(|l| l.strip_prefix("Uid:"))
        .and_then(|r| r.split_whitespace().next())
        .and_then(|u| u.parse().ok())
        .ok_or_else(|| anyhow!("cannot read the uid of process {pid}"))?;
    let split = |b: Vec<u8>| -> Vec<String> {
        b.split(|&c| c == 0).filter(|a| !a.is_empty()).map(|a| String::from_utf8_lossy(a).into_owned()).collect()
    };
    let environ = split(std::fs::read(dir.join("environ")).unwrap_or_default())
        .into_iter()
        .filter_map(|kv| kv.split_once('=').map(|(k, v)| (k.to_string(), v.to_string())))
        .collect();
    let cmdline = split(std::fs::read(dir.join("cmdline")).unwrap_or_default());
    Ok(ProcInfo { uid, environ, cmdline })
}

impl ProcInfo {
    pub fn env(&self, key: &str) -> Option<&str> {
        self.environ.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }

    /// The process's endpoint directory.
    pub fn endpoint_dir(&self) -> PathBuf {
        discovery::runtime_dir(self.env("XDG_RUNTIME_DIR"), self.uid)
    }

    /// Why the process cannot be debugged, if it said so at start.
    pub fn disabled(&self) -> Option<&'static str> {
        if self.cmdline.iter().any(|a| a == "--no-remote-debug") {
            Some("it was started with --no-remote-debug")
        } else if self.env("PYFAST_DISABLE_REMOTE_DEBUG").is_some_and(|v| !v.is_empty() && v != "0") {
            Some("it runs with PYFAST_DISABLE_REMOTE_DEBUG set")
        } else {
            None
        }
    }
}

/// The endpoint a process has open now, if any.
pub fn open_endpoint(dir: &Path, pid: u32) -> Option<Target> {
    let sock = discovery::socket_file(dir, pid);
    if sock.exists() {
        return Some(Target::Unix(sock));
    }
    let addr = std::fs::read_to_string(discovery::tcp_file(dir, pid)).ok()?;
    let token = std::fs::read_to_string(discovery::token_file(dir, pid)).ok()?;
    Some(Target::Tcp(addr.trim().to_string(), token.trim().to_string()))
}

/// The endpoint of `pid`: the one it has open, or the one it opens when
/// sent the attach signal (SIGUSR1).
pub fn find_endpoint(pid: u32, wait: Duration) -> Result<Target> {
    let info = proc_info(pid)?;
    let dir = info.endpoint_dir();
    if let Some(t) = open_endpoint(&dir, pid) {
        return Ok(t);
    }
    if let Some(why) = info.disabled() {
        bail!("process {pid} cannot be debugged: {why}");
    }
    nix::sys::signal::kill(nix::unistd::Pid::from_raw(pid as i32), nix::sys::signal::Signal::SIGUSR1)
        .with_context(|| format!("cannot signal process {pid}"))?;
    let deadline = Instant::now() + wait;
    while Instant::now() < deadline {
        if let Some(t) = open_endpoint(&dir, pid) {
            return Ok(t);
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    bail!(
        "process {pid} did not open its endpoint in {}s (it may be blocked outside Python code, or have remote debugging disabled)",
        wait.as_secs()
    )
}

/// Parse `unix:PATH` / `tcp:HOST:PORT` (token from `token_file`).
pub fn parse_target(s: &str, token_file: Option<&Path>) -> Result<Target> {
    if let Some(p) = s.strip_prefix("unix:") {
        return Ok(Target::Unix(PathBuf::from(p)));
    }
    if let Some(a) = s.strip_prefix("tcp:") {
        let token = match token_file {
            Some(f) => std::fs::read_to_string(f).with_context(|| format!("cannot read {}", f.display()))?,
            None => bail!("tcp endpoints need --token-file (the .token file the process wrote)"),
        };
        return Ok(Target::Tcp(a.to_string(), token.trim().to_string()));
    }
    bail!("expected unix:PATH or tcp:HOST:PORT, got {s:?}")
}

pub async fn connect(target: &Target) -> Result<Client> {
    let (channel, token) = match target {
        Target::Unix(path) => {
            let path = path.clone();
            let ch = TonicEndpoint::from_static("http://localhost")
                .connect_with_connector(tower::service_fn(move |_: tonic::transport::Uri| {
                    let path = path.clone();
                    async move {
                        let s = tokio::net::UnixStream::connect(&path).await?;
                        Ok::<_, std::io::Error>(hyper_util::rt::TokioIo::new(s))
                    }
                }))
                .await
                .with_context(|| format!("cannot connect to {}", target_name(target)))?;
            (ch, None)
        }
        Target::Tcp(addr, token) => {
            let ch = TonicEndpoint::from_shared(format!("http://{addr}"))?
                .connect()
                .await
                .with_context(|| format!("cannot connect to {}", target_name(target)))?;
            let v = format!("Bearer {token}").parse().map_err(|_| anyhow!("the token is not valid metadata"))?;
            (ch, Some(v))
        }
    };
    Ok(InspectorClient::with_interceptor(channel, Token(token)))
}

pub fn target_name(t: &Target) -> String {
    match t {
        Target::Unix(p) => format!("unix:{}", p.display()),
        Target::Tcp(a, _) => format!("tcp:{a}"),
    }
}

/// Subscribe and forward events into a channel the REPL reads.
pub async fn subscribe(client: &mut Client) -> Result<tokio::sync::mpsc::UnboundedReceiver<v1::Event>> {
    let mut stream = client.subscribe(v1::SubscribeRequest { runtime_events: false }).await?.into_inner();
    let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
    tokio::spawn(async move {
        while let Ok(Some(ev)) = stream.message().await {
            if tx.send(ev).is_err() {
                break;
            }
        }
    });
    Ok(rx)
}

/// The endpoint of a child started with `--inspect-wait` (it opens one by
/// itself; wait for it to appear).
pub fn find_endpoint_of_child(pid: u32, wait: Duration) -> Result<Target> {
    let deadline = Instant::now() + wait;
    while Instant::now() < deadline {
        if let Ok(info) = proc_info(pid) {
            if let Some(t) = open_endpoint(&info.endpoint_dir(), pid) {
                return Ok(t);
            }
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    bail!("the program (pid {pid}) did not open its endpoint in {}s", wait.as_secs())
}
