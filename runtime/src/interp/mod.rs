//! Tiers 0 and 1: the bytecode interpreter and the generic operations
//! behind its instructions.

pub mod attr;
pub mod call;
pub mod eval;
pub mod frame;
pub mod frame_locals;
pub mod gen;
pub mod invalidate;
pub mod ops;
pub mod pattern;
pub mod specialize;
pub mod tier_state;
pub mod traceback;
