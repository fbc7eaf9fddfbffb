//! `--format sqlite`: one database with every constraint and row, and its parts merged.

use super::*;

fn sqlite3(db: &Path, sql: &str) -> std::process::Output {
    let output = Command::new("sqlite3").arg(db).arg(sql).output().unwrap();
    assert!(output.status.success(), "{sql}: {}", stderr(&output));
    output
}

#[test]
fn sqlite_format_is_one_database_with_every_constraint_and_row() {
    if !installed("sqlite3", &["--version"]) {
        return;
    }
    let dir = tempdir();
    let out = dir.path().join("db");
    generate(
        &out,
        &[SMALL, &["--seed", "17", "--format", "sqlite"]].concat(),
    );
    let names: Vec<String> = read_dir(&out).into_keys().collect();
    assert_eq!(names, ["ecomgen.db", "manifest.json", "reconcile.sql"]);
    let db = out.join("ecomgen.db");

    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("manifest.json")).unwrap()).unwrap();
    let files = manifest["files"].as_array().unwrap();
    assert_eq!(files.len(), 1, "{files:?}");
    let counts = csv_counts(&dir.path().join("csv"), "17");
    assert_eq!(files[0]["file"], "ecomgen.db");
    assert_eq!(files[0]["rows"], counts.values().sum::<usize>());
    let bytes = std::fs::read(&db).unwrap();
    assert_eq!(files[0]["bytes"], bytes.len());
    use sha2::Digest;
    let sha: String = sha2::Sha256::digest(&bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(files[0]["sha256"], sha);

    for (table, n) in &counts {
        let found = sqlite3(&db, &format!("SELECT COUNT(*) FROM {table};"));
        assert_eq!(String::from_utf8_lossy(&found.stdout).trim(), n.to_string());
    }
    let fk = sqlite3(&db, "PRAGMA foreign_key_check;");
    assert!(
        fk.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&fk.stdout)
    );
    let integrity = sqlite3(&db, "PRAGMA integrity_check;");
    assert_eq!(String::from_utf8_lossy(&integrity.stdout).trim(), "ok");
    assert_reconciled(
        &sqlite3(&db, &ecomgen::output::sql::RECONCILE).stdout,
        "sqlite file",
    );

    // The same database, value for value, as the SQL format's load script builds.
    let sql = dir.path().join("sql");
    sql_dataset_into(&sql, "sqlite", "17");
    let load = Command::new("sqlite3")
        .arg("shop.db")
        .current_dir(&sql)
        .stdin(std::fs::File::open(sql.join("load.sql")).unwrap())
        .output()
        .unwrap();
    assert!(load.status.success(), "{}", stderr(&load));
    let dump = |db: &Path| sqlite3(db, ".dump").stdout;
    assert_same_bytes(
        ".dump of ecomgen.db",
        &dump(&sql.join("shop.db")),
        &dump(&db),
    );
    // `.dump` leaves out the indexes of keys, which ecomgen builds after the rows.
    let indexes = |db: &Path| {
        sqlite3(
            db,
            "SELECT s.name, s.tbl_name, s.sql IS NULL, i.seqno, i.name \
             FROM sqlite_schema s, pragma_index_info(s.name) i \
             WHERE s.type = 'index' ORDER BY s.name, i.seqno;",
        )
        .stdout
    };
    let key_indexes = indexes(&db);
    assert!(
        String::from_utf8_lossy(&key_indexes)
            .contains("sqlite_autoindex_users_3|users|1|0|username")
    );
    assert_same_bytes(
        "indexes of ecomgen.db",
        &indexes(&sql.join("shop.db")),
        &key_indexes,
    );

    // The constraints are in the file, though the load skips the checks and foreign
    // keys: a later connection refuses a broken row of each kind.
    for broken in [
        "INSERT INTO order_items SELECT * FROM order_items LIMIT 1;",
        "UPDATE users SET email = (SELECT email FROM users WHERE rowid = 2) WHERE rowid = 1;",
        "INSERT INTO inventory SELECT 'new', product_id, warehouse_id, quantity_on_hand, \
         reorder_level, last_restocked_at FROM inventory LIMIT 1;",
        "UPDATE payments SET method = 'cash' WHERE rowid = 1;",
        "PRAGMA foreign_keys = ON; UPDATE payments SET order_id = 'none' WHERE rowid = 1;",
    ] {
        let refused = Command::new("sqlite3")
            .arg(&db)
            .arg(broken)
            .output()
            .unwrap();
        assert!(!refused.status.success(), "{broken} was accepted");
    }
}

#[test]
fn sqlite_parts_merge_into_the_whole_database() {
    if !installed("sqlite3", &["--version"]) {
        return;
    }
    let dir = tempdir();
    let base = [SMALL, &["--seed", "9", "--format", "sqlite"]].concat();
    let whole = dir.path().join("whole");
    generate(&whole, &base);
    let parts = dir.path().join("parts");
    for part in ["1", "2", "3"] {
        generate(
            &parts,
            &[&base[..], &["--parts", "3", "--part", part]].concat(),
        );
    }
    let names: Vec<String> = data_files(&parts).into_keys().collect();
    assert_eq!(
        names,
        [
            "ecomgen.part-0001-of-0003.db",
            "ecomgen.part-0002-of-0003.db",
            "ecomgen.part-0003-of-0003.db",
            "reconcile.sql"
        ]
    );
    // What README.md tells users to do: copy every part's rows into one database.
    let merged = parts.join("merged.db");
    let schema = dir.path().join("schema.sql");
    std::fs::write(
        &schema,
        ecomgen::output::sql::ddl(ecomgen::output::sql::Dialect::Sqlite),
    )
    .unwrap();
    sqlite3(&merged, &format!(".read {}", schema.display()));
    let mut script = String::new();
    for name in names.iter().filter(|n| n.ends_with(".db")) {
        script.push_str(&format!(
            "ATTACH '{}' AS part;\n",
            parts.join(name).display()
        ));
        for table in ecomgen::schema::Table::load_order() {
            let t = table.name;
            script.push_str(&format!("INSERT INTO main.{t} SELECT * FROM part.{t};\n"));
        }
        script.push_str("DETACH part;\n");
    }
    sqlite3(&merged, &script);
    let fk = sqlite3(&merged, "PRAGMA foreign_key_check;");
    assert!(
        fk.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&fk.stdout)
    );
    let dump = |db: &Path| sqlite3(db, ".dump").stdout;
    assert_same_bytes(
        "3 parts merged",
        &dump(&whole.join("ecomgen.db")),
        &dump(&merged),
    );
}
