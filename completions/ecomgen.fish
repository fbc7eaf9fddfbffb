# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_ecomgen_global_optspecs
    string join \n h/help V/version
end

function __fish_ecomgen_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_ecomgen_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_ecomgen_using_subcommand
    set -l cmd (__fish_ecomgen_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c ecomgen -n "__fish_ecomgen_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ecomgen -n "__fish_ecomgen_needs_command" -s V -l version -d 'Print version'
complete -c ecomgen -n "__fish_ecomgen_needs_command" -f -a "generate" -d 'Generate a dataset: one file per entity in the output directory'
complete -c ecomgen -n "__fish_ecomgen_needs_command" -f -a "entities" -d 'List the entities with their parents and default row counts'
complete -c ecomgen -n "__fish_ecomgen_needs_command" -f -a "schema" -d 'Print the data model: fields, types and keys of every entity, from the code'
complete -c ecomgen -n "__fish_ecomgen_needs_command" -f -a "validate" -d 'Check a dataset (any format but SQL) against every invariant of the data model'
complete -c ecomgen -n "__fish_ecomgen_needs_command" -f -a "serve" -d 'Serve the data over HTTP: any page of any entity, of any seed, as JSON, JSON Lines, CSV or XML'
complete -c ecomgen -n "__fish_ecomgen_needs_command" -f -a "completions" -d 'Print a shell completion script (bash, zsh, fish, powershell, elvish)'
complete -c ecomgen -n "__fish_ecomgen_needs_command" -f -a "man" -d 'Print a man page (roff) on standard output: ecomgen(1), or a subcommand\'s'
complete -c ecomgen -n "__fish_ecomgen_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand'
complete -c ecomgen -n "__fish_ecomgen_using_subcommand generate" -l seed -d 'Seed of the whole dataset; without it one is drawn and printed on stderr' -r
complete -c ecomgen -n "__fish_ecomgen_using_subcommand generate" -s f -l format -d 'Output format [default: csv]' -r -f -a "csv\t'Comma-separated values with a header row; order items in order_items.csv'
json\t'One JSON array per file, order items nested in each order'
jsonl\t'JSON Lines: one object per line, order items nested'
xml\t'One XML document per file: <users><user>...</user></users>'
sql\t'SQL for --dialect\'s database: COPY blocks (PostgreSQL) or INSERTs, plus schema.sql and load.sql; order items in order_items.sql'
parquet\t'Parquet, one typed file per entity (DuckDB, pandas, Spark); order items in order_items.parquet'
sqlite\t'One SQLite database, ecomgen.db, with every table and constraint of --format sql'"
complete -c ecomgen -n "__fish_ecomgen_using_subcommand generate" -l dialect -d 'Database the SQL format is for [default: postgres]' -r -f -a "postgres\t'PostgreSQL (data as COPY blocks that `psql -f` runs)'
sqlite\t'SQLite (data as INSERTs, one transaction per table, for the sqlite3 shell)'
duckdb\t'DuckDB (data as INSERTs, one transaction per table, for the duckdb shell)'"
complete -c ecomgen -n "__fish_ecomgen_using_subcommand generate" -s o -l out -d 'Output directory, created if missing; `-` writes one entity to standard output [default: data]' -r -F
complete -c ecomgen -n "__fish_ecomgen_using_subcommand generate" -l count -d 'Row count of one entity (repeatable), e.g. --count users=5000' -r -f -a "users=\t''
categories=\t''
vendors=\t''
warehouses=\t''
products=\t''
inventory=\t''
promotions=\t''
orders=\t''
reviews=\t''
support_tickets=\t''
wishlists=\t''"
complete -c ecomgen -n "__fish_ecomgen_using_subcommand generate" -l scale -d 'Multiply every default row count by F (e.g. 0.1 or 100); --count wins over it' -r
complete -c ecomgen -n "__fish_ecomgen_using_subcommand generate" -l entities -d 'Write only these entities (comma-separated); rows and keys stay those of the full run' -r -f -a "users\t''
categories\t''
vendors\t''
warehouses\t''
products\t''
inventory\t''
promotions\t''
orders\t''
payments\t''
shipping\t''
returns\t''
reviews\t''
support_tickets\t''
wishlists\t''
notifications\t''
user_analytics\t''
product_analytics\t''"
complete -c ecomgen -n "__fish_ecomgen_using_subcommand generate" -l start-date -d 'First day of the window every timestamp falls in, YYYY-MM-DD [default: 2023-01-01]' -r
complete -c ecomgen -n "__fish_ecomgen_using_subcommand generate" -l end-date -d 'Last day of the window, included, YYYY-MM-DD [default: 2023-12-31]' -r
complete -c ecomgen -n "__fish_ecomgen_using_subcommand generate" -l opened -d 'When the shop opened, YYYY-MM-DD: accounts date from then on [default: four years before --start-date]' -r
complete -c ecomgen -n "__fish_ecomgen_using_subcommand generate" -l currency -d 'The shop\'s currency, an ISO 4217 code; every amount is in it [default: USD]' -r
complete -c ecomgen -n "__fish_ecomgen_using_subcommand generate" -s j -l threads -d 'Worker threads [default: all cores]; 1 does everything on one thread (one core). Output is identical for every value' -r
complete -c ecomgen -n "__fish_ecomgen_using_subcommand generate" -l parts -d 'Split every entity into P parts, for runs spread over processes or machines' -r
complete -c ecomgen -n "__fish_ecomgen_using_subcommand generate" -l part -d 'Which part to write, 1..=P; files are named ENTITY.part-KKKK-of-PPPP.EXT' -r
complete -c ecomgen -n "__fish_ecomgen_using_subcommand generate" -l config -d 'Settings from a TOML file (same names as the flags); flags override it' -r -F
complete -c ecomgen -n "__fish_ecomgen_using_subcommand generate" -l stdout -d 'Write to standard output instead of files (same as --out -): one entity chosen with --entities, or with --format sql every entity, schema first, for `| psql`'
complete -c ecomgen -n "__fish_ecomgen_using_subcommand generate" -s q -l quiet -d 'Print nothing but errors on stderr'
complete -c ecomgen -n "__fish_ecomgen_using_subcommand generate" -l force -d 'Start even if the files look too big for the free disk space'
complete -c ecomgen -n "__fish_ecomgen_using_subcommand generate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ecomgen -n "__fish_ecomgen_using_subcommand generate" -s V -l version -d 'Print version'
complete -c ecomgen -n "__fish_ecomgen_using_subcommand entities" -s h -l help -d 'Print help'
complete -c ecomgen -n "__fish_ecomgen_using_subcommand entities" -s V -l version -d 'Print version'
complete -c ecomgen -n "__fish_ecomgen_using_subcommand schema" -s f -l format -d 'How to print it: a table, JSON, or SQL DDL' -r -f -a "text\t''
json\t''
sql\t''"
complete -c ecomgen -n "__fish_ecomgen_using_subcommand schema" -l dialect -d 'Database the DDL of --format sql is for [default: postgres]' -r -f -a "postgres\t'PostgreSQL (data as COPY blocks that `psql -f` runs)'
sqlite\t'SQLite (data as INSERTs, one transaction per table, for the sqlite3 shell)'
duckdb\t'DuckDB (data as INSERTs, one transaction per table, for the duckdb shell)'"
complete -c ecomgen -n "__fish_ecomgen_using_subcommand schema" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ecomgen -n "__fish_ecomgen_using_subcommand schema" -s V -l version -d 'Print version'
complete -c ecomgen -n "__fish_ecomgen_using_subcommand validate" -l start-date -d 'First day of the window the data must fall in [default: from manifest.json, else 2023-01-01]' -r
complete -c ecomgen -n "__fish_ecomgen_using_subcommand validate" -l end-date -d 'Last day of the window [default: from manifest.json, else 2023-12-31]' -r
complete -c ecomgen -n "__fish_ecomgen_using_subcommand validate" -l opened -d 'Day the shop opened, before which no account dates [default: from manifest.json, else four years before --start-date]' -r
complete -c ecomgen -n "__fish_ecomgen_using_subcommand validate" -l max-shown -d 'Show at most this many violations (all are counted)' -r
complete -c ecomgen -n "__fish_ecomgen_using_subcommand validate" -s h -l help -d 'Print help'
complete -c ecomgen -n "__fish_ecomgen_using_subcommand validate" -s V -l version -d 'Print version'
complete -c ecomgen -n "__fish_ecomgen_using_subcommand serve" -l host -d 'Address to listen on; 0.0.0.0 (or ::) opens the server to other machines' -r
complete -c ecomgen -n "__fish_ecomgen_using_subcommand serve" -s p -l port -d 'Port to listen on; 0 takes a free one (the address is printed at start)' -r
complete -c ecomgen -n "__fish_ecomgen_using_subcommand serve" -l seed -d 'Seed of the pages that name none; without it one is drawn. Printed at start' -r
complete -c ecomgen -n "__fish_ecomgen_using_subcommand serve" -l count -d 'Row count of one entity (repeatable), as for generate' -r
complete -c ecomgen -n "__fish_ecomgen_using_subcommand serve" -l scale -d 'Multiply every default row count by F, as for generate' -r
complete -c ecomgen -n "__fish_ecomgen_using_subcommand serve" -l start-date -d 'First day of the window, YYYY-MM-DD [default: 2023-01-01]' -r
complete -c ecomgen -n "__fish_ecomgen_using_subcommand serve" -l end-date -d 'Last day of the window, included, YYYY-MM-DD [default: 2023-12-31]' -r
complete -c ecomgen -n "__fish_ecomgen_using_subcommand serve" -l opened -d 'When the shop opened, YYYY-MM-DD [default: four years before --start-date]' -r
complete -c ecomgen -n "__fish_ecomgen_using_subcommand serve" -l currency -d 'The shop\'s currency, an ISO 4217 code [default: USD]' -r
complete -c ecomgen -n "__fish_ecomgen_using_subcommand serve" -l config -d 'Seed, counts, window and currency from a TOML file, as for generate; flags override it' -r -F
complete -c ecomgen -n "__fish_ecomgen_using_subcommand serve" -l max-requests -d 'Pages generated at once; a request beyond them gets 503 with Retry-After' -r
complete -c ecomgen -n "__fish_ecomgen_using_subcommand serve" -l timeout -d 'Longest a page may take, in seconds; one still streaming then is cut off' -r
complete -c ecomgen -n "__fish_ecomgen_using_subcommand serve" -s h -l help -d 'Print help'
complete -c ecomgen -n "__fish_ecomgen_using_subcommand serve" -s V -l version -d 'Print version'
complete -c ecomgen -n "__fish_ecomgen_using_subcommand completions" -s h -l help -d 'Print help'
complete -c ecomgen -n "__fish_ecomgen_using_subcommand completions" -s V -l version -d 'Print version'
complete -c ecomgen -n "__fish_ecomgen_using_subcommand man" -s h -l help -d 'Print help'
complete -c ecomgen -n "__fish_ecomgen_using_subcommand man" -s V -l version -d 'Print version'
complete -c ecomgen -n "__fish_ecomgen_using_subcommand help" -s h -l help -d 'Print help'
complete -c ecomgen -n "__fish_ecomgen_using_subcommand help" -s V -l version -d 'Print version'
