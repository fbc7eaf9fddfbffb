//! Running a plan: each entity's rows are generated in fixed-size chunks of units,
//! encoded by worker threads, and written in chunk order by one writer, so the bytes do
//! not depend on the thread count. Files are written under temporary names and renamed
//! only once every file of the run is complete. Binary formats take the same path with
//! typed rows: a Parquet writer per file, or one SQLite database for the whole run.

use crate::config::Config;
use crate::error::{Error, Result};
use crate::generate::{self, Entity, Generator, Plan, World};
use crate::output::sqlite::Database;
use crate::output::{Chunk, Encoder, Format, Typed, parquet};
use crate::schema::{FileSpec, Key};
use indicatif::{ProgressBar, ProgressStyle};
use sha2::{Digest, Sha256};
use std::fs::File;
use std::io::{BufWriter, Write};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use tempfile::TempPath;

/// Units per chunk: big enough to amortise hand-offs, small enough to keep memory flat.
const CHUNK_UNITS: u64 = 2048;

/// A file of the finished run.
#[derive(Clone, Debug, serde::Serialize)]
pub struct WrittenFile {
    /// `None` for the SQLite database, which holds every entity.
    pub entity: Option<Entity>,
    pub path: PathBuf,
    pub rows: u64,
    pub bytes: u64,
    pub sha256: String,
}

#[derive(Debug, Default)]
pub struct Summary {
    pub files: Vec<WrittenFile>,
}

/// One output file being written: a temporary file renamed when the run completes,
/// or standard output; for SQLite, a table of the run's database.
struct Sink {
    entity: Entity,
    spec: FileSpec,
    target: Target,
    /// `None` for standard output.
    temp: Option<(File, TempPath)>,
    /// On standard output, a child file (order items) is held here until its parent
    /// file is out, so the two do not interleave.
    spill: Option<File>,
    path: PathBuf,
    rows: u64,
    bytes: u64,
    hash: Sha256,
    /// Whether a row precedes this point in the whole dataset (earlier parts included).
    row_written: bool,
}

enum Target {
    Bytes(Box<dyn Write + Send>),
    Parquet(Box<parquet::Writer>),
    /// A table of the run's SQLite database, which the run writes to.
    Table,
}

impl Sink {
    fn write(&mut self, bytes: &[u8]) -> Result<()> {
        let Target::Bytes(writer) = &mut self.target else {
            // Binary formats have no prologue or epilogue.
            debug_assert!(bytes.is_empty());
            return Ok(());
        };
        writer
            .write_all(bytes)
            .map_err(|e| Error::io(&self.path, e))?;
        self.hash.update(bytes);
        self.bytes += bytes.len() as u64;
        Ok(())
    }
}

/// Set by the Ctrl-C handler; the writer stops at the next chunk and the temporary
/// files are removed as the run unwinds.
static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// Asks a running generation to stop (from a signal handler).
pub fn interrupt() {
    INTERRUPTED.store(true, Ordering::SeqCst);
}

fn check_interrupt() -> Result<()> {
    if INTERRUPTED.load(Ordering::Relaxed) {
        Err(Error::Interrupted)
    } else {
        Ok(())
    }
}

pub fn file_name(spec: &FileSpec, config: &Config) -> String {
    part_name(spec.name, config)
}

fn part_name(stem: &str, config: &Config) -> String {
    let ext = config.format.extension();
    if config.parts > 1 {
        format!(
            "{stem}.part-{:04}-of-{:04}.{ext}",
            config.part, config.parts
        )
    } else {
        format!("{stem}.{ext}")
    }
}

/// Generates and writes the dataset `config` describes.
pub fn run(config: &Config) -> Result<Summary> {
    run_plan(&Plan::new(config)?, config)
}

/// Writes a plan made from `config` (checked, so nothing is written for bad counts).
pub fn run_plan(plan: &Plan, config: &Config) -> Result<Summary> {
    if let Some(dir) = config.out_dir() {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    }
    if config.format == Format::Sql && config.out_dir().is_none() {
        // One script for `| psql`: the tables, then the data.
        let mut stdout = std::io::stdout().lock();
        stdout
            .write_all(crate::sql::ddl(config.dialect).as_bytes())
            .and_then(|()| stdout.flush())
            .map_err(|e| Error::io("standard output", e))?;
    }
    let mut database = match (config.format, config.out_dir()) {
        (Format::Sqlite, Some(dir)) => Some(DatabaseFile::create(dir, config)?),
        _ => None,
    };
    let mut finished = Vec::new();
    for &entity in &plan.entities {
        let out = Out {
            config,
            database: database.as_ref().map(|d| &d.database),
        };
        let sinks = write_entity(&plan.world, entity, &out)?;
        finished.extend(sinks);
    }
    let mut summary = Summary::default();
    let mut renames = Vec::new();
    let mut database_rows = 0;
    for mut sink in finished {
        let binary = match sink.target {
            Target::Bytes(mut writer) => {
                writer.flush().map_err(|e| Error::io(&sink.path, e))?;
                false
            }
            Target::Parquet(_) => true,
            Target::Table => {
                database_rows += sink.rows;
                continue;
            }
        };
        if let Some((file, temp)) = sink.temp {
            // Data on disk before the rename, so a crash cannot leave a short file
            // under the final name.
            file.sync_all().map_err(|e| Error::io(&sink.path, e))?;
            if binary {
                (sink.bytes, sink.hash) = hash_file(&temp, &sink.path)?;
            }
            renames.push((temp, sink.path.clone()));
        }
        summary.files.push(WrittenFile {
            entity: Some(sink.entity),
            path: sink.path,
            rows: sink.rows,
            bytes: sink.bytes,
            sha256: hex(&sink.hash.finalize()),
        });
    }
    if let Some(database) = database.take() {
        let (file, rename) = database.finish(database_rows)?;
        summary.files.push(file);
        renames.push(rename);
    }
    if let Some(dir) = config.out_dir() {
        if config.format == Format::Sql {
            renames.extend(write_sql_scripts(dir, config, &summary)?);
        }
        let (manifest, temp) = write_manifest(dir, config, &summary)?;
        renames.push((temp, manifest));
    }
    // Only now replace earlier files: a failure above leaves the previous dataset whole.
    for (temp, path) in renames {
        temp.persist(&path).map_err(|e| Error::io(&path, e.error))?;
    }
    Ok(summary)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Size and hash of a finished binary file, whose writer does not hand out its bytes.
fn hash_file(file: &Path, path: &Path) -> Result<(u64, Sha256)> {
    let mut hash = Sha256::new();
    let bytes = std::io::copy(
        &mut File::open(file).map_err(|e| Error::io(path, e))?,
        &mut hash,
    )
    .map_err(|e| Error::io(path, e))?;
    Ok((bytes, hash))
}

/// What the entities of a run are written to.
struct Out<'a> {
    config: &'a Config,
    /// The run's database, for SQLite.
    database: Option<&'a Database>,
}

/// The SQLite database of a run, under its temporary name until the run completes.
struct DatabaseFile {
    database: Database,
    file: File,
    temp: TempPath,
    path: PathBuf,
}

impl DatabaseFile {
    fn create(dir: &Path, config: &Config) -> Result<DatabaseFile> {
        let name = part_name("ecomgen", config);
        let path = dir.join(&name);
        let (file, temp) = temp_file(dir, &name, &path)?;
        let database = Database::create(&temp, &path, keys_resolve_within(config))?;
        Ok(DatabaseFile {
            database,
            file,
            temp,
            path,
        })
    }

    fn finish(self, rows: u64) -> Result<(WrittenFile, (TempPath, PathBuf))> {
        self.database.close()?;
        self.file.sync_all().map_err(|e| Error::io(&self.path, e))?;
        let (bytes, hash) = hash_file(&self.temp, &self.path)?;
        let written = WrittenFile {
            entity: None,
            path: self.path.clone(),
            rows,
            bytes,
            sha256: hex(&hash.finalize()),
        };
        Ok((written, (self.temp, self.path)))
    }
}

/// Whether every foreign key of the rows written points at a row of the same file: not
/// so for one part of several, nor for entities written without their parents.
fn keys_resolve_within(config: &Config) -> bool {
    config.parts == 1
        && config.entities.iter().all(|entity| {
            entity.files(true).iter().all(|file| {
                file.fields.iter().all(|field| match field.key {
                    Key::Foreign(to) => config.entities.contains(&to),
                    _ => true,
                })
            })
        })
}

/// `manifest.json`: what was asked and what was written, so a pipeline can check a
/// dataset's files before it loads them.
#[derive(serde::Serialize)]
struct Manifest<'a> {
    tool: &'static str,
    version: &'static str,
    seed: u64,
    settings: crate::config::Settings,
    files: Vec<ManifestFile<'a>>,
}

#[derive(serde::Serialize)]
struct ManifestFile<'a> {
    file: String,
    /// Absent for the SQLite database, which holds every entity.
    #[serde(skip_serializing_if = "Option::is_none")]
    entity: Option<&'static str>,
    rows: u64,
    bytes: u64,
    sha256: &'a str,
}

pub fn manifest_name(config: &Config) -> String {
    if config.parts > 1 {
        format!(
            "manifest.part-{:04}-of-{:04}.json",
            config.part, config.parts
        )
    } else {
        "manifest.json".to_string()
    }
}

/// `schema.sql` and `load.sql` beside SQL data files, so one command loads the run.
fn write_sql_scripts(
    dir: &std::path::Path,
    config: &Config,
    summary: &Summary,
) -> Result<Vec<(TempPath, PathBuf)>> {
    let data: Vec<String> = summary
        .files
        .iter()
        .filter_map(|f| f.path.file_name().map(|n| n.to_string_lossy().into_owned()))
        .collect();
    let load = if config.parts > 1 {
        format!("load.part-{:04}-of-{:04}.sql", config.part, config.parts)
    } else {
        "load.sql".to_string()
    };
    let mut renames = Vec::new();
    for (name, text) in [
        ("schema.sql".to_string(), crate::sql::ddl(config.dialect)),
        (load, crate::sql::load_script(config.dialect, &data)),
        (
            "reconcile.sql".to_string(),
            crate::sql::RECONCILE.to_string(),
        ),
    ] {
        let path = dir.join(&name);
        let (mut file, temp) = temp_file(dir, &name, &path)?;
        file.write_all(text.as_bytes())
            .and_then(|()| file.sync_all())
            .map_err(|e| Error::io(&path, e))?;
        renames.push((temp, path));
    }
    Ok(renames)
}

fn write_manifest(
    dir: &std::path::Path,
    config: &Config,
    summary: &Summary,
) -> Result<(PathBuf, TempPath)> {
    let manifest = Manifest {
        tool: "ecomgen",
        version: env!("CARGO_PKG_VERSION"),
        seed: config.seed,
        settings: config.settings(),
        files: summary
            .files
            .iter()
            .map(|f| ManifestFile {
                file: f
                    .path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                entity: f.entity.map(Entity::name),
                rows: f.rows,
                bytes: f.bytes,
                sha256: &f.sha256,
            })
            .collect(),
    };
    let path = dir.join(manifest_name(config));
    let mut text = serde_json::to_vec_pretty(&manifest).map_err(crate::output::encoding_error)?;
    text.push(b'\n');
    let (mut file, temp) = temp_file(dir, &manifest_name(config), &path)?;
    file.write_all(&text)
        .and_then(|()| file.sync_all())
        .map_err(|e| Error::io(&path, e))?;
    Ok((path, temp))
}

fn write_entity(world: &World, entity: Entity, out: &Out) -> Result<Vec<Sink>> {
    use generate::*;
    match entity {
        Entity::Users => write_rows(&users::Users::new(world), entity, out),
        Entity::Categories => write_rows(&categories::Categories::new(world), entity, out),
        Entity::Vendors => write_rows(&vendors::Vendors::new(world), entity, out),
        Entity::Warehouses => write_rows(&warehouses::Warehouses::new(world), entity, out),
        Entity::Products => write_rows(&products::Products::new(world), entity, out),
        Entity::Inventory => write_rows(&inventory::Inventory::new(world), entity, out),
        Entity::Promotions => write_rows(&promotions::Promotions::new(world), entity, out),
        Entity::Orders => write_rows(&orders::Orders::new(world), entity, out),
        Entity::Payments => write_rows(&payments::Payments::new(world), entity, out),
        Entity::Shipping => write_rows(&shipping::Shipping::new(world), entity, out),
        Entity::Returns => write_rows(&returns::Returns::new(world), entity, out),
        Entity::Reviews => write_rows(&reviews::Reviews::new(world), entity, out),
        Entity::SupportTickets => {
            write_rows(&support_tickets::SupportTickets::new(world), entity, out)
        }
        Entity::Wishlists => write_rows(&wishlists::Wishlists::new(world), entity, out),
        Entity::Notifications => write_rows(&notifications::Notifications::new(world), entity, out),
        Entity::UserAnalytics => write_rows(
            &user_analytics::UserAnalyticsGenerator::new(world),
            entity,
            out,
        ),
        Entity::ProductAnalytics => write_rows(
            &product_analytics::ProductAnalyticsGenerator::new(world),
            entity,
            out,
        ),
    }
}

/// The units of part `part` (1-based) of `parts`.
pub fn part_range(units: u64, parts: u64, part: u64) -> Range<u64> {
    let bound = |k: u64| (units as u128 * k as u128 / parts as u128) as u64;
    bound(part - 1)..bound(part)
}

/// True when some unit before `start` yields a row.
fn rows_before<G: Generator>(generator: &G, start: u64) -> bool {
    (0..start).rev().any(|unit| {
        let mut found = false;
        generator.generate(unit..unit + 1, &mut |_| found = true);
        found
    })
}

/// A temporary file beside `final_path`, readable like the files it will replace.
fn temp_file(
    dir: &std::path::Path,
    name: &str,
    final_path: &std::path::Path,
) -> Result<(File, TempPath)> {
    let temp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| Error::io(dir, e))?;
    let (file, temp) = temp.into_parts();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        file.set_permissions(std::fs::Permissions::from_mode(0o644))
            .map_err(|e| Error::io(final_path, e))?;
    }
    Ok((file, temp))
}

fn open_sink(entity: Entity, spec: FileSpec, out: &Out, is_child: bool) -> Result<Sink> {
    let config = out.config;
    let mut spill = None;
    let (target, temp, path) = match config.out_dir() {
        Some(dir) if out.database.is_some() => {
            (Target::Table, None, dir.join(part_name("ecomgen", config)))
        }
        Some(dir) => {
            let name = file_name(&spec, config);
            let path = dir.join(&name);
            let (file, temp) = temp_file(dir, &name, &path)?;
            let handle = file.try_clone().map_err(|e| Error::io(&path, e))?;
            let target = match config.format {
                Format::Parquet => {
                    Target::Parquet(Box::new(parquet::Writer::new(handle, &spec, &path)?))
                }
                _ => Target::Bytes(Box::new(BufWriter::with_capacity(1 << 20, handle))),
            };
            (target, Some((file, temp)), path)
        }
        None if is_child => {
            let file = tempfile::tempfile().map_err(|e| Error::io(std::env::temp_dir(), e))?;
            let handle = file
                .try_clone()
                .map_err(|e| Error::io(std::env::temp_dir(), e))?;
            spill = Some(file);
            (
                Target::Bytes(Box::new(BufWriter::with_capacity(1 << 16, handle))),
                None,
                PathBuf::from(format!("{} on standard output", spec.name)),
            )
        }
        None => (
            Target::Bytes(Box::new(BufWriter::with_capacity(
                1 << 16,
                std::io::stdout(),
            ))),
            None,
            PathBuf::from(format!("{} on standard output", spec.name)),
        ),
    };
    Ok(Sink {
        entity,
        spec,
        target,
        temp,
        spill,
        path,
        rows: 0,
        bytes: 0,
        hash: Sha256::new(),
        row_written: false,
    })
}

fn write_rows<G: Generator>(generator: &G, entity: Entity, out: &Out) -> Result<Vec<Sink>> {
    let (config, database) = (out.config, out.database);
    let format = config.format;
    let mut sinks = entity
        .files(format.is_flat())
        .into_iter()
        .enumerate()
        .map(|(i, spec)| open_sink(entity, spec, out, i > 0))
        .collect::<Result<Vec<_>>>()?;
    // One transaction per entity: order items must follow their orders' rows, which
    // arrive chunk by chunk, for their foreign key to resolve.
    if let Some(database) = database {
        database.begin()?;
    }
    let units = part_range(generator.units(), config.parts, config.part);
    if format.leading_separator() > 0 && units.start > 0 {
        sinks[0].row_written = rows_before(generator, units.start);
    }
    if config.part == 1 || format.frames_every_part() {
        for sink in &mut sinks {
            let prologue = format.prologue(&sink.spec, config.dialect);
            sink.write(&prologue)?;
        }
    }

    let progress = progress_bar(entity, units.end - units.start, config.quiet);
    let chunks = (units.end - units.start).div_ceil(CHUNK_UNITS);
    let chunk_range = |c: u64| {
        let start = units.start + c * CHUNK_UNITS;
        start..(start + CHUNK_UNITS).min(units.end)
    };
    let specs: Vec<FileSpec> = sinks.iter().map(|s| s.spec).collect();
    let specs = &specs[..];
    let threads = config.threads.clamp(1, chunks.max(1) as usize);
    if threads == 1 {
        let mut encoder = Encoder::new(format, config.dialect, specs);
        for c in 0..chunks {
            let range = chunk_range(c);
            let n = range.end - range.start;
            let chunk = encode_chunk(generator, range, &mut encoder, specs)?;
            emit_chunk(&mut sinks, chunk, format, database)?;
            progress.inc(n);
            check_interrupt()?;
        }
    } else {
        std::thread::scope(|scope| -> Result<()> {
            let mut receivers = Vec::with_capacity(threads);
            for worker in 0..threads as u64 {
                // Two chunks in flight per worker bound memory while keeping it busy.
                let (tx, rx) = mpsc::sync_channel::<Result<Chunk>>(2);
                receivers.push(rx);
                scope.spawn(move || {
                    let mut encoder = Encoder::new(format, config.dialect, specs);
                    let mut c = worker;
                    while c < chunks {
                        let chunk = encode_chunk(generator, chunk_range(c), &mut encoder, specs);
                        let failed = chunk.is_err();
                        if tx.send(chunk).is_err() || failed {
                            return;
                        }
                        c += threads as u64;
                    }
                });
            }
            for c in 0..chunks {
                let chunk = receivers[(c % threads as u64) as usize]
                    .recv()
                    .map_err(|_| {
                        Error::Runtime("a worker thread stopped unexpectedly".to_string())
                    })??;
                emit_chunk(&mut sinks, chunk, format, database)?;
                let range = chunk_range(c);
                progress.inc(range.end - range.start);
                check_interrupt()?;
            }
            Ok(())
        })?;
    }
    progress.finish_and_clear();

    if config.part == config.parts || format.frames_every_part() {
        for sink in &mut sinks {
            let epilogue = format.epilogue(&sink.spec, config.dialect);
            sink.write(&epilogue)?;
        }
    }
    if let Some(database) = database {
        database.commit()?;
    }
    // Footers now: a finished Parquet writer holds no rows until the run completes.
    for sink in &mut sinks {
        if let Target::Parquet(writer) = &mut sink.target {
            writer.finish()?;
        }
    }
    // Entities follow each other on standard output: the next must not overtake.
    for sink in sinks.iter_mut().filter(|s| s.temp.is_none()) {
        let Target::Bytes(writer) = &mut sink.target else {
            continue;
        };
        writer.flush().map_err(|e| Error::io(&sink.path, e))?;
        if let Some(mut spilled) = sink.spill.take() {
            use std::io::Seek;
            let mut stdout = std::io::stdout().lock();
            spilled
                .rewind()
                .and_then(|_| std::io::copy(&mut spilled, &mut stdout))
                .and_then(|_| stdout.flush())
                .map_err(|e| Error::io(&sink.path, e))?;
        }
    }
    Ok(sinks)
}

fn encode_chunk<G: Generator>(
    generator: &G,
    range: Range<u64>,
    encoder: &mut Encoder,
    files: &[FileSpec],
) -> Result<Chunk> {
    let mut chunk = Chunk::default();
    let mut failure = None;
    generator.generate(range, &mut |row| {
        if failure.is_none()
            && let Err(e) = encoder.encode(row, &mut chunk, files)
        {
            failure = Some(e);
        }
    });
    if let Some(e) = failure {
        return Err(e);
    }
    encoder.finish_chunk(&mut chunk)?;
    Ok(chunk)
}

fn emit_chunk(
    sinks: &mut [Sink],
    chunk: Chunk,
    format: Format,
    database: Option<&Database>,
) -> Result<()> {
    let files = chunk.bytes.iter().zip(chunk.typed).zip(chunk.rows);
    for (sink, ((bytes, typed), rows)) in sinks.iter_mut().zip(files) {
        if rows == 0 {
            continue;
        }
        match (&mut sink.target, typed, database) {
            (Target::Parquet(writer), Typed::Parquet(batch), _) => writer.write(&batch)?,
            (Target::Table, Typed::Sqlite(values), Some(database)) => {
                database.insert(&sink.spec, &values)?
            }
            (Target::Bytes(_), ..) => {
                let skip = if sink.row_written {
                    0
                } else {
                    format.leading_separator()
                };
                sink.write(&bytes[skip..])?;
            }
            _ => unreachable!("a binary format's sink gets that format's rows"),
        }
        sink.rows += rows;
        sink.row_written = true;
    }
    Ok(())
}

fn progress_bar(entity: Entity, units: u64, quiet: bool) -> ProgressBar {
    if quiet {
        return ProgressBar::hidden();
    }
    // Drawn only when stderr is a terminal; never mixed into data.
    let bar = ProgressBar::new(units);
    bar.set_style(
        ProgressStyle::with_template(
            "{msg:>17} [{bar:30}] {human_pos}/{human_len} ({per_sec}, {eta})",
        )
        .expect("the template is valid")
        .progress_chars("=> "),
    );
    bar.set_message(entity.name());
    bar
}
