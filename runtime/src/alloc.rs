//! The small-block allocator (CPython's pymalloc idea, as Rust's global
//! allocator).
//!
//! Every Python object, dict table, list buffer and boxed slice is a small
//! heap block, made and freed at the rate the program runs. glibc's
//! `malloc`/`free` pair costs about 150 instructions; this one costs about
//! 15: blocks of up to [`MAX_SMALL`] bytes come in size classes of 16
//! bytes, each class a per-thread free list (a singly linked list through
//! the first word of each free block), refilled by carving 1 MiB chunks.
//! Rust's `dealloc` is told the size, so blocks need no header. Larger or
//! over-aligned blocks go to the system allocator.
//!
//! Memory in the free lists is reused, never returned to the system (as
//! with pymalloc's pools, a loop that frees what it allocates keeps a flat
//! footprint). A block may be freed by another thread than the one that
//! made it: it joins the freeing thread's list. When a thread ends, its
//! lists go to a global pool that other threads refill from, so memory
//! freed by threads that come and go (a test suite's VMs) is not lost.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::UnsafeCell;
use std::ptr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

/// Largest block served from the size classes.
pub const MAX_SMALL: usize = 512;
const GRANULE: usize = 16;
const NCLASSES: usize = MAX_SMALL / GRANULE;
const CHUNK: usize = 1 << 20;

struct Cache {
    /// Head of each class's free list (null: empty).
    free: [*mut u8; NCLASSES],
    /// The unused rest of the current chunk.
    bump: *mut u8,
    bump_end: *mut u8,
    /// This thread's lists are registered to be given back at its exit.
    registered: bool,
    /// The thread-exit hand-back ran: free from now on to the global pool.
    exited: bool,
}

thread_local! {
    // Const-initialised and without a destructor: a plain thread-local
    // word, no lazy initialisation, nothing allocated to access it.
    static CACHE: UnsafeCell<Cache> = const {
        UnsafeCell::new(Cache {
            free: [ptr::null_mut(); NCLASSES],
            bump: ptr::null_mut(),
            bump_end: ptr::null_mut(),
            registered: false,
            exited: false,
        })
    };
    // Its destructor hands the thread's free lists to `POOL`.
    static EXIT: ExitGuard = const { ExitGuard };
}

/// Free lists of threads that ended, one per class (heads of linked lists).
struct Pool([usize; NCLASSES]);
static POOL: Mutex<Pool> = Mutex::new(Pool([0; NCLASSES]));
/// Whether `POOL` may hold blocks (checked before taking its lock).
static POOL_NONEMPTY: AtomicBool = AtomicBool::new(false);

struct ExitGuard;

impl Drop for ExitGuard {
    fn drop(&mut self) {
        let _ = CACHE.try_with(|c| unsafe {
            let c = &mut *c.get();
            let mut pool = POOL.lock().unwrap_or_else(|e| e.into_inner());
            hand_back(&mut c.free, &mut pool.0);
            POOL_NONEMPTY.store(true, Ordering::Relaxed);
            c.exited = true;
        });
    }
}

/// Move every list of `free` to the front of the matching list of `pool`.
///
/// # Safety
/// The lists are well-formed (null-terminated, blocks of their class).
unsafe fn hand_back(free: &mut [*mut u8; NCLASSES], pool: &mut [usize; NCLASSES]) {
    for (class, head) in free.iter_mut().enumerate() {
        let list = std::mem::replace(head, ptr::null_mut());
        if !list.is_null() {
            let mut tail = list;
            while !(*(tail as *mut *mut u8)).is_null() {
                tail = *(tail as *mut *mut u8);
            }
            *(tail as *mut usize) = pool[class];
            pool[class] = list as usize;
        }
    }
}

#[inline(always)]
fn class_of(size: usize) -> usize {
    (size - 1) / GRANULE
}

#[inline(always)]
fn is_small(layout: &Layout) -> bool {
    layout.size() <= MAX_SMALL && layout.align() <= GRANULE && layout.size() != 0
}

/// The allocator (installed as `#[global_allocator]` in `lib.rs`).
pub struct SmallAlloc;

unsafe impl GlobalAlloc for SmallAlloc {
    #[inline(always)]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if !is_small(&layout) {
            return System.alloc(layout);
        }
        let class = class_of(layout.size());
        let hit = CACHE.with(|c| {
            let c = &mut *c.get();
            let head = c.free[class];
            if !head.is_null() {
                c.free[class] = *(head as *mut *mut u8);
            }
            head
        });
        if !hit.is_null() {
            return hit;
        }
        alloc_slow(class)
    }

    #[inline(always)]
    unsafe fn dealloc(&self, p: *mut u8, layout: Layout) {
        if !is_small(&layout) {
            return System.dealloc(p, layout);
        }
        let class = class_of(layout.size());
        let kept = CACHE.with(|c| {
            let c = &mut *c.get();
            if c.exited {
                return false;
            }
            *(p as *mut *mut u8) = c.free[class];
            c.free[class] = p;
            true
        });
        if !kept {
            free_to_pool(p, class);
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if !is_small(&layout) {
            return System.alloc_zeroed(layout);
        }
        let p = self.alloc(layout);
        if !p.is_null() {
            ptr::write_bytes(p, 0, layout.size());
        }
        p
    }

    #[inline]
    unsafe fn realloc(&self, p: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let new_layout = Layout::from_size_align_unchecked(new_size, layout.align());
        let (old_small, new_small) = (is_small(&layout), is_small(&new_layout));
        if !old_small && !new_small {
            return System.realloc(p, layout, new_size);
        }
        if old_small && new_small && class_of(layout.size()) == class_of(new_size) {
            return p;
        }
        let q = self.alloc(new_layout);
        if !q.is_null() {
            ptr::copy_nonoverlapping(p, q, layout.size().min(new_size));
            self.dealloc(p, layout);
        }
        q
    }
}

/// A block freed after this thread's exit hand-back goes to the pool.
/// Out of line, so the fast path of `dealloc` saves no registers.
#[cold]
#[inline(never)]
unsafe fn free_to_pool(p: *mut u8, class: usize) {
    let mut pool = POOL.lock().unwrap_or_else(|e| e.into_inner());
    *(p as *mut usize) = pool.0[class];
    pool.0[class] = p as usize;
    POOL_NONEMPTY.store(true, Ordering::Relaxed);
}

/// The class's list is empty: refill from the pool, else carve a block
/// from the current chunk (taking a new chunk when it is used up).
#[cold]
#[inline(never)]
unsafe fn alloc_slow(class: usize) -> *mut u8 {
    let register = CACHE.with(|c| !(*c.get()).registered && !(*c.get()).exited);
    if register {
        CACHE.with(|c| (*c.get()).registered = true);
        // Registering the destructor may allocate (through this allocator,
        // whose state is consistent here).
        let _ = EXIT.try_with(|_| ());
    }
    if POOL_NONEMPTY.load(Ordering::Relaxed) {
        let mut pool = POOL.lock().unwrap_or_else(|e| e.into_inner());
        let list = pool.0[class];
        if list != 0 {
            pool.0[class] = 0;
            drop(pool);
            let list = list as *mut u8;
            return CACHE.with(|c| {
                let c = &mut *c.get();
                // Prepend the pool's list to ours (ours is empty: that is
                // why we are here, unless a destructor above refilled it).
                let mut tail = list;
                while !(*(tail as *mut *mut u8)).is_null() {
                    tail = *(tail as *mut *mut u8);
                }
                *(tail as *mut *mut u8) = c.free[class];
                c.free[class] = *(list as *mut *mut u8);
                list
            });
        }
    }
    let size = (class + 1) * GRANULE;
    let need_chunk = CACHE.with(|c| {
        let c = &*c.get();
        (c.bump_end as usize) - (c.bump as usize) < size
    });
    if need_chunk {
        let chunk = System.alloc(Layout::from_size_align_unchecked(CHUNK, 4096));
        if chunk.is_null() {
            return chunk;
        }
        CACHE.with(|c| {
            let c = &mut *c.get();
            // The rest of the old chunk becomes free blocks of the largest
            // classes that fit, so nothing is wasted.
            let mut rest = c.bump;
            let mut left = (c.bump_end as usize) - (c.bump as usize);
            while left >= GRANULE {
                let take = left.min(MAX_SMALL);
                let k = class_of(take);
                let b = (k + 1) * GRANULE;
                *(rest as *mut *mut u8) = c.free[k];
                c.free[k] = rest;
                rest = rest.add(b);
                left -= b;
            }
            c.bump = chunk;
            c.bump_end = chunk.add(CHUNK);
        });
    }
    CACHE.with(|c| {
        let c = &mut *c.get();
        // A destructor that ran while registering may have filled the list.
        let head = c.free[class];
        if !head.is_null() {
            c.free[class] = *(head as *mut *mut u8);
            return head;
        }
        let p = c.bump;
        c.bump = p.add(size);
        p
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_are_reused_and_distinct() {
        unsafe {
            let l = Layout::from_size_align(24, 8).unwrap();
            let a = SmallAlloc.alloc(l);
            let b = SmallAlloc.alloc(l);
            assert_ne!(a, b);
            assert_eq!(a as usize % 16, 0);
            SmallAlloc.dealloc(a, l);
            let c = SmallAlloc.alloc(Layout::from_size_align(32, 16).unwrap());
            assert_eq!(a, c, "same class, last freed first reused");
            SmallAlloc.dealloc(c, Layout::from_size_align(32, 16).unwrap());
            SmallAlloc.dealloc(b, l);
        }
    }

    #[test]
    fn realloc_moves_between_small_and_large() {
        unsafe {
            let l = Layout::from_size_align(40, 8).unwrap();
            let p = SmallAlloc.alloc(l);
            for i in 0..40 {
                *p.add(i) = i as u8;
            }
            let q = SmallAlloc.realloc(p, l, 4000);
            for i in 0..40 {
                assert_eq!(*q.add(i), i as u8);
            }
            let r = SmallAlloc.realloc(q, Layout::from_size_align(4000, 8).unwrap(), 48);
            for i in 0..40 {
                assert_eq!(*r.add(i), i as u8);
            }
            SmallAlloc.dealloc(r, Layout::from_size_align(48, 8).unwrap());
        }
    }

    #[test]
    fn hand_back_prepends_to_the_pool() {
        unsafe {
            let l = Layout::from_size_align(64, 8).unwrap();
            let (a, b, c) = (SmallAlloc.alloc(l), SmallAlloc.alloc(l), SmallAlloc.alloc(l));
            let k = class_of(64);
            let mut free = [ptr::null_mut(); NCLASSES];
            let mut pool = [0usize; NCLASSES];
            *(c as *mut usize) = 0;
            pool[k] = c as usize;
            *(b as *mut *mut u8) = ptr::null_mut();
            *(a as *mut *mut u8) = b;
            free[k] = a;
            hand_back(&mut free, &mut pool);
            assert!(free[k].is_null());
            assert_eq!(pool[k], a as usize);
            assert_eq!(*(b as *const usize), c as usize, "the thread's list is followed by the pool's");
            for p in [a, b, c] {
                SmallAlloc.dealloc(p, l);
            }
        }
    }
}
