//! How fast the copy-and-patch emitter is, and how big its code: emits a
//! 100-uop trace many times and prints the time per emit, then the code
//! bytes of every stencil; then how fast a hand-built trace of a loop runs
//! as machine code, in the uop interpreter and at tier 0. Run with
//! `cargo bench -p pyfast-runtime --bench jit_emit`.

#[cfg(all(target_arch = "x86_64", target_os = "linux"))]
fn main() {
    use std::time::Instant;

    use pyfast_runtime::jit::{compile, JitMemory};
    use pyfast_stencils::jit;
    use pyfast_stencils::trace::UopInst;
    use pyfast_stencils::uops::UopId::*;
    use pyfast_stencils::uops::ALL;

    // The talk's loop body, repeated: 100 uops, ending in the jump back.
    let body = [
        UopInst::new(_ITER_CHECK_RANGE, 0, 0, 8),
        UopInst::new(_GUARD_NOT_EXHAUSTED_RANGE, 0, 0, 8),
        UopInst::new(_ITER_NEXT_RANGE, 0, 0, 8),
        UopInst::new(_STORE_FAST, 3, 0, 9),
        UopInst::new(_LOAD_FAST, 2, 0, 10),
        UopInst::new(_LOAD_FAST, 1, 0, 10),
        UopInst::new(_LOAD_FAST, 2, 0, 11),
        UopInst::new(_GUARD_TOS_INT, 0, 0, 12),
        UopInst::new(_GUARD_NOS_INT, 0, 0, 12),
        UopInst::new(_BINARY_OP_ADD_INT, 0, 0, 12),
        UopInst::new(_STORE_FAST, 2, 0, 13),
        UopInst::new(_STORE_FAST, 1, 0, 13),
        UopInst::new(_SET_IP, 14, 0, 14),
        UopInst::new(_CHECK_PERIODIC, 0, 0x1000, 14),
    ];
    let mut trace: Vec<UopInst> = body.iter().cycle().take(99).copied().collect();
    trace.push(UopInst::new(_JUMP_TO_TOP, 0, 0, 14));

    let _ = JitMemory::global();
    for _ in 0..200 {
        drop(compile(&trace).expect("the trace compiles"));
    }
    let mut times = Vec::new();
    let mut stats = None;
    for _ in 0..5000 {
        let t = Instant::now();
        let e = compile(&trace).unwrap();
        times.push(t.elapsed().as_nanos() as f64 / 1e3);
        stats = Some(e.stats());
        drop(e);
    }
    times.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let s = stats.unwrap();
    let mean = times.iter().sum::<f64>() / times.len() as f64;
    println!(
        "emit, {}-uop trace: median {:.2} us, min {:.2} us, p99 {:.2} us, mean {:.2} us, max {:.0} us (5000 emits)",
        trace.len(),
        times[times.len() / 2],
        times[0],
        times[times.len() * 99 / 100],
        mean,
        times[times.len() - 1]
    );
    // The memory part alone: a region as big as the trace, written to and
    // flipped to read+execute.
    let mut mem_times: Vec<f64> = (0..5000)
        .map(|_| {
            let t = Instant::now();
            let mut w = JitMemory::global().alloc(s.total_bytes).unwrap();
            w.bytes()[0] = 0xc3;
            let r = w.finish().unwrap();
            let us = t.elapsed().as_nanos() as f64 / 1e3;
            drop(r);
            us
        })
        .collect();
    mem_times.sort_by(|a, b| a.partial_cmp(b).unwrap());
    println!(
        "  of which JIT memory (alloc, mprotect to read+execute): median {:.2} us",
        mem_times[mem_times.len() / 2]
    );
    println!(
        "trace: {} bytes of uop code ({:.1} per uop), {} bytes in all with {} side exits, {} veneer calls",
        s.code_bytes,
        s.code_bytes as f64 / s.uops as f64,
        s.total_bytes,
        s.exits,
        s.veneer_calls
    );
    println!("\n{:<28} {:>5} {:>5} {:>6}  falls through", "stencil", "code", "data", "holes");
    macro_rules! ids {
        ($($fam:ident :: $name:ident),* $(,)?) => { [$(pyfast_stencils::uops::UopId::$name),*] };
    }
    let ids = pyfast_stencils::for_each_uop!(ids);
    let mut total = 0;
    for (id, info) in ids.iter().zip(ALL) {
        let st = jit::stencil(*id).unwrap();
        total += st.code.len();
        println!(
            "{:<28} {:>5} {:>5} {:>6}  {}",
            info.name,
            st.code.len(),
            st.data.len(),
            st.holes.len(),
            st.falls_through
        );
    }
    let exit = jit::side_exit().unwrap();
    println!(
        "{:<28} {:>5} {:>5} {:>6}  {}",
        exit.name,
        exit.code.len(),
        exit.data.len(),
        exit.holes.len(),
        exit.falls_through
    );
    println!("mean over {} uop stencils: {:.1} code bytes", ALL.len(), total as f64 / ALL.len() as f64);
    run_a_loop();
}

/// `for i in range(n): t = t + i` as a trace, run on a real frame.
#[cfg(all(target_arch = "x86_64", target_os = "linux"))]
fn run_a_loop() {
    use std::time::Instant;

    use pyfast_runtime::bytecode::opcode::Opcode;
    use pyfast_runtime::interp::{call, eval};
    use pyfast_runtime::objects::{dict, function, int, str as pystr, Value};
    use pyfast_runtime::vm::{Config, Vm};
    use pyfast_stencils::trace::{interpret, ExitKind, UopInst};
    use pyfast_stencils::uops::UopId::*;

    const N: i64 = 10_000_000;
    let vm = Vm::new(Config::default());
    let src = "def total(n):\n    t = 0\n    for i in range(n):\n        t = t + i\n    return t\n";
    let globals = dict::new_dict();
    dict::set_str(&globals, pystr::intern("__builtins__"), vm.builtin_module());
    eval::run_module_code(&vm, pyfast_runtime::compile::compile_module(src, "<bench>").unwrap(), &globals).unwrap();
    let func = dict::get_str(&globals, &pystr::intern("total")).unwrap();
    let ops: Vec<Opcode> = function::as_function(&func).unwrap().code().instrs().iter().map(|i| i.op).collect();
    let f = ops.iter().position(|&o| o == Opcode::FOR_ITER).unwrap() as u32;
    assert_eq!(
        ops[f as usize + 1..f as usize + 6],
        [Opcode::STORE_FAST, Opcode::LOAD_FAST_LOAD_FAST, Opcode::BINARY_OP, Opcode::STORE_FAST, Opcode::JUMP_BACKWARD]
    );
    let breaker = std::sync::Arc::as_ptr(&vm.eval_breaker) as u64;
    let u = |id, oparg, target| UopInst::new(id, oparg, 0, target);
    let trace = [
        u(_ITER_CHECK_RANGE, 0, f),
        u(_GUARD_NOT_EXHAUSTED_RANGE, 0, f),
        u(_ITER_NEXT_RANGE, 0, f),
        u(_STORE_FAST, 2, f + 1),
        u(_LOAD_FAST, 1, f + 2),
        u(_LOAD_FAST, 2, f + 2),
        u(_GUARD_TOS_INT, 0, f + 3),
        u(_GUARD_NOS_INT, 0, f + 3),
        u(_BINARY_OP_ADD_INT, 0, f + 3),
        u(_STORE_FAST, 1, f + 4),
        u(_SET_IP, f + 5, f + 5),
        UopInst::new(_CHECK_PERIODIC, 0, breaker, f + 5),
        u(_JUMP_TO_TOP, 0, f + 5),
    ];
    let executor = pyfast_runtime::jit::compile(&trace).unwrap();
    let iter = vm.builtin("iter").unwrap();
    let range = vm.builtin("range").unwrap();
    let run = |jit: bool| -> f64 {
        let it = call::call(&vm, &iter, &[call::call(&vm, &range, &[int::from_i64(N)], &[]).unwrap()], &[]).unwrap();
        unsafe {
            let fr = vm.frames().push(func.clone(), Value::NULL, vm.current_frame.get());
            vm.depth.set(vm.depth.get() + 1);
            *(*fr).slot(0) = int::from_i64(N);
            *(*fr).slot(1) = int::from_i64(0);
            std::ptr::write((*fr).stack_base(), it);
            (*fr).stack_depth = 1;
            (*fr).instr = f;
            let t = Instant::now();
            let exit = if jit { executor.execute(fr) } else { interpret(&trace, fr.cast()) };
            let secs = t.elapsed().as_secs_f64();
            assert_eq!(exit.kind, ExitKind::Deopt);
            let _native = vm.enter_native().unwrap();
            (*fr).is_entry = true;
            vm.current_frame.set(fr);
            let r = eval::eval_frame(&vm, fr, None).unwrap();
            assert_eq!(int::as_i64(&r), Some(N * (N - 1) / 2));
            secs
        }
    };
    let best = |f: &mut dyn FnMut() -> f64| (0..5).map(|_| f()).fold(f64::INFINITY, f64::min);
    let jit = best(&mut || run(true));
    let uops = best(&mut || run(false));
    let tier0 = best(&mut || {
        let t = Instant::now();
        call::call(&vm, &func, &[int::from_i64(N)], &[]).unwrap();
        t.elapsed().as_secs_f64()
    });
    let ns = |s: f64| s * 1e9 / N as f64;
    println!("\nloop `for i in range(n): t = t + i`, n = {N}, 13 uops per iteration, best of 5:");
    println!("  machine code      {:6.2} ns/iteration", ns(jit));
    println!("  uop interpreter   {:6.2} ns/iteration ({:.1}x the machine code)", ns(uops), uops / jit);
    println!("  tier 0 (whole call) {:4.2} ns/iteration ({:.1}x)", ns(tier0), tier0 / jit);
}

#[cfg(not(all(target_arch = "x86_64", target_os = "linux")))]
fn main() {
    println!("no JIT stencils on this target");
}
