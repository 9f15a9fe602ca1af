//! Python's operations on values: arithmetic, comparison and hashing, attributes, subscription,
//! iteration, text conversion, exceptions and tracebacks, object and class construction.

pub mod arith;
pub mod attr;
pub mod buffer;
pub mod cmp;
pub mod construct;
pub mod exc;
pub mod format;
pub mod iter;
pub mod matching;
pub mod special_attrs;
pub mod subscr;
pub mod suggest;
pub mod traceback;
pub mod type_forms;
