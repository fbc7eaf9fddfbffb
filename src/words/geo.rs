//! Countries, cities, streets and names, kept consistent with each other so that an
//! analyst never sees a Munich address with a Sydney postcode or a London phone number.

pub use super::towns::Town;

pub struct Country {
    /// ISO 3166-1 alpha-2: "US", "GB", "CA", "DE", "FR", "AU"
    pub code: &'static str,
    pub name: &'static str,
    /// Share of a US-based international shop's customers, relative weight.
    pub weight: u32,
    /// The highest house number its streets reach, more or less: a few hundred in
    /// Europe, where numbers count houses, thousands in North America, where they
    /// count distance ("Birkenweg 2115" would give a dataset away).
    pub max_house_number: u64,
    /// Hours from UTC of most of its people in winter (the US and Canada: Eastern,
    /// Australia: Sydney's), for the hours they shop and receive parcels in.
    pub utc_offset: i64,
    /// Countries a parcel reaches from here without a customs border (the EU's single
    /// market for DE and FR), so a neighbour's warehouse can serve it like a local one.
    pub open_borders: &'static [&'static str],
    /// Its towns, weighted by population, with their real postal codes.
    pub towns: &'static [Town],
    /// Common street names in the local language, with their suffix.
    pub streets: &'static [&'static str],
    /// true where the house number comes first ("12 Oak Street", "12 rue Victor Hugo"); false for DE ("Hauptstraße 12")
    pub number_first: bool,
    /// Mobile ranges in use, weighted; empty where mobiles share the towns' area codes
    /// (the US and Canada).
    pub mobiles: &'static [(&'static str, u32)],
    /// First names of its adults, weighted by how common they are.
    pub first_names: &'static [(&'static str, u32)],
    /// Surnames, weighted: the country's most common lead.
    pub last_names: &'static [(&'static str, u32)],
    /// Email domains people of this country use, most common first (global ones like
    /// gmail.com included), 3 to 12 of them.
    pub email_domains: &'static [&'static str],
}

/// The mobile ranges of a country, from the numbering plans' table.
const fn mobiles(code: &str) -> &'static [(&'static str, u32)] {
    let table = super::phones::MOBILE_PATTERNS;
    let mut i = 0;
    while i < table.len() {
        if eq(table[i].0, code) {
            return table[i].1;
        }
        i += 1;
    }
    &[]
}

const fn eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

pub static COUNTRIES: &[Country] = &[
    Country {
        code: "US",
        name: "United States",
        weight: 68,
        max_house_number: 9999,
        utc_offset: -5,
        open_borders: &[],
        towns: super::towns::US_TOWNS,
        streets: &[
            "Main Street",
            "Oak Street",
            "Maple Avenue",
            "Park Avenue",
            "Washington Street",
            "Elm Street",
            "Pine Street",
            "Cedar Lane",
            "Lake Street",
            "Hill Street",
            "Church Street",
            "Walnut Street",
            "Jefferson Avenue",
            "Lincoln Avenue",
            "Highland Avenue",
            "Madison Avenue",
            "Franklin Street",
            "Spring Street",
            "Ridge Road",
            "Meadow Lane",
            "Chestnut Street",
            "Broadway",
            "Center Street",
            "Jackson Street",
            "Willow Drive",
            "River Road",
            "Mill Road",
            "Forest Avenue",
            "Cherry Lane",
            "Sunset Boulevard",
        ],
        number_first: true,
        mobiles: mobiles("US"),
        first_names: super::names::US_FIRST_NAMES,
        last_names: super::names::US_SURNAMES,
        email_domains: &[
            "gmail.com",
            "yahoo.com",
            "hotmail.com",
            "outlook.com",
            "icloud.com",
            "aol.com",
            "comcast.net",
            "msn.com",
            "live.com",
            "att.net",
            "verizon.net",
        ],
    },
    Country {
        code: "GB",
        name: "United Kingdom",
        weight: 10,
        max_house_number: 250,
        utc_offset: 0,
        open_borders: &[],
        towns: super::towns::GB_TOWNS,
        streets: &[
            "High Street",
            "Station Road",
            "Church Road",
            "Main Street",
            "Park Road",
            "London Road",
            "Victoria Road",
            "Green Lane",
            "Manor Road",
            "Church Street",
            "Park Avenue",
            "The Avenue",
            "Queens Road",
            "New Road",
            "Grange Road",
            "Kings Road",
            "Albert Road",
            "Mill Lane",
            "Windsor Road",
            "Highfield Road",
            "School Lane",
            "North Street",
            "The Crescent",
            "Springfield Road",
            "Stanley Road",
            "Alexandra Road",
            "York Road",
        ],
        number_first: true,
        mobiles: mobiles("GB"),
        first_names: super::names::GB_FIRST_NAMES,
        last_names: super::names::GB_SURNAMES,
        email_domains: &[
            "gmail.com",
            "hotmail.co.uk",
            "yahoo.co.uk",
            "outlook.com",
            "btinternet.com",
            "icloud.com",
            "live.co.uk",
            "sky.com",
            "hotmail.com",
            "virginmedia.com",
        ],
    },
    Country {
        code: "CA",
        name: "Canada",
        weight: 9,
        max_house_number: 9999,
        utc_offset: -5,
        open_borders: &[],
        towns: super::towns::CA_TOWNS,
        streets: &[
            "Main Street",
            "King Street",
            "Queen Street",
            "Church Street",
            "Victoria Street",
            "Wellington Street",
            "Elgin Street",
            "Maple Avenue",
            "Park Avenue",
            "Oak Street",
            "Pine Street",
            "Cedar Street",
            "Elm Street",
            "Birch Avenue",
            "Lakeshore Road",
            "River Road",
            "Centre Street",
            "First Avenue",
            "Second Avenue",
            "Bridge Street",
            "Mill Street",
            "Water Street",
            "Albert Street",
            "George Street",
            "John Street",
            "rue Principale",
            "rue Saint-Jean",
        ],
        number_first: true,
        mobiles: mobiles("CA"),
        first_names: super::names::CA_FIRST_NAMES,
        last_names: super::names::CA_SURNAMES,
        email_domains: &[
            "gmail.com",
            "hotmail.com",
            "outlook.com",
            "yahoo.ca",
            "icloud.com",
            "shaw.ca",
            "rogers.com",
            "sympatico.ca",
            "live.ca",
            "videotron.ca",
        ],
    },
    Country {
        code: "DE",
        name: "Germany",
        weight: 5,
        max_house_number: 150,
        utc_offset: 1,
        open_borders: &["FR"],
        towns: super::towns::DE_TOWNS,
        streets: &[
            "Hauptstraße",
            "Schulstraße",
            "Gartenstraße",
            "Bahnhofstraße",
            "Dorfstraße",
            "Bergstraße",
            "Birkenweg",
            "Lindenstraße",
            "Kirchstraße",
            "Waldstraße",
            "Ringstraße",
            "Schillerstraße",
            "Goethestraße",
            "Wiesenweg",
            "Jahnstraße",
            "Am Sportplatz",
            "Mühlenweg",
            "Feldstraße",
            "Rosenstraße",
            "Poststraße",
            "Mozartstraße",
            "Beethovenstraße",
            "Blumenstraße",
            "Lessingstraße",
            "Marktplatz",
            "Kirchweg",
            "Friedrichstraße",
            "Parkstraße",
        ],
        number_first: false,
        mobiles: mobiles("DE"),
        first_names: super::names::DE_FIRST_NAMES,
        last_names: super::names::DE_SURNAMES,
        email_domains: &[
            "gmx.de",
            "web.de",
            "gmail.com",
            "t-online.de",
            "outlook.de",
            "gmx.net",
            "yahoo.de",
            "icloud.com",
            "freenet.de",
            "posteo.de",
        ],
    },
    Country {
        code: "FR",
        name: "France",
        weight: 3,
        max_house_number: 200,
        utc_offset: 1,
        open_borders: &["DE"],
        towns: super::towns::FR_TOWNS,
        streets: &[
            "rue de la République",
            "rue Victor Hugo",
            "rue Pasteur",
            "rue Jean Jaurès",
            "rue de la Gare",
            "rue de l'Église",
            "Grande Rue",
            "rue du Moulin",
            "rue de la Mairie",
            "place de la Mairie",
            "rue des Écoles",
            "avenue Jean Jaurès",
            "rue du Château",
            "rue Gambetta",
            "avenue de la Gare",
            "rue du Général de Gaulle",
            "rue Nationale",
            "rue Voltaire",
            "boulevard Victor Hugo",
            "rue de Paris",
            "rue des Lilas",
            "allée des Tilleuls",
            "rue du Stade",
            "rue de la Paix",
            "impasse des Roses",
            "chemin du Moulin",
            "avenue Foch",
        ],
        number_first: true,
        mobiles: mobiles("FR"),
        first_names: super::names::FR_FIRST_NAMES,
        last_names: super::names::FR_SURNAMES,
        email_domains: &[
            "gmail.com",
            "orange.fr",
            "hotmail.fr",
            "yahoo.fr",
            "free.fr",
            "sfr.fr",
            "laposte.net",
            "outlook.fr",
            "wanadoo.fr",
            "icloud.com",
        ],
    },
    Country {
        code: "AU",
        name: "Australia",
        weight: 5,
        max_house_number: 400,
        utc_offset: 10,
        open_borders: &[],
        towns: super::towns::AU_TOWNS,
        streets: &[
            "George Street",
            "King Street",
            "Queen Street",
            "Elizabeth Street",
            "Victoria Street",
            "Church Street",
            "High Street",
            "Main Street",
            "Park Road",
            "Station Street",
            "William Street",
            "Albert Street",
            "Railway Parade",
            "Beach Road",
            "Pacific Highway",
            "Bay Street",
            "Wattle Avenue",
            "Hill Street",
            "Princes Highway",
            "Anzac Parade",
            "Hope Street",
            "Mitchell Street",
            "Short Street",
            "Oxford Street",
            "Smith Street",
        ],
        number_first: true,
        mobiles: mobiles("AU"),
        first_names: super::names::AU_FIRST_NAMES,
        last_names: super::names::AU_SURNAMES,
        email_domains: &[
            "gmail.com",
            "outlook.com",
            "hotmail.com",
            "bigpond.com",
            "icloud.com",
            "yahoo.com.au",
            "optusnet.com.au",
            "live.com.au",
            "iinet.net.au",
        ],
    },
];

/// Transliterates a name to the ASCII letters an email local part can hold:
/// "Jürgen" -> "juergen", "Élodie" -> "elodie", "O'Brien" -> "obrien", "Müller-Schwarzenberg" -> "muellerschwarzenberg".
/// Lowercases; keeps a-z and 0-9 only; maps ä/ö/ü to ae/oe/ue, ß to ss, accented Latin letters to their base letter.
pub fn ascii_fold(name: &str, out: &mut String) {
    out.reserve(name.len());
    // Most names are ASCII already: lowercase them and keep letters and digits, with
    // no detour through Unicode lowercasing.
    if name.is_ascii() {
        let kept = name.bytes().filter(u8::is_ascii_alphanumeric);
        out.extend(kept.map(|b| char::from(b.to_ascii_lowercase())));
    } else {
        fold_chars(name, out);
    }
}

fn fold_chars(name: &str, out: &mut String) {
    for upper in name.chars() {
        for c in upper.to_lowercase() {
            // German umlauts follow the German convention (as people write them in
            // their own email addresses); everything else drops its accent.
            let folded: &str = match c {
                'a'..='z' | '0'..='9' => {
                    out.push(c);
                    continue;
                }
                'ä' | 'æ' => "ae",
                'ö' | 'œ' => "oe",
                'ü' => "ue",
                'ß' => "ss",
                'þ' => "th",
                'à' | 'á' | 'â' | 'ã' | 'å' | 'ā' | 'ă' | 'ą' => "a",
                'ç' | 'ć' | 'č' | 'ĉ' | 'ċ' => "c",
                'ď' | 'đ' | 'ð' => "d",
                'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
                'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
                'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
                'ķ' => "k",
                'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
                'ñ' | 'ń' | 'ņ' | 'ň' => "n",
                'ò' | 'ó' | 'ô' | 'õ' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
                'ŕ' | 'ŗ' | 'ř' => "r",
                'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
                'ţ' | 'ť' | 'ț' => "t",
                'ù' | 'ú' | 'û' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
                'ŵ' => "w",
                'ý' | 'ÿ' | 'ŷ' => "y",
                'ź' | 'ż' | 'ž' => "z",
                // Apostrophes, hyphens, spaces and combining marks vanish.
                _ => "",
            };
            out.push_str(folded);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fold(name: &str) -> String {
        let mut s = String::new();
        ascii_fold(name, &mut s);
        s
    }

    #[test]
    fn ascii_fold_examples() {
        assert_eq!(fold("Jürgen"), "juergen");
        assert_eq!(fold("Élodie"), "elodie");
        assert_eq!(fold("O'Brien"), "obrien");
        assert_eq!(fold("Müller-Schwarzenberg"), "muellerschwarzenberg");
        assert_eq!(fold("Weiß"), "weiss");
        assert_eq!(fold("François"), "francois");
        assert_eq!(fold("ÖZGÜR"), "oezguer");
        assert_eq!(fold("Anne Marie 2"), "annemarie2");
    }

    #[test]
    fn ascii_names_fold_as_any_other() {
        for b in 0u8..128 {
            let name = format!("Ab{}9-{}", char::from(b), char::from(b));
            let mut slow = String::new();
            fold_chars(&name, &mut slow);
            assert_eq!(fold(&name), slow, "{name:?}");
        }
    }

    #[test]
    fn ascii_fold_appends() {
        let mut s = String::from("x.");
        ascii_fold("Zoé", &mut s);
        assert_eq!(s, "x.zoe");
    }

    #[test]
    fn countries_in_order_with_enough_data() {
        let codes: Vec<_> = COUNTRIES.iter().map(|c| c.code).collect();
        assert_eq!(codes, ["US", "GB", "CA", "DE", "FR", "AU"]);
        for c in COUNTRIES {
            assert!(c.towns.len() >= 60, "{} towns", c.code);
            assert!(c.streets.len() >= 20, "{} streets", c.code);
            assert!(c.first_names.len() >= 200, "{} first names", c.code);
            assert!(c.last_names.len() >= 200, "{} last names", c.code);
            assert!(
                (3..=12).contains(&c.email_domains.len()),
                "{} email domains",
                c.code
            );
            assert!(c.weight > 0 && (100..=9_999).contains(&c.max_house_number));
            // Handles are letters: a number after one is read back unambiguously.
            for (name, _) in c.first_names.iter().chain(c.last_names) {
                assert!(!name.chars().any(|ch| ch.is_ascii_digit()), "{name}");
            }
            assert_eq!(c.number_first, c.code != "DE");
            for town in c.towns {
                assert!(!town.postal_codes.is_empty(), "{}", town.name);
                // From Alberta's 5% GST to Quebec's 14.975% and Europe's VAT; some US
                // states charge no sales tax at all.
                assert!(town.sales_tax_bp <= 2_000, "{}", town.name);
            }
            assert_eq!(
                c.mobiles.is_empty(),
                matches!(c.code, "US" | "CA"),
                "{}",
                c.code
            );
        }
    }

    fn is_pattern(p: &str) -> bool {
        !p.is_empty()
            && p.chars()
                .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase() || " -+#%@&".contains(c))
    }

    #[test]
    fn patterns_use_only_pattern_characters() {
        for c in COUNTRIES {
            for (mobile, _) in c.mobiles {
                assert!(is_pattern(mobile) && mobile.starts_with('+'), "{mobile}");
            }
            for town in c.towns {
                assert!(is_pattern(town.phone), "{}", town.phone);
                assert!(town.phone.starts_with('+'));
                for p in town.postal_codes {
                    assert!(is_pattern(p), "{} {p}", town.name);
                }
            }
        }
    }

    #[test]
    fn every_name_folds_to_a_usable_email_part() {
        for c in COUNTRIES {
            for (name, _) in c.first_names.iter().chain(c.last_names) {
                let s = fold(name);
                assert!(!s.is_empty(), "{} {name:?}", c.code);
                assert!(
                    s.bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()),
                    "{} {name:?} -> {s:?}",
                    c.code
                );
            }
        }
    }

    #[test]
    fn strings_are_plain_text() {
        let plain = |s: &str| !s.is_empty() && !s.chars().any(char::is_control) && s.trim() == s;
        for c in COUNTRIES {
            assert!(plain(c.name));
            for town in c.towns {
                assert!(plain(town.name) && plain(town.region));
            }
            for s in c.streets {
                assert!(plain(s), "{s:?}");
            }
            for (s, _) in c.first_names.iter().chain(c.last_names) {
                assert!(plain(s), "{s:?}");
            }
            for d in c.email_domains {
                assert!(
                    d.contains('.')
                        && d.bytes()
                            .all(|b| b.is_ascii_lowercase() || b == b'.' || b == b'-')
                );
            }
        }
    }
}
