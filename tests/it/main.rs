//! Integration tests: run the binary and check the files it writes.
