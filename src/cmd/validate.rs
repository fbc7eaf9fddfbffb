//! `ecomgen validate`: the validator's verdict as the command line gives it, with the
//! window and opening taken from flags, then the manifests, then the defaults.

use crate::cli::ValidateArgs;
use crate::error::{Error, Result};
use crate::model::Window;
use crate::schema::Table;
use crate::validate::{self, Period, Report};
use crate::words::plural;
use std::io::Write;

/// `ecomgen validate`: prints what is wrong (up to `--max-shown`) and fails, or says
/// that everything holds.
pub fn run(args: &ValidateArgs) -> Result<()> {
    validate::check_is_dir(&args.dir)?;
    let period = resolve_period(args)?;
    let report = validate::validate_dir(&args.dir, period)?;
    let count = report.violations.len();
    let mut out = std::io::stdout().lock();
    let said = if count == 0 {
        write_verdict(&mut out, &report)
    } else {
        Ok(())
    };
    // Editing is allowed, but whoever trusts the manifest's checksums must know.
    said.and_then(|()| {
        for note in &report.edited {
            writeln!(out, "note: {note}")?;
        }
        out.flush()
    })
    .map_err(|e| Error::io("standard output", e))?;
    if count == 0 {
        return Ok(());
    }
    let mut err = std::io::stderr().lock();
    // A closed stderr must not hide the verdict: the exit code still says it.
    for violation in report.violations.iter().take(args.max_shown) {
        let _ = writeln!(err, "ecomgen: {violation}");
    }
    if count > args.max_shown {
        let _ = writeln!(
            err,
            "ecomgen: ... and {} more (raise --max-shown to see them)",
            count - args.max_shown
        );
    }
    Err(Error::Invalid(count as u64))
}

/// The verdict on a dataset without violations: everything holds, or everything that
/// the tables read could show, and what they could not.
fn write_verdict(out: &mut impl Write, report: &Report) -> std::io::Result<()> {
    let files = plural(report.files as u64, "file");
    let rows = rows_read(report);
    let gaps = &report.gaps;
    if gaps.is_empty() {
        return writeln!(out, "ok: {files}, {rows}, every invariant holds");
    }
    write!(out, "ok: {files}, {rows}, no violation in what they hold")?;
    if !gaps.absent.is_empty() {
        // SQLite keeps every table in one file, empty for the entities not written.
        let holder = match report.format.spec().single_file {
            Some(_) => "rows",
            None => "file",
        };
        write!(
            out,
            " (no {holder} for {}: their rows and the keys into them are not checked)",
            gaps.absent.join(", ")
        )?;
    }
    writeln!(out)?;
    if !gaps.keys.is_empty() {
        let keys: Vec<String> = gaps
            .keys
            .iter()
            .map(|k| format!("{}.{} -> {}", k.table, k.field, k.target))
            .collect();
        writeln!(
            out,
            "not checked: keys into tables the dataset does not hold, so a key that names no \
             row goes unseen: {}",
            keys.join(", ")
        )?;
    }
    if !gaps.rules.is_empty() {
        let rules: Vec<String> = gaps
            .rules
            .iter()
            .map(|(rule, tables)| format!("{rule} ({})", tables.join(", ")))
            .collect();
        writeln!(
            out,
            "not checked, or only in part, for want of the tables named: {}",
            rules.join(", ")
        )?;
    }
    Ok(())
}

/// What was read, in the words of generate's "wrote ... (N rows)" lines, whose sum
/// the row count is.
fn rows_read(report: &Report) -> String {
    let rows = format!("{} in all", thousands_plural(report.rows, "row"));
    let items = Table::OrderItems.name().replace('_', " ");
    match report.orders {
        None => rows,
        Some(orders) => {
            let orders = thousands_plural(orders, "order");
            match report.nested {
                0 => format!("{orders} with {rows} ({items} included)"),
                n => format!(
                    "{orders} with {rows} and {} {items} nested in the orders",
                    thousands(n)
                ),
            }
        }
    }
}

/// 12345 as "12,345".
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn thousands_plural(n: u64, noun: &str) -> String {
    match n {
        1 => format!("1 {noun}"),
        n => format!("{} {noun}s", thousands(n)),
    }
}

/// Flags win; then the manifests a run writes next to its files (`manifest.json`, or
/// the part manifests of a partitioned run); then the generator's defaults (the year
/// 2023, a shop open four years before). The manifests are read only when a flag is
/// missing, so a broken one does not matter when all are given.
fn resolve_period(args: &ValidateArgs) -> Result<Period> {
    let (mut start, mut end, mut opened) = (args.start_date, args.end_date, args.opened);
    let recorded = if start.is_none() || end.is_none() {
        validate::recorded_window(&args.dir)?
    } else if opened.is_none() {
        // The window is given: a manifest that does not read only costs the opening.
        validate::recorded_window(&args.dir).ok().flatten()
    } else {
        None
    };
    if let Some(recorded) = recorded {
        start = start.or(Some(recorded.start));
        end = end.or(Some(recorded.end));
        opened = opened.or(recorded.opened);
    }
    let start = start.unwrap_or(Window::default().first_day());
    let end = end.unwrap_or(Window::default().last_day());
    if start > end {
        return Err(Error::Usage(format!(
            "the window starts on {start}, after its end {end}"
        )));
    }
    let window = Window::new(start, end);
    let opened = opened.unwrap_or_else(|| window.default_opened());
    if opened > start {
        return Err(Error::Usage(format!(
            "the shop opened on {opened}, after the window's start {start}: a shop opens at \
             or before the window it is seen in; give --opened"
        )));
    }
    Ok(Period { window, opened })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Date;
    use crate::model::time::days_from_civil;

    #[test]
    fn the_window_comes_from_flags_then_the_manifest_then_2023() {
        let resolve_window = |args: &ValidateArgs| resolve_period(args).map(|p| p.window);
        let temp = tempfile::tempdir().expect("a temporary directory");
        let args = |start: Option<&str>, end: Option<&str>| ValidateArgs {
            dir: temp.path().to_path_buf(),
            start_date: start.map(|s| s.parse().expect("a date")),
            end_date: end.map(|s| s.parse().expect("a date")),
            opened: None,
            max_shown: 50,
        };
        let window = |s: (i64, u32, u32), e: (i64, u32, u32)| {
            Window::new(
                Date(days_from_civil(s.0, s.1, s.2)),
                Date(days_from_civil(e.0, e.1, e.2)),
            )
        };
        assert_eq!(
            resolve_window(&args(None, None)).expect("default"),
            Window::default()
        );
        let manifest = r#"{"tool": "ecomgen", "version": "0.1.0", "seed": 1, "files": [],
            "settings": {"format": "csv", "counts": {}, "reviews": null, "entities": [],
            "start_date": "2024-02-20", "end_date": "2024-03-10", "parts": 1, "part": 1}}"#;
        std::fs::write(temp.path().join("manifest.json"), manifest).expect("written");
        assert_eq!(
            resolve_window(&args(None, None)).expect("from the manifest"),
            window((2024, 2, 20), (2024, 3, 10))
        );
        assert_eq!(
            resolve_window(&args(Some("2024-01-01"), None)).expect("mixed"),
            window((2024, 1, 1), (2024, 3, 10))
        );
        assert!(resolve_window(&args(Some("2024-04-01"), None)).is_err());
        std::fs::write(temp.path().join("manifest.json"), "{").expect("written");
        let broken = resolve_window(&args(None, None)).expect_err("a broken manifest");
        assert!(broken.to_string().contains("give --start-date"), "{broken}");
        assert!(resolve_window(&args(Some("2024-01-01"), Some("2024-01-02"))).is_ok());
    }
}
