//! Who a customer is: names with their country's frequencies, and an email and a
//! username made from them. Many people have an address without digits
//! (jane.smith@...), which only one of two Jane Smiths at a domain can have: one pass
//! over the customers (a bit each) decides who owns each bare address, and everyone
//! else's ends in their own number, so every address is unique by construction.

use crate::generate::places;
use crate::generate::streams::Stream;
use crate::generate::world::World;
use crate::rng::{self, mix64};
use crate::schema::Entity;
use crate::words::geo::{Country, ascii_fold};

const EMAIL_STYLES: [&str; 5] = ["first.last", "firstlast", "flast", "first_last", "firstl"];
const USERNAME_STYLES: [&str; 4] = ["firstlast", "first_last", "flast", "firstl"];

/// How often a country's email domains occur, most common first: the leader (gmail.com
/// nearly everywhere) has about a third of addresses, the tail a percent or two each.
const DOMAIN_WEIGHTS: [u32; 12] = [36, 16, 11, 9, 7, 6, 4, 3, 3, 2, 2, 1];

/// People who would rather have an address without digits, per mille.
const BARE_EMAIL_PER_MILLE: u32 = 600;

/// A customer's names and the parts of their handles, from their own stream.
pub struct Identity {
    pub first_name: &'static str,
    pub last_name: &'static str,
    email_style: &'static str,
    username_style: &'static str,
    pub domain: &'static str,
    wants_bare_email: bool,
}

pub fn identity(world: &World, user: u64, country: &'static Country) -> Identity {
    let mut rng = world.stream_rng(Stream::Identities, user);
    let first_name = places::first_name(&mut rng, country);
    let last_name = places::last_name(&mut rng, country);
    let email_style = rng::pick(&mut rng, &EMAIL_STYLES);
    let domains = country.email_domains;
    let weights = &DOMAIN_WEIGHTS[..domains.len().min(DOMAIN_WEIGHTS.len())];
    let domain = domains[rng::pick_weighted(&mut rng, weights)];
    let wants_bare_email = rng::chance(&mut rng, BARE_EMAIL_PER_MILLE);
    let username_style = rng::pick(&mut rng, &USERNAME_STYLES);
    Identity {
        first_name,
        last_name,
        email_style,
        username_style,
        domain,
        wants_bare_email,
    }
}

impl Identity {
    fn folded(&self) -> (String, String) {
        let (mut first, mut last) = (String::new(), String::new());
        ascii_fold(self.first_name, &mut first);
        ascii_fold(self.last_name, &mut last);
        (first, last)
    }

    /// The address without a number: `jane.smith@example.com`.
    fn bare_email(&self, out: &mut String) {
        let (first, last) = self.folded();
        write_handle(out, self.email_style, &first, &last);
        out.push('@');
        out.push_str(self.domain);
    }

    /// The email: bare for its owner, else the handle and the customer's number.
    pub fn email(&self, owns_bare: bool, number: u64, out: &mut String) {
        if owns_bare {
            return self.bare_email(out);
        }
        let (first, last) = self.folded();
        write_handle(out, self.email_style, &first, &last);
        out.push_str(itoa::Buffer::new().format(number));
        out.push('@');
        out.push_str(self.domain);
    }

    pub fn username(&self, number: u64, out: &mut String) {
        let (first, last) = self.folded();
        write_handle(out, self.username_style, &first, &last);
        out.push_str(itoa::Buffer::new().format(number));
    }
}

fn write_handle(out: &mut String, style: &str, first: &str, last: &str) {
    let initial = |s: &str| s.chars().next().map_or(0, char::len_utf8);
    let [a, between, b] = match style {
        "first.last" => [first, ".", last],
        "firstlast" => [first, "", last],
        "flast" => [&first[..initial(first)], "", last],
        "first_last" => [first, "_", last],
        _ => [first, "", &last[..initial(last)]],
    };
    out.push_str(a);
    out.push_str(between);
    out.push_str(b);
}

/// Which customers own the bare address they want: the first customer (by index) to
/// want each one. A bit per customer.
pub struct BareEmails {
    owners: Vec<u64>,
}

impl BareEmails {
    pub fn build(world: &World, country_of: impl Fn(u64) -> &'static Country + Sync) -> BareEmails {
        let users = world.count(Entity::Users);
        let mut wanted: Vec<(u64, u64)> =
            crate::parallel::map_blocks(users, 4096, world.threads, |range| {
                range
                    .filter_map(|u| {
                        let identity = identity(world, u, country_of(u));
                        identity.wants_bare_email.then(|| {
                            let mut email = String::new();
                            identity.bare_email(&mut email);
                            (hash(&email), u)
                        })
                    })
                    .collect::<Vec<_>>()
            })
            .into_iter()
            .flatten()
            .collect();
        wanted.sort_unstable();
        let mut owners = vec![0u64; users.div_ceil(64) as usize];
        let mut last = None;
        for (h, u) in wanted {
            if last != Some(h) {
                owners[(u / 64) as usize] |= 1 << (u % 64);
                last = Some(h);
            }
        }
        BareEmails { owners }
    }

    pub fn owns(&self, user: u64) -> bool {
        self.owners
            .get((user / 64) as usize)
            .is_some_and(|bits| bits >> (user % 64) & 1 == 1)
    }
}

/// A 64-bit fingerprint of an address: equal addresses, equal fingerprints; two
/// addresses that share one only cost one of them its bare form.
fn hash(text: &str) -> u64 {
    text.bytes()
        .fold(0x243f_6a88_85a3_08d3, |h, b| mix64(h ^ b as u64))
}
