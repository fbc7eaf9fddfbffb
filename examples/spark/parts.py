#!/usr/bin/env python3
"""Generate an ecomgen dataset as Spark tasks, one task per part, and check it.

    python3 examples/spark/parts.py --ecomgen target/release/ecomgen \
        --parts 4 --out data [--reference single] [--master local[2]] -- --seed 42

Each task runs `ecomgen generate --format parquet --parts P --part K --out DIR`, so
every executor writes its own slice of every entity into DIR. The driver then reads
each table back as one Spark dataset (a glob over the parts) and checks it:

- its row count equals what the parts' manifests recorded;
- its primary key is unique and every foreign key finds its row in the parent table,
  across parts (the keys come from `ecomgen schema --format json`, not from here);
- with --reference, a single run's Parquet dataset (`ecomgen generate --format
  parquet` with the same generate arguments), the rows and an order-independent
  checksum (the sum of a 64-bit hash of every row) equal the reference's.

It prints one line per table and per key and exits 1 if anything differs, so the
same script is a recipe on a cluster (spark-submit it) and a test here. DIR must be a
POSIX path that the driver and every executor see (local disk in local mode; NFS,
Lustre or a mounted bucket on a cluster), and the ecomgen binary must exist at the
given path on each of them: ecomgen writes files, not Hadoop streams.

--skip-generate only reads and checks a DIR that holds the parts already.
"""

import argparse
import glob
import json
import os
import subprocess
import sys
import time


def parse_args():
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog="Arguments after -- go to `ecomgen generate` (seed, counts, window).",
    )
    parser.add_argument("--ecomgen", default="ecomgen", help="the binary, on every node")
    parser.add_argument("--parts", type=int, required=True, help="P: tasks and parts")
    parser.add_argument("--out", required=True, help="shared directory for the parts")
    parser.add_argument("--reference", help="a single run's Parquet dataset to compare with")
    parser.add_argument("--master", help="Spark master (default: spark-submit's)")
    parser.add_argument("--skip-generate", action="store_true", help="check DIR only")
    parser.add_argument("--conf", action="append", default=[], metavar="KEY=VALUE",
                        help="a Spark setting, as spark-submit's --conf")
    parser.add_argument("generate_args", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.parts < 1:
        parser.error("--parts must be at least 1")
    if any("=" not in conf for conf in args.conf):
        parser.error("--conf takes KEY=VALUE")
    args.out = os.path.abspath(args.out)
    if args.reference:
        args.reference = os.path.abspath(args.reference)
    return args


def part_name(stem, ext, parts, part):
    """The file name ecomgen gives a part (one part keeps the single-run name)."""
    if parts == 1:
        return f"{stem}.{ext}"
    return f"{stem}.part-{part:04}-of-{parts:04}.{ext}"


def run_part(ecomgen, parts, out, generate_args, part):
    """One Spark task: writes part `part` of every entity, or fails with ecomgen's words.

    A part is written under temporary names and renamed when complete, so a retried or
    speculative attempt of the same task leaves the same bytes.
    """
    # A task holds one executor core (spark.task.cpus = 1), and `--threads 1` keeps
    # ecomgen to one core; its default, every core of the node, would crowd the
    # node's other tasks.
    threads = [] if any(a in ("-j", "--threads") or a.startswith("--threads=")
                        for a in generate_args) else ["--threads", "1"]
    command = [ecomgen, "generate", "--quiet", "--format", "parquet", *threads,
               "--parts", str(parts), "--part", str(part), "--out", out, *generate_args]
    started = time.monotonic()
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"part {part}: {' '.join(command)}: {done.stderr.strip()}")
    return part, time.monotonic() - started


def manifest(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def tables_of(manifests):
    """Table -> (files, rows) as the manifests list them, in the first one's order."""
    tables = {}
    for m in manifests:
        for entry in m["files"]:
            table = entry["file"].split(".", 1)[0]
            files, rows = tables.get(table, ([], 0))
            tables[table] = (files + [entry["file"]], rows + entry["rows"])
    return tables


def keys_of(schema):
    """Primary key per table and (table, column, parent) per foreign key, from the schema.

    Order items are a table of their own in Parquet, named by the schema's csv_file.
    """
    primary, foreign = {}, []
    for entity in schema:
        shapes = [(entity["entity"], entity["fields"])]
        if "items" in entity:
            shapes.append((entity["items"]["csv_file"], entity["items"]["fields"]))
        for table, fields in shapes:
            for field in fields:
                kind = field["key"]["kind"]
                if kind == "primary":
                    primary[table] = field["name"]
                elif kind == "foreign":
                    foreign.append((table, field["name"], field["key"]["references"]))
    return primary, foreign


def settings_without_parts(m):
    settings = dict(m["settings"])
    settings.pop("parts", None)
    settings.pop("part", None)
    return m["seed"], settings


def main():
    args = parse_args()
    from pyspark.sql import SparkSession, functions as F

    builder = SparkSession.builder.appName("ecomgen parts")
    if args.master:
        builder = builder.master(args.master)
        if args.master.startswith("local"):
            # Local mode needs no network: keep the driver on loopback and its Python
            # workers on this interpreter.
            os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
            os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
            builder = (builder.config("spark.driver.host", "127.0.0.1")
                       .config("spark.driver.bindAddress", "127.0.0.1")
                       .config("spark.ui.enabled", "false")
                       .config("spark.ui.showConsoleProgress", "false"))
    # Every check ends in one row per table: Spark's default of 200 shuffle partitions
    # would spend more time scheduling empty tasks than counting.
    builder = builder.config("spark.sql.shuffle.partitions", "2")
    for conf in args.conf:
        builder = builder.config(*conf.split("=", 1))
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    failures = []

    if not args.skip_generate:
        os.makedirs(args.out, exist_ok=True)
        started = time.monotonic()
        ecomgen, parts, out, extra = args.ecomgen, args.parts, args.out, args.generate_args
        done = (spark.sparkContext.parallelize(range(1, parts + 1), parts)
                .map(lambda k: run_part(ecomgen, parts, out, extra, k))
                .collect())
        slowest = max(seconds for _, seconds in done)
        print(f"generated {len(done)} parts as {len(done)} Spark tasks in "
              f"{time.monotonic() - started:.1f} s (slowest part {slowest:.1f} s)")

    manifests = []
    for k in range(1, args.parts + 1):
        path = os.path.join(args.out, part_name("manifest", "json", args.parts, k))
        if os.path.exists(path):
            manifests.append(manifest(path))
        else:
            failures.append(f"part {k}: no {os.path.basename(path)}")
    tables = tables_of(manifests)

    reference = None
    if args.reference:
        reference = manifest(os.path.join(args.reference, "manifest.json"))
        if manifests and settings_without_parts(reference) != settings_without_parts(manifests[0]):
            failures.append("the reference was generated with other arguments")
        if set(tables_of([reference])) != set(tables):
            failures.append("the reference has other tables")

    schema_json = subprocess.run([args.ecomgen, "schema", "--format", "json"],
                                 capture_output=True, text=True, check=True).stdout
    primary, foreign = keys_of(json.loads(schema_json))

    def read(directory, files):
        # ecomgen's files are on a POSIX filesystem, whatever Hadoop's default one is.
        return spark.read.parquet(*[f"file://{os.path.join(directory, f)}" for f in files])

    def summary(name, df, key):
        # decimal(38, 0): a sum of 64-bit hashes would overflow a bigint.
        row_hash = F.xxhash64(*[F.col(f"`{c}`") for c in df.columns]).cast("decimal(38,0)")
        keys = F.countDistinct(key) if key else F.lit(None).cast("bigint")
        return df.agg(F.lit(name).alias("name"), F.count(F.lit(1)).alias("rows"),
                      F.sum(row_hash).alias("checksum"), keys.alias("keys"))

    def collect(frames):
        # One Spark job for all of them: dozens of tiny jobs cost more in scheduling
        # than in reading.
        if not frames:
            return {}
        union = frames[0]
        for frame in frames[1:]:
            union = union.unionByName(frame)
        return {row["name"]: row for row in union.collect()}

    frames, summaries = {}, []
    for table, (files, _) in tables.items():
        present = [f for f in files if os.path.exists(os.path.join(args.out, f))]
        if len(present) < len(files):
            failures.append(f"{table}: {len(files) - len(present)} of {len(files)} part files missing")
        if present:
            frames[table] = read(args.out, present)
            summaries.append(summary(table, frames[table], primary.get(table)))
    ref_tables = tables_of([reference]) if reference else {}
    for table, (files, _) in ref_tables.items():
        if table in frames:
            summaries.append(summary(f"reference {table}", read(args.reference, files), None))
    checks, labels = [], []
    for table, column, parent in foreign:
        if table in frames and parent in frames and parent in primary:
            label = f"{table}.{column} -> {parent}.{primary[parent]}"
            labels.append(label)
            children = frames[table].select(F.col(column).alias("k")).where(F.col("k").isNotNull())
            parents = frames[parent].select(F.col(primary[parent]).alias("k"))
            checks.append(children.join(parents, "k", "left_anti")
                          .agg(F.lit(label).alias("name"), F.count(F.lit(1)).alias("missing")))
    results, orphans = collect(summaries), collect(checks)

    print(f"{'table':<18} {'rows':>9} {'checksum':>22}  verdict")
    for table, (_, expected_rows) in tables.items():
        if table not in results:
            print(f"{table:<18} {'-':>9} {'-':>22}  no files")
            continue
        row = results[table]
        rows, checksum = row["rows"], int(row["checksum"] or 0)
        problems = []
        if rows != expected_rows:
            problems.append(f"manifests say {expected_rows} rows")
        if row["keys"] is not None and row["keys"] != rows:
            problems.append(f"{rows - row['keys']} repeated {primary[table]}")
        ref = results.get(f"reference {table}")
        if ref is not None and (ref["rows"], int(ref["checksum"] or 0)) != (rows, checksum):
            problems.append(f"reference has {ref['rows']} rows, checksum {int(ref['checksum'] or 0)}")
        verdict = "; ".join(problems) if problems else ("same as reference" if reference else "ok")
        if problems:
            failures.append(f"{table}: {verdict}")
        print(f"{table:<18} {rows:>9} {checksum:>22}  {verdict}")

    for label in labels:
        missing = orphans[label]["missing"]
        print(f"key {label}: " + ("joins" if missing == 0 else f"{missing} rows find no parent"))
        if missing:
            failures.append(f"{label}: {missing} rows find no parent")
    joined = len(labels)

    spark.stop()
    if failures:
        for failure in failures:
            print(f"FAILED: {failure}", file=sys.stderr)
        return 1
    print(f"all {len(tables)} tables read back as one dataset each; {joined} foreign keys join"
          + ("; equal to the reference" if reference else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
