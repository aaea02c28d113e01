//! Compiler tests: bytecode shapes (through `dis` and instruction lists),
//! code-object invariants, and error handling (messages, positions, no
//! panics on malformed or pathological input).

use super::*;
use crate::bytecode::code::{as_code, slot_kind, CodeObj};
use crate::bytecode::dis::dis;
use crate::bytecode::opcode::Opcode;

fn compile(src: &str) -> Value {
    match compile_module(src, "x.py") {
        Ok(v) => v,
        Err(e) => panic!("compile failed:\n{e}"),
    }
}

fn code(v: &Value) -> &CodeObj {
    as_code(v).expect("a code object")
}

/// The code object named `name` among `c`'s nested code objects.
fn find<'a>(c: &'a CodeObj, name: &str) -> Option<&'a CodeObj> {
    if c.name_str() == name {
        return Some(c);
    }
    c.consts.iter().filter_map(as_code).find_map(|k| find(k, name))
}

fn ops(c: &CodeObj) -> Vec<String> {
    c.instrs().iter().map(|i| i.op.name().to_string()).collect()
}

/// `dis` output without the addresses of code objects.
fn dis_clean(c: &CodeObj) -> String {
    let s = dis(c);
    let mut out = String::new();
    let mut rest = s.as_str();
    while let Some(i) = rest.find(" at 0x") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 6..];
        let j = after.find(|ch: char| !ch.is_ascii_hexdigit()).unwrap_or(after.len());
        rest = &after[j..];
    }
    out.push_str(rest);
    out
}

/// Instruction-level invariants every code object must satisfy.
fn check(c: &CodeObj) {
    let ins = c.instrs();
    let n = ins.len();
    assert!(n > 0, "{}: no instructions", c.name_str());
    assert_eq!(c.locations.len(), n);
    assert!(ins[n - 1].op.is_terminator(), "{}: falls off the end", c.name_str());
    for (i, x) in ins.iter().enumerate() {
        if x.op.is_jump() {
            assert!((x.arg as usize) < n, "{}: jump out of range at {i}", c.name_str());
        }
        let a = x.arg as usize;
        match x.op {
            Opcode::LOAD_CONST | Opcode::RETURN_CONST => assert!(a < c.consts.len()),
            Opcode::LOAD_FAST
            | Opcode::STORE_FAST
            | Opcode::DELETE_FAST
            | Opcode::LOAD_DEREF
            | Opcode::STORE_DEREF
            | Opcode::DELETE_DEREF
            | Opcode::MAKE_CELL
            | Opcode::LOAD_CLOSURE => assert!(a < c.nlocalsplus()),
            Opcode::LOAD_FAST_LOAD_FAST | Opcode::STORE_FAST_STORE_FAST | Opcode::STORE_FAST_LOAD_FAST => {
                assert!(a >> 16 < c.nlocalsplus() && a & 0xffff < c.nlocalsplus())
            }
            Opcode::LOAD_GLOBAL | Opcode::LOAD_ATTR => assert!(a >> 1 < c.names.len()),
            Opcode::LOAD_NAME
            | Opcode::STORE_NAME
            | Opcode::DELETE_NAME
            | Opcode::STORE_GLOBAL
            | Opcode::DELETE_GLOBAL
            | Opcode::STORE_ATTR
            | Opcode::DELETE_ATTR
            | Opcode::IMPORT_NAME
            | Opcode::IMPORT_FROM => assert!(a < c.names.len()),
            _ => {}
        }
    }
    for e in c.exc_table.iter() {
        assert!(e.start < e.end && e.end as usize <= n && (e.target as usize) < n, "bad entry {e:?}");
        assert!(e.depth + 1 + e.push_lasti as u32 <= c.stacksize.max(1) + 1);
    }
    for k in c.consts.iter().filter_map(as_code) {
        check(k);
    }
}

fn err(src: &str) -> CompileError {
    match compile_module(src, "x.py") {
        Ok(_) => panic!("expected an error for {src:?}"),
        Err(e) => e,
    }
}

/// Run `f` on a thread with the VM thread's stack size.
fn on_big_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new().stack_size(1 << 30).spawn(f).unwrap().join().unwrap()
}

const FIB: &str = "def fibonacci(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a
";

#[test]
fn fibonacci_listing_matches_the_talk() {
    let v = compile(FIB);
    let f = find(code(&v), "fibonacci").unwrap();
    check(code(&v));
    let expected = "  1           0 RESUME                   0

  2           2 LOAD_CONST               1 ((0, 1))
              4 UNPACK_SEQUENCE          2
              6 STORE_FAST_STORE_FAST 65538 (a, b)

  3           8 LOAD_GLOBAL              1 (range + NULL)
             10 LOAD_FAST                0 (n)
             12 CALL                     1
             14 GET_ITER
        >>   16 FOR_ITER                15 (to 30)
             18 STORE_FAST               3 (_)

  4          20 LOAD_FAST_LOAD_FAST  131073 (b, a)
             22 LOAD_FAST                2 (b)
             24 BINARY_OP                0 (+)
             26 STORE_FAST_STORE_FAST 131073 (b, a)
             28 JUMP_BACKWARD            8 (to 16)

  3     >>   30 END_FOR

  5          32 LOAD_FAST                1 (a)
             34 RETURN_VALUE
";
    assert_eq!(dis_clean(f), expected);
    assert_eq!(f.stacksize, 4);
    assert_eq!(f.argcount, 1);
    assert_eq!(f.flags & crate::bytecode::code::co_flags::OPTIMIZED, crate::bytecode::code::co_flags::OPTIMIZED);
    let names: Vec<&str> = (0..f.nlocalsplus()).map(|i| f.slot_name(i)).collect();
    assert_eq!(names, ["n", "a", "b", "_"]);
    assert_eq!(f.localsplus_kinds[0], slot_kind::ARG | slot_kind::LOCAL);
    assert_eq!(f.localsplus_kinds[1], slot_kind::LOCAL);
    // Locations: BINARY_OP covers `a + b`.
    let i = f.instrs().iter().position(|i| i.op == Opcode::BINARY_OP).unwrap();
    let l = f.locations[i];
    assert_eq!((l.line, l.col, l.end_line, l.end_col), (4, 18, 4, 23));
}

#[test]
fn module_listing() {
    let v = compile(FIB);
    let s = dis_clean(code(&v));
    assert!(s.starts_with(
        "              0 RESUME                   0

  1           2 LOAD_CONST               0 (<code object fibonacci, file \"x.py\", line 1>)
              4 MAKE_FUNCTION
              6 STORE_NAME               0 (fibonacci)
              8 RETURN_CONST             1 (None)
"
    ));
    assert!(s.contains("Disassembly of <code object fibonacci, file \"x.py\", line 1>:\n"));
}

#[test]
fn chained_comparison() {
    let v = compile("def f(a, b, c):\n    return a < b < c\n");
    let f = find(code(&v), "f").unwrap();
    assert_eq!(
        ops(f),
        [
            "RESUME",
            "LOAD_FAST_LOAD_FAST",
            "SWAP",
            "COPY",
            "COMPARE_OP",
            "COPY",
            "TO_BOOL",
            "POP_JUMP_IF_FALSE",
            "POP_TOP",
            "LOAD_FAST",
            "COMPARE_OP",
            "RETURN_VALUE",
            "SWAP",
            "POP_TOP",
            "RETURN_VALUE",
        ]
    );
    assert_eq!(f.stacksize, 3);
}

#[test]
fn try_except_table() {
    let v = compile(
        "def g(x):
    try:
        return x()
    except ValueError as e:
        return e
",
    );
    let g = find(code(&v), "g").unwrap();
    check(g);
    let t: Vec<(u32, u32, u32, u32, bool)> =
        g.exc_table.iter().map(|e| (e.start, e.end, e.target, e.depth, e.push_lasti)).collect();
    let ins = g.instrs();
    // The body's call is covered by the first handler, which starts with
    // PUSH_EXC_INFO at depth 0 (no lasti).
    let (s, e, tgt, depth, lasti) = t[0];
    assert!(ins[s as usize..e as usize].iter().any(|i| i.op == Opcode::CALL));
    assert_eq!(ins[tgt as usize].op, Opcode::PUSH_EXC_INFO);
    assert_eq!((depth, lasti), (0, false));
    // Everything inside the handler unwinds to the COPY 3 / POP_EXCEPT /
    // RERAISE 1 cleanup with lasti, or to the `e` cleanup.
    for &(_, _, tgt, depth, lasti) in &t[1..] {
        assert!(lasti);
        assert_eq!(depth, 1);
        assert!(matches!(ins[tgt as usize].op, Opcode::COPY | Opcode::LOAD_CONST));
    }
    // `e` is deleted after the handler.
    assert!(ins.iter().any(|i| i.op == Opcode::DELETE_FAST));
    assert_eq!(g.stacksize, 4);
}

#[test]
fn closures_get_cells_and_free_vars() {
    let v = compile(
        "def outer(a):
    b = 1
    def inner():
        return a + b
    return inner
",
    );
    let outer = find(code(&v), "outer").unwrap();
    let inner = find(code(&v), "inner").unwrap();
    check(code(&v));
    assert_eq!(&ops(outer)[..3], ["MAKE_CELL", "MAKE_CELL", "RESUME"]);
    // `a` is an argument cell (slot 0), `b` a cell after the locals.
    assert_eq!(outer.localsplus_kinds[0], slot_kind::ARG | slot_kind::LOCAL | slot_kind::CELL);
    assert!(outer.localsplus_kinds.contains(&slot_kind::CELL));
    assert!(ops(outer).contains(&"LOAD_CLOSURE".to_string()));
    assert!(dis_clean(outer).contains("SET_FUNCTION_ATTRIBUTE     8 (closure)"));
    assert_eq!(&ops(inner)[..2], ["COPY_FREE_VARS", "RESUME"]);
    assert_eq!(inner.instrs()[0].arg, 2);
    assert_eq!(inner.localsplus_kinds, [slot_kind::FREE, slot_kind::FREE]);
    assert!(inner.flags & crate::bytecode::code::co_flags::NESTED != 0);
}

#[test]
fn calls() {
    let v = compile(
        "def f(o, a, b):
    o.m(a, k=b)
    g(*a, **b)
    g(a, *b)
    print(len(a))
",
    );
    let f = find(code(&v), "f").unwrap();
    let d = dis_clean(f);
    assert!(d.contains("LOAD_ATTR                1 (m + NULL|self)"), "{d}");
    assert!(d.contains("LOAD_CONST               1 (('k',))"), "{d}");
    assert!(d.contains("CALL_KW                  2"), "{d}");
    assert!(d.contains("DICT_MERGE               1"), "{d}");
    assert!(d.contains("CALL_FUNCTION_EX         1"), "{d}");
    assert!(d.contains("CALL_INTRINSIC_1         6 (INTRINSIC_LIST_TO_TUPLE)"), "{d}");
    assert!(d.contains("LOAD_GLOBAL              9 (len + NULL)") || d.contains("(len + NULL)"), "{d}");
}

#[test]
fn classes() {
    let v = compile(
        "class C(B, metaclass=M):
    \"\"\"Doc.
       more\"\"\"
    x = 1
    def f(self):
        self.y = 2
        return super().f()
",
    );
    let m = code(&v);
    check(m);
    assert_eq!(
        &ops(m)[1..11],
        [
            "LOAD_BUILD_CLASS",
            "PUSH_NULL",
            "LOAD_CONST",
            "MAKE_FUNCTION",
            "LOAD_CONST",
            "LOAD_NAME",
            "LOAD_NAME",
            "LOAD_CONST",
            "CALL_KW",
            "STORE_NAME"
        ]
    );
    let c = find(m, "C").unwrap();
    let d = dis_clean(c);
    assert!(d.contains("STORE_NAME               1 (__module__)"), "{d}");
    assert!(d.contains("LOAD_CONST               2 ('Doc.\\nmore')"), "{d}");
    assert!(d.contains("(('y',))"), "{d}");
    assert!(d.contains("STORE_NAME               8 (__classcell__)"), "{d}");
    assert_eq!(c.flags, 0);
    let f = find(m, "f").unwrap();
    assert_eq!(f.qualname_str(), "C.f");
    assert_eq!(f.slot_name(f.nlocalsplus() - 1), "__class__");
}

#[test]
fn comprehensions_are_functions() {
    let v = compile("def f(xs):\n    return [x * 2 for x in xs if x]\n");
    let f = find(code(&v), "f").unwrap();
    let d = dis_clean(f);
    assert!(d.contains("MAKE_FUNCTION\n"), "{d}");
    assert!(d.contains("GET_ITER\n"), "{d}");
    assert!(d.contains("CALL                     0\n"), "{d}");
    let lc = find(code(&v), "<listcomp>").unwrap();
    assert_eq!(lc.slot_name(0), ".0");
    assert_eq!(lc.argcount, 1);
    assert_eq!(lc.qualname_str(), "f.<locals>.<listcomp>");
    assert!(dis_clean(lc).contains("LIST_APPEND              2"));
    let g = compile("g = (x for x in y)\n");
    let ge = find(code(&g), "<genexpr>").unwrap();
    assert_eq!(&ops(ge)[..3], ["RETURN_GENERATOR", "POP_TOP", "RESUME"]);
    assert!(ge.flags & crate::bytecode::code::co_flags::GENERATOR != 0);
    check(code(&g));
}

#[test]
fn constants() {
    let v = compile("x = -1\ny = (1, (2.5, 'a'), None)\nz = 123456789012345678901234567890\nw = ...\n");
    let d = dis_clean(code(&v));
    assert!(d.contains("LOAD_CONST               0 (-1)"), "{d}");
    assert!(d.contains("((1, (2.5, 'a'), None))"), "{d}");
    assert!(d.contains("(123456789012345678901234567890)"), "{d}");
    assert!(d.contains("(Ellipsis)"), "{d}");
    // A function's first constant is its docstring (or None).
    let f = compile("def f():\n    'doc'\n    return 1\n");
    let f = find(code(&f), "f").unwrap();
    assert_eq!(crate::bytecode::dis::const_repr(&f.consts[0]), "'doc'");
}

#[test]
fn swaps_become_superinstructions() {
    let v = compile("def f(a, b):\n    a, b = b, a\n    return a\n");
    let f = find(code(&v), "f").unwrap();
    assert_eq!(ops(f)[1..3], ["LOAD_FAST_LOAD_FAST", "STORE_FAST_STORE_FAST"]);
}

#[test]
fn loops_break_continue_finally() {
    let v = compile(
        "def f(xs):
    for x in xs:
        try:
            if x:
                break
            continue
        finally:
            print(x)
    while xs:
        with xs as y:
            return y
",
    );
    check(code(&v));
    let f = find(code(&v), "f").unwrap();
    // The finally body is inlined on the break and continue paths and in
    // the handler: three calls of print.
    let prints = f.instrs().iter().filter(|i| i.op == Opcode::LOAD_GLOBAL).count();
    assert_eq!(prints, 3);
    assert!(ops(f).contains(&"JUMP_BACKWARD".to_string()));
    assert!(ops(f).contains(&"WITH_EXCEPT_START".to_string()));
}

#[test]
fn many_statements_compile() {
    let src = r#"
import os, a.b.c as d
from . import x as y
from m import *
def f(a, b=1, *args, c, d=2, **kw) -> int:
    global g
    g = a
    del g
    x: int = 1
    x += 1
    a.b += 1
    a[1] += 2
    a[1:2] += 3
    del a[0], a.b, a[1:2]
    assert a, "msg"
    raise ValueError("x") from None
    raise
class K:
    y: int = 2
    __p = 1
    def m(self):
        return self.__p, __q
async_ = lambda *a, k=1: (a, k)
print(f"{a!r:>{w}} {b=} {c:.2f}" f"x" 'y')
print({1: 2, **d}, {1, *s}, [*l, 2], (*t, 3))
print(a if b else c, a and b or c, not a, -a, +a, ~a)
x = y = [i for i in range(3)]
(a, [b, *c]), d = e
print(a[1:2:3], a[::2], a[1:], a[:])
for i in range(3):
    pass
else:
    pass
while x:
    break
else:
    pass
try:
    pass
except (A, B):
    pass
except C as e:
    pass
else:
    pass
finally:
    pass
def gen():
    yield 1
    x = yield
    yield from g()
"#;
    let v = compile(src);
    check(code(&v));
    let k = find(code(&v), "m").unwrap();
    let d = dis_clean(k);
    assert!(d.contains("(_K__p)"), "{d}");
    assert!(d.contains("(_K__q)"), "{d}");
}

#[test]
fn eval_and_exec() {
    let v = compile_eval("1 + x", "<string>").unwrap();
    let c = code(&v);
    assert_eq!(ops(c), ["RESUME", "LOAD_CONST", "LOAD_NAME", "BINARY_OP", "RETURN_VALUE"]);
    let v = compile_exec("x = 1\n", "<string>").unwrap();
    check(code(&v));
    assert!(compile_eval("x = 1", "<string>").is_err());
}

// ---- errors

#[test]
fn error_messages_and_positions() {
    let cases: &[(&str, &str, u32, u32)] = &[
        ("a = 1\nx = (1,\ny = 2\n", "'(' was never closed", 2, 5),
        ("def f():\n    x = 1 +\n", "invalid syntax", 2, 12),
        ("nonlocal x\n", "nonlocal declaration not allowed at module level", 1, 1),
        ("f() = 3\n", "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 1),
        ("1 = x\n", "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 1),
        ("x = \"abc\n", "unterminated string literal (detected at line 1)", 1, 5),
        ("return 5\n", "'return' outside function", 1, 1),
        ("def f(x):\n    global x\n", "name 'x' is parameter and global", 2, 5),
        ("def f():\n  print(x)\n  global x\n", "name 'x' is used prior to global declaration", 3, 3),
        ("def f():\n  nonlocal x\n", "no binding for nonlocal 'x' found", 2, 3),
        ("break\n", "'break' outside loop", 1, 1),
        ("continue\n", "'continue' not properly in loop", 1, 1),
        ("for x in y:\n  def f(): break\n", "'break' outside loop", 2, 12),
        ("yield 1\n", "'yield' outside function", 1, 1),
        ("x = *a\n", "can't use starred expression here", 1, 5),
        ("*a = 1\n", "starred assignment target must be in a list or tuple", 1, 1),
        ("a, *b, *c = d\n", "multiple starred expressions in assignment", 1, 1),
        ("f(x=1, x=2)\n", "keyword argument repeated: x", 1, 8),
        ("def f(x, x): pass\n", "duplicate argument 'x' in function definition", 1, 10),
        ("x = )\n", "unmatched ')'", 1, 5),
        ("x = (]\n", "closing parenthesis ']' does not match opening parenthesis '('", 1, 6),
        ("__debug__ = 1\n", "cannot assign to __debug__", 1, 1),
        ("del f()\n", "cannot delete function call", 1, 5),
        ("(a, b) += 1\n", "'tuple' is an illegal expression for augmented assignment", 1, 1),
        ("if x\n  pass\n", "expected ':'", 1, 5),
        (
            "x = 08\n",
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
            1,
            5,
        ),
        ("try:\n  pass\nexcept:\n  pass\nexcept A:\n  pass\n", "default 'except:' must be last", 3, 1),
        ("def f():\n  from x import *\n", "import * only allowed at module level", 2, 17),
        ("[(yield) for x in y]\n", "'yield' inside list comprehension", 1, 3),
        (
            "x = 1\nfrom __future__ import annotations\n",
            "from __future__ imports must occur at the beginning of the file",
            2,
            1,
        ),
        ("from __future__ import braces\n", "not a chance", 1, 1),
        ("print 'x'\n", "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 1),
        ("x = '''abc\n\n", "unterminated triple-quoted string literal (detected at line 2)", 1, 5),
        ("x = 0b2\n", "invalid digit '2' in binary literal", 1, 7),
        ("x = €\n", "invalid character '€' (U+20AC)", 1, 5),
        ("match x:\n  case y: pass\n  case 1: pass\n", "name capture 'y' makes remaining patterns unreachable", 2, 8),
        ("match x:\n  case _: pass\n  case 1: pass\n", "wildcard makes remaining patterns unreachable", 2, 8),
        ("match x:\n  case [a, b] | [a]: pass\n", "alternative patterns bind different names", 2, 17),
        ("match x:\n  case [*a, *b]: pass\n", "multiple starred names in sequence pattern", 2, 8),
        ("match x:\n  case C(a=1, a=2): pass\n", "attribute name repeated in class pattern: a", 2, 17),
        ("async def f(): pass\n", "async functions are not supported yet", 1, 1),
    ];
    for &(src, msg, line, col) in cases {
        let e = err(src);
        assert_eq!((e.msg.as_str(), e.line, e.col), (msg, line, col), "for {src:?}");
        assert_eq!(e.kind, ErrorKind::SyntaxError, "for {src:?}");
    }
    let e = err("if 1:\n  x\n    y\n");
    assert_eq!((e.kind, e.msg.as_str(), e.line), (ErrorKind::IndentationError, "unexpected indent", 3));
    let e = err("if 1:\n\tx\n        y\n");
    assert_eq!(
        (e.kind, e.msg.as_str(), e.line),
        (ErrorKind::TabError, "inconsistent use of tabs and spaces in indentation", 3)
    );
    let e = err("def f():\nreturn 1\n");
    assert_eq!(e.kind, ErrorKind::IndentationError);
    assert_eq!(e.msg, "expected an indented block after function definition on line 1");
    let e = err("for x in y:\n    pass\n  z\n");
    assert_eq!((e.kind, e.line, e.col), (ErrorKind::IndentationError, 3, 4));
}

#[test]
fn display_is_cpythons() {
    let e = err("a = 1\nx = (1,\ny = 2\n");
    assert_eq!(e.to_string(), "  File \"x.py\", line 2\n    x = (1,\n        ^\nSyntaxError: '(' was never closed\n");
    let e = err("return 5\n");
    assert_eq!(
        e.to_string(),
        "  File \"x.py\", line 1\n    return 5\n    ^^^^^^^^\nSyntaxError: 'return' outside function\n"
    );
}

#[test]
fn null_bytes_and_nesting_limits() {
    let e = err("x = 1\n\0\n");
    assert_eq!((e.msg.as_str(), e.line), ("source code cannot contain null bytes", 2));
    let e = err(&format!("x = {}{}\n", "(".repeat(100_000), ")".repeat(100_000)));
    assert_eq!((e.msg.as_str(), e.col), ("too many nested parentheses", 205));
    // 200 levels are fine.
    let ok = format!("x = {}1{}\n", "(".repeat(200), ")".repeat(200));
    assert!(compile_module(&ok, "x.py").is_ok());
}

#[test]
fn deep_expressions_fail_cleanly() {
    on_big_stack(|| {
        let deep = [
            format!("x = {}1\n", "-".repeat(100_000)),
            format!("x = {}y\n", "not ".repeat(100_000)),
            format!("x = a{}\n", ".b".repeat(100_000)),
            format!("x = {}\n", vec!["1"; 100_000].join("+")),
            format!("x = {}1\n", "lambda: ".repeat(5_000)),
            format!("x = f{}\n", "()".repeat(100_000)),
            format!("if {}: pass\n", vec!["a"; 100_000].join(" < ")),
        ];
        for src in &deep {
            match compile_module(src, "x.py") {
                Ok(_) => {}
                Err(e) => assert_eq!(e.msg, "maximum recursion depth exceeded during compilation"),
            }
        }
        // Moderately deep code still compiles.
        let v = compile_module(&format!("x = {}1\n", "-".repeat(1000)), "x.py").unwrap();
        check(code(&v));
        let v = compile_module(&format!("x = {}1\n", "not ".repeat(1000)), "x.py").unwrap();
        check(code(&v));
        let v = compile_module(&format!("x = {}\n", vec!["a"; 1500].join(" + ")), "x.py").unwrap();
        check(code(&v));
    });
}

#[test]
fn malformed_input_never_panics() {
    let bad = [
        "x = 'abc",
        "x = \"\"\"abc",
        "def f(:",
        "1 = x",
        "f() = 3",
        "nonlocal x",
        "return",
        "class",
        "x = [1, 2",
        "x = {1: 2, 3}",
        "if x",
        "\tif 1:\n  x",
        "lambda: (yield)",
        "def f(*, a=1, **k, x): pass",
        "f'{'",
        "f'{x!z}'",
        "f'{x:{y:{z:{w}}}}'",
        "x = 1 if 2",
        "@\ndef",
        "with a as f(): pass",
        "for f() in x: pass",
        "a := 1",
        "(a := 1) = 2",
        "x = yield = 3",
        "del *a",
        "import a.b as c.d",
        "from . import",
        "try:\n pass",
        "try:\n pass\nexcept* E:\n pass",
        "x = \\",
        "\\",
        "'\\N{nope}'",
        "b'\\xff' + 'é'",
        "0x",
        "1__0",
        "1.e",
        "x =",
        ")",
        "(",
        "]]]]",
        "\u{feff}x = 1",
        "x = 1\r\ny = 2\rz = 3",
        "    ",
        "",
        "#",
        "\n\n\n",
        "def f():\n    '''doc",
        "class C:\n  def f(self):\n    nonlocal __class__",
        "def f():\n  x = 1\n  def g():\n    global x\n    nonlocal x",
        "def f(a):\n  def g():\n    nonlocal a\n    a = 1\n  return g",
        "print(*a for a in b)",
        "f(**a, *b)",
        "x[]",
        "type X = int",
        "def f[T](): pass",
        "class C[T]: pass",
        "t'x'",
        "await x",
        "async with a: pass",
        "async for x in y: pass",
        "def f():\n  async with a: pass",
        "[x async for x in y]",
        "match x:\n  case [a, *b]: pass",
        "x: int, y: int = 1, 2",
        "global x\nx: int = 1",
        "def f():\n  return\n  yield",
        "if True:\n  pass\n elif False:\n  pass",
    ];
    for src in bad {
        let _ = compile_module(src, "x.py");
        let _ = compile_eval(src, "x.py");
    }
}

#[test]
fn mutated_programs_never_panic() {
    // Deterministic mutations of a valid program: every result is either a
    // code object that passes the invariant checks or a compile error.
    let base = r#"
def f(a, b=1, *c, **d):
    try:
        for i in range(a):
            if i % 2 and b or not c:
                continue
            x = [j * 2 for j in d if j]
            with open(i) as fh:
                return fh.read()[1:2]
    except (ValueError, KeyError) as e:
        raise RuntimeError(f"{e!r:>10}") from e
    finally:
        print("done", a < b <= c)
class K(f):
    z = lambda self, q=3: q ** 2
    def g(self):
        nonlocal_ = {k: v for k, v in self}
        return super().g(*nonlocal_, **{})
"#;
    let chars: Vec<char> = base.chars().collect();
    let alphabet: Vec<char> =
        "()[]{}:;,.=+-*/%'\"\\#\n\t @!~<>&|^0123456789abcxyzifelsedfnotrywhilasync".chars().collect();
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..600 {
        let mut s = chars.clone();
        for _ in 0..(next() % 4 + 1) {
            let pos = (next() as usize) % s.len().max(1);
            match next() % 3 {
                0 => {
                    s.remove(pos.min(s.len().saturating_sub(1)));
                }
                1 => s.insert(pos, alphabet[(next() as usize) % alphabet.len()]),
                _ => s[pos] = alphabet[(next() as usize) % alphabet.len()],
            }
        }
        let src: String = s.into_iter().collect();
        if let Ok(v) = compile_module(&src, "x.py") {
            check(code(&v));
        }
    }
}

#[test]
fn nested_finally_copies_are_bounded() {
    // Each `break` copies every enclosing `finally` body, whose own
    // `break`s copy the outer ones again: exponential code, stopped early.
    let n = 30;
    let mut src = String::from("for x in y:\n");
    for i in 0..n {
        src += &format!("{}try:\n", "    ".repeat(i + 1));
    }
    src += &format!("{}break\n", "    ".repeat(n + 1));
    for i in (0..n).rev() {
        src += &format!(
            "{}finally:\n{}if x: break\n{}f()\n",
            "    ".repeat(i + 1),
            "    ".repeat(i + 2),
            "    ".repeat(i + 2)
        );
    }
    let e = on_big_stack(move || compile_module(&src, "x.py")).unwrap_err();
    assert_eq!(e.msg, "too much code in one code block");
    // A few levels are fine.
    let v = compile("for x in y:\n    try:\n        try:\n            break\n        finally:\n            if x: break\n    finally:\n        f()\n");
    check(code(&v));
}
