//! Mobile phone patterns per country for synthetic customers, real in-use mobile ranges only; approximate figures from public census and naming statistics and national numbering plans.
//! Numbering plans: Ofcom, BNetzA, ARCEP, ACMA; weights are rough shares of mobile numbers in use. Pattern syntax as for `Town::phone`: `#` any digit, `%` a digit 2-9.

/// (ISO country code, [(pattern, weight)]). The pattern already carries the international calling code.
///
/// US and CA have no separate mobile ranges: mobiles are ordinary NANP numbers in the customer's
/// own area code, so for those countries use the town's `phone` pattern (see `towns.rs`); their lists are empty.
pub static MOBILE_PATTERNS: &[(&str, &[(&str, u32)])] = &[
    ("US", &[]),
    ("CA", &[]),
    // UK mobiles are 07xxx xxxxxx; 070 (personal numbering) and 076 (pagers, 07624 Isle of Man) are excluded.
    (
        "GB",
        &[
            ("+44 71## ######", 3),
            ("+44 72## ######", 2),
            ("+44 73## ######", 6),
            ("+44 74## ######", 12),
            ("+44 75## ######", 14),
            ("+44 77## ######", 20),
            ("+44 78## ######", 21),
            ("+44 79## ######", 22),
        ],
    ),
    // German mobiles: 015x numbers have 8 digits after the prefix; 016x/017x mostly 7 (0176: 8).
    (
        "DE",
        &[
            ("+49 151 ########", 12),
            ("+49 152 ########", 8),
            ("+49 155 ########", 2),
            ("+49 157 ########", 6),
            ("+49 159 ########", 4),
            ("+49 160 #######", 6),
            ("+49 162 #######", 5),
            ("+49 163 #######", 3),
            ("+49 170 #######", 5),
            ("+49 171 #######", 6),
            ("+49 172 #######", 7),
            ("+49 173 #######", 5),
            ("+49 174 #######", 3),
            ("+49 175 #######", 6),
            ("+49 176 ########", 8),
            ("+49 177 #######", 5),
            ("+49 178 #######", 3),
            ("+49 179 #######", 6),
        ],
    ),
    // French mobiles: 06 everywhere; 07 only in the 073-079 blocks in use.
    (
        "FR",
        &[
            ("+33 6 ## ## ## ##", 84),
            ("+33 7 3# ## ## ##", 2),
            ("+33 7 4# ## ## ##", 2),
            ("+33 7 5# ## ## ##", 3),
            ("+33 7 6# ## ## ##", 3),
            ("+33 7 7# ## ## ##", 2),
            ("+33 7 8# ## ## ##", 2),
            ("+33 7 9# ## ## ##", 2),
        ],
    ),
    // Australian mobiles: 04xx xxx xxx.
    ("AU", &[("+61 4## ### ###", 1)]),
];
