//! Tests of the workspace index.
