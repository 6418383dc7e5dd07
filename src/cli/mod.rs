//! The command line: one file per subcommand. The only code that prints or exits.
