//! Who may inspect a process, and what bad requests get: another uid is
//! refused on the Unix socket (by the directory's mode and, behind it, the
//! peer-credential check), TCP needs the token, a non-loopback address
//! needs a flag, remote debugging can be turned off, malformed requests get
//! gRPC errors while the program keeps running, and a debugger that
//! disconnects while the program is paused leaves it running.

mod inspect_support;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use inspect_support::{command, dbg_bin, pyfast_bin, run, Running, Scratch};
use pyfast_inspect_proto::v1;
use pyfast_inspect_proto::v1::inspector_client::InspectorClient;
use tonic::transport::Channel;
use tonic::Code;

const TIMEOUT: Duration = Duration::from_secs(60);

/// Loops until the global `done` is set (from a debugger).
const WAITING: &str = "\
print('ready', flush=True)
done = False
n = 0
while not done:
    n += 1
print('finished', n > 0)
";

fn rt() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap()
}

type Client = InspectorClient<tonic::service::interceptor::InterceptedService<Channel, Token>>;

#[derive(Clone)]
struct Token(Option<String>);

impl tonic::service::Interceptor for Token {
    fn call(&mut self, mut req: tonic::Request<()>) -> Result<tonic::Request<()>, tonic::Status> {
        if let Some(t) = &self.0 {
            req.metadata_mut().insert("authorization", t.parse().unwrap());
        }
        Ok(req)
    }
}

async fn unix_client(sock: &Path) -> Client {
    let ch = inspect_support::unix_channel(sock).await;
    InspectorClient::with_interceptor(ch, Token(None))
        .max_decoding_message_size(64 << 20)
        .max_encoding_message_size(64 << 20)
}

async fn tcp_client(addr: &str, header: Option<String>) -> Client {
    let ch = tonic::transport::Endpoint::from_shared(format!("http://{addr}")).unwrap().connect().await.unwrap();
    InspectorClient::with_interceptor(ch, Token(header))
}

/// The error code of a reply that must be an error (with a message).
fn code<T: std::fmt::Debug>(r: Result<tonic::Response<T>, tonic::Status>) -> Code {
    match r {
        Ok(x) => panic!("expected an error, got {x:?}"),
        Err(e) => {
            assert!(!e.message().is_empty(), "errors say what was wrong: {e:?}");
            e.code()
        }
    }
}

fn hello(control: bool) -> v1::HandshakeRequest {
    v1::HandshakeRequest { protocol_version: 1, client_name: "inspect_security".into(), want_control: control }
}

/// Start `pyfast ARGS prog.py` and wait for it to print "ready".
fn start(scratch: &Scratch, program: &str, args: &[&str]) -> Running {
    scratch.file("prog.py", program);
    let mut cmd = command(&pyfast_bin(), scratch);
    cmd.args(args).arg("prog.py");
    let mut p = Running::start(cmd);
    p.wait_for("ready", TIMEOUT);
    p
}

fn socket_of(scratch: &Scratch, pid: u32) -> PathBuf {
    scratch.endpoint_dir().join(format!("{pid}.sock"))
}

fn mode(p: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

fn set_mode(p: &Path, m: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(p, std::fs::Permissions::from_mode(m)).unwrap();
}

#[test]
fn another_uid_is_refused_on_the_unix_socket() {
    if unsafe { libc::geteuid() } != 0 {
        println!("not root: cannot run a client as another uid; only the socket's modes are checked");
    }
    let scratch = Scratch::new("uid");
    let mut prog = start(&scratch, WAITING, &["--inspect"]);
    let sock = socket_of(&scratch, prog.pid());
    prog.wait_for_file(&sock, TIMEOUT);
    assert_eq!(mode(&sock), 0o600, "the socket must be 0600");
    assert_eq!(mode(&scratch.endpoint_dir()), 0o700, "the endpoint directory must be 0700");
    if unsafe { libc::geteuid() } != 0 {
        return;
    }
    let setpriv = Command::new("setpriv").arg("--version").output();
    assert!(setpriv.is_ok(), "setpriv is needed to run a client as nobody (Debian package util-linux)");
    // The scratch tree (with a copy of the client nobody can run) must be
    // reachable by nobody for the second check.
    set_mode(&scratch.dir, 0o755);
    set_mode(&scratch.xdg(), 0o755);
    let client = scratch.dir.join("pyfast-dbg");
    std::fs::copy(dbg_bin(), &client).unwrap();
    set_mode(&client, 0o755);
    let as_nobody = || {
        let mut cmd = Command::new("setpriv");
        cmd.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(&client)
            .arg("connect")
            .arg(format!("unix:{}", sock.display()))
            .args(["-c", "where"]);
        run(cmd, TIMEOUT)
    };
    // 1. The directory (0700) keeps other users away from the socket.
    let r = as_nobody();
    assert_eq!(r.status, Some(2), "nobody must not get in\n{}", r.describe());
    assert!(r.stderr.contains("ermission denied"), "{}", r.describe());
    // 2. Even with the modes opened up, the peer-credential check refuses.
    set_mode(&scratch.endpoint_dir(), 0o755);
    set_mode(&sock, 0o666);
    let r = as_nobody();
    assert_eq!(r.status, Some(2), "nobody must not get in\n{}", r.describe());
    assert!(r.stderr.contains("peer uid 65534 may not inspect this process"), "{}", r.describe());
    assert!(prog.alive(), "the program must keep running");
}

#[test]
fn tcp_needs_the_token_and_a_loopback_address() {
    let scratch = Scratch::new("tcp");
    let mut prog = start(&scratch, WAITING, &["--inspect=tcp:127.0.0.1:0"]);
    let dir = scratch.endpoint_dir();
    let tcp = dir.join(format!("{}.tcp", prog.pid()));
    let token_file = dir.join(format!("{}.token", prog.pid()));
    prog.wait_for_file(&tcp, TIMEOUT);
    assert_eq!(mode(&token_file), 0o600, "the token file must be 0600");
    let addr = std::fs::read_to_string(&tcp).unwrap().trim().to_string();
    let token = std::fs::read_to_string(&token_file).unwrap().trim().to_string();
    assert!(addr.starts_with("127.0.0.1:"), "{addr}");
    rt().block_on(async {
        let e = tcp_client(&addr, None).await.handshake(hello(false)).await.unwrap_err();
        assert_eq!(e.code(), Code::Unauthenticated, "{e:?}");
        let e = tcp_client(&addr, Some("Bearer 0000".into())).await.handshake(hello(false)).await.unwrap_err();
        assert_eq!(e.code(), Code::Unauthenticated, "{e:?}");
        let mut c = tcp_client(&addr, Some(format!("Bearer {token}"))).await;
        let h = c.handshake(hello(true)).await.unwrap().into_inner();
        assert!(h.has_control);
        c.set_local(v1::SetLocalRequest { name: "done".into(), expression: "True".into(), ..Default::default() })
            .await
            .expect_err("SetLocal needs the program paused");
        c.detach(v1::DetachRequest {}).await.unwrap();
    });
    // pyfast-dbg finds the TCP endpoint and its token by pid.
    let mut cmd = command(&dbg_bin(), &scratch);
    cmd.arg("attach").arg(prog.pid().to_string()).args(["-c", "done = True", "-c", "continue"]);
    let d = run(cmd, TIMEOUT);
    assert_eq!(d.status, Some(0), "{}", d.describe());
    let done = prog.finish(TIMEOUT);
    assert_eq!((done.status, done.stdout.as_str()), (Some(0), "ready\nfinished True\n"), "{}", done.describe());
    assert!(!tcp.exists() && !token_file.exists(), "the endpoint files must be removed at exit");

    // A non-loopback address needs --inspect-allow-remote.
    let mut cmd = command(&pyfast_bin(), &scratch);
    cmd.args(["--inspect=tcp:0.0.0.0:0", "-c", "print(1)"]);
    let r = run(cmd, TIMEOUT);
    assert_eq!(r.status, Some(2), "{}", r.describe());
    assert!(r.stderr.contains("--inspect-allow-remote"), "{}", r.describe());
    assert!(r.stdout.is_empty(), "{}", r.describe());
}

#[test]
fn a_terminating_signal_removes_the_endpoint_files() {
    use std::os::unix::process::ExitStatusExt;
    for (tag, sig, args) in
        [("unix", libc::SIGTERM, &["--inspect"][..]), ("tcp", libc::SIGHUP, &["--inspect=tcp:127.0.0.1:0"][..])]
    {
        let scratch = Scratch::new(&format!("term-{tag}"));
        let mut prog = start(&scratch, WAITING, args);
        let dir = scratch.endpoint_dir();
        let pid = prog.pid();
        let files: Vec<PathBuf> = if tag == "unix" {
            vec![socket_of(&scratch, pid)]
        } else {
            vec![dir.join(format!("{pid}.tcp")), dir.join(format!("{pid}.token"))]
        };
        for f in &files {
            prog.wait_for_file(f, TIMEOUT);
        }
        unsafe { libc::kill(pid as i32, sig) };
        let st = prog.child.wait().unwrap();
        // Still ended by the signal (as without the endpoint), files gone.
        assert_eq!(st.signal(), Some(sig), "{tag}: {st:?}");
        for f in &files {
            assert!(!f.exists(), "{tag}: {} must be removed when a signal ends the program", f.display());
        }
    }
}

#[test]
fn remote_debugging_can_be_turned_off() {
    for (tag, args, env) in [("flag", &["--no-remote-debug"][..], None), ("env", &[][..], Some("1"))] {
        let scratch = Scratch::new(&format!("off-{tag}"));
        scratch.file("prog.py", WAITING);
        let mut cmd = command(&pyfast_bin(), &scratch);
        cmd.args(args).arg("prog.py");
        if let Some(v) = env {
            cmd.env("PYFAST_DISABLE_REMOTE_DEBUG", v);
        }
        let mut prog = Running::start(cmd);
        prog.wait_for("ready", TIMEOUT);
        // The attach signal is ignored (it must not kill the process either).
        unsafe { libc::kill(prog.pid() as i32, libc::SIGUSR1) };
        std::thread::sleep(Duration::from_millis(300));
        assert!(prog.alive(), "{tag}: SIGUSR1 must not end the process");
        assert!(!socket_of(&scratch, prog.pid()).exists(), "{tag}: no endpoint may open");
        let mut cmd = command(&dbg_bin(), &scratch);
        cmd.arg("attach").arg(prog.pid().to_string()).args(["--timeout", "1", "-c", "where"]);
        let d = run(cmd, TIMEOUT);
        assert_eq!(d.status, Some(2), "{tag}: {}", d.describe());
        assert!(d.stderr.contains("cannot be debugged"), "{tag}: {}", d.describe());
    }
    let scratch = Scratch::new("off-usage");
    let mut cmd = command(&pyfast_bin(), &scratch);
    cmd.args(["--no-remote-debug", "--inspect", "-c", "print(1)"]);
    let r = run(cmd, TIMEOUT);
    assert_eq!(r.status, Some(2), "{}", r.describe());
}

#[test]
fn malformed_requests_get_grpc_errors_and_the_program_keeps_running() {
    let scratch = Scratch::new("malformed");
    let mut prog = start(&scratch, WAITING, &["--inspect"]);
    let sock = socket_of(&scratch, prog.pid());
    prog.wait_for_file(&sock, TIMEOUT);
    rt().block_on(async {
        let mut c = unix_client(&sock).await;
        let mut observer = unix_client(&sock).await;
        assert!(c.handshake(hello(true)).await.unwrap().into_inner().has_control);
        let h = observer.handshake(hello(true)).await.unwrap().into_inner();
        assert!(!h.has_control && !h.control_note.is_empty(), "a second debugger only observes: {h:?}");
        let ev = |src: &str| v1::EvaluateRequest { source: src.into(), ..Default::default() };
        assert_eq!(code(c.evaluate(ev("n")).await), Code::FailedPrecondition, "evaluate while running");
        assert_eq!(code(observer.pause(v1::PauseRequest {}).await), Code::FailedPrecondition, "observers cannot pause");

        let mut events = c.subscribe(v1::SubscribeRequest { runtime_events: true }).await.unwrap().into_inner();
        c.pause(v1::PauseRequest {}).await.unwrap();
        loop {
            let e = tokio::time::timeout(TIMEOUT, events.message()).await.unwrap().unwrap().unwrap();
            if let Some(v1::event::Kind::Stopped(s)) = e.kind {
                assert_eq!(s.reason, v1::stopped::Reason::Pause as i32);
                break;
            }
        }
        assert!(!observer.get_stack(v1::GetStackRequest::default()).await.unwrap().into_inner().frames.is_empty());

        let frame = |i| Some(v1::FrameRef { thread_id: 1, frame_index: i });
        assert_eq!(code(c.get_stack(v1::GetStackRequest { thread_id: 7, max_frames: 0 }).await), Code::NotFound);
        let locals = |f| v1::GetLocalsRequest { frame: f, ..Default::default() };
        assert_eq!(code(c.get_locals(locals(frame(99))).await), Code::NotFound);
        let bad_thread = Some(v1::FrameRef { thread_id: 3, frame_index: 0 });
        assert_eq!(code(c.get_locals(locals(bad_thread)).await), Code::NotFound);
        assert_eq!(code(c.evaluate(ev("1 +")).await), Code::InvalidArgument);
        assert_eq!(code(c.evaluate(ev("   ")).await), Code::InvalidArgument);
        let set =
            |name: &str, e: &str| v1::SetLocalRequest { name: name.into(), expression: e.into(), ..Default::default() };
        assert_eq!(code(c.set_local(set("1x", "2")).await), Code::InvalidArgument);
        assert_eq!(code(c.set_local(set("n", "undefined_name")).await), Code::InvalidArgument);
        let huge = "1 + ".repeat(256 * 1024) + "1";
        assert_eq!(code(c.evaluate(ev(&huge)).await), Code::ResourceExhausted);
        let too_big = "x".repeat(8 << 20);
        let big = code(c.evaluate(ev(&too_big)).await);
        assert!(matches!(big, Code::ResourceExhausted | Code::OutOfRange), "8 MiB request: {big:?}");
        let bp = |file: &str, line| v1::SetBreakpointRequest { file: file.into(), line, ..Default::default() };
        assert_eq!(code(c.set_breakpoint(bp("no_such_file.py", 3)).await), Code::NotFound);
        assert_eq!(code(c.set_breakpoint(bp("prog.py", 0)).await), Code::InvalidArgument);
        assert_eq!(code(c.set_breakpoint(bp("prog.py", 500)).await), Code::InvalidArgument);
        let cond = v1::SetBreakpointRequest {
            file: "prog.py".into(),
            line: 5,
            condition: "n ==".into(),
            ..Default::default()
        };
        assert_eq!(code(c.set_breakpoint(cond).await), Code::InvalidArgument);
        assert_eq!(code(c.clear_breakpoint(v1::ClearBreakpointRequest { id: 42, all: false }).await), Code::NotFound);
        let resume = v1::ResumeRequest { action: 99, ..Default::default() };
        assert_eq!(code(c.resume(resume).await), Code::InvalidArgument);
        assert_eq!(
            code(c.get_source(v1::GetSourceRequest { file: "/nonexistent.py".into(), ..Default::default() }).await),
            Code::NotFound
        );
        // A raising expression is an answer, not an error.
        let r = c.evaluate(ev("1 / 0")).await.unwrap().into_inner();
        assert_eq!(r.exception, "ZeroDivisionError: division by zero");
        // Large containers page, reprs are cut.
        let r = c.evaluate(ev("list(range(100000))")).await.unwrap().into_inner().value.unwrap();
        assert!(r.repr_truncated && r.repr.len() < 200 && r.child_count == 100_000, "{r:?}");
        let kids = v1::GetChildrenRequest {
            expression: "list(range(100000))".into(),
            start: 500,
            count: 3,
            ..Default::default()
        };
        let k = c.get_children(kids).await.unwrap().into_inner();
        assert_eq!(k.total, 100_000);
        assert_eq!(k.children.iter().map(|v| v.repr.as_str()).collect::<Vec<_>>(), ["500", "501", "502"]);
        // Still alive and well: finish the program from here.
        let r = c.set_local(set("done", "True")).await.unwrap().into_inner();
        assert!(r.wrote_global, "module frames write their globals");
        c.resume(v1::ResumeRequest::default()).await.unwrap();
    });
    let done = prog.finish(TIMEOUT);
    assert_eq!((done.status, done.stdout.as_str()), (Some(0), "ready\nfinished True\n"), "{}", done.describe());
    assert!(!done.stderr.contains("panicked"), "{}", done.describe());
}

#[test]
fn a_debugger_that_disconnects_while_paused_leaves_the_program_running() {
    let scratch = Scratch::new("disconnect");
    let program = "print('ready', flush=True)\nn = 0\nfor i in range(3000000):\n    n += i\nprint('finished', n)\n";
    let mut prog = start(&scratch, program, &["--inspect"]);
    let sock = socket_of(&scratch, prog.pid());
    prog.wait_for_file(&sock, TIMEOUT);
    rt().block_on(async {
        let mut c = unix_client(&sock).await;
        c.handshake(hello(true)).await.unwrap();
        let mut events = c.subscribe(v1::SubscribeRequest::default()).await.unwrap().into_inner();
        c.pause(v1::PauseRequest {}).await.unwrap();
        let e = tokio::time::timeout(TIMEOUT, events.message()).await;
        // The loop may have ended before the pause; either way, drop the
        // connection now (paused or not).
        let _ = e;
        c.set_breakpoint(v1::SetBreakpointRequest { file: "prog.py".into(), line: 4, ..Default::default() }).await.ok();
        drop(events);
        drop(c);
    });
    let done = prog.finish(TIMEOUT);
    assert_eq!(done.status, Some(0), "the program must run on after the debugger left\n{}", done.describe());
    assert_eq!(done.stdout, format!("ready\nfinished {}\n", (0..3000000u64).sum::<u64>()));
}

#[test]
fn attach_says_why_it_cannot_attach() {
    let scratch = Scratch::new("attach-errors");
    // A pid nobody runs: a child's, once it has been reaped.
    let mut gone = Command::new("true").spawn().expect("run true");
    let gone_pid = gone.id();
    gone.wait().unwrap();
    let mut sleeper = Command::new("sleep");
    sleeper.arg("60");
    let sleeper = Running::start(sleeper);
    for (pid, why) in [(gone_pid, format!("no process {gone_pid}")), (sleeper.pid(), "\"sleep\", not pyfast".into())] {
        let mut cmd = command(&dbg_bin(), &scratch);
        cmd.arg("attach").arg(pid.to_string()).args(["--timeout", "1", "-c", "where"]);
        let d = run(cmd, TIMEOUT);
        assert_eq!(d.status, Some(2), "{}", d.describe());
        assert!(d.stderr.contains(&why), "expected {why:?}: {}", d.describe());
    }
}
