//! The bytecode: instruction set, code objects, disassembly.

pub mod code;
pub mod dis;
pub mod opcode;
