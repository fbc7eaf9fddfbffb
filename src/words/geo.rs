//! Countries, cities, streets and names, kept consistent with each other so that an
//! analyst never sees a Munich address with a Sydney postcode or a London phone number.

use fake::locales::{Data, EN, FR_FR};

pub struct City {
    pub name: &'static str,
    /// State, province, region or county as the country's addresses write it
    /// (US: two-letter state code "NY"; CA: province code "ON"; AU: "NSW";
    /// GB: "England"/"Scotland"/"Wales"/"Northern Ireland"; DE: Bundesland "Bayern"; FR: région "Île-de-France").
    pub region: &'static str,
    /// Postal code patterns valid for this city (one is chosen per address), e.g. New
    /// York `100##` or `101##`, Paris `7500%`, Toronto `M5V #&#`, London `E1 #&&`
    /// (see `fill_pattern`; British and Canadian patterns use `&`, the letters their
    /// post offices allow).
    pub postal_codes: &'static [&'static str],
    /// Landline phone pattern in international format whose area code is this city's,
    /// e.g. `+1 212-%##-####`, `+44 20 #### ####`, `+33 1 ## ## ## ##`.
    pub phone: &'static str,
    /// Inhabitants in thousands (city proper; the metropolitan area in Australia, where
    /// the city proper is a small centre), so customers live where people live.
    pub population_k: u32,
    /// Sales tax or VAT on goods bought here, in basis points, as of 2023: the national
    /// VAT in Europe and Australia, GST/HST plus provincial tax in Canada, and state plus
    /// local sales tax in the US (Chicago 10.25%, Boston 6.25%).
    pub sales_tax_bp: u32,
}

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
    /// 8 to 12 of its biggest cities.
    pub cities: &'static [City],
    /// Common street names in the local language, with their suffix.
    pub streets: &'static [&'static str],
    /// true where the house number comes first ("12 Oak Street", "12 rue Victor Hugo"); false for DE ("Hauptstraße 12")
    pub number_first: bool,
    /// Mobile phone pattern ("+1 %##-%##-####" for US/CA, "+44 7### ######", "+49 15# ########", "+33 6 ## ## ## ##", "+61 4## ### ###")
    pub mobile_phone: &'static str,
    pub first_names: &'static [&'static str],
    pub last_names: &'static [&'static str],
    /// Email domains people of this country use, most common first (global ones like
    /// gmail.com included), 3 to 12 of them.
    pub email_domains: &'static [&'static str],
}

/// Common surnames in the US, UK, Canada and Australia. fake's EN list is avoided
/// because it is full of invented names ("Runolfsdottir") that give synthetic data away.
pub static ENGLISH_LAST_NAMES: &[&str] = &[
    "Smith",
    "Johnson",
    "Williams",
    "Brown",
    "Jones",
    "Garcia",
    "Miller",
    "Davis",
    "Rodriguez",
    "Martinez",
    "Hernandez",
    "Lopez",
    "Gonzalez",
    "Wilson",
    "Anderson",
    "Thomas",
    "Taylor",
    "Moore",
    "Jackson",
    "Martin",
    "Lee",
    "Perez",
    "Thompson",
    "White",
    "Harris",
    "Sanchez",
    "Clark",
    "Ramirez",
    "Lewis",
    "Robinson",
    "Walker",
    "Young",
    "Allen",
    "King",
    "Wright",
    "Scott",
    "Torres",
    "Nguyen",
    "Hill",
    "Flores",
    "Green",
    "Adams",
    "Nelson",
    "Baker",
    "Hall",
    "Rivera",
    "Campbell",
    "Mitchell",
    "Carter",
    "Roberts",
    "Gomez",
    "Phillips",
    "Evans",
    "Turner",
    "Diaz",
    "Parker",
    "Cruz",
    "Edwards",
    "Collins",
    "Reyes",
    "Stewart",
    "Morris",
    "Morales",
    "Murphy",
    "Cook",
    "Rogers",
    "Gutierrez",
    "Ortiz",
    "Morgan",
    "Cooper",
    "Peterson",
    "Bailey",
    "Reed",
    "Kelly",
    "Howard",
    "Ramos",
    "Kim",
    "Cox",
    "Ward",
    "Richardson",
    "Watson",
    "Brooks",
    "Chavez",
    "Wood",
    "James",
    "Bennett",
    "Gray",
    "Mendoza",
    "Ruiz",
    "Hughes",
    "Price",
    "Alvarez",
    "Castillo",
    "Sanders",
    "Patel",
    "Myers",
    "Long",
    "Ross",
    "Foster",
    "Jimenez",
    "Powell",
    "Jenkins",
    "Perry",
    "Russell",
    "Sullivan",
    "Bell",
    "Coleman",
    "Butler",
    "Henderson",
    "Barnes",
    "Fisher",
    "Vasquez",
    "Simmons",
    "Romero",
    "Jordan",
    "Patterson",
    "Alexander",
    "Hamilton",
    "Graham",
    "Reynolds",
    "Griffin",
    "Wallace",
    "Moreno",
    "West",
    "Cole",
    "Hayes",
    "Bryant",
    "Herrera",
    "Gibson",
    "Ellis",
    "Tran",
    "Medina",
    "Stevens",
    "Murray",
    "Ford",
    "Marshall",
    "Owens",
    "Harrison",
    "Fernandez",
    "McDonald",
    "Woods",
    "Kennedy",
    "Wells",
    "Chen",
    "Freeman",
    "Webb",
    "Tucker",
    "Burns",
    "Crawford",
    "Simpson",
    "Hunter",
    "Gordon",
    "Shaw",
    "Mason",
    "Dixon",
    "Hunt",
    "Holmes",
    "Palmer",
    "Robertson",
    "Davies",
    "Clarke",
    "Griffiths",
    "Khan",
    "Singh",
    "Wilkinson",
    "Chapman",
    "Lloyd",
    "Barker",
    "Pearson",
    "Fletcher",
    "Walsh",
    "Saunders",
    "Atkinson",
    "Pearce",
    "O'Brien",
    "O'Connor",
    "Byrne",
    "Rees",
    "Kaur",
    "Ahmed",
    "MacDonald",
    "Fraser",
    "Tremblay",
    "Roy",
    "Gagnon",
    "Wong",
];

/// Common German first names across generations. fake's DE_DE list holds only eleven
/// names, far too few for thousands of customers.
pub static GERMAN_FIRST_NAMES: &[&str] = &[
    "Thomas",
    "Michael",
    "Andreas",
    "Stefan",
    "Christian",
    "Peter",
    "Markus",
    "Frank",
    "Jürgen",
    "Klaus",
    "Wolfgang",
    "Uwe",
    "Martin",
    "Matthias",
    "Alexander",
    "Sebastian",
    "Daniel",
    "Tobias",
    "Jan",
    "Florian",
    "Lukas",
    "Felix",
    "Jonas",
    "Leon",
    "Maximilian",
    "Paul",
    "Niklas",
    "Tim",
    "Moritz",
    "Julian",
    "Dieter",
    "Holger",
    "Ralf",
    "Sven",
    "Dirk",
    "Jens",
    "Torsten",
    "Hans",
    "Günter",
    "Philipp",
    "Bernd",
    "Jörg",
    "Karl",
    "Heinz",
    "Ben",
    "Finn",
    "Elias",
    "Noah",
    "Sabine",
    "Petra",
    "Claudia",
    "Andrea",
    "Susanne",
    "Nicole",
    "Stefanie",
    "Katrin",
    "Anja",
    "Julia",
    "Sandra",
    "Melanie",
    "Christina",
    "Birgit",
    "Monika",
    "Ursula",
    "Renate",
    "Heike",
    "Kerstin",
    "Anna",
    "Laura",
    "Lena",
    "Sarah",
    "Lisa",
    "Hannah",
    "Leonie",
    "Sophie",
    "Marie",
    "Lea",
    "Johanna",
    "Katharina",
    "Franziska",
    "Jana",
    "Vanessa",
    "Ingrid",
    "Gabriele",
    "Karin",
    "Silke",
    "Jutta",
    "Annika",
    "Charlotte",
    "Emma",
    "Mia",
    "Clara",
    "Greta",
    "Jörn",
    "Björn",
];

/// The most common German surnames. fake's DE_DE list mixes these with ID-card
/// placeholders ("Mustermann") and non-German sample names that would stand out.
pub static GERMAN_LAST_NAMES: &[&str] = &[
    "Müller",
    "Schmidt",
    "Schneider",
    "Fischer",
    "Weber",
    "Meyer",
    "Wagner",
    "Becker",
    "Schulz",
    "Hoffmann",
    "Schäfer",
    "Bauer",
    "Koch",
    "Richter",
    "Klein",
    "Wolf",
    "Schröder",
    "Neumann",
    "Schwarz",
    "Braun",
    "Hofmann",
    "Zimmermann",
    "Schmitt",
    "Hartmann",
    "Krüger",
    "Schmid",
    "Werner",
    "Lange",
    "Schmitz",
    "Meier",
    "Krause",
    "Maier",
    "Lehmann",
    "Huber",
    "Mayer",
    "Herrmann",
    "Köhler",
    "Walter",
    "König",
    "Schulze",
    "Fuchs",
    "Kaiser",
    "Lang",
    "Weiß",
    "Peters",
    "Scholz",
    "Jung",
    "Möller",
    "Hahn",
    "Keller",
    "Vogel",
    "Schubert",
    "Roth",
    "Frank",
    "Friedrich",
    "Beck",
    "Günther",
    "Berger",
    "Winkler",
    "Lorenz",
    "Baumann",
    "Schuster",
    "Kraus",
    "Böhm",
    "Simon",
    "Franke",
    "Albrecht",
    "Winter",
    "Ludwig",
    "Martin",
    "Krämer",
    "Schumacher",
    "Vogt",
    "Jäger",
    "Stein",
    "Otto",
    "Groß",
    "Sommer",
    "Haas",
    "Graf",
    "Heinrich",
    "Seidel",
    "Schreiber",
    "Ziegler",
    "Brandt",
    "Kuhn",
    "Schulte",
    "Dietrich",
    "Kühn",
    "Engel",
    "Pohl",
    "Horn",
    "Sauer",
    "Arnold",
    "Thomas",
    "Bergmann",
    "Busch",
    "Pfeiffer",
    "Voigt",
    "Götz",
];

const EN_FIRST: &[&str] = <EN as Data>::NAME_FIRST_NAME;

/// Entries of fake's English first names that nobody is called ("Baby", "General",
/// "Missouri"): a customer list with them looks generated.
const NOT_NAMES: &[&str] = &[
    "America",
    "Arch",
    "Baby",
    "Brain",
    "Brown",
    "Christ",
    "Christop",
    "Coy",
    "Dock",
    "Easter",
    "Florida",
    "General",
    "Green",
    "Heaven",
    "Miracle",
    "Missouri",
    "Montana",
    "Name",
    "Ocie",
    "Okey",
    "Pink",
    "Pinkie",
    "Precious",
    "Price",
    "Princess",
    "Providenci",
    "Queen",
    "Santa",
    "Sincere",
    "Sister",
    "Toy",
    "Unique",
    "Urban",
];

/// The first names of `country`, without the entries that are not names.
pub fn first_names(country: &'static Country) -> &'static [&'static str] {
    static CLEAN: std::sync::OnceLock<Vec<Vec<&'static str>>> = std::sync::OnceLock::new();
    let lists = CLEAN.get_or_init(|| {
        COUNTRIES
            .iter()
            .map(|c| {
                c.first_names
                    .iter()
                    .copied()
                    .filter(|n| !NOT_NAMES.contains(n))
                    .collect()
            })
            .collect()
    });
    let at = COUNTRIES
        .iter()
        .position(|c| std::ptr::eq(c, country))
        .expect("a country of COUNTRIES");
    &lists[at]
}

pub static COUNTRIES: &[Country] = &[
    Country {
        code: "US",
        name: "United States",
        weight: 68,
        max_house_number: 9999,
        utc_offset: -5,
        open_borders: &[],
        cities: &[
            City {
                name: "New York",
                region: "NY",
                postal_codes: &["100##", "101##", "102##"],
                phone: "+1 212-%##-####",
                population_k: 8336,
                sales_tax_bp: 888,
            },
            City {
                name: "Los Angeles",
                region: "CA",
                postal_codes: &["900##"],
                phone: "+1 213-%##-####",
                population_k: 3822,
                sales_tax_bp: 950,
            },
            City {
                name: "Chicago",
                region: "IL",
                postal_codes: &["606##"],
                phone: "+1 312-%##-####",
                population_k: 2665,
                sales_tax_bp: 1025,
            },
            City {
                name: "Houston",
                region: "TX",
                postal_codes: &["770##"],
                phone: "+1 713-%##-####",
                population_k: 2303,
                sales_tax_bp: 825,
            },
            City {
                name: "Phoenix",
                region: "AZ",
                postal_codes: &["850##"],
                phone: "+1 602-%##-####",
                population_k: 1644,
                sales_tax_bp: 860,
            },
            City {
                name: "Philadelphia",
                region: "PA",
                postal_codes: &["191##"],
                phone: "+1 215-%##-####",
                population_k: 1567,
                sales_tax_bp: 800,
            },
            City {
                name: "San Antonio",
                region: "TX",
                postal_codes: &["782##"],
                phone: "+1 210-%##-####",
                population_k: 1472,
                sales_tax_bp: 825,
            },
            City {
                name: "San Diego",
                region: "CA",
                postal_codes: &["921##"],
                phone: "+1 619-%##-####",
                population_k: 1381,
                sales_tax_bp: 775,
            },
            City {
                name: "Dallas",
                region: "TX",
                postal_codes: &["752##"],
                phone: "+1 214-%##-####",
                population_k: 1300,
                sales_tax_bp: 825,
            },
            City {
                name: "Seattle",
                region: "WA",
                postal_codes: &["981##"],
                phone: "+1 206-%##-####",
                population_k: 749,
                sales_tax_bp: 1025,
            },
            City {
                name: "Denver",
                region: "CO",
                postal_codes: &["802##"],
                phone: "+1 303-%##-####",
                population_k: 716,
                sales_tax_bp: 881,
            },
            City {
                name: "Boston",
                region: "MA",
                postal_codes: &["021##", "022##"],
                phone: "+1 617-%##-####",
                population_k: 651,
                sales_tax_bp: 625,
            },
        ],
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
        mobile_phone: "+1 %##-%##-####",
        first_names: EN_FIRST,
        last_names: ENGLISH_LAST_NAMES,
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
        cities: &[
            City {
                name: "London",
                region: "England",
                postal_codes: &[
                    "SW1A #&&", "SW1P #&&", "SW1V #&&", "E1 #&&", "N1 #&&", "SE1 #&&", "W1D #&&",
                    "W1F #&&", "W1T #&&", "NW1 #&&", "EC1A #&&", "EC1V #&&",
                ],
                phone: "+44 20 7### ####",
                population_k: 8982,
                sales_tax_bp: 2000,
            },
            City {
                name: "Birmingham",
                region: "England",
                postal_codes: &["B% #&&", "B1# #&&", "B2# #&&"],
                phone: "+44 121 %## ####",
                population_k: 1145,
                sales_tax_bp: 2000,
            },
            City {
                name: "Manchester",
                region: "England",
                postal_codes: &["M% #&&", "M1# #&&", "M2# #&&"],
                phone: "+44 161 %## ####",
                population_k: 553,
                sales_tax_bp: 2000,
            },
            City {
                name: "Glasgow",
                region: "Scotland",
                postal_codes: &["G% #&&", "G1# #&&", "G2# #&&"],
                phone: "+44 141 %## ####",
                population_k: 635,
                sales_tax_bp: 2000,
            },
            City {
                name: "Leeds",
                region: "England",
                postal_codes: &["LS% #&&", "LS1# #&&", "LS2# #&&"],
                phone: "+44 113 %## ####",
                population_k: 812,
                sales_tax_bp: 2000,
            },
            City {
                name: "Liverpool",
                region: "England",
                postal_codes: &["L% #&&", "L1# #&&", "L2# #&&"],
                phone: "+44 151 %## ####",
                population_k: 496,
                sales_tax_bp: 2000,
            },
            City {
                name: "Sheffield",
                region: "England",
                postal_codes: &["S% #&&", "S1# #&&"],
                phone: "+44 114 %## ####",
                population_k: 557,
                sales_tax_bp: 2000,
            },
            City {
                name: "Bristol",
                region: "England",
                postal_codes: &["BS% #&&", "BS1# #&&"],
                phone: "+44 117 %## ####",
                population_k: 472,
                sales_tax_bp: 2000,
            },
            City {
                name: "Edinburgh",
                region: "Scotland",
                postal_codes: &["EH% #&&", "EH1# #&&"],
                phone: "+44 131 %## ####",
                population_k: 527,
                sales_tax_bp: 2000,
            },
            City {
                name: "Cardiff",
                region: "Wales",
                postal_codes: &["CF1# #&&", "CF2# #&&", "CF5 #&&"],
                phone: "+44 29 20## ####",
                population_k: 362,
                sales_tax_bp: 2000,
            },
            City {
                name: "Belfast",
                region: "Northern Ireland",
                postal_codes: &["BT% #&&", "BT1# #&&"],
                phone: "+44 28 90## ####",
                population_k: 345,
                sales_tax_bp: 2000,
            },
        ],
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
        mobile_phone: "+44 7### ######",
        first_names: EN_FIRST,
        last_names: ENGLISH_LAST_NAMES,
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
        cities: &[
            City {
                name: "Toronto",
                region: "ON",
                postal_codes: &["M5V #&#", "M4& #&#", "M6& #&#"],
                phone: "+1 416-%##-####",
                population_k: 2794,
                sales_tax_bp: 1300,
            },
            City {
                name: "Montreal",
                region: "QC",
                postal_codes: &["H2& #&#", "H3& #&#"],
                phone: "+1 514-%##-####",
                population_k: 1762,
                sales_tax_bp: 1498,
            },
            City {
                name: "Calgary",
                region: "AB",
                postal_codes: &["T2& #&#", "T3& #&#"],
                phone: "+1 403-%##-####",
                population_k: 1306,
                sales_tax_bp: 500,
            },
            City {
                name: "Ottawa",
                region: "ON",
                postal_codes: &["K1& #&#", "K2& #&#"],
                phone: "+1 613-%##-####",
                population_k: 1017,
                sales_tax_bp: 1300,
            },
            City {
                name: "Edmonton",
                region: "AB",
                postal_codes: &["T5& #&#", "T6& #&#"],
                phone: "+1 780-%##-####",
                population_k: 1010,
                sales_tax_bp: 500,
            },
            City {
                name: "Winnipeg",
                region: "MB",
                postal_codes: &["R2& #&#", "R3& #&#"],
                phone: "+1 204-%##-####",
                population_k: 749,
                sales_tax_bp: 1200,
            },
            City {
                name: "Mississauga",
                region: "ON",
                postal_codes: &["L4& #&#", "L5& #&#"],
                phone: "+1 905-%##-####",
                population_k: 717,
                sales_tax_bp: 1300,
            },
            City {
                name: "Vancouver",
                region: "BC",
                postal_codes: &["V5& #&#", "V6& #&#"],
                phone: "+1 604-%##-####",
                population_k: 662,
                sales_tax_bp: 1200,
            },
            City {
                name: "Brampton",
                region: "ON",
                postal_codes: &["L6& #&#", "L7A #&#"],
                phone: "+1 905-%##-####",
                population_k: 656,
                sales_tax_bp: 1300,
            },
            City {
                name: "Hamilton",
                region: "ON",
                postal_codes: &["L8& #&#", "L9& #&#"],
                phone: "+1 905-%##-####",
                population_k: 569,
                sales_tax_bp: 1300,
            },
            City {
                name: "Quebec City",
                region: "QC",
                postal_codes: &["G1& #&#", "G2& #&#"],
                phone: "+1 418-%##-####",
                population_k: 549,
                sales_tax_bp: 1498,
            },
            City {
                name: "Halifax",
                region: "NS",
                postal_codes: &["B3& #&#"],
                phone: "+1 902-%##-####",
                population_k: 440,
                sales_tax_bp: 1500,
            },
        ],
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
        mobile_phone: "+1 %##-%##-####",
        first_names: EN_FIRST,
        last_names: ENGLISH_LAST_NAMES,
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
        cities: &[
            City {
                name: "Berlin",
                region: "Berlin",
                postal_codes: &["10###", "12###", "13###"],
                phone: "+49 30 ########",
                population_k: 3755,
                sales_tax_bp: 1900,
            },
            City {
                name: "Hamburg",
                region: "Hamburg",
                postal_codes: &["20###", "21###", "22###"],
                phone: "+49 40 ########",
                population_k: 1892,
                sales_tax_bp: 1900,
            },
            City {
                name: "München",
                region: "Bayern",
                postal_codes: &["80###", "81###"],
                phone: "+49 89 ########",
                population_k: 1512,
                sales_tax_bp: 1900,
            },
            City {
                name: "Köln",
                region: "Nordrhein-Westfalen",
                postal_codes: &["50###", "51###"],
                phone: "+49 221 #######",
                population_k: 1084,
                sales_tax_bp: 1900,
            },
            City {
                name: "Frankfurt am Main",
                region: "Hessen",
                postal_codes: &["603##", "604##", "605##"],
                phone: "+49 69 ########",
                population_k: 773,
                sales_tax_bp: 1900,
            },
            City {
                name: "Stuttgart",
                region: "Baden-Württemberg",
                postal_codes: &["70###"],
                phone: "+49 711 #######",
                population_k: 633,
                sales_tax_bp: 1900,
            },
            City {
                name: "Düsseldorf",
                region: "Nordrhein-Westfalen",
                postal_codes: &["40###"],
                phone: "+49 211 #######",
                population_k: 629,
                sales_tax_bp: 1900,
            },
            City {
                name: "Leipzig",
                region: "Sachsen",
                postal_codes: &["041##", "042##", "043##"],
                phone: "+49 341 #######",
                population_k: 616,
                sales_tax_bp: 1900,
            },
            City {
                name: "Dortmund",
                region: "Nordrhein-Westfalen",
                postal_codes: &["441##", "442##", "443##"],
                phone: "+49 231 #######",
                population_k: 593,
                sales_tax_bp: 1900,
            },
            City {
                name: "Essen",
                region: "Nordrhein-Westfalen",
                postal_codes: &["451##", "452##", "453##"],
                phone: "+49 201 #######",
                population_k: 586,
                sales_tax_bp: 1900,
            },
            City {
                name: "Bremen",
                region: "Bremen",
                postal_codes: &["281##", "282##", "283##"],
                phone: "+49 421 #######",
                population_k: 577,
                sales_tax_bp: 1900,
            },
            City {
                name: "Dresden",
                region: "Sachsen",
                postal_codes: &["010##", "011##", "012##"],
                phone: "+49 351 #######",
                population_k: 563,
                sales_tax_bp: 1900,
            },
        ],
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
        mobile_phone: "+49 15# ########",
        first_names: GERMAN_FIRST_NAMES,
        last_names: GERMAN_LAST_NAMES,
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
        cities: &[
            City {
                name: "Paris",
                region: "Île-de-France",
                postal_codes: &["75001", "7500%", "7501#", "75020"],
                phone: "+33 1 ## ## ## ##",
                population_k: 2103,
                sales_tax_bp: 2000,
            },
            City {
                name: "Marseille",
                region: "Provence-Alpes-Côte d'Azur",
                postal_codes: &[
                    "13001", "1300%", "13010", "13011", "13012", "13013", "13014", "13015", "13016",
                ],
                phone: "+33 4 91 ## ## ##",
                population_k: 873,
                sales_tax_bp: 2000,
            },
            City {
                name: "Lyon",
                region: "Auvergne-Rhône-Alpes",
                postal_codes: &["69001", "6900%"],
                phone: "+33 4 78 ## ## ##",
                population_k: 522,
                sales_tax_bp: 2000,
            },
            City {
                name: "Toulouse",
                region: "Occitanie",
                postal_codes: &["31000", "31100", "31200", "31300", "31400", "31500"],
                phone: "+33 5 61 ## ## ##",
                population_k: 504,
                sales_tax_bp: 2000,
            },
            City {
                name: "Nice",
                region: "Provence-Alpes-Côte d'Azur",
                postal_codes: &["06000", "06100", "06200", "06300"],
                phone: "+33 4 93 ## ## ##",
                population_k: 342,
                sales_tax_bp: 2000,
            },
            City {
                name: "Nantes",
                region: "Pays de la Loire",
                postal_codes: &["44000", "44100", "44200", "44300"],
                phone: "+33 2 40 ## ## ##",
                population_k: 320,
                sales_tax_bp: 2000,
            },
            City {
                name: "Montpellier",
                region: "Occitanie",
                postal_codes: &["34000", "34070", "34080", "34090"],
                phone: "+33 4 67 ## ## ##",
                population_k: 300,
                sales_tax_bp: 2000,
            },
            City {
                name: "Strasbourg",
                region: "Grand Est",
                postal_codes: &["67000", "67100", "67200"],
                phone: "+33 3 88 ## ## ##",
                population_k: 291,
                sales_tax_bp: 2000,
            },
            City {
                name: "Bordeaux",
                region: "Nouvelle-Aquitaine",
                postal_codes: &["33000", "33100", "33200", "33300", "33800"],
                phone: "+33 5 56 ## ## ##",
                population_k: 261,
                sales_tax_bp: 2000,
            },
            City {
                name: "Lille",
                region: "Hauts-de-France",
                postal_codes: &["59000", "59160", "59260", "59800"],
                phone: "+33 3 20 ## ## ##",
                population_k: 236,
                sales_tax_bp: 2000,
            },
            City {
                name: "Rennes",
                region: "Bretagne",
                postal_codes: &["35000", "35200", "35700"],
                phone: "+33 2 99 ## ## ##",
                population_k: 222,
                sales_tax_bp: 2000,
            },
            City {
                name: "Reims",
                region: "Grand Est",
                postal_codes: &["51100"],
                phone: "+33 3 26 ## ## ##",
                population_k: 180,
                sales_tax_bp: 2000,
            },
        ],
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
        mobile_phone: "+33 6 ## ## ## ##",
        first_names: <FR_FR as Data>::NAME_FIRST_NAME,
        last_names: <FR_FR as Data>::NAME_LAST_NAME,
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
        cities: &[
            City {
                name: "Sydney",
                region: "NSW",
                postal_codes: &["2000", "20##", "21##"],
                phone: "+61 2 9### ####",
                population_k: 5297,
                sales_tax_bp: 1000,
            },
            City {
                name: "Melbourne",
                region: "VIC",
                postal_codes: &["3000", "30##", "31##"],
                phone: "+61 3 9### ####",
                population_k: 5207,
                sales_tax_bp: 1000,
            },
            City {
                name: "Brisbane",
                region: "QLD",
                postal_codes: &["4000", "40##", "41##"],
                phone: "+61 7 3### ####",
                population_k: 2628,
                sales_tax_bp: 1000,
            },
            City {
                name: "Perth",
                region: "WA",
                postal_codes: &["6000", "60##", "61##"],
                phone: "+61 8 9### ####",
                population_k: 2192,
                sales_tax_bp: 1000,
            },
            City {
                name: "Adelaide",
                region: "SA",
                postal_codes: &["5000", "50##", "51##"],
                phone: "+61 8 8### ####",
                population_k: 1402,
                sales_tax_bp: 1000,
            },
            City {
                name: "Gold Coast",
                region: "QLD",
                postal_codes: &["42##"],
                phone: "+61 7 5### ####",
                population_k: 725,
                sales_tax_bp: 1000,
            },
            City {
                name: "Newcastle",
                region: "NSW",
                postal_codes: &["22##", "23##"],
                phone: "+61 2 49## ####",
                population_k: 505,
                sales_tax_bp: 1000,
            },
            City {
                name: "Canberra",
                region: "ACT",
                postal_codes: &["26##"],
                phone: "+61 2 62## ####",
                population_k: 467,
                sales_tax_bp: 1000,
            },
            City {
                name: "Sunshine Coast",
                region: "QLD",
                postal_codes: &["45##"],
                phone: "+61 7 54## ####",
                population_k: 355,
                sales_tax_bp: 1000,
            },
            City {
                name: "Wollongong",
                region: "NSW",
                postal_codes: &["25##"],
                phone: "+61 2 42## ####",
                population_k: 308,
                sales_tax_bp: 1000,
            },
            City {
                name: "Geelong",
                region: "VIC",
                postal_codes: &["32##"],
                phone: "+61 3 52## ####",
                population_k: 289,
                sales_tax_bp: 1000,
            },
            City {
                name: "Hobart",
                region: "TAS",
                postal_codes: &["70##"],
                phone: "+61 3 62## ####",
                population_k: 252,
                sales_tax_bp: 1000,
            },
        ],
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
        mobile_phone: "+61 4## ### ###",
        first_names: EN_FIRST,
        last_names: ENGLISH_LAST_NAMES,
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
            assert!((8..=12).contains(&c.cities.len()), "{} cities", c.code);
            assert!(c.streets.len() >= 20, "{} streets", c.code);
            assert!(c.first_names.len() >= 50, "{} first names", c.code);
            assert!(c.last_names.len() >= 50, "{} last names", c.code);
            assert!(
                (3..=12).contains(&c.email_domains.len()),
                "{} email domains",
                c.code
            );
            assert!(c.weight > 0 && (100..=9_999).contains(&c.max_house_number));
            // Emails and usernames end in the user's number right after the name.
            for name in first_names(c).iter().chain(c.last_names) {
                assert!(!name.chars().any(|ch| ch.is_ascii_digit()), "{name}");
            }
            assert_eq!(c.number_first, c.code != "DE");
            for city in c.cities {
                assert!(!city.postal_codes.is_empty(), "{}", city.name);
                assert!(city.population_k >= 100, "{}", city.name);
                // From Alberta's 5% GST to Quebec's 14.975% and Europe's VAT.
                assert!((500..=2_000).contains(&city.sales_tax_bp), "{}", city.name);
            }
        }
        assert!(ENGLISH_LAST_NAMES.len() >= 140);
        assert!(GERMAN_LAST_NAMES.len() >= 80);
    }

    fn is_pattern(p: &str) -> bool {
        !p.is_empty()
            && p.chars()
                .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase() || " -+#%@&".contains(c))
    }

    #[test]
    fn patterns_use_only_pattern_characters() {
        for c in COUNTRIES {
            assert!(is_pattern(c.mobile_phone), "{}", c.mobile_phone);
            assert!(c.mobile_phone.starts_with('+'));
            for city in c.cities {
                assert!(is_pattern(city.phone), "{}", city.phone);
                assert!(city.phone.starts_with('+'));
                for p in city.postal_codes {
                    assert!(is_pattern(p), "{} {p}", city.name);
                }
            }
        }
    }

    #[test]
    fn every_name_folds_to_a_usable_email_part() {
        for c in COUNTRIES {
            for name in c.first_names.iter().chain(c.last_names) {
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
            for city in c.cities {
                assert!(plain(city.name) && plain(city.region));
            }
            for s in c.streets.iter().chain(c.first_names).chain(c.last_names) {
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

    #[test]
    fn first_names_leave_out_what_is_not_a_name() {
        for country in COUNTRIES {
            let names = first_names(country);
            assert!(names.len() >= 50);
            assert!(
                names.iter().all(|n| !NOT_NAMES.contains(n)),
                "{}",
                country.code
            );
        }
    }
}
