
use builtin;
use str;

set edit:completion:arg-completer[ecomgen] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'ecomgen'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'ecomgen'= {
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand generate 'Generate a dataset: one file per entity in the output directory'
            cand entities 'List the entities with their parents and default row counts'
            cand schema 'Print the data model: fields, types and keys of every entity, from the code'
            cand validate 'Check a dataset (any format but SQL) against every invariant of the data model'
            cand serve 'Serve the data over HTTP: any page of any entity, of any seed, as JSON, JSON Lines, CSV or XML'
            cand completions 'Print a shell completion script (bash, zsh, fish, powershell, elvish)'
            cand man 'Print a man page (roff) on standard output: ecomgen(1), or a subcommand''s'
            cand help 'Print this message or the help of the given subcommand'
        }
        &'ecomgen;generate'= {
            cand --seed 'Seed of the whole dataset; without it one is drawn and printed on stderr'
            cand -f 'Output format [default: csv]'
            cand --format 'Output format [default: csv]'
            cand --dialect 'Database the SQL format is for [default: postgres]'
            cand -o 'Output directory, created if missing; `-` writes one entity to standard output [default: data]'
            cand --out 'Output directory, created if missing; `-` writes one entity to standard output [default: data]'
            cand --count 'Row count of one entity (repeatable), e.g. --count users=5000'
            cand --scale 'Multiply every default row count by F (e.g. 0.1 or 100); --count wins over it'
            cand --entities 'Write only these entities (comma-separated); rows and keys stay those of the full run'
            cand --start-date 'First day of the window every timestamp falls in, YYYY-MM-DD [default: 2023-01-01]'
            cand --end-date 'Last day of the window, included, YYYY-MM-DD [default: 2023-12-31]'
            cand --opened 'When the shop opened, YYYY-MM-DD: accounts date from then on [default: four years before --start-date]'
            cand --currency 'The shop''s currency, an ISO 4217 code; every amount is in it [default: USD]'
            cand -j 'Worker threads [default: all cores]; 1 does everything on one thread (one core). Output is identical for every value'
            cand --threads 'Worker threads [default: all cores]; 1 does everything on one thread (one core). Output is identical for every value'
            cand --parts 'Split every entity into P parts, for runs spread over processes or machines'
            cand --part 'Which part to write, 1..=P; files are named ENTITY.part-KKKK-of-PPPP.EXT'
            cand --config 'Settings from a TOML file (same names as the flags); flags override it'
            cand --stdout 'Write to standard output instead of files (same as --out -): one entity chosen with --entities, or with --format sql every entity, schema first, for `| psql`'
            cand -q 'Print nothing but errors on stderr'
            cand --quiet 'Print nothing but errors on stderr'
            cand --force 'Start even if the files look too big for the free disk space'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ecomgen;entities'= {
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ecomgen;schema'= {
            cand -f 'How to print it: a table, JSON, or SQL DDL'
            cand --format 'How to print it: a table, JSON, or SQL DDL'
            cand --dialect 'Database the DDL of --format sql is for [default: postgres]'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ecomgen;validate'= {
            cand --start-date 'First day of the window the data must fall in [default: from manifest.json, else 2023-01-01]'
            cand --end-date 'Last day of the window [default: from manifest.json, else 2023-12-31]'
            cand --opened 'Day the shop opened, before which no account dates [default: from manifest.json, else four years before --start-date]'
            cand --max-shown 'Show at most this many violations (all are counted)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ecomgen;serve'= {
            cand --host 'Address to listen on; 0.0.0.0 (or ::) opens the server to other machines'
            cand -p 'Port to listen on; 0 takes a free one (the address is printed at start)'
            cand --port 'Port to listen on; 0 takes a free one (the address is printed at start)'
            cand --seed 'Seed of the pages that name none; without it one is drawn. Printed at start'
            cand --count 'Row count of one entity (repeatable), as for generate'
            cand --scale 'Multiply every default row count by F, as for generate'
            cand --start-date 'First day of the window, YYYY-MM-DD [default: 2023-01-01]'
            cand --end-date 'Last day of the window, included, YYYY-MM-DD [default: 2023-12-31]'
            cand --opened 'When the shop opened, YYYY-MM-DD [default: four years before --start-date]'
            cand --currency 'The shop''s currency, an ISO 4217 code [default: USD]'
            cand --config 'Seed, counts, window and currency from a TOML file, as for generate; flags override it'
            cand --max-requests 'Pages generated at once; a request beyond them gets 503 with Retry-After'
            cand --timeout 'Longest a page may take, in seconds; one still streaming then is cut off'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ecomgen;completions'= {
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ecomgen;man'= {
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ecomgen;help'= {
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
    ]
    $completions[$command]
}
