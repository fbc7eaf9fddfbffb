//! Shipping: one shipment for each order that left a warehouse, with a carrier of the
//! customer's country (a Europe-wide one across an open border, an international one
//! through customs) and a tracking number in that carrier's style.

use super::orders::{OrderFacts, Orders};
use super::{
    CountRule, EntitySpec, FromOrders, Generator, OrderFed, RowSource, World, flat_record, places,
};
use crate::model::{Date, Id, Timestamp};
use crate::schema::{Entity, Field, FieldType as F, Table, TableSpec};
use serde::Serialize;
use std::ops::Range;

pub const FIELDS: &[Field] = &[
    Field::primary("shipment_id", "Primary key."),
    Field::foreign(
        "order_id",
        Table::Orders,
        "Order shipped; one shipment per order.",
    ),
    Field::foreign("warehouse_id", Table::Warehouses, "Site it left from."),
    Field::new(
        "carrier",
        F::Text,
        "Parcel carrier of the destination country; Europe-wide or international across a border.",
    ),
    Field::new("shipping_method", F::Text, "As on the order.")
        .one_of(super::orders::SHIPPING_METHODS),
    Field::new("tracking_number", F::Text, "Carrier's tracking number."),
    Field::new("shipped_at", F::Timestamp, ">= the order's created_at."),
    Field::new(
        "estimated_delivery",
        F::Date,
        "The day the carrier promised, in the customer's time zone; a later delivery is late.",
    ),
    Field::new(
        "delivered_at",
        F::Timestamp,
        "Set once delivered; >= shipped_at.",
    )
    .nullable(),
    Field::new("status", F::Text, "Delivered once delivered_at is set.").one_of(SHIPMENT_STATUSES),
];

pub const TABLE: TableSpec = TableSpec {
    table: Table::Shipping,
    name: "shipping",
    row_tag: "shipment",
    fields: FIELDS,
    nesting: None,
};

pub const SPEC: EntitySpec = EntitySpec {
    entity: Entity::Shipping,
    stable_id: 9,
    name: "shipping",
    doc: "One shipment per shipped order.",
    parents: &[Entity::Orders, Entity::Warehouses],
    requires: &[],
    count: CountRule::Derived("one row per shipped, delivered or returned order"),
    tables: &[&TABLE],
    source,
};

fn source(world: &World) -> Box<dyn RowSource + '_> {
    Box::new(Shipping::new(world))
}

pub const SHIPMENT_STATUSES: &[&str] = &["in_transit", "delivered"];

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ShipmentStatus {
    #[default]
    InTransit,
    Delivered,
}

#[derive(Debug, Default, Serialize)]
pub struct Shipment {
    pub shipment_id: Id,
    pub order_id: Id,
    pub warehouse_id: Id,
    pub carrier: &'static str,
    pub shipping_method: super::orders::ShippingMethod,
    pub tracking_number: String,
    pub shipped_at: Timestamp,
    pub estimated_delivery: Date,
    pub delivered_at: Option<Timestamp>,
    pub status: ShipmentStatus,
}

flat_record!(Shipment);

/// Carriers for a parcel on its route, with a tracking-number pattern each: the
/// destination's own carriers at home, Europe-wide parcel networks across an open
/// border, international express ones through customs.
pub struct Shipping<'w> {
    world: &'w World,
    orders: Orders<'w>,
}

impl<'w> Shipping<'w> {
    pub fn new(world: &'w World) -> Self {
        Shipping {
            world,
            orders: Orders::new(world),
        }
    }
}

impl Generator for Shipping<'_> {
    type Row = Shipment;

    fn units(&self) -> u64 {
        self.orders.count()
    }

    fn generate(&self, units: Range<u64>, emit: &mut dyn FnMut(&Shipment)) {
        self.generate_orders(&self.orders, units, emit);
    }

    fn fed_by_orders(&self) -> Option<&dyn OrderFed> {
        Some(self)
    }
}

impl FromOrders for Shipping<'_> {
    type Row = Shipment;

    fn rows_of(
        &self,
        order: u64,
        facts: &OrderFacts,
        row: &mut Shipment,
        emit: &mut dyn FnMut(&Shipment),
    ) {
        let w = self.world;
        let Some(shipment) = facts.shipment() else {
            return;
        };
        let mut rng = w.rng(Entity::Shipping, order);
        row.shipment_id = w.ids(Table::Shipping).id(order);
        row.order_id = w.ids(Table::Orders).id(order);
        row.warehouse_id = w.ids(Table::Warehouses).id(shipment.warehouse);
        row.carrier = shipment.carrier.name;
        row.tracking_number.clear();
        places::fill(
            &mut rng,
            shipment.carrier.tracking,
            &mut row.tracking_number,
        );
        row.shipping_method = facts.method;
        row.shipped_at = shipment.at;
        row.estimated_delivery = shipment.promised;
        row.delivered_at = shipment.delivered;
        row.status = if shipment.delivered.is_some() {
            ShipmentStatus::Delivered
        } else {
            ShipmentStatus::InTransit
        };
        emit(row);
    }
}
