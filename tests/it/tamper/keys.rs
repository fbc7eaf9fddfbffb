//! Tamper cases of keys, users and the catalog (rule families 1 to 4).

use super::*;

// 1: keys.

pub(super) fn a_repeated_wishlist_id(dir: &Path) {
    edit(dir, "wishlists", |w| {
        let id = w.get(0, "wishlist_id").to_string();
        w.set(1, "wishlist_id", id);
    });
}

pub(super) fn a_wishlist_of_an_unknown_product(dir: &Path) {
    edit(dir, "wishlists", |w| w.set(0, "product_id", fresh_id(1)));
}

// 2: users.

pub(super) fn a_repeated_email(dir: &Path) {
    edit(dir, "users", |users| {
        let email = users.get(0, "email").to_string();
        users.set(3, "email", email);
    });
}

pub(super) fn updated_before_created(dir: &Path) {
    edit(dir, "users", |users| {
        let row = users.find("a user who signed up after new year", |u| {
            after_first_day(&u["created_at"])
        });
        let earlier = shift(users.get(row, "created_at"), -1);
        users.set(row, "updated_at", earlier);
    });
}

pub(super) fn an_active_account_with_closed_at(dir: &Path) {
    edit(dir, "users", |users| {
        let row = users.find("an open account", |u| &u["is_active"] == "true");
        let updated = users.get(row, "updated_at").to_string();
        users.set(row, "closed_at", updated);
    });
}

pub(super) fn an_order_after_the_account_closed(dir: &Path) {
    let orders = Csv::open(dir, "orders");
    edit(dir, "users", |users| {
        let order = orders.find("an order placed a while after its user signed up", |o| {
            let user = users.by("user_id", &o["user_id"]);
            o["created_at"] > *shift(users.get(user, "created_at"), 2).as_str()
                && users.get(user, "is_active") == "true"
        });
        let user = users.by("user_id", orders.get(order, "user_id"));
        let closed = shift(orders.get(order, "created_at"), -1);
        users.set(user, "is_active", "false");
        users.set(user, "closed_at", &closed);
        if users.get(user, "updated_at") > closed.as_str() {
            users.set(user, "updated_at", &closed);
        }
    });
}

// 3 and 4: catalog.

pub(super) fn a_department_under_its_child(dir: &Path) {
    edit(dir, "categories", |c| {
        let child = c.find("a subcategory", |r| !r["parent_category_id"].is_empty());
        let department = c.by("category_id", c.get(child, "parent_category_id"));
        let child_id = c.get(child, "category_id").to_string();
        c.set(department, "parent_category_id", child_id);
    });
}

pub(super) fn an_inactive_product_never_discontinued(dir: &Path) {
    edit(dir, "products", |p| {
        let row = p.find("a product on sale", |r| r["discontinued_at"].is_empty());
        p.set(row, "is_active", "false");
    });
}

pub(super) fn a_product_sold_once_discontinued(dir: &Path) {
    let orders = Csv::open(dir, "orders");
    let items = Csv::open(dir, "order_items");
    edit(dir, "products", |p| {
        let item = items.find("an item of a product on sale", |i| {
            p.get(p.by("product_id", &i["product_id"]), "discontinued_at")
                .is_empty()
        });
        let order = orders.by("order_id", items.get(item, "order_id"));
        let row = p.by("product_id", items.get(item, "product_id"));
        let day = &orders.get(order, "created_at")[..10];
        p.set(row, "discontinued_at", day);
        p.set(row, "is_active", "false");
    });
}

pub(super) fn a_repeated_sku(dir: &Path) {
    edit(dir, "products", |p| {
        let sku = p.get(0, "sku").to_string();
        p.set(1, "sku", sku);
    });
}

pub(super) fn an_unsold_product_for_free(dir: &Path) {
    let items = Csv::open(dir, "order_items");
    edit(dir, "products", |p| {
        let unsold = p.find("an unsold product", |r| {
            items.all(|i| i["product_id"] == r["product_id"]).is_empty()
        });
        p.set(unsold, "price", "0.00");
    });
}

pub(super) fn a_product_stocked_twice_in_a_warehouse(dir: &Path) {
    edit(dir, "inventory", |inv| {
        let product = inv.get(0, "product_id").to_string();
        let warehouse = inv.get(0, "warehouse_id").to_string();
        inv.set(1, "product_id", product);
        inv.set(1, "warehouse_id", warehouse);
    });
}

pub(super) fn negative_stock(dir: &Path) {
    edit(dir, "inventory", |inv| inv.set(0, "quantity_on_hand", "-3"));
}
