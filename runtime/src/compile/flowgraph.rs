//! From the instruction sequence codegen writes (with labels and
//! pseudo-instructions) to final instructions, after CPython's
//! `Python/flowgraph.c`: a control-flow graph of basic blocks, exception
//! handler labelling, peephole optimizations, superinstructions, cold-block
//! layout, line-number propagation, stack depth, jump resolution and the
//! exception table.

use crate::bytecode::code::{ExcEntry, Location};
use crate::bytecode::opcode::{Instr, Opcode};

use super::consts::{Const, ConstPool};

/// An instruction as codegen writes it: a real opcode or a pseudo-op.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Op {
    Real(Opcode),
    /// An unconditional jump; the assembler picks the direction.
    Jump,
    /// A jump that is not a safe point (inside finally/with cleanup).
    JumpNoInterrupt,
    /// Push an exception handler (pops to the current depth, pushes exc).
    SetupFinally,
    /// Like `SetupFinally`, also pushing `lasti` under the exception.
    SetupCleanup,
    /// For `with`: the handler keeps the bound `__exit__`, pushes `lasti`.
    SetupWith,
    /// Pop the innermost exception handler.
    PopBlock,
}

use Opcode as O;

impl Op {
    fn is_block_push(self) -> bool {
        matches!(self, Op::SetupFinally | Op::SetupCleanup | Op::SetupWith)
    }

    /// A control transfer with a target (not a block push).
    fn is_jump(self) -> bool {
        match self {
            Op::Jump | Op::JumpNoInterrupt => true,
            Op::Real(o) => o.is_jump(),
            _ => false,
        }
    }

    fn is_unconditional_jump(self) -> bool {
        matches!(
            self,
            Op::Jump
                | Op::JumpNoInterrupt
                | Op::Real(O::JUMP_FORWARD | O::JUMP_BACKWARD | O::JUMP_BACKWARD_NO_INTERRUPT)
        )
    }

    fn is_scope_exit(self) -> bool {
        matches!(self, Op::Real(O::RETURN_VALUE | O::RETURN_CONST | O::RAISE_VARARGS | O::RERAISE))
    }

    /// Control never falls through.
    fn no_fallthrough(self) -> bool {
        self.is_unconditional_jump() || self.is_scope_exit()
    }

    fn ends_block(self) -> bool {
        self.is_jump() || self.is_scope_exit()
    }

    fn real(self) -> Option<Opcode> {
        match self {
            Op::Real(o) => Some(o),
            _ => None,
        }
    }
}

/// Stack effect with the corrections the compiler relies on.
pub(crate) fn stack_effect(op: Op, arg: u32, jump: bool) -> i32 {
    match op {
        Op::Jump | Op::JumpNoInterrupt | Op::PopBlock => 0,
        Op::SetupFinally | Op::SetupWith => {
            if jump {
                1
            } else {
                0
            }
        }
        Op::SetupCleanup => {
            if jump {
                2
            } else {
                0
            }
        }
        // On resumption a generator frame receives the sent value (CPython's
        // `RETURN_GENERATOR ( -- res)`), which the following POP_TOP drops.
        Op::Real(O::RETURN_GENERATOR) => 1,
        Op::Real(O::SETUP_ANNOTATIONS) => 0,
        Op::Real(o) => o.stack_effect(arg, jump),
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct Label(pub u32);

#[derive(Clone, Debug)]
pub(crate) struct Ins {
    pub op: Op,
    pub arg: u32,
    pub target: Option<Label>,
    pub loc: Location,
}

#[derive(Clone, Debug)]
pub(crate) enum Item {
    Ins(Ins),
    Label(Label),
}

/// The instruction sequence of one code unit.
#[derive(Default)]
pub(crate) struct Seq {
    pub items: Vec<Item>,
    next_label: u32,
}

impl Seq {
    pub(crate) fn new_label(&mut self) -> Label {
        self.next_label += 1;
        Label(self.next_label)
    }

    pub(crate) fn use_label(&mut self, l: Label) {
        self.items.push(Item::Label(l));
    }

    pub(crate) fn push(&mut self, op: Op, arg: u32, target: Option<Label>, loc: Location) {
        self.items.push(Item::Ins(Ins { op, arg, target, loc }));
    }
}

const NO_LOC: Location = Location { line: 0, end_line: 0, col: 0, end_col: 0 };
const NONE: usize = usize::MAX;
const MAX_COPY_SIZE: usize = 4;

#[derive(Clone, Debug)]
struct CIns {
    op: Op,
    arg: u32,
    target: usize,
    loc: Location,
    except: Option<usize>,
}

impl CIns {
    fn set(&mut self, op: Op, arg: u32) {
        self.op = op;
        self.arg = arg;
        if !(op.is_jump() || op.is_block_push()) {
            self.target = NONE;
        }
    }

    fn nop(&mut self) {
        self.set(Op::Real(O::NOP), 0);
    }

    fn is(&self, o: Opcode) -> bool {
        self.op == Op::Real(o)
    }
}

#[derive(Clone, Debug, Default)]
struct Block {
    instrs: Vec<CIns>,
    next: Option<usize>,
    is_handler: bool,
    preserve_lasti: bool,
    startdepth: Option<i32>,
    visited: bool,
    warm: bool,
    cold: bool,
    except_stack: Option<Vec<usize>>,
}

impl Block {
    fn last(&self) -> Option<&CIns> {
        self.instrs.last()
    }

    fn has_fallthrough(&self) -> bool {
        self.last().is_none_or(|i| !i.op.no_fallthrough())
    }

    fn exits_scope(&self) -> bool {
        self.last().is_some_and(|i| i.op.is_scope_exit())
    }

    fn has_no_lineno(&self) -> bool {
        self.instrs.iter().all(|i| i.loc.line == 0)
    }
}

/// The result of assembling a code unit.
pub(crate) struct Assembled {
    pub instrs: Vec<Instr>,
    pub locations: Vec<Location>,
    pub exc_table: Vec<ExcEntry>,
    pub stacksize: u32,
}

pub(crate) struct Cfg {
    blocks: Vec<Block>,
    entry: usize,
}

/// Run the whole back end on a code unit's sequence. Deref-class opcode
/// arguments are already final slot numbers. `consts` may gain folded
/// constants and lose unused ones.
pub(crate) fn assemble(seq: Seq, consts: &mut ConstPool) -> Result<Assembled, String> {
    let mut g = Cfg::build(seq);
    g.mark_except_handlers();
    g.label_exception_targets();
    g.optimize(consts);
    g.remove_unused_consts(consts);
    g.insert_superinstructions();
    g.push_cold_blocks_to_end();
    g.resolve_line_numbers();
    let stacksize = g.stackdepth()?;
    g.convert_pseudo_ops();
    g.normalize_jumps();
    Ok(g.linearize(stacksize))
}

impl Cfg {
    fn new_block(&mut self) -> usize {
        self.blocks.push(Block::default());
        self.blocks.len() - 1
    }

    fn build(seq: Seq) -> Cfg {
        let mut g = Cfg { blocks: vec![Block::default()], entry: 0 };
        let mut label_block: std::collections::HashMap<u32, usize> = std::collections::HashMap::new();
        let mut cur = 0usize;
        let mut pending: Vec<(usize, usize, Label)> = Vec::new();
        for item in seq.items {
            match item {
                Item::Label(l) => {
                    if !g.blocks[cur].instrs.is_empty() {
                        let b = g.new_block();
                        g.blocks[cur].next = Some(b);
                        cur = b;
                    }
                    label_block.insert(l.0, cur);
                }
                Item::Ins(ins) => {
                    if g.blocks[cur].last().is_some_and(|l| l.op.ends_block()) {
                        let b = g.new_block();
                        g.blocks[cur].next = Some(b);
                        cur = b;
                    }
                    if let Some(t) = ins.target {
                        pending.push((cur, g.blocks[cur].instrs.len(), t));
                    }
                    g.blocks[cur].instrs.push(CIns {
                        op: ins.op,
                        arg: ins.arg,
                        target: NONE,
                        loc: ins.loc,
                        except: None,
                    });
                }
            }
        }
        for (b, i, l) in pending {
            let t = match label_block.get(&l.0) {
                Some(&t) => t,
                None => {
                    // A label never placed: jump to an empty block at the end.
                    let t = g.new_block();
                    label_block.insert(l.0, t);
                    let mut last = g.entry;
                    while let Some(n) = g.blocks[last].next {
                        last = n;
                    }
                    g.blocks[last].next = Some(t);
                    t
                }
            };
            g.blocks[b].instrs[i].target = t;
        }
        g
    }

    fn order(&self) -> Vec<usize> {
        let mut v = Vec::new();
        let mut b = Some(self.entry);
        while let Some(x) = b {
            v.push(x);
            b = self.blocks[x].next;
        }
        v
    }

    /// The first non-empty block at or after `b` in layout order.
    fn nonempty(&self, mut b: usize) -> usize {
        loop {
            if !self.blocks[b].instrs.is_empty() {
                return b;
            }
            match self.blocks[b].next {
                Some(n) => b = n,
                None => return b,
            }
        }
    }

    fn mark_except_handlers(&mut self) {
        let mut targets = Vec::new();
        for b in &self.blocks {
            for i in &b.instrs {
                if i.op.is_block_push() {
                    targets.push(i.target);
                }
            }
        }
        for t in targets {
            self.blocks[t].is_handler = true;
        }
    }

    fn label_exception_targets(&mut self) {
        for b in &mut self.blocks {
            b.visited = false;
        }
        let mut todo = vec![self.entry];
        self.blocks[self.entry].visited = true;
        self.blocks[self.entry].except_stack = Some(Vec::new());
        while let Some(b) = todo.pop() {
            let mut stack = self.blocks[b].except_stack.take().unwrap_or_default();
            let mut handler = stack.last().copied();
            let mut last_yield_depth: i32 = -1;
            for i in 0..self.blocks[b].instrs.len() {
                let (op, target) = (self.blocks[b].instrs[i].op, self.blocks[b].instrs[i].target);
                if op.is_block_push() {
                    if !self.blocks[target].visited {
                        self.blocks[target].visited = true;
                        self.blocks[target].except_stack = Some(stack.clone());
                        todo.push(target);
                    }
                    if matches!(op, Op::SetupWith | Op::SetupCleanup) {
                        self.blocks[target].preserve_lasti = true;
                    }
                    stack.push(target);
                    handler = Some(target);
                } else if op == Op::PopBlock {
                    stack.pop();
                    handler = stack.last().copied();
                    self.blocks[b].instrs[i].nop();
                } else if op.is_jump() {
                    self.blocks[b].instrs[i].except = handler;
                    if !self.blocks[target].visited {
                        self.blocks[target].visited = true;
                        self.blocks[target].except_stack = Some(stack.clone());
                        todo.push(target);
                    }
                } else {
                    let ins = &mut self.blocks[b].instrs[i];
                    if ins.is(O::YIELD_VALUE) {
                        last_yield_depth = stack.len() as i32;
                    } else if ins.is(O::RESUME) && ins.arg != 0 && last_yield_depth == 1 {
                        ins.arg |= 4;
                        last_yield_depth = -1;
                    }
                    ins.except = handler;
                }
            }
            if self.blocks[b].has_fallthrough() {
                if let Some(n) = self.blocks[b].next {
                    if !self.blocks[n].visited {
                        self.blocks[n].visited = true;
                        self.blocks[n].except_stack = Some(stack);
                        todo.push(n);
                    }
                }
            }
        }
    }

    // ---- optimization

    fn optimize(&mut self, consts: &mut ConstPool) {
        self.inline_small_or_no_lineno_blocks();
        self.remove_unreachable();
        self.resolve_line_numbers();
        for b in self.order() {
            self.optimize_block(b, consts);
        }
        self.remove_redundant_nops_and_pairs();
        self.remove_unreachable();
        self.remove_redundant_nops_and_jumps();
    }

    fn inline_small_or_no_lineno_blocks(&mut self) {
        // Each round removes a jump; the bound guards against cycles of
        // jump-only blocks.
        for _ in 0..50 {
            let mut changed = false;
            for b in self.order() {
                let Some(last) = self.blocks[b].last() else { continue };
                if !last.op.is_unconditional_jump() {
                    continue;
                }
                let target = self.nonempty(last.target);
                let t = &self.blocks[target];
                let small_exit = t.exits_scope() && t.instrs.len() <= MAX_COPY_SIZE;
                let no_lineno_no_fallthrough = t.has_no_lineno() && !t.has_fallthrough();
                if target != b && (small_exit || no_lineno_no_fallthrough) {
                    let removed = last.op;
                    let copy = t.instrs.clone();
                    let blk = &mut self.blocks[b];
                    if let Some(l) = blk.instrs.last_mut() {
                        l.nop();
                    }
                    blk.instrs.extend(copy);
                    if no_lineno_no_fallthrough {
                        if let Some(l) = blk.instrs.last_mut() {
                            if l.op.is_unconditional_jump() && removed == Op::Jump {
                                l.op = Op::Jump;
                            }
                        }
                    }
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
    }

    fn successors(&self, b: usize, with_handlers: bool) -> Vec<usize> {
        let blk = &self.blocks[b];
        let mut s = Vec::new();
        for i in &blk.instrs {
            if i.op.is_jump() || (with_handlers && i.op.is_block_push()) {
                s.push(i.target);
            }
            if with_handlers {
                if let Some(h) = i.except {
                    s.push(h);
                }
            }
        }
        if blk.has_fallthrough() {
            if let Some(n) = blk.next {
                s.push(n);
            }
        }
        s
    }

    fn remove_unreachable(&mut self) {
        let mut reach = vec![false; self.blocks.len()];
        let mut todo = vec![self.entry];
        reach[self.entry] = true;
        while let Some(b) = todo.pop() {
            for s in self.successors(b, true) {
                if !reach[s] {
                    reach[s] = true;
                    todo.push(s);
                }
            }
        }
        // Unlink unreachable blocks from the layout, keeping them empty.
        let order = self.order();
        let kept: Vec<usize> = order.iter().copied().filter(|&b| reach[b]).collect();
        for &b in &order {
            if !reach[b] {
                self.blocks[b].instrs.clear();
                self.blocks[b].next = None;
            }
        }
        for w in kept.windows(2) {
            self.blocks[w[0]].next = Some(w[1]);
        }
        if let Some(&l) = kept.last() {
            self.blocks[l].next = None;
        }
    }

    fn predecessors(&self) -> Vec<u32> {
        let mut preds = vec![0u32; self.blocks.len()];
        let mut reach = vec![false; self.blocks.len()];
        let mut todo = vec![self.entry];
        reach[self.entry] = true;
        preds[self.entry] = 1;
        while let Some(b) = todo.pop() {
            let blk = &self.blocks[b];
            let mut succ = Vec::new();
            for i in &blk.instrs {
                if i.op.is_jump() {
                    succ.push((self.nonempty(i.target), true));
                } else if i.op.is_block_push() {
                    succ.push((self.nonempty(i.target), false));
                }
            }
            if blk.has_fallthrough() {
                if let Some(n) = blk.next {
                    succ.push((self.nonempty(n), true));
                }
            }
            for (s, counts) in succ {
                if counts {
                    preds[s] += 1;
                }
                if !reach[s] {
                    reach[s] = true;
                    todo.push(s);
                }
            }
        }
        preds
    }

    fn resolve_line_numbers(&mut self) {
        self.duplicate_exits_without_lineno();
        self.propagate_line_numbers();
    }

    fn is_exit_without_lineno(&self, b: usize) -> bool {
        let blk = &self.blocks[b];
        blk.exits_scope() && blk.has_no_lineno()
    }

    fn duplicate_exits_without_lineno(&mut self) {
        let mut preds = self.predecessors();
        for b in self.order() {
            let Some(last) = self.blocks[b].last().cloned() else { continue };
            if !last.op.is_jump() {
                continue;
            }
            let target = self.nonempty(last.target);
            if self.is_exit_without_lineno(target) && preds[target] > 1 {
                let mut copy = self.blocks[target].clone();
                copy.next = self.blocks[target].next;
                copy.visited = false;
                if let Some(first) = copy.instrs.first_mut() {
                    first.loc = last.loc;
                }
                let n = self.blocks.len();
                self.blocks.push(copy);
                self.blocks[target].next = Some(n);
                if let Some(l) = self.blocks[b].instrs.last_mut() {
                    l.target = n;
                }
                preds[target] -= 1;
                preds.push(1);
            }
        }
        for b in self.order() {
            if !self.blocks[b].has_fallthrough() || self.blocks[b].instrs.is_empty() {
                continue;
            }
            let Some(n) = self.blocks[b].next else { continue };
            if self.is_exit_without_lineno(n) {
                let loc = self.blocks[b].last().map_or(NO_LOC, |l| l.loc);
                if let Some(first) = self.blocks[n].instrs.first_mut() {
                    first.loc = loc;
                }
            }
        }
    }

    fn propagate_line_numbers(&mut self) {
        let preds = self.predecessors();
        for b in self.order() {
            if self.blocks[b].instrs.is_empty() {
                continue;
            }
            let mut prev = NO_LOC;
            for ins in self.blocks[b].instrs.iter_mut() {
                if ins.loc.line == 0 {
                    ins.loc = prev;
                } else {
                    prev = ins.loc;
                }
            }
            if self.blocks[b].has_fallthrough() {
                if let Some(n) = self.blocks[b].next {
                    let n = self.nonempty(n);
                    if preds[n] == 1 {
                        if let Some(first) = self.blocks[n].instrs.first_mut() {
                            if first.loc.line == 0 {
                                first.loc = prev;
                            }
                        }
                    }
                }
            }
            if let Some(last) = self.blocks[b].last() {
                if last.op.is_jump() {
                    let t = self.nonempty(last.target);
                    if preds[t] == 1 {
                        if let Some(first) = self.blocks[t].instrs.first_mut() {
                            if first.loc.line == 0 {
                                first.loc = prev;
                            }
                        }
                    }
                }
            }
        }
    }

    fn optimize_block(&mut self, b: usize, consts: &mut ConstPool) {
        let mut i = 0;
        while i < self.blocks[b].instrs.len() {
            let len = self.blocks[b].instrs.len();
            let ins = self.blocks[b].instrs[i].clone();
            let next = if i + 1 < len { Some(self.blocks[b].instrs[i + 1].clone()) } else { None };
            let nextop = next.as_ref().and_then(|n| n.op.real());
            match ins.op {
                Op::Real(O::LOAD_CONST) => {
                    let c = consts.get(ins.arg).cloned();
                    match (nextop, c) {
                        (Some(O::TO_BOOL), Some(c)) => {
                            let idx = consts.add(Const::Bool(c.truthy()));
                            let blk = &mut self.blocks[b];
                            blk.instrs[i].nop();
                            blk.instrs[i + 1].set(Op::Real(O::LOAD_CONST), idx);
                            continue;
                        }
                        (Some(O::POP_JUMP_IF_FALSE | O::POP_JUMP_IF_TRUE), Some(c)) => {
                            let jump_if_true = nextop == Some(O::POP_JUMP_IF_TRUE);
                            let blk = &mut self.blocks[b];
                            blk.instrs[i].nop();
                            if c.truthy() == jump_if_true {
                                blk.instrs[i + 1].op = Op::Jump;
                                blk.instrs[i + 1].arg = 0;
                            } else {
                                blk.instrs[i + 1].nop();
                            }
                        }
                        (Some(O::RETURN_VALUE), _) => {
                            let blk = &mut self.blocks[b];
                            blk.instrs[i].nop();
                            blk.instrs[i + 1].set(Op::Real(O::RETURN_CONST), ins.arg);
                        }
                        _ => {}
                    }
                }
                Op::Real(O::BUILD_TUPLE) => {
                    let n = ins.arg as usize;
                    if nextop == Some(O::UNPACK_SEQUENCE) && next.as_ref().is_some_and(|x| x.arg == ins.arg) {
                        let blk = &mut self.blocks[b];
                        match n {
                            1 => {
                                blk.instrs[i].nop();
                                blk.instrs[i + 1].nop();
                                i += 1;
                                continue;
                            }
                            2 | 3 => {
                                blk.instrs[i].nop();
                                blk.instrs[i + 1].set(Op::Real(O::SWAP), n as u32);
                                i += 1;
                                continue;
                            }
                            _ => {}
                        }
                    }
                    if i >= n && self.blocks[b].instrs[i - n..i].iter().all(|x| x.is(O::LOAD_CONST)) {
                        let items: Option<Vec<Const>> =
                            self.blocks[b].instrs[i - n..i].iter().map(|x| consts.get(x.arg).cloned()).collect();
                        if let Some(items) = items {
                            let idx = consts.add(Const::Tuple(items));
                            let blk = &mut self.blocks[b];
                            for x in &mut blk.instrs[i - n..i] {
                                x.nop();
                            }
                            blk.instrs[i].set(Op::Real(O::LOAD_CONST), idx);
                            // Re-examine from the folded constant.
                            continue;
                        }
                    }
                }
                Op::Real(O::COMPARE_OP) if nextop == Some(O::TO_BOOL) => {
                    // The comparison converts its result itself (CPython 3.13).
                    let blk = &mut self.blocks[b];
                    blk.instrs[i].arg |= pyfast_stencils::compare_op::TO_BOOL;
                    blk.instrs[i + 1].nop();
                }
                Op::Real(O::TO_BOOL) if nextop == Some(O::TO_BOOL) => {
                    self.blocks[b].instrs[i].nop();
                }
                Op::Real(O::UNARY_NOT) => {
                    if nextop == Some(O::TO_BOOL) {
                        let blk = &mut self.blocks[b];
                        blk.instrs[i].nop();
                        blk.instrs[i + 1].set(Op::Real(O::UNARY_NOT), 0);
                    } else if nextop == Some(O::UNARY_NOT) {
                        let blk = &mut self.blocks[b];
                        blk.instrs[i].nop();
                        blk.instrs[i + 1].nop();
                    }
                }
                Op::Real(op @ (O::CONTAINS_OP | O::IS_OP)) => {
                    if nextop == Some(O::TO_BOOL) {
                        let blk = &mut self.blocks[b];
                        blk.instrs[i].nop();
                        blk.instrs[i + 1].set(Op::Real(op), ins.arg);
                    } else if nextop == Some(O::UNARY_NOT) {
                        let blk = &mut self.blocks[b];
                        blk.instrs[i].nop();
                        blk.instrs[i + 1].set(Op::Real(op), ins.arg ^ 1);
                    }
                }
                Op::Real(O::LOAD_GLOBAL) if nextop == Some(O::PUSH_NULL) && ins.arg & 1 == 0 => {
                    let blk = &mut self.blocks[b];
                    blk.instrs[i].arg |= 1;
                    blk.instrs[i + 1].nop();
                }
                Op::Real(O::SWAP) if ins.arg == 1 => {
                    self.blocks[b].instrs[i].nop();
                }
                Op::Real(
                    O::POP_JUMP_IF_FALSE | O::POP_JUMP_IF_TRUE | O::POP_JUMP_IF_NONE | O::POP_JUMP_IF_NOT_NONE,
                ) => {
                    self.jump_thread(b, i, false);
                }
                Op::Jump | Op::JumpNoInterrupt => {
                    self.jump_thread(b, i, true);
                }
                _ => {}
            }
            i += 1;
        }
        let mut i = 0;
        while i < self.blocks[b].instrs.len() {
            if self.blocks[b].instrs[i].is(O::SWAP) {
                apply_static_swaps(&mut self.blocks[b].instrs, i);
            }
            i += 1;
        }
    }

    /// Retarget a jump whose target starts with an unconditional jump.
    fn jump_thread(&mut self, b: usize, i: usize, unconditional: bool) {
        for _ in 0..8 {
            let ins = &self.blocks[b].instrs[i];
            let t = self.nonempty(ins.target);
            let Some(first) = self.blocks[t].instrs.first() else { return };
            let new_op = match (first.op, unconditional) {
                (Op::Jump, _) => {
                    if unconditional {
                        Op::Jump
                    } else {
                        ins.op
                    }
                }
                (Op::JumpNoInterrupt, true) => ins.op,
                _ => return,
            };
            let new_target = first.target;
            if self.nonempty(new_target) == t {
                return;
            }
            let ins = &mut self.blocks[b].instrs[i];
            ins.op = new_op;
            ins.target = new_target;
        }
    }

    fn remove_redundant_nops(&mut self) -> bool {
        let mut changed = false;
        let order = self.order();
        for (k, &b) in order.iter().enumerate() {
            let next_loc_line = {
                // The line of the first located instruction after this block.
                let mut line = None;
                for &nb in &order[k + 1..] {
                    if let Some(ins) = self.blocks[nb].instrs.iter().find(|x| !(x.is(O::NOP) && x.loc.line == 0)) {
                        line = Some(ins.loc.line);
                        break;
                    }
                    if !self.blocks[nb].instrs.is_empty() {
                        break;
                    }
                }
                line
            };
            let instrs = std::mem::take(&mut self.blocks[b].instrs);
            let n = instrs.len();
            let mut out: Vec<CIns> = Vec::with_capacity(n);
            let mut prev_line: Option<u32> = None;
            let mut instrs = instrs;
            for src in 0..n {
                let ins = instrs[src].clone();
                let line = ins.loc.line;
                if ins.is(O::NOP) {
                    if line == 0 || prev_line == Some(line) {
                        changed = true;
                        continue;
                    }
                    if src + 1 < n {
                        let nl = instrs[src + 1].loc.line;
                        if nl == line {
                            changed = true;
                            continue;
                        }
                        if nl == 0 {
                            instrs[src + 1].loc = ins.loc;
                            changed = true;
                            continue;
                        }
                    } else if next_loc_line == Some(line) {
                        changed = true;
                        continue;
                    }
                }
                prev_line = Some(line);
                out.push(ins);
            }
            self.blocks[b].instrs = out;
        }
        changed
    }

    fn remove_redundant_nops_and_pairs(&mut self) {
        loop {
            self.remove_redundant_nops();
            let mut changed = false;
            for b in self.order() {
                let instrs = &mut self.blocks[b].instrs;
                for i in 1..instrs.len() {
                    if instrs[i].is(O::POP_TOP)
                        && (instrs[i - 1].is(O::LOAD_CONST) || (instrs[i - 1].is(O::COPY) && instrs[i - 1].arg == 1))
                    {
                        instrs[i - 1].nop();
                        instrs[i].nop();
                        changed = true;
                    }
                }
            }
            if !changed {
                break;
            }
        }
    }

    fn remove_redundant_jumps(&mut self) -> bool {
        let mut changed = false;
        for b in self.order() {
            let next = self.blocks[b].next.map(|n| self.nonempty(n));
            let Some(last) = self.blocks[b].instrs.last() else { continue };
            if last.op.is_unconditional_jump() && Some(self.nonempty(last.target)) == next {
                if let Some(l) = self.blocks[b].instrs.last_mut() {
                    l.nop();
                }
                changed = true;
            }
        }
        changed
    }

    fn remove_redundant_nops_and_jumps(&mut self) {
        loop {
            let a = self.remove_redundant_nops();
            let b = self.remove_redundant_jumps();
            if !a && !b {
                break;
            }
        }
    }

    fn remove_unused_consts(&mut self, consts: &mut ConstPool) {
        if consts.items.is_empty() {
            return;
        }
        let mut used = vec![false; consts.items.len()];
        for b in self.order() {
            for i in &self.blocks[b].instrs {
                if i.is(O::LOAD_CONST) || i.is(O::RETURN_CONST) {
                    if let Some(u) = used.get_mut(i.arg as usize) {
                        *u = true;
                    }
                }
            }
        }
        let map = consts.retain(&used, true);
        for b in self.order() {
            for i in &mut self.blocks[b].instrs {
                if i.is(O::LOAD_CONST) || i.is(O::RETURN_CONST) {
                    i.arg = map.get(i.arg as usize).copied().unwrap_or(0);
                }
            }
        }
    }

    fn insert_superinstructions(&mut self) {
        for b in self.order() {
            let instrs = &mut self.blocks[b].instrs;
            for i in 0..instrs.len().saturating_sub(1) {
                let (a, n) = (&instrs[i], &instrs[i + 1]);
                let sup = match (a.op.real(), n.op.real()) {
                    (Some(O::LOAD_FAST), Some(O::LOAD_FAST)) => O::LOAD_FAST_LOAD_FAST,
                    (Some(O::STORE_FAST), Some(O::LOAD_FAST)) => O::STORE_FAST_LOAD_FAST,
                    (Some(O::STORE_FAST), Some(O::STORE_FAST)) => O::STORE_FAST_STORE_FAST,
                    _ => continue,
                };
                let (l1, l2) = (a.loc.line, n.loc.line);
                if l1 != 0 && l2 != 0 && l1 != l2 {
                    continue;
                }
                if a.arg > 0xffff || n.arg > 0xffff || a.except != n.except {
                    continue;
                }
                let arg = (a.arg << 16) | n.arg;
                instrs[i].set(Op::Real(sup), arg);
                instrs[i + 1].nop();
            }
        }
        self.remove_redundant_nops();
    }

    fn push_cold_blocks_to_end(&mut self) {
        if self.blocks[self.entry].next.is_none() {
            return;
        }
        for b in &mut self.blocks {
            b.warm = false;
            b.cold = false;
        }
        // Warm: reachable from the entry without exceptions.
        let mut todo = vec![self.entry];
        self.blocks[self.entry].warm = true;
        while let Some(b) = todo.pop() {
            for s in self.successors(b, false) {
                if !self.blocks[s].warm {
                    self.blocks[s].warm = true;
                    todo.push(s);
                }
            }
        }
        // Cold: reachable only from exception handlers.
        let mut todo: Vec<usize> =
            self.order().into_iter().filter(|&b| self.blocks[b].is_handler && !self.blocks[b].warm).collect();
        for &b in &todo {
            self.blocks[b].cold = true;
        }
        while let Some(b) = todo.pop() {
            for s in self.successors(b, false) {
                if !self.blocks[s].warm && !self.blocks[s].cold {
                    self.blocks[s].cold = true;
                    todo.push(s);
                }
            }
        }
        // A cold block falling through into a warm one needs a jump.
        for b in self.order() {
            let Some(n) = self.blocks[b].next else { continue };
            if self.blocks[b].cold && self.blocks[b].has_fallthrough() && self.blocks[n].warm {
                let j = self.new_block();
                let except = self.blocks[b].last().and_then(|l| l.except);
                self.blocks[j].instrs.push(CIns { op: Op::JumpNoInterrupt, arg: 0, target: n, loc: NO_LOC, except });
                self.blocks[j].cold = true;
                self.blocks[j].next = Some(n);
                self.blocks[b].next = Some(j);
            }
        }
        let order = self.order();
        let (warm, cold): (Vec<usize>, Vec<usize>) = order.into_iter().partition(|&b| !self.blocks[b].cold);
        let all: Vec<usize> = warm.into_iter().chain(cold).collect();
        for w in all.windows(2) {
            self.blocks[w[0]].next = Some(w[1]);
        }
        if let Some(&l) = all.last() {
            self.blocks[l].next = None;
        }
        self.remove_redundant_nops_and_jumps();
    }

    fn stackdepth(&mut self) -> Result<u32, String> {
        for b in &mut self.blocks {
            b.startdepth = None;
        }
        let mut todo = vec![self.entry];
        self.blocks[self.entry].startdepth = Some(0);
        let mut maxdepth = 0i32;
        let push = |blocks: &mut Vec<Block>, todo: &mut Vec<usize>, t: usize, d: i32| -> Result<(), String> {
            if d < 0 {
                return Err(format!("negative stack depth {d}"));
            }
            match blocks[t].startdepth {
                None => {
                    blocks[t].startdepth = Some(d);
                    todo.push(t);
                    Ok(())
                }
                Some(x) if x == d => Ok(()),
                Some(x) => Err(format!("inconsistent stack depth at a jump target: {x} vs {d}")),
            }
        };
        while let Some(b) = todo.pop() {
            let mut depth = self.blocks[b].startdepth.unwrap_or(0);
            let mut falls = true;
            for k in 0..self.blocks[b].instrs.len() {
                let ins = self.blocks[b].instrs[k].clone();
                let new_depth = depth + stack_effect(ins.op, ins.arg, false);
                if new_depth < 0 {
                    return Err(format!("negative stack depth at {:?}", ins.op));
                }
                maxdepth = maxdepth.max(new_depth);
                if ins.op.is_jump() || ins.op.is_block_push() {
                    let td = depth + stack_effect(ins.op, ins.arg, true);
                    maxdepth = maxdepth.max(td);
                    push(&mut self.blocks, &mut todo, ins.target, td)?;
                }
                depth = new_depth;
                if ins.op.no_fallthrough() {
                    falls = false;
                    break;
                }
            }
            if falls {
                if let Some(n) = self.blocks[b].next {
                    push(&mut self.blocks, &mut todo, n, depth)?;
                }
            }
        }
        Ok(maxdepth as u32)
    }

    fn convert_pseudo_ops(&mut self) {
        for b in self.order() {
            for i in &mut self.blocks[b].instrs {
                if i.op.is_block_push() || i.op == Op::PopBlock {
                    i.nop();
                }
            }
        }
        self.remove_redundant_nops_and_jumps();
    }

    /// Conditional jumps go forward: a backward one becomes the reversed
    /// jump over a new `JUMP` (a backward jump, hence a safe point).
    fn normalize_jumps(&mut self) {
        for b in &mut self.blocks {
            b.visited = false;
        }
        for b in self.order() {
            self.blocks[b].visited = true;
            let Some(last) = self.blocks[b].last().cloned() else { continue };
            let reversed = match last.op {
                Op::Real(O::POP_JUMP_IF_FALSE) => O::POP_JUMP_IF_TRUE,
                Op::Real(O::POP_JUMP_IF_TRUE) => O::POP_JUMP_IF_FALSE,
                Op::Real(O::POP_JUMP_IF_NONE) => O::POP_JUMP_IF_NOT_NONE,
                Op::Real(O::POP_JUMP_IF_NOT_NONE) => O::POP_JUMP_IF_NONE,
                _ => continue,
            };
            let target = self.nonempty(last.target);
            if !self.blocks[target].visited {
                continue;
            }
            let next = self.blocks[b].next;
            let j = self.new_block();
            self.blocks[j].instrs.push(CIns {
                op: Op::Jump,
                arg: 0,
                target: last.target,
                loc: last.loc,
                except: last.except,
            });
            self.blocks[j].next = next;
            self.blocks[j].visited = true;
            self.blocks[b].next = Some(j);
            let after = match next {
                Some(n) => n,
                None => {
                    let e = self.new_block();
                    self.blocks[j].next = Some(e);
                    e
                }
            };
            if let Some(l) = self.blocks[b].instrs.last_mut() {
                l.op = Op::Real(reversed);
                l.target = after;
            }
        }
    }

    fn linearize(&mut self, stacksize: u32) -> Assembled {
        let order = self.order();
        let mut start = vec![0u32; self.blocks.len()];
        let mut n = 0u32;
        for &b in &order {
            start[b] = n;
            n += self.blocks[b].instrs.len() as u32;
        }
        // Blocks outside the layout (never targets by now) start at the end.
        let mut instrs = Vec::with_capacity(n as usize);
        let mut locations = Vec::with_capacity(n as usize);
        let mut handlers: Vec<Option<usize>> = Vec::with_capacity(n as usize);
        for &b in &order {
            for ins in &self.blocks[b].instrs {
                let here = instrs.len() as u32;
                let (op, arg) = match ins.op {
                    Op::Real(o) if o.is_jump() => (o, start[self.nonempty(ins.target)]),
                    Op::Real(o) => (o, ins.arg),
                    Op::Jump | Op::JumpNoInterrupt => {
                        let t = start[self.nonempty(ins.target)];
                        let op = if t > here {
                            O::JUMP_FORWARD
                        } else if ins.op == Op::Jump {
                            O::JUMP_BACKWARD
                        } else {
                            O::JUMP_BACKWARD_NO_INTERRUPT
                        };
                        (op, t)
                    }
                    // Pseudo-ops are gone by now; be safe.
                    _ => (O::NOP, 0),
                };
                instrs.push(Instr::new(op, arg));
                locations.push(ins.loc);
                handlers.push(ins.except);
            }
        }
        let mut exc_table: Vec<ExcEntry> = Vec::new();
        let mut i = 0usize;
        while i < handlers.len() {
            let Some(h) = handlers[i] else {
                i += 1;
                continue;
            };
            let mut j = i + 1;
            while j < handlers.len() && handlers[j] == Some(h) {
                j += 1;
            }
            let hb = &self.blocks[h];
            let lasti = hb.preserve_lasti;
            let depth = hb.startdepth.unwrap_or(1) - 1 - lasti as i32;
            exc_table.push(ExcEntry {
                start: i as u32,
                end: j as u32,
                target: start[self.nonempty(h)],
                depth: depth.max(0) as u32,
                push_lasti: lasti,
            });
            i = j;
        }
        Assembled { instrs, locations, exc_table, stacksize }
    }
}

/// Replace `SWAP`s followed by stores with reordered stores (CPython's
/// `apply_static_swaps`).
fn apply_static_swaps(instrs: &mut [CIns], mut i: usize) {
    fn swappable(x: &CIns) -> bool {
        x.is(O::STORE_FAST) || x.is(O::POP_TOP)
    }
    fn stores_to(x: &CIns) -> Option<u32> {
        if x.is(O::STORE_FAST) {
            Some(x.arg)
        } else {
            None
        }
    }
    fn next_swappable(instrs: &[CIns], mut i: usize, lineno: Option<u32>) -> Option<usize> {
        loop {
            i += 1;
            let x = instrs.get(i)?;
            if let Some(l) = lineno {
                if x.loc.line != l {
                    return None;
                }
            }
            if x.is(O::NOP) {
                continue;
            }
            return if swappable(x) { Some(i) } else { None };
        }
    }
    loop {
        let swap = &instrs[i];
        if !swap.is(O::SWAP) {
            if swap.is(O::NOP) || swappable(swap) {
                if i == 0 {
                    return;
                }
                i -= 1;
                continue;
            }
            return;
        }
        let Some(j) = next_swappable(instrs, i, None) else { return };
        let mut k = j;
        let lineno = instrs[j].loc.line;
        for _ in 1..instrs[i].arg {
            match next_swappable(instrs, k, Some(lineno)) {
                Some(x) => k = x,
                None => return,
            }
        }
        let (sj, sk) = (stores_to(&instrs[j]), stores_to(&instrs[k]));
        if sj.is_some() || sk.is_some() {
            if sj == sk {
                return;
            }
            for x in &instrs[j + 1..k] {
                let s = stores_to(x);
                if s.is_some() && (s == sj || s == sk) {
                    return;
                }
            }
        }
        instrs[i].nop();
        instrs.swap(j, k);
        if i == 0 {
            return;
        }
        i -= 1;
    }
}
