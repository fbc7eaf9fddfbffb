//! The names of a run's files, in one place: `orders.csv` for a whole run, and
//! `orders.part-0002-of-0008.csv` for one part of several, so parts of one run sort
//! together and never overwrite each other.

/// Which part of how many a run writes (1-based).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Parts {
    pub count: u64,
    pub index: u64,
}

impl Parts {
    pub const WHOLE: Parts = Parts { count: 1, index: 1 };

    pub fn is_first(self) -> bool {
        self.index == 1
    }

    pub fn is_last(self) -> bool {
        self.index == self.count
    }

    /// The units of this part: `[(K-1)U/P, KU/P)`.
    pub fn range(self, units: u64) -> std::ops::Range<u64> {
        let bound = |k: u64| (units as u128 * k as u128 / self.count as u128) as u64;
        bound(self.index - 1)..bound(self.index)
    }
}

/// A file of this part: `stem.ext`, or `stem.part-KKKK-of-PPPP.ext`.
pub fn file_name(stem: &str, extension: &str, parts: Parts) -> String {
    if parts.count > 1 {
        format!(
            "{stem}.part-{:04}-of-{:04}.{extension}",
            parts.index, parts.count
        )
    } else {
        format!("{stem}.{extension}")
    }
}

pub fn manifest_name(parts: Parts) -> String {
    file_name("manifest", "json", parts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_have_their_own_names_and_cover_every_unit_once() {
        assert_eq!(file_name("orders", "csv", Parts::WHOLE), "orders.csv");
        let parts = Parts { count: 8, index: 2 };
        assert_eq!(
            file_name("orders", "csv", parts),
            "orders.part-0002-of-0008.csv"
        );
        assert_eq!(manifest_name(parts), "manifest.part-0002-of-0008.json");
        for count in [1, 2, 3, 7] {
            let mut next = 0;
            for index in 1..=count {
                let range = Parts { count, index }.range(100);
                assert_eq!(range.start, next);
                next = range.end;
            }
            assert_eq!(next, 100);
        }
    }
}
