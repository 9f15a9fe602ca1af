//! Error messages and positions.
