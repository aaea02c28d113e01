//! The bytecode: instruction set, code objects, disassembly.

pub mod cache;
pub mod code;
pub mod dis;
pub mod opcode;
