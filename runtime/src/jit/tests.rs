//! Hand-built traces, run as machine code and by the uop interpreter on
//! identical frames of real Python functions: both must exit the same way,
//! leave the same frame, and the interpreter, resuming either frame at the
//! exit's instruction, must finish both with the same result.

use std::cell::Cell;
use std::ptr;

use pyfast_stencils::trace::{interpret, Exit, ExitKind, UopInst};
use pyfast_stencils::uops::UopId::{self, *};

use super::emit::emit;
use super::memory::JitMemory;
use super::JitError;
use crate::bytecode::opcode::Opcode;
use crate::interp::frame::Frame;
use crate::objects::exception::PyResult;
use crate::objects::{dict, float, int, str as pystr, Value};
use crate::vm::{Config, Vm};

struct Module {
    vm: Box<Vm>,
    globals: Value,
}

impl Module {
    fn new(src: &str) -> Module {
        let vm = Vm::new(Config::default());
        let code = crate::compile::compile_module(src, "<jit test>").expect("the test module compiles");
        let globals = dict::new_dict();
        dict::set_str(&globals, pystr::intern("__builtins__"), vm.builtin_module());
        crate::interp::eval::run_module_code(&vm, code, &globals).expect("the test module runs");
        Module { vm, globals }
    }

    fn get(&self, name: &str) -> Value {
        dict::get_str(&self.globals, &pystr::intern(name)).unwrap_or_else(|| panic!("no global {name}"))
    }

    fn call(&self, name: &str, args: &[Value]) -> Value {
        crate::interp::call::call(&self.vm, &self.get(name), args, &[]).expect("the call succeeds")
    }

    fn repr(&self, v: &Value) -> String {
        if v.is_null() {
            return "<NULL>".into();
        }
        let r = crate::interp::ops::repr(&self.vm, v).expect("repr");
        // Addresses differ between the two runs.
        match r.find(" at 0x") {
            Some(i) => format!("{}>", &r[..i]),
            None => r,
        }
    }

    fn result(&self, r: PyResult<Value>) -> String {
        match r {
            Ok(v) => self.repr(&v),
            Err(e) => format!("raised {}", self.repr(&e.0)),
        }
    }

    /// Index of the first `op` in function `name`, checking the opcodes
    /// that follow it (the trace mirrors them).
    fn find(&self, name: &str, op: Opcode, then: &[Opcode]) -> u32 {
        let func = self.get(name);
        let code = crate::objects::function::as_function(&func).unwrap().code();
        let ops: Vec<Opcode> = code.instrs().iter().map(|i| i.op).collect();
        let at = ops.iter().position(|&o| o == op).unwrap_or_else(|| panic!("no {op:?} in {name}"));
        assert_eq!(&ops[at + 1..at + 1 + then.len()], then, "the bytecode of {name} changed");
        at as u32
    }

    /// A frame of function `name` about to run instruction `instr`.
    unsafe fn frame(&self, name: &str, instr: u32, locals: &[Value], stack: &[Value]) -> *mut Frame {
        let vm = &self.vm;
        let f = vm.frames().push(self.get(name), Value::NULL, vm.current_frame.get());
        vm.depth.set(vm.depth.get() + 1);
        for (i, v) in locals.iter().enumerate() {
            *(*f).slot(i) = v.clone();
        }
        for (i, v) in stack.iter().enumerate() {
            ptr::write((*f).stack_base().add(i), v.clone());
        }
        (*f).stack_depth = stack.len() as u32;
        (*f).instr = instr;
        f
    }

    /// The frame as the interpreter will see it: instruction, stack depth,
    /// every slot and stack value.
    unsafe fn snapshot(&self, f: *mut Frame) -> (u32, u32, Vec<String>) {
        let n = (*f).nlocalsplus as usize + (*f).stack_depth as usize;
        let slots = (0..n).map(|i| self.repr(&*(*f).localsplus().add(i))).collect();
        ((*f).instr, (*f).stack_depth, slots)
    }

    /// Let the interpreter finish the frame from where the trace left it.
    unsafe fn resume(&self, f: *mut Frame, exit: Exit) -> PyResult<Value> {
        let vm = &self.vm;
        let _native = vm.enter_native().unwrap();
        let throw = match exit.kind {
            ExitKind::Deopt => None,
            ExitKind::Error => Some(vm.take_pending_error().expect("an error exit leaves an exception pending")),
        };
        assert!(vm.take_pending_error().is_none());
        (*f).is_entry = true;
        vm.current_frame.set(f);
        crate::interp::eval::eval_frame(vm, f, throw)
    }
}

/// What a trace did to a frame.
#[derive(Debug, PartialEq)]
struct Outcome {
    exit: Exit,
    frame: (u32, u32, Vec<String>),
    result: String,
}

/// Run `trace` from instruction `instr` of function `func` twice, on fresh
/// frames from `setup`: with the uop interpreter, then as machine code from
/// `mem`. `before` runs before each, `after` right after each exit.
fn run_both(
    m: &Module,
    func: &str,
    instr: u32,
    setup: &dyn Fn() -> (Vec<Value>, Vec<Value>),
    trace: &[UopInst],
    mem: &JitMemory,
    hooks: (&dyn Fn(), &dyn Fn()),
) -> (Outcome, Outcome) {
    let executor = emit(trace, mem).expect("the trace compiles");
    let mut outcomes = Vec::new();
    for jit in [false, true] {
        let (locals, stack) = setup();
        unsafe {
            let f = m.frame(func, instr, &locals, &stack);
            drop((locals, stack));
            (hooks.0)();
            let exit = if jit { executor.execute(f) } else { interpret(trace, f.cast()) };
            (hooks.1)();
            let frame = m.snapshot(f);
            let result = m.result(m.resume(f, exit));
            outcomes.push(Outcome { exit, frame, result });
        }
    }
    let jit = outcomes.pop().unwrap();
    let interpreted = outcomes.pop().unwrap();
    assert_eq!(jit, interpreted, "machine code and the uop interpreter differ");
    (interpreted, jit)
}

const FIB: &str = "
def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a

def interruptible(n):
    a, b = 0, 1
    try:
        for _ in range(n):
            a, b = b, a + b
    except KeyboardInterrupt:
        return ('interrupted', a, b)
    return a

def loop_iter(n):
    return iter(range(n))
";

/// The loop body the talk traces (`for _ in range(n): a, b = b, a + b`,
/// locals n, a, b, _), from its FOR_ITER at `f` back to the top.
fn fib_trace(f: u32, breaker: u64) -> Vec<UopInst> {
    let u = |id: UopId, oparg: u32, target: u32| UopInst::new(id, oparg, 0, target);
    vec![
        u(_ITER_CHECK_RANGE, 0, f),
        u(_GUARD_NOT_EXHAUSTED_RANGE, 0, f),
        u(_ITER_NEXT_RANGE, 0, f),
        u(_STORE_FAST, 3, f + 1),
        u(_LOAD_FAST, 2, f + 2),
        u(_LOAD_FAST, 1, f + 2),
        u(_LOAD_FAST, 2, f + 3),
        u(_GUARD_TOS_INT, 0, f + 4),
        u(_GUARD_NOS_INT, 0, f + 4),
        u(_BINARY_OP_ADD_INT, 0, f + 4),
        u(_STORE_FAST, 2, f + 5),
        u(_STORE_FAST, 1, f + 5),
        u(_SET_IP, f + 6, f + 6),
        UopInst::new(_CHECK_PERIODIC, 0, breaker, f + 6),
        u(_JUMP_TO_TOP, 0, f + 6),
    ]
}

const LOOP_BODY: [Opcode; 6] = [
    Opcode::STORE_FAST,
    Opcode::LOAD_FAST_LOAD_FAST,
    Opcode::LOAD_FAST,
    Opcode::BINARY_OP,
    Opcode::STORE_FAST_STORE_FAST,
    Opcode::JUMP_BACKWARD,
];

fn breaker(m: &Module) -> u64 {
    std::sync::Arc::as_ptr(&m.vm.eval_breaker) as u64
}

fn no_hook() {}

/// The fibonacci loop at `n`, starting from a = 0, b = 1.
fn fib_outcome(m: &Module, n: i64, mem: &JitMemory) -> Outcome {
    let f = m.find("fib", Opcode::FOR_ITER, &LOOP_BODY);
    let setup = || {
        let locals = vec![int::from_i64(n), int::from_i64(0), int::from_i64(1), Value::NULL];
        (locals, vec![m.call("loop_iter", &[int::from_i64(n)])])
    };
    run_both(m, "fib", f, &setup, &fib_trace(f, breaker(m)), mem, (&no_hook, &no_hook)).1
}

#[test]
fn the_fibonacci_loop_runs_as_machine_code_like_the_uop_interpreter() {
    let m = Module::new(FIB);
    let f = m.find("fib", Opcode::FOR_ITER, &LOOP_BODY);
    let o = fib_outcome(&m, 50, JitMemory::global());
    // The range ran out: the guard sent the frame back to FOR_ITER with
    // the iterator on the stack, and the interpreter finished the loop.
    assert_eq!(o.exit, Exit { kind: ExitKind::Deopt, instr: f, uop: 1 });
    assert_eq!((o.frame.0, o.frame.1), (f, 1));
    assert_eq!(o.frame.2[1..3], ["12586269025", "20365011074"]);
    assert_eq!(o.result, "12586269025");
}

#[test]
fn helper_calls_reach_the_runtime_from_memory_anywhere() {
    // fib(91) is past the 62-bit small ints: the add calls the runtime for a
    // heap int, and the next iteration's guard fails on it.
    let near = fib_outcome(&Module::new(FIB), 92, JitMemory::global());
    let anywhere = JitMemory::anywhere();
    let far = fib_outcome(&Module::new(FIB), 92, &anywhere);
    assert_eq!(near, far);
    assert_eq!(far.exit.kind, ExitKind::Deopt);
    assert_eq!(far.exit.uop, 7, "_GUARD_TOS_INT failed on the heap int");
    assert_eq!(far.frame.1, 4, "iterator, b, a, b on the stack");
    assert_eq!(far.result, "7540113804746346429");
    // Whether a veneer was needed depends on where the kernel put the
    // memory; a trace that needs one must work (checked above), and the
    // emitter must use one exactly when the helper is out of rel32 reach.
    let trace = fib_trace(0, 0);
    for mem in [JitMemory::global(), &anywhere] {
        let e = emit(&trace, mem).unwrap();
        let helper = pyfast_stencils::uops::helpers::pyfast_rt_int_from_i64 as *const () as i64;
        let far_away = (helper - e.entry() as i64).unsigned_abs() > (1 << 31) - (1 << 20);
        assert_eq!(e.stats().veneer_calls > 0, far_away, "{:?}", e.stats());
    }
}

#[test]
fn a_guard_failure_on_a_local_that_is_not_an_int_leaves_the_frame_exact() {
    let m = Module::new(FIB);
    let f = m.find("fib", Opcode::FOR_ITER, &LOOP_BODY);
    let setup = || {
        let locals = vec![int::from_i64(10), float::new_float(0.5), int::from_i64(1), Value::NULL];
        (locals, vec![m.call("loop_iter", &[int::from_i64(10)])])
    };
    let (_, o) = run_both(&m, "fib", f, &setup, &fib_trace(f, breaker(&m)), JitMemory::global(), (&no_hook, &no_hook));
    // First iteration: a (under b on the stack) is a float.
    assert_eq!(o.exit, Exit { kind: ExitKind::Deopt, instr: f + 4, uop: 8 });
    assert_eq!(o.frame.1, 4);
    assert_eq!(o.frame.2[4..], ["<range_iterator object>", "1", "0.5", "1"]);
    assert_eq!(o.result, "72.0", "the interpreter finished the loop from BINARY_OP");
}

#[test]
fn an_error_exit_leaves_the_frame_exact_with_the_exception_pending() {
    let m = Module::new(FIB);
    let f = m.find("interruptible", Opcode::FOR_ITER, &LOOP_BODY);
    crate::signals::install(&m.vm.eval_breaker);
    let interrupt = || unsafe {
        libc::raise(libc::SIGINT);
    };
    let setup = || {
        let locals = vec![int::from_i64(10), int::from_i64(0), int::from_i64(1), Value::NULL];
        (locals, vec![m.call("loop_iter", &[int::from_i64(10)])])
    };
    let trace = fib_trace(f, breaker(&m));
    let (_, o) = run_both(&m, "interruptible", f, &setup, &trace, JitMemory::global(), (&interrupt, &no_hook));
    unsafe { libc::signal(libc::SIGINT, libc::SIG_DFL) };
    // One iteration, then _CHECK_PERIODIC raised KeyboardInterrupt at the
    // backward jump; the handler in the function caught it.
    assert_eq!(o.exit, Exit { kind: ExitKind::Error, instr: f + 6, uop: 13 });
    assert_eq!(o.frame.1, 1, "the iterator is still on the stack");
    assert_eq!(o.frame.2[1..3], ["1", "1"]);
    assert_eq!(o.result, "('interrupted', 1, 1)");
}

#[test]
fn a_helper_that_drops_the_last_reference_runs_python_code_in_del() {
    let m = Module::new(
        "
log = []
class Sneaky:
    def __del__(self):
        log.append(len(log))

def holder(x, y):
    return x
",
    );
    let log_len = || crate::objects::list::as_list(&m.get("log")).unwrap().items().len();
    let expected = Cell::new(0);
    let setup = || (vec![m.call("Sneaky", &[]), int::from_i64(5)], vec![]);
    let after = || {
        expected.set(expected.get() + 1);
        assert_eq!(log_len(), expected.get(), "__del__ ran inside the trace");
    };
    // holder: RESUME, LOAD_FAST x, RETURN_VALUE. The trace stores y into x,
    // releasing the only reference to the Sneaky object.
    let trace =
        [UopInst::new(_LOAD_FAST, 1, 0, 1), UopInst::new(_STORE_FAST, 0, 0, 1), UopInst::new(_EXIT_TRACE, 0, 0, 1)];
    let (_, o) = run_both(&m, "holder", 1, &setup, &trace, JitMemory::global(), (&no_hook, &after));
    assert_eq!(o.exit, Exit { kind: ExitKind::Deopt, instr: 1, uop: 2 });
    assert_eq!(o.frame, (1, 0, vec!["5".to_string(), "5".to_string()]));
    assert_eq!(o.result, "5");
    assert_eq!(m.repr(&m.get("log")), "[0, 1]");
}

#[test]
fn traces_that_would_run_past_their_end_are_refused() {
    let mem = JitMemory::anywhere();
    let runs_off = [UopInst::new(_LOAD_FAST, 0, 0, 0), UopInst::new(_POP_TOP, 0, 0, 0)];
    assert!(matches!(emit(&runs_off, &mem), Err(JitError::BadTrace(_))));
    let jumps_out = [UopInst::new(_JUMP_TO_TOP, 3, 0, 0)];
    assert!(matches!(emit(&jumps_out, &mem), Err(JitError::BadTrace(_))));
    assert!(matches!(emit(&[], &mem), Err(JitError::BadTrace(_))));
    assert_eq!(mem.stats().used_bytes, 0);
}

#[test]
fn executors_free_their_memory() {
    let mem = JitMemory::anywhere();
    let trace = fib_trace(0, 0);
    let executors: Vec<_> = (0..200).map(|_| emit(&trace, &mem).unwrap()).collect();
    let s = mem.stats();
    assert!(s.chunks < executors.len() / 4, "chunks are shared: {s:?}");
    drop(executors);
    assert_eq!(mem.stats().used_bytes, 0);
    assert!(mem.stats().chunks <= 1);
}

/// `def pick(a, b): return a`, entered at its RETURN_VALUE with the value a
/// trace computed on the stack: the function returns what the trace left.
const PICK: &str = "
def pick(a, b):
    return a
";

fn computed(m: &Module, a: Value, b: Value, trace: &[UopInst]) -> Outcome {
    let ret = m.find("pick", Opcode::RETURN_VALUE, &[]);
    let setup = || (vec![a.clone(), b.clone()], vec![]);
    run_both(m, "pick", ret, &setup, trace, JitMemory::global(), (&no_hook, &no_hook)).1
}

#[test]
fn arithmetic_and_comparison_uops_agree_with_the_uop_interpreter() {
    use pyfast_stencils::compare_op;
    let m = Module::new(PICK);
    let ret = m.find("pick", Opcode::RETURN_VALUE, &[]);
    let u = |id: UopId, oparg: u32| UopInst::new(id, oparg, 0, ret);
    // a * b - b, with a comparison computed and dropped on the way.
    let arith = [
        u(_LOAD_FAST, 0),
        u(_LOAD_FAST, 1),
        u(_GUARD_TOS_INT, 0),
        u(_GUARD_NOS_INT, 0),
        u(_BINARY_OP_MULTIPLY_INT, 0),
        u(_LOAD_FAST, 0),
        u(_LOAD_FAST, 1),
        u(_COMPARE_OP_INT, compare_op::LT),
        u(_POP_TOP, 0),
        u(_LOAD_FAST, 1),
        u(_BINARY_OP_SUBTRACT_INT, 0),
        u(_EXIT_TRACE, 0),
    ];
    for (a, b) in [(6, 7), (-5, 3), (0, -1), (1 << 30, 1 << 20)] {
        let o = computed(&m, int::from_i64(a), int::from_i64(b), &arith);
        assert_eq!(o.result, (a * b - b).to_string());
        assert_eq!(o.exit, Exit { kind: ExitKind::Deopt, instr: ret, uop: 11 });
    }
    // A guard sends a float back to the interpreter before any arithmetic.
    let o = computed(&m, float::new_float(1.5), int::from_i64(2), &arith);
    assert_eq!((o.exit.uop, o.frame.1, o.result.as_str()), (3, 2, "2"));
    // A product past 64 bits comes from the runtime.
    let mul = [u(_LOAD_FAST, 0), u(_LOAD_FAST, 1), u(_BINARY_OP_MULTIPLY_INT, 0), u(_EXIT_TRACE, 0)];
    let o = computed(&m, int::from_i64(1 << 40), int::from_i64(-(1 << 40)), &mul);
    assert_eq!(o.result, "-1208925819614629174706176");
    // Every comparison (the stencil that does not fall through).
    for op in [compare_op::LT, compare_op::LE, compare_op::EQ, compare_op::NE, compare_op::GT, compare_op::GE] {
        let cmp = [u(_LOAD_FAST, 0), u(_LOAD_FAST, 1), u(_COMPARE_OP_INT, op), u(_EXIT_TRACE, 0)];
        for (a, b) in [(1, 2), (2, 2), (3, 2)] {
            let want = match op {
                compare_op::LT => a < b,
                compare_op::LE => a <= b,
                compare_op::EQ => a == b,
                compare_op::NE => a != b,
                compare_op::GT => a > b,
                _ => a >= b,
            };
            let o = computed(&m, int::from_i64(a), int::from_i64(b), &cmp);
            assert_eq!(o.result, if want { "True" } else { "False" }, "{a} op {op} {b}");
        }
    }
}
