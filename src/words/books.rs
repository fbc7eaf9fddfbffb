//! What books are called: title patterns and words per kind of book, so a cookbook is
//! "The Weeknight Kitchen" and a novel "The Salt Orchard", never "Premium Novel".

/// Patterns: `{A}` an adjective, `{N}` a noun, `{M}` a second noun, `{P}` a person's
/// first name, `{K}` a number word.
pub struct Titles {
    pub patterns: &'static [&'static str],
    pub adjectives: &'static [&'static str],
    pub nouns: &'static [&'static str],
}

const FIRST_NAMES: &[&str] = &[
    "Ada", "Ben", "Clara", "Eli", "Ivy", "Jonah", "Lena", "Milo", "Nora", "Owen", "Rosa",
    "Theo", "Vera", "Wes", "Zoe", "Iris", "Hugo", "Mae",
];

pub const NUMBERS: &[&str] = &["Three", "Five", "Seven", "Ten", "Twelve", "Fifty", "One Hundred"];

pub fn first_names() -> &'static [&'static str] {
    FIRST_NAMES
}

/// Titles by the catalog's book subcategories, in their order: Fiction, Nonfiction,
/// Children's Books, Cookbooks, Self-Help & Business, Comics & Graphic Novels.
pub static TITLES: [Titles; 6] = [
    Titles {
        patterns: &["The {A} {N}", "The {N} of {M}", "A {N} in {M}", "The Last {N}", "{P}'s {N}", "{A} {N}", "Beneath the {A} {N}", "The {N} Keeper"],
        adjectives: &["Silent", "Hidden", "Winter", "Broken", "Golden", "Lost", "Quiet", "Secret", "Burning", "Distant", "Crimson", "Hollow", "Fallen", "Midnight", "Northern", "Glass", "Iron", "Paper", "Salt", "Summer", "Wild", "Drowned", "Sleeping", "Painted"],
        nouns: &["Harbor", "Garden", "River", "House", "Daughter", "Letter", "Orchard", "Lighthouse", "Crown", "Key", "Tide", "Mirror", "Shadow", "Station", "Island", "Promise", "Bridge", "Compass", "Forest", "Storm", "Widow", "Map", "Song", "Valley", "Vineyard", "Archive", "Clockmaker", "Ferry"],
    },
    Titles {
        patterns: &["The Age of {N}", "{N}: A History", "Inside the {N}", "The {A} Century", "How the {N} Changed the World", "A Short History of {M}", "The {N} Makers", "Empire of {M}"],
        adjectives: &["Long", "Forgotten", "Invisible", "Restless", "First", "Modern", "Electric", "Great", "Hungry", "Quiet"],
        nouns: &["Salt", "Empire", "Atom", "Ocean", "Machine", "City", "Spice", "Cotton", "Railway", "Printing Press", "Vaccine", "Telescope", "Map", "Clock", "Coffee", "Sugar", "Bridge", "Library", "Market", "Weather", "Silk", "Glass"],
    },
    Titles {
        patterns: &["The {N} Who Couldn't Sleep", "{P} and the {A} {N}", "Goodnight, {N}", "Where Is the {A} {N}?", "The {A} {N}", "{P} Finds a {N}", "The {N} and the {M}"],
        adjectives: &["Sleepy", "Brave", "Tiny", "Grumpy", "Happy", "Curious", "Lost", "Silly", "Busy", "Little", "Shy", "Noisy"],
        nouns: &["Fox", "Bear", "Owl", "Rabbit", "Hedgehog", "Duck", "Badger", "Mouse", "Whale", "Turtle", "Dragon", "Robot", "Penguin", "Tiger", "Moon", "Kite", "Boat", "Dinosaur"],
    },
    Titles {
        patterns: &["The {A} Kitchen", "{K} {N} Recipes", "Cooking with {M}", "Simply {N}", "{A} {N}", "The {N} Book", "Salt, Fire and {M}", "A Year of {N}"],
        adjectives: &["Everyday", "Weeknight", "Sunday", "Vegetarian", "Coastal", "Country", "Little", "Modern", "Family", "Slow", "Summer", "Winter"],
        nouns: &["Soup", "Bread", "Pasta", "Curry", "Salad", "Pie", "Tart", "Stew", "Noodle", "Dumpling", "Grill", "Baking", "Breakfast", "Supper", "Herbs", "Lemons", "Olive Oil", "Spice", "Butter", "Vegetables"],
    },
    Titles {
        patterns: &["The Art of {N}", "{K} Habits of {A} People", "The {A} Mind", "Less {M}, More {N}", "The {N} Principle", "{A} by Design", "Start with {N}", "The {N} Method"],
        adjectives: &["Calm", "Curious", "Resilient", "Productive", "Happy", "Focused", "Generous", "Fearless", "Patient", "Creative"],
        nouns: &["Focus", "Saying No", "Slowing Down", "Letting Go", "Deep Work", "Small Wins", "Clarity", "Courage", "Attention", "Rest", "Money", "Time", "Habit", "Momentum", "Balance"],
    },
    Titles {
        patterns: &["{P}: Volume {K}", "The {A} {N}", "{N} Knights", "Legend of the {A} {N}", "{A} City", "The {N} Chronicles", "{P} vs. the {N}"],
        adjectives: &["Iron", "Neon", "Shadow", "Crimson", "Steel", "Cosmic", "Silent", "Thunder", "Electric", "Last"],
        nouns: &["Samurai", "Detective", "Guardian", "Witch", "Pilot", "Ronin", "Alchemist", "Hunter", "Rebel", "Engine", "Moon", "Storm", "Empire"],
    },
];
