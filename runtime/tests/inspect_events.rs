//! The event stream with several clients: one controls, another only
//! observes, and both hear the same events. Specializations the program
//! makes on its own are not marked as caused by the debugger; what a
//! debugger's write invalidates, and the continue it asks for, are. Both
//! hear the program exit, and the program exits cleanly with its
//! debuggers attached.

mod inspect_support;

use std::path::Path;
use std::time::Duration;

use inspect_support::{command, pyfast_bin, Running, Scratch};
use pyfast_inspect_proto::v1;
use pyfast_inspect_proto::v1::inspector_client::InspectorClient;
use tonic::transport::Channel;
use tonic::Streaming;

const TIMEOUT: Duration = Duration::from_secs(60);

const PROGRAM: &str = "\
def fib(n):
    a, b = 0, 1
    for i in range(n):
        if i == 50:
            breakpoint()
        a, b = b, a + b
    return a

print(fib(60))
";

async fn unix_client(sock: &Path) -> InspectorClient<Channel> {
    let ch = inspect_support::unix_channel(sock).await;
    InspectorClient::new(ch)
}

fn hello(control: bool) -> v1::HandshakeRequest {
    v1::HandshakeRequest { protocol_version: 1, client_name: "inspect_events".into(), want_control: control }
}

/// Events until (and including) the first one `last` accepts.
async fn events_until(s: &mut Streaming<v1::Event>, last: impl Fn(&v1::event::Kind) -> bool) -> Vec<v1::event::Kind> {
    let mut out = Vec::new();
    loop {
        let e = tokio::time::timeout(TIMEOUT, s.message())
            .await
            .unwrap_or_else(|_| panic!("no event in {TIMEOUT:?}; so far: {out:?}"))
            .expect("the stream")
            .unwrap_or_else(|| panic!("the stream ended; so far: {out:?}"));
        let k = e.kind.expect("an event has a kind");
        let done = last(&k);
        out.push(k);
        if done {
            return out;
        }
    }
}

fn runtime(events: &[v1::event::Kind]) -> Vec<&v1::RuntimeEvent> {
    events.iter().filter_map(|k| if let v1::event::Kind::Runtime(r) = k { Some(r) } else { None }).collect()
}

fn is_stop(k: &v1::event::Kind) -> bool {
    matches!(k, v1::event::Kind::Stopped(_))
}

fn is_exit(k: &v1::event::Kind) -> bool {
    matches!(k, v1::event::Kind::Exited(_))
}

#[test]
fn observers_and_the_controller_hear_events_marked_with_their_cause() {
    let scratch = Scratch::new("events");
    scratch.file("prog.py", PROGRAM);
    let mut cmd = command(&pyfast_bin(), &scratch);
    cmd.args(["--tier", "1", "--inspect-wait", "prog.py"]);
    let mut prog = Running::start(cmd);
    let sock = scratch.endpoint_dir().join(format!("{}.sock", prog.pid()));
    prog.wait_for_file(&sock, TIMEOUT);
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    rt.block_on(async {
        let mut ctl = unix_client(&sock).await;
        let mut obs = unix_client(&sock).await;
        assert!(ctl.handshake(hello(true)).await.unwrap().into_inner().has_control);
        assert!(!obs.handshake(hello(true)).await.unwrap().into_inner().has_control);
        let sub = v1::SubscribeRequest { runtime_events: true };
        let mut ctl_events = ctl.subscribe(sub).await.unwrap().into_inner();
        let mut obs_events = obs.subscribe(sub).await.unwrap().into_inner();

        // From the entry pause to breakpoint(): the loop specializes on its own.
        ctl.resume(v1::ResumeRequest::default()).await.unwrap();
        for (who, s) in [("controller", &mut ctl_events), ("observer", &mut obs_events)] {
            let evs = events_until(s, is_stop).await;
            let Some(v1::event::Kind::Stopped(stop)) = evs.last() else { unreachable!() };
            assert_eq!(stop.reason, v1::stopped::Reason::BreakpointCall as i32, "{who}: {stop:?}");
            let adds: Vec<_> = runtime(&evs)
                .into_iter()
                .filter(|r| r.kind == v1::runtime_event::Kind::Specialized as i32 && r.opname == "BINARY_OP_ADD_INT")
                .collect();
            assert!(!adds.is_empty(), "{who} heard no BINARY_OP_ADD_INT specialization: {evs:?}");
            assert!(adds.iter().all(|r| !r.caused_by_debugger && r.qualname == "fib"), "{who}: {adds:?}");
        }

        // A write: its reply and the event stream both say what it cost.
        let set = v1::SetLocalRequest { name: "a".into(), expression: "''".into(), ..Default::default() };
        let reply = ctl.set_local(set).await.unwrap().into_inner();
        assert!(reply.invalidations.iter().any(|i| i.opname == "BINARY_OP_ADD_INT"), "{reply:?}");
        let set = v1::SetLocalRequest { name: "b".into(), expression: "'x'".into(), ..Default::default() };
        ctl.set_local(set).await.unwrap();
        ctl.resume(v1::ResumeRequest::default()).await.unwrap();
        for (who, s) in [("controller", &mut ctl_events), ("observer", &mut obs_events)] {
            let evs = events_until(s, is_exit).await;
            let by_write: Vec<_> = runtime(&evs)
                .into_iter()
                .filter(|r| r.kind == v1::runtime_event::Kind::Deoptimized as i32 && r.opname == "BINARY_OP_ADD_INT")
                .collect();
            assert!(
                by_write.first().is_some_and(|r| r.caused_by_debugger && r.qualname == "fib"),
                "{who}: the write's de-specialization comes first, marked as the debugger's: {evs:?}"
            );
            let continued = evs.iter().find_map(|k| if let v1::event::Kind::Continued(c) = k { Some(c) } else { None });
            assert!(continued.is_some_and(|c| c.caused_by_debugger), "{who}: {evs:?}");
            // The strings the write made specialize the add anew, on the program's own account.
            assert!(
                runtime(&evs).iter().any(|r| r.kind == v1::runtime_event::Kind::Specialized as i32
                    && r.opname == "BINARY_OP_ADD_UNICODE"
                    && !r.caused_by_debugger),
                "{who}: {evs:?}"
            );
            let Some(v1::event::Kind::Exited(x)) = evs.last() else { unreachable!() };
            assert_eq!(x.status, 0, "{who}");
        }
    });
    let done = prog.finish(TIMEOUT);
    assert_eq!(done.status, Some(0), "{}", done.describe());
    assert!(!sock.exists(), "the endpoint is removed at exit");
    // fib with a = '' and b = 'x' at i == 50: ten more steps of string sums.
    let (mut a, mut b) = (String::new(), String::from("x"));
    for _ in 50..60 {
        (a, b) = (b.clone(), a + &b);
    }
    assert_eq!(done.stdout, format!("{a}\n"), "{}", done.describe());
}

const INSTANCE: &str = "\
class P:
    def __init__(self, x):
        self.x = x
        self.y = 2

def run(n):
    p = P(1)
    t = 0
    for i in range(n):
        if i == 100:
            breakpoint()
        t += p.x
    return t

print(run(3000))
";

#[test]
fn looking_into_an_instance_leaves_its_attribute_loads_specialized() {
    let scratch = Scratch::new("events-instance");
    scratch.file("prog.py", INSTANCE);
    let mut cmd = command(&pyfast_bin(), &scratch);
    cmd.args(["--tier", "1", "--inspect-wait", "prog.py"]);
    let mut prog = Running::start(cmd);
    let sock = scratch.endpoint_dir().join(format!("{}.sock", prog.pid()));
    prog.wait_for_file(&sock, TIMEOUT);
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    rt.block_on(async {
        let mut c = unix_client(&sock).await;
        assert!(c.handshake(hello(true)).await.unwrap().into_inner().has_control);
        let mut events = c.subscribe(v1::SubscribeRequest { runtime_events: true }).await.unwrap().into_inner();
        c.resume(v1::ResumeRequest::default()).await.unwrap();
        let evs = events_until(&mut events, is_stop).await;
        assert!(
            runtime(&evs).iter().any(|r| r.opname == "LOAD_ATTR_INSTANCE_VALUE"),
            "p.x specialized before the stop: {evs:?}"
        );
        let locals = c.get_locals(v1::GetLocalsRequest::default()).await.unwrap().into_inner();
        let p = locals.variables.iter().find(|v| v.name == "p").expect("p is a local");
        assert_eq!((p.r#type.as_str(), p.child_count), ("P", 2), "{p:?}");
        let kids = v1::GetChildrenRequest { expression: p.expression.clone(), ..Default::default() };
        let kids = c.get_children(kids).await.unwrap().into_inner();
        let shown: Vec<(&str, &str, &str)> =
            kids.children.iter().map(|k| (k.name.as_str(), k.repr.as_str(), k.expression.as_str())).collect();
        assert_eq!(shown, [("x", "1", "(p).x"), ("y", "2", "(p).y")]);
        assert_eq!(kids.total, 2);
        c.resume(v1::ResumeRequest::default()).await.unwrap();
        let evs = events_until(&mut events, is_exit).await;
        let deopts: Vec<_> =
            runtime(&evs).into_iter().filter(|r| r.kind == v1::runtime_event::Kind::Deoptimized as i32).collect();
        assert!(deopts.is_empty(), "looking at p changed how p.x runs: {deopts:?}");
    });
    let done = prog.finish(TIMEOUT);
    assert_eq!((done.status, done.stdout.as_str()), (Some(0), "3000\n"), "{}", done.describe());
}
