//! Compile `inspect.proto` with protox (pure Rust: no `protoc` needed on
//! the machine) and generate the tonic server and client from it. The
//! encoded descriptor set is kept for the gRPC reflection service.

use prost::Message;

fn main() {
    println!("cargo:rerun-if-changed=inspect.proto");
    let fds = match protox::compile(["inspect.proto"], ["."]) {
        Ok(f) => f,
        Err(e) => panic!("proto/inspect.proto does not compile: {e}"),
    };
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("inspect_descriptor.bin"), fds.encode_to_vec()).expect("write the descriptor set");
    tonic_prost_build::configure()
        .build_server(true)
        .build_client(true)
        .compile_fds(fds)
        .expect("generate the tonic service");
}
