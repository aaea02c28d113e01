//! Builds the JIT stencils from this crate's uop bodies (see
//! `pyfast-stencil-build`): `$OUT_DIR/stencils.rs`, included by `jit`.
fn main() {
    pyfast_stencil_build::run_build_script("crate::uops::helpers");
}
