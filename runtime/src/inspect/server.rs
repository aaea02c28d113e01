//! The gRPC server: tonic on its own thread (a current-thread tokio
//! runtime), the Inspector service plus health and reflection, behind the
//! `auth` check. Requests become jobs for the VM thread (see `mod.rs`).

use std::panic::AssertUnwindSafe;
use std::path::PathBuf;
use std::pin::Pin;
use std::sync::atomic::{AtomicU32, AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use pyfast_inspect_proto::v1::inspector_server::{Inspector, InspectorServer};
use pyfast_inspect_proto::{discovery, v1, PROTOCOL_VERSION};
use tokio::sync::broadcast;
use tokio_stream::{Stream, StreamExt};
use tonic::{Request, Response, Status};

use crate::vm::{breaker, Vm};

use super::auth::Auth;
use super::conn::{Conn, ConnMeta, OnClose};
use super::endpoint::{self, Endpoint};
use super::requests;
use super::state::{self, Job, CONTROLLED, PAUSED};

/// How long a request waits for the VM to reach a safe point.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// What the server thread shares with the VM thread and its connections.
pub struct Shared {
    jobs: Sender<Job>,
    breaker: Arc<AtomicU32>,
    events: broadcast::Sender<v1::Event>,
    /// The connection that controls the process.
    controller: Mutex<Option<u64>>,
    pid: u32,
    argv: Vec<String>,
    max_tier: u32,
    /// Live Subscribe streams (shutdown waits for them to see Exited).
    streams: AtomicUsize,
    next_conn: AtomicU64,
}

impl Shared {
    /// Queue `job` for the VM thread without waiting for it.
    fn submit(&self, job: Job) -> Result<(), Status> {
        self.jobs.send(job).map_err(|_| Status::unavailable("the program has exited"))?;
        self.breaker.fetch_or(breaker::INSPECT, Ordering::AcqRel);
        Ok(())
    }

    /// Run `f` on the VM thread at its next safe point and return its answer.
    async fn call<R: Send + 'static>(
        &self,
        f: impl FnOnce(&Vm) -> Result<R, Status> + Send + 'static,
    ) -> Result<R, Status> {
        let (tx, rx) = tokio::sync::oneshot::channel();
        self.submit(Box::new(move |vm| {
            let r = std::panic::catch_unwind(AssertUnwindSafe(|| f(vm)))
                .unwrap_or_else(|_| Err(Status::internal("the request panicked in the VM (a pyfast bug)")));
            let _ = tx.send(r);
        }))?;
        match tokio::time::timeout(REQUEST_TIMEOUT, rx).await {
            Ok(Ok(r)) => r,
            Ok(Err(_)) => Err(Status::unavailable("the program exited before answering")),
            Err(_) => Err(Status::deadline_exceeded(format!(
                "the program did not reach a safe point within {}s (it may be blocked in a system call)",
                REQUEST_TIMEOUT.as_secs()
            ))),
        }
    }

    /// Give up control: the VM drops the controller's breakpoints and
    /// continues if paused.
    fn release_control(&self) {
        CONTROLLED.store(false, Ordering::SeqCst);
        let _ = self.submit(Box::new(state::controller_gone));
    }

    fn connection_closed(&self, id: u64) {
        let mut c = self.controller.lock().unwrap_or_else(|e| e.into_inner());
        if *c == Some(id) {
            *c = None;
            drop(c);
            self.release_control();
        }
    }
}

struct Running {
    shared: Arc<Shared>,
    files: Vec<PathBuf>,
}

static RUNNING: Mutex<Option<Running>> = Mutex::new(None);

enum Listener {
    Unix(std::os::unix::net::UnixListener),
    Tcp(std::net::TcpListener),
}

/// Open `ep` and start serving (on the VM thread: errors come back here).
pub fn start(vm: &Vm, ep: &Endpoint) -> Result<(), String> {
    let mut running = RUNNING.lock().unwrap_or_else(|e| e.into_inner());
    if running.is_some() {
        return Ok(());
    }
    let pid = std::process::id();
    let mut files = Vec::new();
    let (listener, token) = match ep {
        Endpoint::Unix(path) => {
            let path = match path {
                Some(p) => p.clone(),
                None => discovery::socket_file(&endpoint::private_dir()?, pid),
            };
            let _ = std::fs::remove_file(&path);
            let l = std::os::unix::net::UnixListener::bind(&path)
                .map_err(|e| format!("cannot listen on {}: {e}", path.display()))?;
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600))
                .map_err(|e| format!("cannot make {} private: {e}", path.display()))?;
            files.push(path);
            (Listener::Unix(l), None)
        }
        Endpoint::Tcp(addr) => {
            let l = std::net::TcpListener::bind(addr).map_err(|e| format!("cannot listen on tcp:{addr}: {e}"))?;
            let local = l.local_addr().map_err(|e| e.to_string())?;
            let dir = endpoint::private_dir()?;
            let token = endpoint::new_token()?;
            let token_file = discovery::token_file(&dir, pid);
            endpoint::write_private(&token_file, &format!("{token}\n"))?;
            files.push(token_file.clone());
            let tcp_file = discovery::tcp_file(&dir, pid);
            endpoint::write_private(&tcp_file, &format!("{local}\n"))?;
            files.push(tcp_file);
            eprintln!("pyfast: inspection endpoint tcp:{local} (token in {})", token_file.display());
            (Listener::Tcp(l), Some(token))
        }
    };
    let (jobs_tx, jobs_rx) = std::sync::mpsc::channel();
    let (events_tx, _) = broadcast::channel(1024);
    state::connect(jobs_rx, events_tx.clone());
    let shared = Arc::new(Shared {
        jobs: jobs_tx,
        breaker: vm.eval_breaker.clone(),
        events: events_tx,
        controller: Mutex::new(None),
        pid,
        argv: vm.config.argv.clone(),
        max_tier: vm.config.max_tier,
        streams: AtomicUsize::new(0),
        next_conn: AtomicU64::new(1),
    });
    let auth = Auth { uid: endpoint::uid(), token };
    let s = shared.clone();
    std::thread::Builder::new()
        .name("pyfast-inspect".into())
        .spawn(move || {
            let rt = match tokio::runtime::Builder::new_current_thread().enable_all().build() {
                Ok(rt) => rt,
                Err(e) => return eprintln!("pyfast: inspection server: cannot start tokio: {e}"),
            };
            if let Err(e) = rt.block_on(serve(s, listener, auth)) {
                eprintln!("pyfast: inspection server stopped: {e}");
            }
        })
        .map_err(|e| format!("cannot start the inspection thread: {e}"))?;
    crate::signals::remove_on_termination(&files);
    *running = Some(Running { shared, files });
    Ok(())
}

/// The attach signal arrived: open the default endpoint unless one is open.
pub fn start_on_signal(vm: &Vm) -> Result<(), String> {
    start(vm, &Endpoint::Unix(None))
}

/// The program ended: tell subscribers, give them a moment to receive it,
/// remove the endpoint's files.
pub fn shutdown(status: i32) {
    let Some(running) = RUNNING.lock().unwrap_or_else(|e| e.into_inner()).take() else { return };
    state::emit(v1::event::Kind::Exited(v1::Exited { status }));
    state::disconnect();
    let deadline = std::time::Instant::now() + Duration::from_secs(1);
    while running.shared.streams.load(Ordering::SeqCst) > 0 && std::time::Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(5));
    }
    std::thread::sleep(Duration::from_millis(20));
    for f in &running.files {
        let _ = std::fs::remove_file(f);
    }
}

type Incoming = Pin<Box<dyn Stream<Item = std::io::Result<Conn>> + Send>>;

async fn serve(shared: Arc<Shared>, listener: Listener, auth: Auth) -> Result<(), Box<dyn std::error::Error>> {
    let on_close = |shared: &Arc<Shared>| {
        let id = shared.next_conn.fetch_add(1, Ordering::SeqCst);
        let s = shared.clone();
        (id, OnClose::new(move || s.connection_closed(id)))
    };
    let incoming: Incoming = match listener {
        Listener::Unix(l) => {
            l.set_nonblocking(true)?;
            let l = tokio::net::UnixListener::from_std(l)?;
            let s = shared.clone();
            Box::pin(tokio_stream::wrappers::UnixListenerStream::new(l).map(move |r| {
                r.map(|sock| {
                    let (id, c) = on_close(&s);
                    Conn::unix(sock, id, c)
                })
            }))
        }
        Listener::Tcp(l) => {
            l.set_nonblocking(true)?;
            let l = tokio::net::TcpListener::from_std(l)?;
            let s = shared.clone();
            Box::pin(tokio_stream::wrappers::TcpListenerStream::new(l).map(move |r| {
                r.map(|sock| {
                    let (id, c) = on_close(&s);
                    Conn::tcp(sock, id, c)
                })
            }))
        }
    };
    let (health, health_service) = tonic_health::server::health_reporter();
    health.set_serving::<InspectorServer<Service>>().await;
    let reflection = tonic_reflection::server::Builder::configure()
        .register_encoded_file_descriptor_set(pyfast_inspect_proto::FILE_DESCRIPTOR_SET)
        .register_encoded_file_descriptor_set(tonic_health::pb::FILE_DESCRIPTOR_SET)
        .build_v1()?;
    tonic::transport::Server::builder()
        .layer(tonic::service::InterceptorLayer::new(auth))
        .add_service(InspectorServer::new(Service { shared }))
        .add_service(health_service)
        .add_service(reflection)
        .serve_with_incoming(incoming)
        .await?;
    Ok(())
}

pub struct Service {
    shared: Arc<Shared>,
}

fn conn_id<T>(req: &Request<T>) -> Result<u64, Status> {
    req.extensions().get::<ConnMeta>().map(|m| m.id).ok_or_else(|| Status::internal("request without a connection"))
}

impl Service {
    /// Requests that change the program need control.
    fn require_control<T>(&self, req: &Request<T>) -> Result<(), Status> {
        let me = conn_id(req)?;
        match *self.shared.controller.lock().unwrap_or_else(|e| e.into_inner()) {
            Some(id) if id == me => Ok(()),
            Some(_) => Err(Status::failed_precondition(
                "another debugger controls this process; this connection may only observe",
            )),
            None => Err(Status::failed_precondition(
                "this connection does not control the process: call Handshake with want_control first",
            )),
        }
    }

    async fn call<R: Send + 'static>(
        &self,
        f: impl FnOnce(&Vm) -> Result<R, Status> + Send + 'static,
    ) -> Result<Response<R>, Status> {
        self.shared.call(f).await.map(Response::new)
    }
}

const CAPABILITIES: &[&str] = &[
    "threads",
    "stack",
    "locals",
    "children",
    "set-local",
    "evaluate",
    "pause",
    "step",
    "breakpoints",
    "events",
    "runtime-events",
    "source",
    "code-state",
];

#[tonic::async_trait]
impl Inspector for Service {
    async fn handshake(&self, req: Request<v1::HandshakeRequest>) -> Result<Response<v1::HandshakeReply>, Status> {
        let me = conn_id(&req)?;
        let r = req.into_inner();
        let mut note = String::new();
        let has_control = {
            let mut c = self.shared.controller.lock().unwrap_or_else(|e| e.into_inner());
            match *c {
                Some(id) if id == me => true,
                None if r.want_control => {
                    *c = Some(me);
                    CONTROLLED.store(true, Ordering::SeqCst);
                    true
                }
                Some(_) if r.want_control => {
                    note = "another debugger controls this process; this connection observes".into();
                    false
                }
                _ => false,
            }
        };
        Ok(Response::new(v1::HandshakeReply {
            protocol_version: PROTOCOL_VERSION,
            server_name: format!("pyfast {}", env!("CARGO_PKG_VERSION")),
            capabilities: CAPABILITIES.iter().map(|s| s.to_string()).collect(),
            pid: self.shared.pid,
            has_control,
            control_note: note,
            max_tier: self.shared.max_tier,
            paused: PAUSED.load(Ordering::SeqCst),
            argv: self.shared.argv.clone(),
        }))
    }

    async fn detach(&self, req: Request<v1::DetachRequest>) -> Result<Response<v1::DetachReply>, Status> {
        let me = conn_id(&req)?;
        self.shared.connection_closed(me);
        Ok(Response::new(v1::DetachReply {}))
    }

    async fn list_threads(
        &self,
        _req: Request<v1::ListThreadsRequest>,
    ) -> Result<Response<v1::ListThreadsReply>, Status> {
        self.call(requests::list_threads).await
    }

    async fn get_stack(&self, req: Request<v1::GetStackRequest>) -> Result<Response<v1::GetStackReply>, Status> {
        let r = req.into_inner();
        self.call(move |vm| requests::get_stack(vm, r)).await
    }

    async fn get_locals(&self, req: Request<v1::GetLocalsRequest>) -> Result<Response<v1::GetLocalsReply>, Status> {
        let r = req.into_inner();
        self.call(move |vm| requests::get_locals(vm, r)).await
    }

    async fn get_children(
        &self,
        req: Request<v1::GetChildrenRequest>,
    ) -> Result<Response<v1::GetChildrenReply>, Status> {
        self.require_control(&req)?;
        let r = req.into_inner();
        self.call(move |vm| requests::get_children(vm, r)).await
    }

    async fn set_local(&self, req: Request<v1::SetLocalRequest>) -> Result<Response<v1::SetLocalReply>, Status> {
        self.require_control(&req)?;
        let r = req.into_inner();
        self.call(move |vm| requests::set_local(vm, r)).await
    }

    async fn evaluate(&self, req: Request<v1::EvaluateRequest>) -> Result<Response<v1::EvaluateReply>, Status> {
        self.require_control(&req)?;
        let r = req.into_inner();
        self.call(move |vm| requests::evaluate(vm, r)).await
    }

    async fn pause(&self, req: Request<v1::PauseRequest>) -> Result<Response<v1::PauseReply>, Status> {
        self.require_control(&req)?;
        self.call(requests::pause).await
    }

    async fn resume(&self, req: Request<v1::ResumeRequest>) -> Result<Response<v1::ResumeReply>, Status> {
        self.require_control(&req)?;
        let r = req.into_inner();
        self.call(move |vm| requests::resume(vm, r)).await
    }

    async fn set_breakpoint(
        &self,
        req: Request<v1::SetBreakpointRequest>,
    ) -> Result<Response<v1::SetBreakpointReply>, Status> {
        self.require_control(&req)?;
        let r = req.into_inner();
        self.call(move |vm| requests::set_breakpoint(vm, r)).await
    }

    async fn clear_breakpoint(
        &self,
        req: Request<v1::ClearBreakpointRequest>,
    ) -> Result<Response<v1::ClearBreakpointReply>, Status> {
        self.require_control(&req)?;
        let r = req.into_inner();
        self.call(move |vm| requests::clear_breakpoint(vm, r)).await
    }

    async fn list_breakpoints(
        &self,
        _req: Request<v1::ListBreakpointsRequest>,
    ) -> Result<Response<v1::ListBreakpointsReply>, Status> {
        self.call(requests::list_breakpoints).await
    }

    async fn modify_breakpoint(
        &self,
        req: Request<v1::ModifyBreakpointRequest>,
    ) -> Result<Response<v1::SetBreakpointReply>, Status> {
        self.require_control(&req)?;
        let r = req.into_inner();
        self.call(move |vm| requests::modify_breakpoint(vm, r)).await
    }

    type SubscribeStream = tokio_stream::wrappers::ReceiverStream<Result<v1::Event, Status>>;

    async fn subscribe(&self, req: Request<v1::SubscribeRequest>) -> Result<Response<Self::SubscribeStream>, Status> {
        let want_runtime = req.into_inner().runtime_events;
        let mut events = self.shared.events.subscribe();
        let (tx, rx) = tokio::sync::mpsc::channel(256);
        let shared = self.shared.clone();
        if want_runtime {
            shared.submit(Box::new(|_| requests::runtime_subscribers(1)))?;
        }
        shared.streams.fetch_add(1, Ordering::SeqCst);
        tokio::spawn(async move {
            loop {
                tokio::select! {
                    ev = events.recv() => match ev {
                        Ok(ev) => {
                            use v1::event::Kind;
                            if matches!(ev.kind, Some(Kind::Runtime(_))) && !want_runtime {
                                continue;
                            }
                            let exited = matches!(ev.kind, Some(Kind::Exited(_)));
                            if tx.send(Ok(ev)).await.is_err() || exited {
                                break;
                            }
                        }
                        Err(broadcast::error::RecvError::Lagged(_)) => continue,
                        Err(broadcast::error::RecvError::Closed) => break,
                    },
                    _ = tx.closed() => break,
                }
            }
            if want_runtime {
                let _ = shared.submit(Box::new(|_| requests::runtime_subscribers(-1)));
            }
            shared.streams.fetch_sub(1, Ordering::SeqCst);
        });
        Ok(Response::new(tokio_stream::wrappers::ReceiverStream::new(rx)))
    }

    async fn get_source(&self, req: Request<v1::GetSourceRequest>) -> Result<Response<v1::GetSourceReply>, Status> {
        let r = req.into_inner();
        self.call(move |vm| requests::get_source(vm, r)).await
    }

    async fn get_code_state(
        &self,
        req: Request<v1::GetCodeStateRequest>,
    ) -> Result<Response<v1::GetCodeStateReply>, Status> {
        let r = req.into_inner();
        self.call(move |vm| requests::get_code_state(vm, r)).await
    }
}
