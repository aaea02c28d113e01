//! The compiler: Python source to code objects.
//!
//! The stages, named as in CPython's `Python/` directory:
//!
//! 1. `prescan`: errors CPython's tokenizer reports that the parser does
//!    not (null bytes, over 200 nested brackets, unmatched brackets,
//!    inconsistent tabs, too deep indentation);
//! 2. parsing with `ruff_python_parser` (Python 3.13 grammar); its errors
//!    are chosen and worded like CPython's in `parse_error`;
//! 3. `symtable`: scopes and the scope of every name;
//! 4. `codegen` (statements) and `expr` (expressions): one instruction
//!    sequence per code unit, with labels and pseudo-instructions;
//! 5. `flowgraph`: basic blocks, exception table, peephole optimizations,
//!    superinstructions, stack depth, final instructions.
//!
//! Recursion over the AST is bounded (`symtable::MAX_DEPTH` levels); the VM
//! thread's large stack holds that and the parser's own recursion. Deep
//! ASTs are dropped iteratively (`ast_util`).

mod ast_util;
mod codegen;
mod consts;
mod error;
mod expr;
mod flowgraph;
mod parse_error;
mod pattern;
mod prescan;
mod source;
mod symtable;

#[cfg(test)]
mod tests;

pub use error::{CompileError, ErrorKind};

use ruff_python_ast::{Mod, PythonVersion, Stmt};
use ruff_python_parser::{parse_unchecked, Mode, ParseOptions};
use ruff_text_size::{Ranged, TextRange};

use crate::objects::Value;

use error::SyntaxErr;
use source::SourceMap;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Module,
    Eval,
}

/// Compile a module's source. The code object runs the module body with
/// module-level names in the frame's locals dict (`LOAD_NAME`/`STORE_NAME`).
pub fn compile_module(source: &str, filename: &str) -> Result<Value, CompileError> {
    let code = compile(source, filename, Kind::Module)?;
    crate::inspect::code_loaded(&code);
    Ok(code)
}

/// Compile statements for `exec()` (like a module).
pub fn compile_exec(source: &str, filename: &str) -> Result<Value, CompileError> {
    compile(source, filename, Kind::Module)
}

/// Compile a single expression for `eval()`; the code returns its value.
pub fn compile_eval(source: &str, filename: &str) -> Result<Value, CompileError> {
    compile(source, filename, Kind::Eval)
}

fn compile(source: &str, filename: &str, kind: Kind) -> Result<Value, CompileError> {
    let src = SourceMap::new(source);
    let to_err = |e: SyntaxErr| e.into_compile_error(&src, filename);
    let scan = prescan::scan(source);
    if scan.fatal {
        if let Some(e) = scan.error {
            return Err(to_err(e));
        }
    }
    let mode = if kind == Kind::Eval { Mode::Expression } else { Mode::Module };
    let parsed = parse_unchecked(source, ParseOptions::from(mode).with_target_version(PythonVersion::PY313));
    if !parsed.errors().is_empty() || !parsed.unsupported_syntax_errors().is_empty() || scan.error.is_some() {
        let body: &[Stmt] = match parsed.syntax() {
            Mod::Module(m) => &m.body,
            Mod::Expression(_) => &[],
        };
        let mut e = parse_error::choose(parsed.errors(), parsed.unsupported_syntax_errors(), &scan, &src, body);
        if kind == Kind::Eval && source.starts_with([' ', '\t']) {
            // As CPython's `compile(..., 'eval')` (`eval()` strips first).
            e = SyntaxErr::with_kind(ErrorKind::IndentationError, "unexpected indent", TextRange::empty(0.into()));
        }
        drop_mod(parsed.into_syntax());
        return Err(to_err(e));
    }
    let m = parsed.into_syntax();
    let result = compile_mod(&m, &src, filename);
    drop_mod(m);
    result.map_err(to_err)
}

fn drop_mod(m: Mod) {
    match m {
        Mod::Module(m) => ast_util::drop_suite(m.body),
        Mod::Expression(e) => ast_util::drop_expr(*e.body),
    }
}

fn compile_mod(m: &Mod, src: &SourceMap, filename: &str) -> Result<Value, SyntaxErr> {
    match m {
        Mod::Module(m) => {
            let (future_annotations, future_end) = future_features(&m.body)?;
            let st = symtable::build_module(&m.body, m.range, future_annotations)?;
            let ctx = codegen::Ctx { src, filename, future_annotations, future_end };
            codegen::compile_module(&m.body, m.range, &st, &ctx)
        }
        Mod::Expression(e) => {
            let st = symtable::build_expression(&e.body)?;
            let ctx = codegen::Ctx { src, filename, future_annotations: false, future_end: 0 };
            codegen::compile_expression(&e.body, &st, &ctx)
        }
    }
}

/// `from __future__ import ...` at the start of a module (after the
/// docstring): the features, and the offset up to which such imports may
/// appear (CPython's `future.c`).
fn future_features(body: &[Stmt]) -> Result<(bool, u32), SyntaxErr> {
    let mut annotations = false;
    let mut end = 0u32;
    let skip = usize::from(codegen_docstring(body));
    for s in &body[skip..] {
        let Stmt::ImportFrom(i) = s else { break };
        if i.level != 0 || i.module.as_ref().is_none_or(|m| m.as_str() != "__future__") {
            break;
        }
        for a in &i.names {
            match a.name.as_str() {
                "nested_scopes" | "generators" | "division" | "absolute_import" | "with_statement"
                | "print_function" | "unicode_literals" | "barry_as_FLUFL" | "generator_stop" => {}
                "annotations" => annotations = true,
                "braces" => return Err(SyntaxErr::new("not a chance", s.range())),
                other => return Err(SyntaxErr::new(format!("future feature {other} is not defined"), s.range())),
            }
        }
        end = u32::from(s.range().end());
    }
    Ok((annotations, end))
}

fn codegen_docstring(body: &[Stmt]) -> bool {
    codegen::docstring_present(body)
}
