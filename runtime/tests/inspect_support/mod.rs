//! Helpers for the inspection tests: a running `pyfast` whose output is
//! collected while it runs, the `pyfast-dbg` binary, scratch directories
//! with their own `XDG_RUNTIME_DIR`, and the Python reference.

#![allow(dead_code)]

pub mod pty;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A directory for one test, with a private runtime directory for the
/// endpoints of the programs it starts; removed when dropped.
pub struct Scratch {
    pub dir: PathBuf,
}

impl Scratch {
    pub fn new(tag: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("pyfast-inspect-{}-{tag}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("xdg")).unwrap();
        Scratch { dir }
    }

    pub fn file(&self, name: &str, text: &str) -> PathBuf {
        let p = self.dir.join(name);
        std::fs::write(&p, text).unwrap();
        p
    }

    /// `$XDG_RUNTIME_DIR` for programs started here.
    pub fn xdg(&self) -> PathBuf {
        self.dir.join("xdg")
    }

    /// Where a program started here publishes its endpoint.
    pub fn endpoint_dir(&self) -> PathBuf {
        self.xdg().join("pyfast")
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

pub fn pyfast_bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_pyfast"))
}

/// `pyfast-dbg`, beside `pyfast`. Cargo builds only this crate's binaries
/// for its tests, so the first call brings the debugger's binary up to
/// date with `cargo build -p pyfast-dbg` (same profile and target dir).
pub fn dbg_bin() -> PathBuf {
    static BUILT: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    BUILT
        .get_or_init(|| {
            let cargo =
                std::env::var("CARGO").ok().or(option_env!("CARGO").map(String::from)).unwrap_or("cargo".into());
            let mut cmd = Command::new(cargo);
            cmd.args(["build", "--quiet", "-p", "pyfast-dbg", "--bin", "pyfast-dbg"]);
            if pyfast_bin().parent().is_some_and(|d| d.ends_with("release")) {
                cmd.arg("--release");
            }
            let st = cmd.status().expect("run cargo build -p pyfast-dbg");
            assert!(st.success(), "cargo build -p pyfast-dbg failed");
            pyfast_bin().with_file_name("pyfast-dbg")
        })
        .clone()
}

/// A command with a clean environment for the inspection tests.
pub fn command(bin: &Path, scratch: &Scratch) -> Command {
    let mut cmd = Command::new(bin);
    for (key, _) in std::env::vars_os() {
        if key.to_string_lossy().starts_with("PYTHON") || key == "PYFAST_DISABLE_REMOTE_DEBUG" {
            cmd.env_remove(&key);
        }
    }
    cmd.env("RUST_BACKTRACE", "0").env("XDG_RUNTIME_DIR", scratch.xdg()).current_dir(&scratch.dir);
    cmd
}

/// A program running in the background, its output collected.
pub struct Running {
    pub child: Child,
    stdout: Arc<Mutex<Vec<u8>>>,
    stderr: Arc<Mutex<Vec<u8>>>,
    readers: Vec<std::thread::JoinHandle<()>>,
}

fn collect<R: Read + Send + 'static>(mut r: R, into: Arc<Mutex<Vec<u8>>>) -> std::thread::JoinHandle<()> {
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n) = r.read(&mut buf) {
            if n == 0 {
                break;
            }
            into.lock().unwrap().extend_from_slice(&buf[..n]);
        }
    })
}

/// The process's output and how it ended.
pub struct Finished {
    pub stdout: String,
    pub stderr: String,
    /// None: killed at the deadline (or by a signal).
    pub status: Option<i32>,
}

impl Finished {
    pub fn describe(&self) -> String {
        format!("status {:?}\n--- stdout ---\n{}\n--- stderr ---\n{}", self.status, self.stdout, self.stderr)
    }
}

impl Running {
    pub fn start(mut cmd: Command) -> Running {
        cmd.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped());
        let mut child = cmd.spawn().unwrap_or_else(|e| panic!("cannot start {:?}: {e}", cmd.get_program()));
        let stdout = Arc::new(Mutex::new(Vec::new()));
        let stderr = Arc::new(Mutex::new(Vec::new()));
        let readers = vec![
            collect(child.stdout.take().unwrap(), stdout.clone()),
            collect(child.stderr.take().unwrap(), stderr.clone()),
        ];
        Running { child, stdout, stderr, readers }
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    pub fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.stdout.lock().unwrap()).into_owned()
    }

    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.stderr.lock().unwrap()).into_owned()
    }

    /// Wait until stdout contains `text`.
    pub fn wait_for(&mut self, text: &str, timeout: Duration) {
        let start = Instant::now();
        while !self.stdout().contains(text) {
            if let Ok(Some(st)) = self.child.try_wait() {
                panic!("the program ended ({st}) before printing {text:?}:\n{}\n{}", self.stdout(), self.stderr());
            }
            assert!(start.elapsed() < timeout, "no {text:?} on stdout after {timeout:?}:\n{}", self.stdout());
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Wait for a file to appear (the endpoint).
    pub fn wait_for_file(&mut self, p: &Path, timeout: Duration) {
        let start = Instant::now();
        while !p.exists() {
            if let Ok(Some(st)) = self.child.try_wait() {
                panic!("the program ended ({st}) before creating {}:\n{}", p.display(), self.stderr());
            }
            assert!(start.elapsed() < timeout, "{} did not appear in {timeout:?}", p.display());
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Whether it is still running.
    pub fn alive(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }

    /// Wait for the program to end (killing it at the deadline).
    pub fn finish(mut self, timeout: Duration) -> Finished {
        let start = Instant::now();
        let status = loop {
            if let Ok(Some(st)) = self.child.try_wait() {
                break st.code();
            }
            if start.elapsed() > timeout {
                let _ = self.child.kill();
                let _ = self.child.wait();
                break None;
            }
            std::thread::sleep(Duration::from_millis(10));
        };
        for r in std::mem::take(&mut self.readers) {
            let _ = r.join();
        }
        Finished { stdout: self.stdout(), stderr: self.stderr(), status }
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// Run a command to completion with a deadline.
pub fn run(mut cmd: Command, timeout: Duration) -> Finished {
    cmd.stdin(Stdio::null());
    Running::start(cmd).finish(timeout)
}

/// `pyfast-dbg attach PID -c CMD...`.
pub fn attach(scratch: &Scratch, pid: u32, commands: &[&str], timeout: Duration) -> Finished {
    let mut cmd = command(&dbg_bin(), scratch);
    cmd.arg("attach").arg(pid.to_string());
    for c in commands {
        cmd.arg("-c").arg(c);
    }
    run(cmd, timeout)
}

/// What CPython prints for `source` (the plain-interpreter reference).
pub fn python3_stdout(scratch: &Scratch, name: &str, source: &str) -> String {
    let p = scratch.file(name, source);
    let out = Command::new("python3")
        .arg(&p)
        .current_dir(&scratch.dir)
        .output()
        .expect("python3 is needed for the reference output (Debian package python3)");
    assert!(out.status.success(), "python3 {name} failed:\n{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The tiers the binary offers (every scenario runs at each).
pub fn tiers() -> std::ops::RangeInclusive<u32> {
    0..=pyfast_runtime::MAX_TIER
}

/// A gRPC channel to the inspection endpoint at Unix socket `sock`.
pub async fn unix_channel(sock: &Path) -> tonic::transport::Channel {
    let sock = sock.to_path_buf();
    tonic::transport::Endpoint::from_static("http://localhost")
        .connect_with_connector(tower::service_fn(move |_: tonic::transport::Uri| {
            let sock = sock.clone();
            async move {
                Ok::<_, std::io::Error>(hyper_util::rt::TokioIo::new(tokio::net::UnixStream::connect(sock).await?))
            }
        }))
        .await
        .expect("connect to the socket")
}
