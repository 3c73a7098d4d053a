//! The wasm build's memory allocator (wasm32 only; native builds keep the system's): blocks of
//! power-of-two sizes, one free list per size, carved from pages the module grows.
//!
//! Why not the standard library's (dlmalloc): its code is ~8 KB of the page's wasm (3 KB
//! gzipped), and the page's budget is 110 KB. The engine's allocations are vectors and strings
//! that live for one analysis, so a simpler scheme serves it as well: a request is rounded up
//! to a power of two (at most twice what it asks, never less than 16 bytes), a freed block goes
//! on the list of its size, and a request whose list is empty splits the smallest larger free
//! block in halves (so a large buffer freed after one analysis serves the small ones of the
//! next) before growing the memory. Blocks are never merged back: memory stays bounded by
//! twice the most the program ever held at once, per size, which for an analysis is a small
//! multiple of its input.
//!
//! wasm32 without threads runs one thread: the state needs no lock.

use std::alloc::{GlobalAlloc, Layout};
use std::cell::UnsafeCell;

/// Sizes 2^4 (16 bytes) to 2^31.
const MIN_SHIFT: usize = 4;
const CLASSES: usize = 32 - MIN_SHIFT;
const PAGE: usize = 65536;

struct State {
    /// The first free block of each size (0: none); a free block's first word is the next one.
    free: [usize; CLASSES],
    /// The untouched memory left in the last pages grown: `next..end`.
    next: usize,
    end: usize,
}

pub struct Blocks(UnsafeCell<State>);

// Safety: wasm32 without the atomics feature has a single thread.
unsafe impl Sync for Blocks {}

#[global_allocator]
static ALLOCATOR: Blocks = Blocks(UnsafeCell::new(State {
    free: [0; CLASSES],
    next: 0,
    end: 0,
}));

/// The size class of a layout: 2^(class + MIN_SHIFT) bytes hold it at its alignment.
fn class_of(layout: &Layout) -> Option<usize> {
    let size = layout.size().max(layout.align()).max(1 << MIN_SHIFT);
    let class = size.checked_next_power_of_two()?.trailing_zeros() as usize - MIN_SHIFT;
    (class < CLASSES).then_some(class)
}

impl State {
    /// A block of `class` from fresh memory at `align` (16 or more); 0 when the memory cannot
    /// grow.
    fn carve(&mut self, class: usize, align: usize) -> usize {
        let size = 1usize << (class + MIN_SHIFT);
        let aligned = |p: usize| (p + align - 1) & !(align - 1);
        let mut at = aligned(self.next);
        if self.end < at || self.end - at < size {
            let pages = (size + align).div_ceil(PAGE);
            let old = core::arch::wasm32::memory_grow(0, pages);
            if old == usize::MAX {
                return 0;
            }
            let start = old * PAGE;
            if start != self.end {
                // Not contiguous with the last pages (never, unless something else grows the
                // memory): start at the new ones.
                self.next = start;
            }
            self.end = start + pages * PAGE;
            at = aligned(self.next);
        }
        self.next = at + size;
        at
    }

    /// A block of `class` at `align`: from its free list, else split off the smallest larger
    /// free block, else carved.
    fn take(&mut self, class: usize, align: usize) -> usize {
        // Safety (the reads of a free block's first word): every address on a list is a block
        // this allocator handed out and got back, at least 16 bytes long and 16-aligned.
        if let Some(bigger) = (class..CLASSES).find(|&c| self.head(c) != 0) {
            let block = self.head(bigger);
            if block % align == 0 {
                self.set_head(bigger, unsafe { *(block as *const usize) });
                // The upper halves go on the smaller lists; the first piece is returned.
                for c in (class..bigger).rev() {
                    self.put(block + (1 << (c + MIN_SHIFT)), c);
                }
                return block;
            }
        }
        self.carve(class, align)
    }

    fn head(&self, class: usize) -> usize {
        self.free.get(class).copied().unwrap_or(0)
    }

    fn set_head(&mut self, class: usize, block: usize) {
        if let Some(h) = self.free.get_mut(class) {
            *h = block;
        }
    }

    fn put(&mut self, block: usize, class: usize) {
        unsafe { *(block as *mut usize) = self.head(class) };
        self.set_head(class, block);
    }
}

unsafe impl GlobalAlloc for Blocks {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        match class_of(&layout) {
            Some(class) => {
                let state = unsafe { &mut *self.0.get() };
                state.take(class, layout.align().max(1 << MIN_SHIFT)) as *mut u8
            }
            None => std::ptr::null_mut(),
        }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if let Some(class) = class_of(&layout) {
            let state = unsafe { &mut *self.0.get() };
            state.put(ptr as usize, class);
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // Safety: the caller guarantees that `new_size` at this alignment is a valid layout.
        let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        let old = class_of(&layout);
        if old.is_some() && old == class_of(&new_layout) {
            return ptr;
        }
        let new = unsafe { self.alloc(new_layout) };
        if !new.is_null() {
            unsafe {
                std::ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size));
                self.dealloc(ptr, layout);
            }
        }
        new
    }
}
