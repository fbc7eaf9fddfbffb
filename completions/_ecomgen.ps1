
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'ecomgen' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'ecomgen'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'ecomgen' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Generate a dataset: one file per entity in the output directory')
            [CompletionResult]::new('entities', 'entities', [CompletionResultType]::ParameterValue, 'List the entities with their parents and default row counts')
            [CompletionResult]::new('schema', 'schema', [CompletionResultType]::ParameterValue, 'Print the data model: fields, types and keys of every entity, from the code')
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Check a dataset (any format but SQL) against every invariant of the data model')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Serve the data over HTTP: any page of any entity, of any seed, as JSON, JSON Lines, CSV or XML')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script (bash, zsh, fish, powershell, elvish)')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print a man page (roff) on standard output: ecomgen(1), or a subcommand''s')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand')
            break
        }
        'ecomgen;generate' {
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Seed of the whole dataset; without it one is drawn and printed on stderr')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format [default: csv]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: csv]')
            [CompletionResult]::new('--dialect', '--dialect', [CompletionResultType]::ParameterName, 'Database the SQL format is for [default: postgres]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output directory, created if missing; `-` writes one entity to standard output [default: data]')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Output directory, created if missing; `-` writes one entity to standard output [default: data]')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Row count of one entity (repeatable), e.g. --count users=5000')
            [CompletionResult]::new('--scale', '--scale', [CompletionResultType]::ParameterName, 'Multiply every default row count by F (e.g. 0.1 or 100); --count wins over it')
            [CompletionResult]::new('--entities', '--entities', [CompletionResultType]::ParameterName, 'Write only these entities (comma-separated); rows and keys stay those of the full run')
            [CompletionResult]::new('--start-date', '--start-date', [CompletionResultType]::ParameterName, 'First day of the window every timestamp falls in, YYYY-MM-DD [default: 2023-01-01]')
            [CompletionResult]::new('--end-date', '--end-date', [CompletionResultType]::ParameterName, 'Last day of the window, included, YYYY-MM-DD [default: 2023-12-31]')
            [CompletionResult]::new('--opened', '--opened', [CompletionResultType]::ParameterName, 'When the shop opened, YYYY-MM-DD: accounts date from then on [default: four years before --start-date]')
            [CompletionResult]::new('--currency', '--currency', [CompletionResultType]::ParameterName, 'The shop''s currency, an ISO 4217 code; every amount is in it [default: USD]')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Worker threads [default: all cores]; 1 does everything on one thread (one core). Output is identical for every value')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Worker threads [default: all cores]; 1 does everything on one thread (one core). Output is identical for every value')
            [CompletionResult]::new('--parts', '--parts', [CompletionResultType]::ParameterName, 'Split every entity into P parts, for runs spread over processes or machines')
            [CompletionResult]::new('--part', '--part', [CompletionResultType]::ParameterName, 'Which part to write, 1..=P; files are named ENTITY.part-KKKK-of-PPPP.EXT')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Settings from a TOML file (same names as the flags); flags override it')
            [CompletionResult]::new('--stdout', '--stdout', [CompletionResultType]::ParameterName, 'Write to standard output instead of files (same as --out -): one entity chosen with --entities, or with --format sql every entity, schema first, for `| psql`')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors on stderr')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Start even if the files look too big for the free disk space')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ecomgen;entities' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ecomgen;schema' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'How to print it: a table, JSON, or SQL DDL')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print it: a table, JSON, or SQL DDL')
            [CompletionResult]::new('--dialect', '--dialect', [CompletionResultType]::ParameterName, 'Database the DDL of --format sql is for [default: postgres]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ecomgen;validate' {
            [CompletionResult]::new('--start-date', '--start-date', [CompletionResultType]::ParameterName, 'First day of the window the data must fall in [default: from manifest.json, else 2023-01-01]')
            [CompletionResult]::new('--end-date', '--end-date', [CompletionResultType]::ParameterName, 'Last day of the window [default: from manifest.json, else 2023-12-31]')
            [CompletionResult]::new('--opened', '--opened', [CompletionResultType]::ParameterName, 'Day the shop opened, before which no account dates [default: from manifest.json, else four years before --start-date]')
            [CompletionResult]::new('--max-shown', '--max-shown', [CompletionResultType]::ParameterName, 'Show at most this many violations (all are counted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ecomgen;serve' {
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'Address to listen on; 0.0.0.0 (or ::) opens the server to other machines')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Port to listen on; 0 takes a free one (the address is printed at start)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Port to listen on; 0 takes a free one (the address is printed at start)')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Seed of the pages that name none; without it one is drawn. Printed at start')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Row count of one entity (repeatable), as for generate')
            [CompletionResult]::new('--scale', '--scale', [CompletionResultType]::ParameterName, 'Multiply every default row count by F, as for generate')
            [CompletionResult]::new('--start-date', '--start-date', [CompletionResultType]::ParameterName, 'First day of the window, YYYY-MM-DD [default: 2023-01-01]')
            [CompletionResult]::new('--end-date', '--end-date', [CompletionResultType]::ParameterName, 'Last day of the window, included, YYYY-MM-DD [default: 2023-12-31]')
            [CompletionResult]::new('--opened', '--opened', [CompletionResultType]::ParameterName, 'When the shop opened, YYYY-MM-DD [default: four years before --start-date]')
            [CompletionResult]::new('--currency', '--currency', [CompletionResultType]::ParameterName, 'The shop''s currency, an ISO 4217 code [default: USD]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Seed, counts, window and currency from a TOML file, as for generate; flags override it')
            [CompletionResult]::new('--max-requests', '--max-requests', [CompletionResultType]::ParameterName, 'Pages generated at once; a request beyond them gets 503 with Retry-After')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Longest a page may take, in seconds; one still streaming then is cut off')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ecomgen;completions' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ecomgen;man' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ecomgen;help' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
