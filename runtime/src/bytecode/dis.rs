//! Disassembly in the layout of CPython 3.11's `dis.dis()`: a line-number
//! column, `>>` on jump targets, offsets as `index * 2` (CPython's 2-byte
//! code units), the opcode name, its argument and what the argument means,
//! then the exception table and the nested code objects.

use std::fmt::Write;

use super::code::{as_code, CodeObj};
use super::opcode::{fn_attr, intrinsic1, BinaryOp, CompareOp, Opcode, INPLACE};
use crate::objects::typeobj::{layout_of, Layout};
use crate::objects::Value;

const OPNAME_WIDTH: usize = 20;
const OPARG_WIDTH: usize = 5;

/// Disassemble `code` and, recursively, the code objects in its constants,
/// showing every instruction's generic form.
pub fn dis(code: &CodeObj) -> String {
    let mut out = String::new();
    disassemble_recursive(code, &mut out, 0, false);
    out
}

/// As [`dis`], but with the specialized forms tier 1 rewrote instructions
/// to (`dis.dis(adaptive=True)`).
pub fn dis_adaptive(code: &CodeObj) -> String {
    let mut out = String::new();
    disassemble_recursive(code, &mut out, 0, true);
    out
}

fn disassemble_recursive(code: &CodeObj, out: &mut String, depth: u32, adaptive: bool) {
    disassemble(code, out, adaptive);
    if depth > 200 {
        return;
    }
    for c in &code.consts {
        if let Some(inner) = as_code(c) {
            out.push('\n');
            let _ = writeln!(out, "Disassembly of {}:", code_repr(inner));
            disassemble_recursive(inner, out, depth + 1, adaptive);
        }
    }
}

/// `<code object f at 0x..., file "x.py", line 3>`
pub fn code_repr(code: &CodeObj) -> String {
    format!(
        "<code object {} at {:#x}, file \"{}\", line {}>",
        code.name_str(),
        code as *const CodeObj as usize,
        code.filename_str(),
        code.firstlineno
    )
}

/// Whether the opcode's argument is shown (CPython's "has argument").
fn has_arg(op: Opcode) -> bool {
    use Opcode::*;
    !matches!(
        op,
        NOP | POP_TOP
            | GET_LEN
            | MATCH_SEQUENCE
            | MATCH_MAPPING
            | MATCH_KEYS
            | PUSH_NULL
            | END_FOR
            | RETURN_VALUE
            | UNARY_NEGATIVE
            | UNARY_NOT
            | UNARY_INVERT
            | TO_BOOL
            | BINARY_SUBSCR
            | STORE_SUBSCR
            | DELETE_SUBSCR
            | BINARY_SLICE
            | STORE_SLICE
            | GET_ITER
            | PUSH_EXC_INFO
            | POP_EXCEPT
            | CHECK_EXC_MATCH
            | LOAD_ASSERTION_ERROR
            | BEFORE_WITH
            | WITH_EXCEPT_START
            | LOAD_BUILD_CLASS
            | LOAD_LOCALS
            | RETURN_GENERATOR
            | GET_YIELD_FROM_ITER
            | CLEANUP_THROW
            | END_SEND
            | FORMAT_SIMPLE
            | FORMAT_WITH_SPEC
            | SETUP_ANNOTATIONS
            | MAKE_FUNCTION
    )
}

fn name_at(v: &[Value], i: usize) -> String {
    v.get(i).and_then(|n| crate::objects::str::as_str(n)).unwrap_or("<?>").to_string()
}

fn local_name(code: &CodeObj, i: usize) -> String {
    if i < code.nlocalsplus() {
        code.slot_name(i).to_string()
    } else {
        "<?>".to_string()
    }
}

fn argrepr(code: &CodeObj, op: Opcode, arg: u32) -> String {
    use Opcode::*;
    let a = arg as usize;
    match op {
        LOAD_CONST | RETURN_CONST => code.consts.get(a).map_or("<?>".to_string(), const_repr),
        LOAD_NAME | STORE_NAME | DELETE_NAME | STORE_GLOBAL | DELETE_GLOBAL | STORE_ATTR | DELETE_ATTR
        | IMPORT_NAME | IMPORT_FROM => name_at(&code.names, a),
        LOAD_GLOBAL => {
            let n = name_at(&code.names, a >> 1);
            if arg & 1 != 0 {
                format!("{n} + NULL")
            } else {
                n
            }
        }
        LOAD_ATTR => {
            let n = name_at(&code.names, a >> 1);
            if arg & 1 != 0 {
                format!("{n} + NULL|self")
            } else {
                n
            }
        }
        LOAD_SUPER_ATTR => {
            let n = name_at(&code.names, a >> 2);
            if arg & 1 != 0 {
                format!("{n} + NULL|self")
            } else {
                n
            }
        }
        LOAD_FAST | STORE_FAST | DELETE_FAST | LOAD_DEREF | STORE_DEREF | DELETE_DEREF | LOAD_CLOSURE | MAKE_CELL => {
            local_name(code, a)
        }
        LOAD_FAST_LOAD_FAST | STORE_FAST_STORE_FAST | STORE_FAST_LOAD_FAST => {
            format!("{}, {}", local_name(code, a >> 16), local_name(code, a & 0xffff))
        }
        COMPARE_OP => {
            let op = CompareOp::from_arg(pyfast_stencils::compare_op::kind(arg)).symbol();
            if arg & pyfast_stencils::compare_op::TO_BOOL != 0 {
                format!("bool({op})")
            } else {
                op.to_string()
            }
        }
        BINARY_OP => {
            let s = BinaryOp::from_arg(arg).symbol();
            if arg >= INPLACE {
                format!("{s}=")
            } else {
                s.to_string()
            }
        }
        CALL_INTRINSIC_1 => intrinsic1::name(arg).to_string(),
        SET_FUNCTION_ATTRIBUTE => match arg {
            fn_attr::DEFAULTS => "defaults",
            fn_attr::KWDEFAULTS => "kwdefaults",
            fn_attr::ANNOTATIONS => "annotations",
            fn_attr::CLOSURE => "closure",
            _ => "",
        }
        .to_string(),
        CONVERT_VALUE => match arg {
            1 => "str",
            2 => "repr",
            3 => "ascii",
            _ => "",
        }
        .to_string(),
        _ if op.is_jump() => format!("to {}", arg * 2),
        _ => String::new(),
    }
}

fn disassemble(code: &CodeObj, out: &mut String, adaptive: bool) {
    let instrs = code.instrs();
    let n = instrs.len();
    let mut targets = vec![false; n + 1];
    for ins in instrs {
        if ins.op.is_jump() {
            if let Some(t) = targets.get_mut(ins.arg as usize) {
                *t = true;
            }
        }
    }
    for e in code.exc_table.iter() {
        if let Some(t) = targets.get_mut(e.target as usize) {
            *t = true;
        }
    }
    let max_line = code.locations.iter().map(|l| l.line).max().unwrap_or(0);
    let lineno_width = if max_line >= 1000 { max_line.to_string().len() } else { 3 };
    let max_offset = n.saturating_sub(1) * 2;
    let offset_width = if max_offset >= 10000 { max_offset.to_string().len() } else { 4 };

    let mut last_line: Option<u32> = None;
    for (i, ins) in instrs.iter().enumerate() {
        let line = code.line_of(i);
        let starts_line = if line != 0 && Some(line) != last_line {
            last_line = Some(line);
            Some(line)
        } else {
            None
        };
        if starts_line.is_some() && i > 0 {
            out.push('\n');
        }
        let mut fields: Vec<String> = Vec::new();
        fields.push(match starts_line {
            Some(l) => format!("{l:>lineno_width$}"),
            None => " ".repeat(lineno_width),
        });
        fields.push("   ".to_string());
        fields.push(if targets[i] { ">>".to_string() } else { "  ".to_string() });
        fields.push(format!("{:>offset_width$}", i * 2));
        let shown = if adaptive { ins.op } else { ins.op.generic() };
        let op = ins.op.generic();
        fields.push(format!("{:<OPNAME_WIDTH$}", shown.name()));
        if has_arg(op) {
            fields.push(format!("{:>OPARG_WIDTH$}", ins.arg));
            let r = argrepr(code, op, ins.arg);
            if !r.is_empty() {
                fields.push(format!("({r})"));
            }
        }
        let _ = writeln!(out, "{}", fields.join(" ").trim_end());
    }
    if !code.exc_table.is_empty() {
        out.push_str("ExceptionTable:\n");
        for e in code.exc_table.iter() {
            let lasti = if e.push_lasti { " lasti" } else { "" };
            let _ = writeln!(
                out,
                "  {} to {} -> {} [{}]{}",
                e.start * 2,
                e.end.saturating_sub(1) * 2,
                e.target * 2,
                e.depth,
                lasti
            );
        }
    }
}

/// `repr()` of a constant (the types a code object's constants can have).
pub fn const_repr(v: &Value) -> String {
    use crate::objects::{
        float, float_ops, int, int_ops, is_false_singleton, is_none, is_true_singleton, str, str_ops, tuple,
    };
    if is_none(v) {
        return "None".into();
    }
    if is_true_singleton(v) {
        return "True".into();
    }
    if is_false_singleton(v) {
        return "False".into();
    }
    match layout_of(v) {
        Layout::Int => match int::as_int(v) {
            Some(int_ops::Int::Small(i)) => i.to_string(),
            Some(int_ops::Int::Big(b)) => b.to_string(),
            None => "<int>".into(),
        },
        Layout::Float => float::as_float(v).map_or("<float>".into(), float_ops::repr),
        Layout::Str => str::as_str(v).map_or("<str>".into(), str_ops::repr_str),
        Layout::Ellipsis => "Ellipsis".into(),
        Layout::Tuple => {
            let items = tuple::items(v);
            let parts: Vec<String> = items.iter().map(const_repr).collect();
            if parts.len() == 1 {
                format!("({},)", parts[0])
            } else {
                format!("({})", parts.join(", "))
            }
        }
        Layout::Code => as_code(v).map_or("<code>".into(), code_repr),
        _ => "<object>".into(),
    }
}
