//! Frames and the per-thread frame stack.
//!
//! Every tier runs on this one layout: a `#[repr(C)]` header followed by
//! the local slots (locals, cells, free variables) and then the value
//! stack, all in one contiguous region of the frame stack. At every safe
//! point `instr` and `stack_depth` are exact, so a debugger can read the
//! frame and deoptimizing is "set `instr`, return to the interpreter".

use std::ptr;

use crate::bytecode::code::CodeObj;
use crate::objects::function::FunctionObj;
use crate::objects::Value;

#[repr(C)]
pub struct Frame {
    /// The function being run (a strong reference; it owns code and globals).
    pub func: Value,
    /// Namespace dict of module and class bodies (LOAD_NAME); NULL otherwise.
    pub locals: Value,
    /// The calling frame on this thread, or null.
    pub previous: *mut Frame,
    /// Index of the instruction being executed (exact at safe points).
    pub instr: u32,
    /// Number of values on the value stack (exact at safe points).
    pub stack_depth: u32,
    pub nlocalsplus: u32,
    /// Set on the frame a Rust caller entered the eval loop with: its
    /// return leaves the loop.
    pub is_entry: bool,
    /// Who owns the frame's memory (see `FrameOwner`).
    pub owner: FrameOwner,
    /// An `__init__` pushed by `CALL_ALLOC_AND_ENTER_INIT`: its return
    /// value must be None and is dropped; the new instance the caller
    /// keeps on its value stack is the call's result.
    pub is_init: bool,
    /// The `frame` object Python code holds for this frame (`sys._getframe`),
    /// or NULL. It is detached (given a snapshot) when the frame ends.
    pub frame_obj: Value,
    localsplus: [Value; 0],
}

/// Where a frame's memory lives.
#[repr(u8)]
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum FrameOwner {
    /// The thread's frame stack: released when the frame returns.
    Thread,
    /// A generator object: the frame outlives calls to it.
    Generator,
}

// Machine code reads frames through these offsets (the ABI in `pyfast-stencils`).
const _: () = {
    use pyfast_stencils::frame as abi;
    assert!(std::mem::offset_of!(Frame, func) == abi::FUNC_OFFSET);
    assert!(std::mem::offset_of!(Frame, instr) == abi::INSTR_OFFSET);
    assert!(std::mem::offset_of!(Frame, stack_depth) == abi::STACK_DEPTH_OFFSET);
    assert!(std::mem::offset_of!(Frame, frame_obj) == abi::FRAME_OBJECT_OFFSET);
    assert!(std::mem::offset_of!(Frame, localsplus) == abi::LOCALSPLUS_OFFSET);
};

/// Words in the frame header (the slots follow it).
pub const HEADER_WORDS: usize = std::mem::size_of::<Frame>() / 8;

impl Frame {
    /// The running function (`FrameStack::push` took only functions).
    #[inline(always)]
    pub fn function(&self) -> &FunctionObj {
        debug_assert!(crate::objects::function::as_function(&self.func).is_some());
        unsafe { self.func.payload::<FunctionObj>() }
    }

    #[inline(always)]
    pub fn code(&self) -> &CodeObj {
        self.function().code()
    }

    /// Pointer to local slot 0 (the value stack follows the slots).
    #[inline(always)]
    pub fn localsplus(&mut self) -> *mut Value {
        self.localsplus.as_mut_ptr()
    }

    #[inline(always)]
    pub fn slot(&mut self, i: usize) -> &mut Value {
        unsafe { &mut *self.localsplus().add(i) }
    }

    /// Pointer to the bottom of the value stack.
    #[inline(always)]
    pub fn stack_base(&mut self) -> *mut Value {
        unsafe { self.localsplus().add(self.nlocalsplus as usize) }
    }

    /// The values currently on the value stack.
    pub fn stack(&mut self) -> &[Value] {
        let n = self.stack_depth as usize;
        unsafe { std::slice::from_raw_parts(self.stack_base(), n) }
    }

    /// Current source line.
    pub fn line(&self) -> u32 {
        self.code().line_of(self.instr as usize)
    }
}

/// Frame memory: chunks of words, used as a stack of frames. Chunks never
/// move, so frame pointers stay valid while the frame is live.
pub struct FrameStack {
    chunks: Vec<Box<[u64]>>,
    /// Index of the chunk in use.
    cur: usize,
    /// First free word in the current chunk.
    top: usize,
    /// The current chunk's first word and length (the fast path of
    /// [`FrameStack::push`] reads only these).
    base: *mut u64,
    len: usize,
    /// `top` of each earlier chunk, for popping back into it.
    saved_tops: Vec<usize>,
}

const CHUNK_WORDS: usize = 1 << 16;

impl Default for FrameStack {
    fn default() -> Self {
        let mut chunk = vec![0u64; CHUNK_WORDS].into_boxed_slice();
        let (base, len) = (chunk.as_mut_ptr(), chunk.len());
        FrameStack { chunks: vec![chunk], cur: 0, top: 0, base, len, saved_tops: Vec::new() }
    }
}

impl FrameStack {
    /// Allocate and initialise a frame for `func` (all slots NULL, empty
    /// value stack). The caller fills the argument slots.
    pub fn push(&mut self, func: Value, locals: Value, previous: *mut Frame) -> *mut Frame {
        let f = self.push_header(func, locals, previous);
        unsafe { null_slots((*f).localsplus(), (*f).nlocalsplus as usize) };
        f
    }

    /// [`FrameStack::push`] for a call with exactly the code's positional
    /// arguments: the `nargs` values at `args` are moved into the first
    /// slots (the caller's stack no longer owns them) and only the other
    /// slots are set to NULL.
    ///
    /// # Safety
    /// `func` is a function whose code has at least `nargs` local slots;
    /// `args` points at `nargs` owned values, outside the new frame.
    #[inline]
    pub unsafe fn push_with_args(
        &mut self,
        func: Value,
        previous: *mut Frame,
        args: *const Value,
        nargs: usize,
    ) -> *mut Frame {
        let f = self.push_header(func, Value::NULL, previous);
        let slots = (*f).localsplus();
        // Word-by-word: these are a few words, where a `memcpy`/`memset`
        // call costs more than the copy.
        for i in 0..nargs {
            std::ptr::write_volatile(slots.add(i), ptr::read(args.add(i)));
        }
        null_slots(slots.add(nargs), (*f).nlocalsplus as usize - nargs);
        f
    }

    /// Allocate a frame for `func` and write its header (slots not set).
    #[inline(always)]
    fn push_header(&mut self, func: Value, locals: Value, previous: *mut Frame) -> *mut Frame {
        let code = crate::objects::function::as_function(&func).expect("a function").code();
        let nlocalsplus = code.nlocalsplus();
        let words = HEADER_WORDS + nlocalsplus + code.stacksize as usize;
        let base = if self.top + words <= self.len {
            let b = unsafe { self.base.add(self.top) };
            self.top += words;
            b
        } else {
            self.new_chunk(words)
        };
        let f = base as *mut Frame;
        unsafe {
            ptr::write(
                f,
                Frame {
                    func,
                    locals,
                    previous,
                    instr: 0,
                    stack_depth: 0,
                    nlocalsplus: nlocalsplus as u32,
                    is_entry: false,
                    owner: FrameOwner::Thread,
                    is_init: false,
                    frame_obj: Value::NULL,
                    localsplus: [],
                },
            );
        }
        f
    }

    /// Move on to the next chunk (made now if there is none, or if it is
    /// too small) and take `words` from it.
    #[cold]
    #[inline(never)]
    fn new_chunk(&mut self, words: usize) -> *mut u64 {
        self.saved_tops.push(self.top);
        self.cur += 1;
        if self.cur == self.chunks.len() || self.chunks[self.cur].len() < words {
            let size = CHUNK_WORDS.max(words);
            let chunk = vec![0u64; size].into_boxed_slice();
            if self.cur == self.chunks.len() {
                self.chunks.push(chunk);
            } else {
                self.chunks[self.cur] = chunk;
            }
        }
        let chunk = &mut self.chunks[self.cur];
        (self.base, self.len) = (chunk.as_mut_ptr(), chunk.len());
        self.top = words;
        self.base
    }

    /// Release the most recently pushed frame: drop its slots, value stack
    /// and header references, then give the memory back. Dropping values
    /// can run `__del__`, which may push and pop frames above this one, so
    /// no borrow of the stack is held while that happens.
    ///
    /// # Safety
    /// `f` is the top frame of `stack` and no other pointer to it is used
    /// afterwards.
    pub unsafe fn pop(stack: *mut FrameStack, f: *mut Frame) {
        let words = frame_words(f);
        clear_frame(f);
        ptr::drop_in_place(f);
        Self::release(stack, words);
    }

    /// Give back the memory of the top frame, whose contents were moved
    /// elsewhere (a generator took them) or dropped.
    ///
    /// # Safety
    /// The top frame of `stack` occupied `words` words.
    #[inline]
    pub unsafe fn release(stack: *mut FrameStack, words: usize) {
        let s = &mut *stack;
        debug_assert!(s.top >= words);
        s.top -= words;
        if s.top == 0 && s.cur > 0 {
            s.previous_chunk();
        }
    }

    /// Back to the previous chunk (the current one emptied).
    #[cold]
    #[inline(never)]
    fn previous_chunk(&mut self) {
        self.cur -= 1;
        self.top = self.saved_tops.pop().expect("chunk tops are saved");
        let chunk = &mut self.chunks[self.cur];
        (self.base, self.len) = (chunk.as_mut_ptr(), chunk.len());
    }
}

/// Set `n` slots from `p` to NULL, word by word (see `push_with_args`).
///
/// # Safety
/// The `n` words at `p` are frame memory holding no live values.
#[inline(always)]
unsafe fn null_slots(p: *mut Value, n: usize) {
    for i in 0..n {
        std::ptr::write_volatile(p.add(i), Value::NULL);
    }
}

/// Total words a live frame occupies (header, slots, value stack).
///
/// # Safety
/// `f` is a live frame.
pub unsafe fn frame_words(f: *mut Frame) -> usize {
    HEADER_WORDS + (*f).nlocalsplus as usize + (*f).code().stacksize as usize
}

/// Drop a frame's local slots and value stack (leaving them NULL/empty).
/// Locals are cleared in slot order, as CPython does.
///
/// # Safety
/// `f` is a live frame.
pub unsafe fn clear_frame(f: *mut Frame) {
    let fo = (*f).frame_obj.take();
    if !fo.is_null() {
        crate::objects::frame_obj::detach(&fo, f);
    }
    let n = (*f).nlocalsplus as usize;
    let depth = (*f).stack_depth as usize;
    (*f).stack_depth = 0;
    let base = (*f).localsplus();
    for i in 0..n + depth {
        let v = ptr::replace(base.add(i), Value::NULL);
        drop(v);
    }
}
