//! Compiler tests: bytecode shapes (through `dis`) and error handling.
