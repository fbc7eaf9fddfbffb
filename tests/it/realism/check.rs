//! A measured value against REALISM.md's aim, as one readable line:
//! "buyers with 2+ orders: 66.0%, want 18-45%".

use super::tables::{Data, Missing};

/// How a value is written.
#[derive(Clone, Copy, Debug)]
pub enum Unit {
    /// A share 0..1, written as a percentage with one decimal.
    Percent,
    /// A plain number with this many decimals.
    Num(usize),
    /// A multiple, "2.4x".
    Times,
    /// A whole count.
    Count,
}

impl Unit {
    pub fn show(self, value: f64) -> String {
        if value.is_nan() {
            return "n/a".to_string();
        }
        if value.is_infinite() {
            return if value > 0.0 { "inf" } else { "-inf" }.to_string();
        }
        match self {
            Unit::Percent => format!("{:.1}%", value * 100.0),
            Unit::Num(decimals) => format!("{value:.decimals$}"),
            Unit::Times => format!("{value:.2}x"),
            Unit::Count => format!("{value:.0}"),
        }
    }

    fn bound(self, value: f64) -> String {
        match self {
            Unit::Percent => trim(value * 100.0) + "%",
            Unit::Times => trim(value) + "x",
            _ => trim(value),
        }
    }
}

fn trim(value: f64) -> String {
    let text = format!("{value:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// The range REALISM.md gives, both ends included.
#[derive(Clone, Copy, Debug)]
pub enum Aim {
    Between(f64, f64),
    AtLeast(f64),
    AtMost(f64),
    /// Strictly above.
    Above(f64),
    /// Strictly below.
    Below(f64),
}

impl Aim {
    pub fn holds(self, value: f64) -> bool {
        match self {
            Aim::Between(lo, hi) => value >= lo && value <= hi,
            Aim::AtLeast(lo) => value >= lo,
            Aim::AtMost(hi) => value <= hi,
            Aim::Above(lo) => value > lo,
            Aim::Below(hi) => value < hi,
        }
    }

    fn show(self, unit: Unit) -> String {
        match self {
            Aim::Between(lo, hi) => match unit {
                Unit::Percent => format!("{}-{}%", trim(lo * 100.0), trim(hi * 100.0)),
                Unit::Times => format!("{}-{}x", trim(lo), trim(hi)),
                _ => format!("{}-{}", trim(lo), trim(hi)),
            },
            Aim::AtLeast(lo) => format!("at least {}", unit.bound(lo)),
            Aim::AtMost(hi) => format!("at most {}", unit.bound(hi)),
            Aim::Above(lo) => format!("above {}", unit.bound(lo)),
            Aim::Below(hi) => format!("below {}", unit.bound(hi)),
        }
    }
}

/// One measured value and whether it is in range.
#[derive(Clone, Debug)]
pub struct Finding {
    pub ok: bool,
    pub text: String,
}

/// Compares a value with its aim: "label: value, want aim" (NaN never passes).
pub fn check(label: &str, value: f64, aim: Aim, unit: Unit) -> Finding {
    let ok = !value.is_nan() && aim.holds(value);
    Finding {
        ok,
        text: format!("{label}: {}, want {}", unit.show(value), aim.show(unit)),
    }
}

/// A yes/no fact, "label: what was found, want what should be".
pub fn fact(label: &str, ok: bool, found: String, want: &str) -> Finding {
    Finding {
        ok,
        text: format!("{label}: {found}, want {want}"),
    }
}

/// What a check returns: its findings, or the field it could not find.
pub type Outcome = Result<Vec<Finding>, Missing>;

/// Which synthetic dataset shows that a check can fail.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Control {
    /// Everything uniform and independent (uniform/).
    Uniform,
    /// Uniform too, but the shop opens with the window: accounts created uniformly
    /// over the window, each order uniform between its customer's signup and the end.
    OpensWithTheWindow,
    /// Uniform within each month, with heavier months (a step at each month start).
    MonthlySteps,
}

/// One row of REALISM.md's tables as a test: what it needs and how it is judged.
pub struct Check {
    /// The measure, as REALISM.md names it.
    pub name: &'static str,
    /// The tables the measure reads (CSV file stems).
    pub needs: &'static [&'static str],
    pub run: fn(&Data) -> Outcome,
    /// The synthetic dataset it must fail on.
    pub control: Control,
}

impl Check {
    pub const fn new(
        name: &'static str,
        needs: &'static [&'static str],
        run: fn(&Data) -> Outcome,
    ) -> Check {
        Check {
            name,
            needs,
            run,
            control: Control::Uniform,
        }
    }

    pub const fn control(mut self, control: Control) -> Check {
        self.control = control;
        self
    }
}

/// Whether every finding passed.
pub fn passed(findings: &[Finding]) -> bool {
    findings.iter().all(|f| f.ok)
}

pub fn lines(findings: &[Finding]) -> String {
    findings
        .iter()
        .map(|f| format!("  {} {}", if f.ok { "ok  " } else { "FAIL" }, f.text))
        .collect::<Vec<_>>()
        .join("\n")
}
