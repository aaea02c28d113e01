//! Line instrumentation: the registry of loaded code, where source lines
//! start, and arming line starts with `INSTRUMENTED_LINE` (original
//! instructions kept in a side table). See the contract in `inspect/mod.rs`.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::mem::ManuallyDrop;

use crate::bytecode::code::{as_code, CodeObj};
use crate::bytecode::opcode::{Instr, Opcode};
use crate::objects::Value;

/// The identity of a code object while it is alive (its address).
pub type CodeKey = usize;

pub fn key(code: &CodeObj) -> CodeKey {
    code as *const CodeObj as usize
}

struct Armed {
    /// Keeps the code alive while instructions in it are replaced.
    code: Value,
    /// Instruction index -> the instruction that was there.
    saved: BTreeMap<u32, Instr>,
}

#[derive(Default)]
struct Tables {
    /// Module-level code of every compiled module (nested code objects are
    /// reached through `consts`).
    modules: Vec<Value>,
    armed: HashMap<CodeKey, Armed>,
}

thread_local! {
    /// Never dropped: freeing code objects at thread exit could run after
    /// the VM's own thread-locals are gone.
    static TABLES: RefCell<ManuallyDrop<Tables>> = RefCell::new(ManuallyDrop::new(Tables::default()));
}

/// Remember a module's code object.
pub fn register(code: &Value) {
    TABLES.with(|t| t.borrow_mut().modules.push(code.clone()));
}

/// Every known code object: the registered modules' code trees plus
/// `extra` (code of running frames, which may come from `exec`).
pub fn all_code(extra: &[Value]) -> Vec<Value> {
    let roots: Vec<Value> = TABLES.with(|t| t.borrow().modules.clone());
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    let mut todo: Vec<Value> = roots.into_iter().chain(extra.iter().cloned()).collect();
    while let Some(c) = todo.pop() {
        let Some(code) = as_code(&c) else { continue };
        if !seen.insert(key(code)) {
            continue;
        }
        for k in &code.consts {
            if as_code(k).is_some() {
                todo.push(k.clone());
            }
        }
        out.push(c);
    }
    out
}

/// The instruction at `index` as compiled (or quickened), seeing through
/// instrumentation.
pub fn original(code: &CodeObj, index: usize) -> Instr {
    let cur = code.instrs()[index];
    if cur.op != Opcode::INSTRUMENTED_LINE {
        return cur;
    }
    TABLES.with(|t| t.borrow().armed.get(&key(code)).and_then(|a| a.saved.get(&(index as u32)).copied()).unwrap_or(cur))
}

/// Whether `index` of `code` is armed.
pub fn is_armed(code: &CodeObj, index: u32) -> bool {
    code.instrs().get(index as usize).is_some_and(|i| i.op == Opcode::INSTRUMENTED_LINE)
}

/// Indices where a line event happens: the first instruction of each run
/// of instructions on one line (after the prologue up to the first
/// `RESUME`), and targets of backward jumps (a loop re-runs its line).
pub fn line_starts(code: &CodeObj) -> Vec<u32> {
    let n = code.instrs().len();
    let ops: Vec<Instr> = (0..n).map(|i| original(code, i)).collect();
    let Some(first) = ops.iter().position(|i| i.op == Opcode::RESUME) else { return Vec::new() };
    let mut back_targets = BTreeSet::new();
    for (i, ins) in ops.iter().enumerate() {
        if matches!(ins.op, Opcode::JUMP_BACKWARD | Opcode::JUMP_BACKWARD_NO_INTERRUPT) && (ins.arg as usize) <= i {
            back_targets.insert(ins.arg);
        }
    }
    let mut out = Vec::new();
    let mut last_line = 0;
    for (i, ins) in ops.iter().enumerate().skip(first + 1) {
        let line = code.line_of(i);
        if line == 0 || ins.op == Opcode::RESUME {
            continue;
        }
        if line != last_line || back_targets.contains(&(i as u32)) {
            out.push(i as u32);
        }
        last_line = line;
    }
    out
}

/// Indices of the instructions that return from the frame (where a return
/// event happens, pdb's `--Return--`).
pub fn returns(code: &CodeObj) -> Vec<u32> {
    (0..code.instrs().len() as u32).filter(|&i| is_return(code, i)).collect()
}

/// Whether the instruction at `index` (seen through instrumentation)
/// returns from the frame.
pub fn is_return(code: &CodeObj, index: u32) -> bool {
    matches!(original(code, index as usize).op, Opcode::RETURN_VALUE | Opcode::RETURN_CONST)
}

/// Replace the instruction at `index` with `INSTRUMENTED_LINE`.
pub fn arm(code_v: &Value, index: u32) {
    let Some(code) = as_code(code_v) else { return };
    let instrs = unsafe { &mut *code.instrs.get() };
    let Some(slot) = instrs.get_mut(index as usize) else { return };
    if slot.op == Opcode::INSTRUMENTED_LINE || slot.op == Opcode::RESUME {
        return;
    }
    let orig = *slot;
    *slot = Instr::new(Opcode::INSTRUMENTED_LINE, 0);
    TABLES.with(|t| {
        t.borrow_mut()
            .armed
            .entry(key(code))
            .or_insert_with(|| Armed { code: code_v.clone(), saved: BTreeMap::new() })
            .saved
            .insert(index, orig);
    });
}

/// Put the original instruction back at `index`.
pub fn disarm(code: &CodeObj, index: u32) {
    let k = key(code);
    let (orig, empty) = TABLES.with(|t| {
        let mut t = t.borrow_mut();
        let Some(a) = t.armed.get_mut(&k) else { return (None, false) };
        let o = a.saved.remove(&index);
        (o, a.saved.is_empty())
    });
    if let Some(orig) = orig {
        let instrs = unsafe { &mut *code.instrs.get() };
        instrs[index as usize] = orig;
    }
    if empty {
        // Dropping the code's reference may free it: outside the borrow.
        let gone = TABLES.with(|t| t.borrow_mut().armed.remove(&k));
        drop(gone);
    }
}

/// Run `f` with `code`'s armed line starts holding their originals again,
/// then re-arm them, keeping what `f` left there as the new originals.
pub fn with_originals<R>(code: &CodeObj, f: impl FnOnce() -> R) -> R {
    let k = key(code);
    let saved: Vec<(u32, Instr)> = TABLES.with(|t| {
        t.borrow().armed.get(&k).map(|a| a.saved.iter().map(|(&i, &x)| (i, x)).collect()).unwrap_or_default()
    });
    let instrs = unsafe { &mut *code.instrs.get() };
    for &(i, orig) in &saved {
        instrs[i as usize] = orig;
    }
    let r = f();
    let instrs = unsafe { &mut *code.instrs.get() };
    TABLES.with(|t| {
        let mut t = t.borrow_mut();
        if let Some(a) = t.armed.get_mut(&k) {
            for &(i, _) in &saved {
                a.saved.insert(i, instrs[i as usize]);
                instrs[i as usize] = Instr::new(Opcode::INSTRUMENTED_LINE, 0);
            }
        }
    });
    r
}

/// Every armed (code, index).
pub fn armed() -> Vec<(Value, u32)> {
    TABLES.with(|t| t.borrow().armed.values().flat_map(|a| a.saved.keys().map(move |&i| (a.code.clone(), i))).collect())
}
