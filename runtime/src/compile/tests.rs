//! Compiler tests: bytecode shapes (through `dis`) and error handling.

use super::*;

#[test]
fn smoke() {
    let v = compile_module("print(1)\n", "x.py").unwrap();
    let c = crate::bytecode::code::as_code(&v).unwrap();
    println!("{}", crate::bytecode::dis::dis(c));
}
