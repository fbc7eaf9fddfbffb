//! Running a plan: for each entity in dependency order, open its files, encode its
//! rows in chunks on worker threads, write them in order, and commit every file of
//! the run at once with its manifest. Formats come from `output`; this module only
//! moves what their encoders make.

pub mod chunks;
pub mod commit;
pub mod files;
pub mod naming;
mod progress;

pub use chunks::interrupt;
pub use files::WrittenFile;
pub use naming::Parts;

use crate::error::{Error, Result};
use crate::generate::{Plan, World};
use crate::manifest::{Manifest, ManifestFile, Settings};
use crate::output::sql::Dialect;
use crate::output::{self, Format, Writer};
use crate::schema::{Entity, TableSpec};
use commit::{Commit, TempFile};
use files::FileOut;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Where the files go.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Output {
    Dir(PathBuf),
    /// The rows on standard output.
    Stdout,
}

/// One run: a plan and how to write it.
pub struct Job<'a> {
    pub plan: &'a Plan,
    pub format: Format,
    pub dialect: Dialect,
    pub output: Output,
    pub parts: Parts,
    pub threads: usize,
    pub quiet: bool,
    /// What the manifest records as asked for.
    pub settings: Settings,
}

#[derive(Debug, Default)]
pub struct Summary {
    pub files: Vec<WrittenFile>,
}

/// Writes the dataset of `job`.
pub fn run(job: &Job) -> Result<Summary> {
    let dir = match &job.output {
        Output::Dir(dir) => {
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
            Some(dir.as_path())
        }
        Output::Stdout => None,
    };
    let spec = job.format.spec();
    let single = match (spec.single_file, dir) {
        (Some(stem), Some(dir)) => Some(TempFile::create(
            dir,
            &naming::file_name(stem, spec.extension, job.parts),
        )?),
        _ => None,
    };
    let writer = output::writer(
        job.format,
        output::Target {
            dialect: job.dialect,
            single_file: single.as_ref().map(|f| (f.temp.as_ref(), f.path.as_path())),
            keys_resolve: job.parts == Parts::WHOLE
                && crate::generate::registry::keys_resolve_within(&job.plan.entities),
        },
    )?;
    let tables: Vec<&'static TableSpec> = job
        .plan
        .entities
        .iter()
        .flat_map(|e| job.format.files_of(e.spec().tables).iter().copied())
        .collect();
    if dir.is_none() {
        stdout(&writer.stream_prologue(&tables))?;
    }
    let mut commit = Commit::default();
    let (mut summary, database_rows) =
        write_entities(job, writer.as_ref(), dir, single.as_ref(), &mut commit)?;
    let first_part = job.parts.index <= 1;
    let scripts = dir.map(|_| writer.scripts(&data_file_names(&summary), &tables, first_part));
    writer.finish()?;
    if let Some(single) = single {
        summary
            .files
            .push(close_single_file(&single, database_rows)?);
        commit.add(single);
    }
    if let Some(dir) = dir {
        for script in scripts.unwrap_or_default() {
            let parts = if script.per_part {
                job.parts
            } else {
                Parts::WHOLE
            };
            let name = naming::file_name(script.stem, "sql", parts);
            commit.write(dir, &name, script.text.as_bytes())?;
        }
        let manifest = manifest(job, &summary);
        commit.write(dir, &naming::manifest_name(job.parts), &manifest.to_json())?;
    }
    commit.finish()?;
    Ok(summary)
}

fn stdout(bytes: &[u8]) -> Result<()> {
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(bytes)
        .and_then(|()| stdout.flush())
        .map_err(|e| Error::io("standard output", e))
}

/// Every entity of the plan, then every file closed and queued for the commit; the
/// rows written into a single file (the SQLite database) are counted apart.
fn write_entities(
    job: &Job,
    writer: &dyn Writer,
    dir: Option<&Path>,
    single: Option<&TempFile>,
    commit: &mut Commit,
) -> Result<(Summary, u64)> {
    let mut open = Vec::new();
    for &entity in &job.plan.entities {
        open.extend(write_entity(
            &job.plan.world,
            entity,
            writer,
            job,
            dir,
            single,
        )?);
    }
    let mut summary = Summary::default();
    let mut database_rows = 0;
    for file in open {
        if file.is_table_of_database() {
            database_rows += file.rows;
            continue;
        }
        let (written, temp) = file.close()?;
        summary.files.push(written);
        if let Some(temp) = temp {
            commit.add(temp);
        }
    }
    Ok((summary, database_rows))
}

fn data_file_names(summary: &Summary) -> Vec<String> {
    summary
        .files
        .iter()
        .filter_map(|f| f.path.file_name().map(|n| n.to_string_lossy().into_owned()))
        .collect()
}

/// The one file of a format that writes every table into one, once it is complete.
fn close_single_file(single: &TempFile, rows: u64) -> Result<WrittenFile> {
    single.sync()?;
    let (bytes, hash) = files::hash_file(&single.temp, &single.path)?;
    use sha2::Digest;
    Ok(WrittenFile {
        entity: None,
        path: single.path.clone(),
        rows,
        bytes,
        sha256: files::hex(&hash.finalize()),
    })
}

fn manifest(job: &Job, summary: &Summary) -> Manifest {
    Manifest {
        tool: "ecomgen".to_string(),
        version: env!("CARGO_PKG_VERSION").to_string(),
        seed: job.plan.world.seed,
        seed_text: job.plan.world.seed.to_string(),
        settings: job.settings.clone(),
        files: summary
            .files
            .iter()
            .map(|f| ManifestFile {
                file: f
                    .path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                entity: f.entity.map(|e| e.name().to_string()),
                rows: f.rows,
                bytes: f.bytes,
                sha256: f.sha256.clone(),
            })
            .collect(),
    }
}

/// Opens one file per table the format writes for `entity`.
fn open_files<'w>(
    entity: Entity,
    writer: &'w dyn Writer,
    job: &Job,
    dir: Option<&Path>,
    single: Option<&TempFile>,
) -> Result<Vec<FileOut<'w>>> {
    let spec = job.format.spec();
    let tables = job.format.files_of(entity.spec().tables);
    tables
        .iter()
        .enumerate()
        .map(|(i, &table)| match (dir, single) {
            (Some(_), Some(single)) => Ok(FileOut::binary(
                entity,
                table,
                writer.sink(table, None, &single.path)?,
                None,
                single.path.clone(),
            )),
            (Some(dir), None) => {
                let name = naming::file_name(table.name, spec.extension, job.parts);
                let temp = TempFile::create(dir, &name)?;
                if spec.binary {
                    let handle = temp
                        .file
                        .try_clone()
                        .map_err(|e| Error::io(&temp.path, e))?;
                    let path = temp.path.clone();
                    let sink = writer.sink(table, Some(handle), &path)?;
                    Ok(FileOut::binary(entity, table, sink, Some(temp), path))
                } else {
                    FileOut::text(entity, table, temp)
                }
            }
            (None, _) => FileOut::stdout(entity, table, i > 0),
        })
        .collect()
}

fn write_entity<'w>(
    world: &World,
    entity: Entity,
    writer: &'w dyn Writer,
    job: &Job,
    dir: Option<&Path>,
    single: Option<&TempFile>,
) -> Result<Vec<FileOut<'w>>> {
    let spec = job.format.spec();
    let mut files = open_files(entity, writer, job, dir, single)?;
    writer.begin_entity()?;
    let source = (entity.spec().source)(world);
    let units = job.parts.range(source.units());
    if spec.leading_separator > 0 && units.start > 0 {
        files[0].row_written = chunks::rows_before(source.as_ref(), units.start);
    }
    let framed = spec.frames_every_part;
    if job.parts.is_first() || framed {
        for file in &mut files {
            let mut bytes = Vec::new();
            writer.prologue(file.table, &mut bytes);
            file.write_bytes(&bytes)?;
        }
    }
    let progress = progress::bar(entity.name(), units.end - units.start, job.quiet);
    let chunks = (units.end - units.start).div_ceil(chunks::CHUNK_UNITS);
    let workers = job.threads.clamp(1, chunks.max(1) as usize);
    let tables = entity.spec().tables;
    let encoders = (0..workers).map(|_| writer.encoder(tables)).collect();
    let mut delivery = chunks::Delivery {
        files: &mut files,
        leading_separator: spec.leading_separator,
        progress: &progress,
    };
    chunks::run(source.as_ref(), units, encoders, &mut delivery)?;
    progress.finish_and_clear();
    if job.parts.is_last() || framed {
        for file in &mut files {
            let mut bytes = Vec::new();
            writer.epilogue(file.table, &mut bytes);
            file.write_bytes(&bytes)?;
        }
    }
    writer.end_entity()?;
    for file in &mut files {
        file.finish_entity()?;
    }
    Ok(files)
}
