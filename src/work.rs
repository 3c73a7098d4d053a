//! A work counter for the count-based linearity test: every loop of the detection stages (scan,
//! pair, classify) adds the number of steps it takes. It is a thread-local `Cell`, so counting
//! costs an add and never locks; [`crate::analyze_counting`] resets it and reads it back.

use std::cell::Cell;

thread_local! {
    static WORK: Cell<u64> = const { Cell::new(0) };
}

/// Adds `n` steps of work.
#[inline]
pub(crate) fn tick(n: u64) {
    WORK.with(|w| w.set(w.get().wrapping_add(n)));
}

/// Sets the counter to zero.
pub(crate) fn reset() {
    WORK.with(|w| w.set(0));
}

/// The steps counted since the last reset.
pub(crate) fn read() -> u64 {
    WORK.with(Cell::get)
}
