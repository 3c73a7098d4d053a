//! Helpers shared by the native tests and the benchmark (`#[path]`-included).
pub mod corpus;
pub mod unescape;
