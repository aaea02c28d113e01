#!/usr/bin/env python3
"""An independent client of the inspection service: Python stubs generated
from proto/inspect.proto with grpcio-tools, grpcio to talk. It attaches to
a pyfast process by signal, finds the service through gRPC health and
reflection, lists frames, stops in fibonacci with a conditional breakpoint,
sets two locals (the talk's scene), continues, and checks the program's
output.

    python3 tests/debugger/grpc_client.py PYFAST_BINARY WORKDIR

Exit status 0: all checks passed; 1: a check failed; 3: grpcio or
grpcio-tools is missing (pip install grpcio==1.84.0 grpcio-tools==1.84.0).
"""

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
TIMEOUT = 30

PROGRAM = """\
def fibonacci(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a

print('ready', flush=True)
while True:
    r = fibonacci(25)
    if not isinstance(r, int):
        break
print(len(r), r[:3])
"""
# fibonacci(25) with a, b = "", "rabbit" before iteration 10: 15 more steps.
EXPECTED = "610 " + "\U0001F430" * 3 + "\n"


def fail(msg):
    print(f"grpc_client: FAILED: {msg}", file=sys.stderr)
    sys.exit(1)


def check(cond, msg):
    if not cond:
        fail(msg)


def main():
    try:
        import grpc
        from grpc_tools import protoc
    except ImportError as e:
        print(f"grpc_client: {e}: this test needs the Python packages grpcio and grpcio-tools "
              "(pip install grpcio==1.84.0 grpcio-tools==1.84.0)", file=sys.stderr)
        sys.exit(3)
    pyfast, work = sys.argv[1], Path(sys.argv[2])
    stubs = work / "stubs"
    stubs.mkdir(parents=True, exist_ok=True)
    rc = protoc.main(["protoc", f"-I{ROOT / 'proto'}", f"--python_out={stubs}", f"--grpc_python_out={stubs}",
                      str(ROOT / "proto" / "inspect.proto")])
    check(rc == 0, "grpc_tools.protoc could not compile proto/inspect.proto")
    sys.path.insert(0, str(stubs))
    import inspect_pb2 as pb
    import inspect_pb2_grpc as rpc

    xdg = work / "xdg"
    xdg.mkdir(exist_ok=True)
    (work / "prog.py").write_text(PROGRAM)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["XDG_RUNTIME_DIR"] = str(xdg)
    prog = subprocess.Popen([pyfast, "prog.py"], cwd=work, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    try:
        check(prog.stdout.readline() == "ready\n", "the program did not start")
        # Attach without a pre-started server: the signal opens the endpoint.
        os.kill(prog.pid, signal.SIGUSR1)
        sock = xdg / "pyfast" / f"{prog.pid}.sock"
        deadline = time.time() + TIMEOUT
        while not sock.exists():
            check(time.time() < deadline, f"{sock} did not appear after SIGUSR1")
            time.sleep(0.02)
        check(oct(sock.stat().st_mode & 0o777) == "0o600", f"socket mode is {oct(sock.stat().st_mode & 0o777)}")
        check(oct(sock.parent.stat().st_mode & 0o777) == "0o700", "endpoint directory is not 0700")
        # Unix-socket targets need an explicit authority (the path is not one).
        channel = grpc.insecure_channel(f"unix:{sock}", options=[("grpc.default_authority", "localhost")])
        grpc.channel_ready_future(channel).result(timeout=TIMEOUT)

        # Standard services: health (SERVING = 1) and reflection.
        health = channel.unary_unary("/grpc.health.v1.Health/Check")
        name = b"pyfast.inspect.v1.Inspector"
        reply = health(b"\x0a" + bytes([len(name)]) + name, timeout=TIMEOUT)
        check(reply == b"\x08\x01", f"health check of {name!r} answered {reply!r}")
        reflect = channel.stream_stream("/grpc.reflection.v1.ServerReflection/ServerReflectionInfo")
        answers = list(reflect(iter([b"\x3a\x00"]), timeout=TIMEOUT))
        check(answers and name in answers[0], f"reflection does not list the service: {answers!r}")

        stub = rpc.InspectorStub(channel)
        hello = stub.Handshake(pb.HandshakeRequest(protocol_version=1, client_name="grpc_client.py",
                                                   want_control=True), timeout=TIMEOUT)
        check(hello.has_control and hello.pid == prog.pid, f"handshake: {hello}")
        check("set-local" in hello.capabilities, f"capabilities: {list(hello.capabilities)}")

        events = queue.Queue()
        stream = stub.Subscribe(pb.SubscribeRequest())
        threading.Thread(target=lambda: [events.put(e) for e in stream], daemon=True).start()

        def wait(kind):
            while True:
                ev = events.get(timeout=TIMEOUT)
                if ev.WhichOneof("kind") == kind:
                    return getattr(ev, kind)

        time.sleep(0.2)  # let the subscription start
        check(stub.Pause(pb.PauseRequest(), timeout=TIMEOUT).requested, "pause not requested")
        stopped = wait("stopped")
        check(stopped.reason == pb.Stopped.PAUSE, f"stopped: {stopped}")
        stack = stub.GetStack(pb.GetStackRequest(thread_id=1), timeout=TIMEOUT)
        check(stack.frames and stack.frames[-1].function == "<module>", f"stack: {stack}")
        check(all(f.tier == pb.TIER_INTERPRETER or f.tier > 0 for f in stack.frames), "frames without a tier")
        threads = stub.ListThreads(pb.ListThreadsRequest(), timeout=TIMEOUT)
        check(len(threads.threads) == 1 and threads.threads[0].paused, f"threads: {threads}")

        bp = stub.SetBreakpoint(pb.SetBreakpointRequest(file="prog.py", line=4, condition="_ == 10", temporary=True),
                                timeout=TIMEOUT).breakpoint
        check(bp.verified and bp.line == 4 and bp.file.endswith("prog.py"), f"breakpoint: {bp}")
        stub.Resume(pb.ResumeRequest(action=pb.ResumeRequest.CONTINUE), timeout=TIMEOUT)
        stopped = wait("stopped")
        check(stopped.reason == pb.Stopped.BREAKPOINT and stopped.frame.function == "fibonacci"
              and stopped.frame.line == 4 and list(stopped.breakpoint_ids) == [bp.id], f"stopped: {stopped}")

        frame = pb.FrameRef(thread_id=1, frame_index=0)
        local = {v.name: v for v in stub.GetLocals(pb.GetLocalsRequest(frame=frame), timeout=TIMEOUT).variables}
        check(local["_"].repr == "10" and local["a"].type == "int" and local["n"].repr == "25", f"locals: {local}")
        invalidated = []
        for name, expr in (("a", '""'), ("b", '"\U0001F430"')):
            r = stub.SetLocal(pb.SetLocalRequest(frame=frame, name=name, expression=expr), timeout=TIMEOUT)
            check(r.value.type == "str", f"SetLocal {name}: {r}")
            invalidated += list(r.invalidations)
        # Above tier 0 the loop's BINARY_OP_ADD_INT consumed a: the write
        # de-specializes it and says so.
        if hello.max_tier > 0:
            check(any(i.opname == "BINARY_OP_ADD_INT" for i in invalidated), f"invalidations: {invalidated}")
        v = stub.Evaluate(pb.EvaluateRequest(frame=frame, source="len(a + b)"), timeout=TIMEOUT).value
        check(v.repr == "1", f"evaluate: {v}")

        stub.Resume(pb.ResumeRequest(action=pb.ResumeRequest.CONTINUE), timeout=TIMEOUT)
        exited = wait("exited")
        check(exited.status == 0, f"exited: {exited}")
        out, err = prog.communicate(timeout=TIMEOUT)
        check(prog.returncode == 0 and out == EXPECTED, f"program output {out!r} (status {prog.returncode}), "
              f"expected {EXPECTED!r}; stderr {err!r}")
        check(not sock.exists(), "the socket was not removed at exit")
        print("grpc_client: ok")
    finally:
        if prog.poll() is None:
            prog.kill()


if __name__ == "__main__":
    main()
