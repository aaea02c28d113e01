//! An independent client: Python stubs generated from proto/inspect.proto
//! with grpcio-tools, and grpcio, attach to a pyfast by signal, use health
//! and reflection, list frames, set locals and continue
//! (tests/debugger/grpc_client.py does the talking).

mod inspect_support;

use std::process::Command;
use std::time::Duration;

use inspect_support::{pyfast_bin, run, Scratch};

#[test]
fn a_grpcio_client_generated_from_the_proto_debugs_a_program() {
    let scratch = Scratch::new("grpcio");
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf();
    let mut cmd = Command::new("python3");
    cmd.arg(root.join("tests/debugger/grpc_client.py")).arg(pyfast_bin()).arg(&scratch.dir);
    let done = run(cmd, Duration::from_secs(120));
    assert_ne!(
        done.status,
        Some(3),
        "the Python packages grpcio and grpcio-tools are missing (pip install grpcio==1.84.0 grpcio-tools==1.84.0; .ci/run installs them)\n{}",
        done.describe()
    );
    assert_eq!(done.status, Some(0), "the grpcio client failed\n{}", done.describe());
    assert!(done.stdout.contains("grpc_client: ok"), "{}", done.describe());
}
