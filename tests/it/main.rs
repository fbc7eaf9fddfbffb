//! Integration tests: run the binary as a user would and check the files it writes.
//! One test binary (see Cargo.toml) so the crate links once.

mod cli;
mod databases;
mod determinism;
mod docs;
mod golden;
mod harness;
mod invariants;
mod layers;
mod limits;
mod loading;
mod newcomer;
mod parts;
mod props;
mod readme;
mod realism;
mod runs;
mod serve;
mod spark;
mod tamper;
mod ux;
