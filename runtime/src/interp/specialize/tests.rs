//! The specializer on real programs: warm-up, deopt with backoff,
//! respecialization, invalidation, the debugger's `local_written`, and
//! the eval loop's arms against the expansion table.

use crate::bytecode::opcode::Opcode;
use crate::objects::function::as_function;
use crate::objects::{dict, str as pystr, Value};
use crate::vm::{Config, Vm};

use super::expansion::expansion;
#[cfg(debug_assertions)]
use super::expansion::{Rec, Step, When, RECORDING};

/// Run `src` as a module at tier 1; its globals.
fn run(vm: &Vm, src: &str) -> Value {
    let code = crate::compile::compile_module(src, "<test>").expect("compiles");
    let globals = dict::new_dict();
    crate::interp::eval::run_module_code(vm, code, &globals).expect("runs");
    globals
}

fn vm() -> Box<Vm> {
    Vm::new(Config { max_tier: 1, ..Config::default() })
}

/// The opcodes of function `name` in `globals`.
fn ops_of(globals: &Value, name: &str) -> Vec<Opcode> {
    let f = dict::get_str(globals, &pystr::intern(name)).expect("defined");
    let f = as_function(&f).expect("a function");
    f.code().instrs().iter().map(|i| i.op).collect()
}

fn call(vm: &Vm, globals: &Value, name: &str, args: &[Value]) -> Value {
    let f = dict::get_str(globals, &pystr::intern(name)).expect("defined");
    crate::interp::call::call(vm, &f, args, &[]).expect("call succeeds")
}

fn has(ops: &[Opcode], op: Opcode) -> bool {
    ops.contains(&op)
}

#[test]
fn warms_up_misses_deopts_and_respecializes() {
    let vm = vm();
    let g = run(&vm, "def add(a, b):\n    return a + b\n");
    let (one, two) = (Value::small_int(1), Value::small_int(2));
    let add_op = |g: &Value| *ops_of(g, "add").iter().find(|o| o.generic() == Opcode::BINARY_OP).unwrap();
    call(&vm, &g, "add", &[one.clone(), two.clone()]);
    assert_eq!(add_op(&g), Opcode::BINARY_OP, "cold after one call");
    call(&vm, &g, "add", &[one.clone(), two.clone()]);
    assert_eq!(add_op(&g), Opcode::BINARY_OP_ADD_INT, "specialized on the second");
    // Strings: the guard fails and the generic form gives the answer...
    let (x, y) = (pystr::new_str("x"), pystr::new_str("y"));
    let r = call(&vm, &g, "add", &[x.clone(), y.clone()]);
    assert_eq!(pystr::as_str(&r), Some("xy"));
    assert_eq!(add_op(&g), Opcode::BINARY_OP, "a miss runs the generic form");
    // ...and the specialized form is back for the next execution.
    assert_eq!(call(&vm, &g, "add", &[one.clone(), two.clone()]).as_small_int(), Some(3));
    assert_eq!(add_op(&g), Opcode::BINARY_OP_ADD_INT, "restored after one miss");
    // Misses beyond the budget deopt it, and the deopting execution
    // specializes again for what it sees now.
    let mut calls = 0;
    while add_op(&g) != Opcode::BINARY_OP_ADD_UNICODE {
        let r = call(&vm, &g, "add", &[x.clone(), y.clone()]);
        assert_eq!(pystr::as_str(&r), Some("xy"));
        calls += 1;
        assert!(calls < 100, "never respecialized");
    }
    let budget = crate::bytecode::cache::MISS_BUDGET as usize;
    // The budget (one miss already spent), then the deopting miss, which
    // respecializes: no generic executions in between (no backoff).
    assert_eq!(calls, budget - 1 + 1, "misses before the deopt, then the deopting one");
    // The same again the other way.
    for _ in 0..budget {
        assert_eq!(call(&vm, &g, "add", &[one.clone(), two.clone()]).as_small_int(), Some(3));
    }
    assert_eq!(add_op(&g), Opcode::BINARY_OP, "the last absorbed miss ran generic");
    assert_eq!(call(&vm, &g, "add", &[one.clone(), two.clone()]).as_small_int(), Some(3));
    assert_eq!(add_op(&g), Opcode::BINARY_OP_ADD_INT, "deopted and respecialized in one execution");
}

#[test]
fn changing_a_class_invalidates_its_subclasses_versions() {
    let vm = vm();
    let g = run(
        &vm,
        "class A:\n    def m(self):\n        return 1\nclass B(A):\n    pass\n\
         def f(o):\n    return o.m()\nb = B()\nf(b)\nf(b)\n",
    );
    assert!(has(&ops_of(&g, "f"), Opcode::LOAD_ATTR_METHOD_WITH_VALUES));
    let b = dict::get_str(&g, &pystr::intern("B")).unwrap();
    let bt = crate::objects::typeobj::as_type(&b).unwrap();
    assert_ne!(bt.version.get(), 0, "B has a tag once a cache uses it");
    run(&vm, "pass");
    let a = dict::get_str(&g, &pystr::intern("A")).unwrap();
    crate::interp::attr::setattr(&vm, &a, &pystr::intern("m"), Value::small_int(0)).unwrap();
    assert_eq!(bt.version.get(), 0, "a change to A clears B's tag");
}

#[test]
fn local_written_despecializes_the_consumers_of_the_slot() {
    let vm = vm();
    let g = run(&vm, "def fib(n):\n    a, b = 0, 1\n    for _ in range(n):\n        a, b = b, a + b\n    return a\nfib(10)\nfib(10)\n");
    let f = dict::get_str(&g, &pystr::intern("fib")).unwrap();
    let code = as_function(&f).unwrap().code();
    let add = code.instrs().iter().position(|i| i.op == Opcode::BINARY_OP_ADD_INT).expect("specialized");
    // Slot 1 is `a`: it feeds the addition.
    let out = super::local_written(code, 1);
    assert!(out.iter().any(|d| d.index as usize == add && d.from == Opcode::BINARY_OP_ADD_INT), "{out:?}");
    assert_eq!(code.instrs()[add].op, Opcode::BINARY_OP);
    // Nothing else specialized is left that reads `a`.
    assert!(super::local_written(code, 1).is_empty());
}

#[test]
fn rebinding_a_global_or_a_builtin_is_seen() {
    let vm = vm();
    let g = run(
        &vm,
        "def f(x):\n    return len(x)\nk = 1\ndef g():\n    return k\nr = [f([1]), f([1]), g(), g()]\n\
         k = 2\nlen = lambda x: 0\nr += [f([1]), g()]\n",
    );
    let r = dict::get_str(&g, &pystr::intern("r")).unwrap();
    let vals: Vec<i64> =
        crate::objects::list::as_list(&r).unwrap().items().iter().map(|v| v.as_small_int().unwrap()).collect();
    assert_eq!(vals, [1, 1, 1, 1, 0, 2]);
}

/// Debug builds record the uops every specialized arm runs: each must be
/// the table's steps, in order, stopping early only at a deopt, an error,
/// or where an interpreter step jumps (`FOR_ITER` leaving its loop).
#[cfg(debug_assertions)]
#[test]
fn eval_arms_run_their_expansion() {
    let vm = vm();
    RECORDING.with(|r| *r.borrow_mut() = Some(Vec::new()));
    run(
        &vm,
        r#"
class P:
    __slots__ = ("s",)
    def __init__(self):
        self.s = 1
class C:
    K = 3
    def __init__(self, x):
        self.x = x
    def m(self):
        return self.x
    @property
    def p(self):
        return self.x
    def __getitem__(self, i):
        return i
class C2(C):
    pass
class Q:
    def go(self):
        return self.f(1)
class Q1(Q):
    def f(self, x):
        return x
class Q2(Q):
    def f(self, x):
        return x + 1
import math
def gen():
    yield 1
    yield 2
def work(n):
    t = 0
    s = ""
    fl = 0.5
    d = {"a": 1}
    st = {1, 2}
    lst = [1, 2, 3]
    c = C(1)
    c2 = C2(2)
    q1 = Q1()
    q2 = Q2()
    pp = P()
    for i in range(n):
        t = t + i * 2 - 1
        fl = fl * 1.5 + 0.25 - fl
        s += "x"
        u = "a" + "b"
        t += lst[1] + (1, 2)[0] + d["a"] + len(lst) + c.x + c.m() + c.p + c[1] + C.K + c.K + pp.s
        lst[0] = i
        C(i)
        d["b"] = i
        c.x = i
        pp.s = i
        for o in (c, c2):
            t += o.x + o.m()
            o.x = i
        for q in (q1, q2):
            t += q.go()
        a, b = 1, 2
        x, y, z = (1, 2, 3)
        p, q = [1, 2]
        if i < n and fl > 0.0 and s != "" and "a" in d and 2 in st and isinstance(c, C) and lst and t:
            lst.append(i)
            lst.pop()
        str(i)
        type(i)
        tuple(lst)
        math.floor(1.5)
        "x".upper()
        abs(-1)
        for v in lst:
            pass
        for w in (1, 2):
            pass
        for g in gen():
            pass
        if not c or None:
            pass
    return t
work(30)
"#,
    );
    let recs = RECORDING.with(|r| r.borrow_mut().take()).unwrap();
    let mut seen = std::collections::HashSet::new();
    let mut i = 0;
    while i < recs.len() {
        let Rec::Instr(op, arg) = recs[i] else {
            i += 1;
            continue;
        };
        let mut ran = Vec::new();
        i += 1;
        while i < recs.len() {
            match recs[i] {
                Rec::Uop(u) => ran.push(u),
                Rec::Instr(..) => break,
            }
            i += 1;
        }
        // A nested frame (a call) records its own instructions; `ran` holds
        // what this one ran before it.
        let e = expansion(op).unwrap_or_else(|| panic!("{} has no expansion", op.name()));
        let wanted: Vec<_> = e
            .steps
            .iter()
            .filter_map(|s| match *s {
                Step::Uop { id, when, .. } if when == When::Always || when.holds(arg) => Some(id),
                _ => None,
            })
            .collect();
        assert!(
            ran.len() <= wanted.len() && wanted[..ran.len()] == ran[..],
            "{}: ran {ran:?}, table {wanted:?}",
            op.name()
        );
        seen.insert(op);
    }
    for must in [
        Opcode::BINARY_OP_ADD_INT,
        Opcode::BINARY_OP_MULTIPLY_FLOAT,
        Opcode::BINARY_OP_INPLACE_ADD_UNICODE,
        Opcode::LOAD_ATTR_INSTANCE_VALUE,
        Opcode::LOAD_ATTR_METHOD_WITH_VALUES,
        Opcode::LOAD_ATTR_PROPERTY,
        Opcode::LOAD_ATTR_MODULE,
        Opcode::LOAD_ATTR_CLASS,
        Opcode::LOAD_ATTR_SLOT,
        Opcode::LOAD_ATTR_NONDESCRIPTOR_WITH_VALUES,
        Opcode::STORE_ATTR_INSTANCE_VALUE,
        Opcode::STORE_ATTR_SLOT,
        Opcode::LOAD_ATTR_INSTANCE_VALUE_POLY,
        Opcode::LOAD_ATTR_METHOD_WITH_VALUES_POLY,
        Opcode::STORE_ATTR_INSTANCE_VALUE_POLY,
        Opcode::LOAD_ATTR_METHOD_LOOKUP_POLY,
        Opcode::CALL_PY_EXACT_ARGS_POLY,
        Opcode::LOAD_GLOBAL_BUILTIN,
        Opcode::LOAD_GLOBAL_MODULE,
        Opcode::FOR_ITER_RANGE,
        Opcode::FOR_ITER_LIST,
        Opcode::FOR_ITER_TUPLE,
        Opcode::FOR_ITER_GEN,
        Opcode::CALL_PY_EXACT_ARGS,
        Opcode::CALL_LEN,
        Opcode::CALL_ISINSTANCE,
        Opcode::CALL_LIST_APPEND,
        Opcode::CALL_STR_1,
        Opcode::CALL_TYPE_1,
        Opcode::CALL_TUPLE_1,
        Opcode::CALL_ALLOC_AND_ENTER_INIT,
        Opcode::BINARY_OP_SUBSCR_LIST_INT,
        Opcode::BINARY_OP_SUBSCR_TUPLE_INT,
        Opcode::BINARY_OP_SUBSCR_DICT,
        Opcode::BINARY_OP_SUBSCR_GETITEM,
        Opcode::STORE_SUBSCR_LIST_INT,
        Opcode::STORE_SUBSCR_DICT,
        Opcode::COMPARE_OP_INT,
        Opcode::COMPARE_OP_FLOAT,
        Opcode::COMPARE_OP_STR,
        Opcode::CONTAINS_OP_DICT,
        Opcode::CONTAINS_OP_SET,
        Opcode::UNPACK_SEQUENCE_TWO_TUPLE,
        Opcode::UNPACK_SEQUENCE_TUPLE,
        Opcode::UNPACK_SEQUENCE_LIST,
        Opcode::TO_BOOL_LIST,
        Opcode::TO_BOOL_INT,
        Opcode::TO_BOOL_ALWAYS_TRUE,
    ] {
        assert!(seen.contains(&must), "{} never ran", must.name());
    }
}

#[test]
fn every_specialized_opcode_has_an_expansion_and_a_generic_form() {
    for &op in Opcode::ALL.iter().filter(|o| o.is_specialized()) {
        let e = expansion(op).unwrap_or_else(|| panic!("{} has no expansion", op.name()));
        assert!(!e.steps.is_empty());
        assert!(!op.generic().is_specialized());
        assert!(op.name().starts_with(op.generic().name().split('_').next().unwrap()), "{}", op.name());
    }
    for e in super::expansion::EXPANSIONS {
        assert!(e.op.is_specialized(), "{}", e.op.name());
    }
}
