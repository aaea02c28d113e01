//! pyfast: a Python 3 runtime with tiered execution that stays debuggable.
//!
//! Layout (see ARCHITECTURE.md): `compile` turns source into code objects,
//! `objects` is the object model, `interp` runs bytecode, `builtins` and
//! `modules` are the standard environment, `vm` is the per-thread state and
//! `run` is what the `pyfast` binary drives.

pub mod alloc;
pub mod builtins;
pub mod bytecode;
pub mod compile;
pub mod events;
pub mod inspect;
pub mod interp;
pub mod jit;
pub mod modules;
pub mod objects;
pub mod repl;
pub mod run;
pub mod signals;
pub mod uop_helpers;
pub mod vm;

/// Small blocks (objects, tables, buffers) come from size-class free
/// lists (`alloc`), CPython's pymalloc idea.
#[global_allocator]
pub(crate) static GLOBAL: alloc::SmallAlloc = alloc::SmallAlloc;

/// The highest execution tier this build can run.
pub const MAX_TIER: u32 = 1;
