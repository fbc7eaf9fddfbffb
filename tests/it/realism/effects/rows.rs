//! The family's older tests, which read rows directly instead of through a check.

use super::*;

#[test]
fn most_orders_ship_from_their_own_country_where_the_shop_has_a_site() {
    for data in default_sized(&["users", "orders", "shipping", "warehouses"]) {
        let country_of = |file: &str, key: &str| -> HashMap<String, String> {
            data.t(file)
                .unwrap()
                .maps()
                .into_iter()
                .map(|r| (r[key].clone(), r["country"].clone()))
                .collect()
        };
        let (users, sites) = (
            country_of("users", "user_id"),
            country_of("warehouses", "warehouse_id"),
        );
        let buyer: HashMap<&str, &str> = orders(&data)
            .unwrap()
            .iter()
            .map(|o| (o.id, o.user))
            .collect();
        let markets: std::collections::BTreeSet<&String> = sites.values().collect();
        assert!(markets.len() >= 4, "sites in several markets: {markets:?}");
        let international = ["DHL Express", "FedEx International", "UPS Worldwide"];
        let european = ["DHL Parcel", "DPD", "GLS"];
        let open_border = |from: &str, to: &str| matches!((from, to), ("DE", "FR") | ("FR", "DE"));
        let (mut through_customs, mut within_europe) = (0, 0);
        // A site stocks what its market buys most; a rare item ships from where it is
        // stocked, so most orders, not all, ship from home.
        let (mut to_a_market, mut from_home) = (0, 0);
        let (mut to_france, mut france_from_germany) = (0, 0);
        for shipment in data.t("shipping").unwrap().maps() {
            let to = &users[buyer[shipment["order_id"].as_str()]];
            let from = &sites[&shipment["warehouse_id"]];
            let carrier = shipment["carrier"].as_str();
            if markets.contains(to) {
                to_a_market += 1;
                from_home += usize::from(from == to);
            } else if to == "FR" && markets.iter().any(|m| *m == "DE") {
                // France without a site of its own is served from Germany, not overseas.
                to_france += 1;
                france_from_germany += usize::from(from == "DE");
            }
            if from == to {
                assert!(!international.contains(&carrier), "{shipment:?}");
            } else if open_border(from, to) {
                within_europe += 1;
                assert!(european.contains(&carrier), "{shipment:?}");
            } else {
                through_customs += 1;
                assert!(international.contains(&carrier), "{shipment:?}");
            }
        }
        assert!(
            within_europe + through_customs > 0,
            "{}: some orders cross a border",
            data.label
        );
        assert!(
            from_home * 100 >= to_a_market * 75,
            "{}: {from_home} of {to_a_market} orders to a market with a site ship from it",
            data.label
        );
        assert!(
            france_from_germany * 100 >= to_france * 50,
            "{}: {france_from_germany} of {to_france} French orders ship from Germany",
            data.label
        );
    }
}
