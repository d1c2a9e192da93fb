"""The pure core of quizapp.

Contract, in four lines:
- Imports only the standard library and small pure libraries (rapidfuzz, yaml, bs4, defusedxml).
- Never imports Flask or SQLAlchemy, opens no database, reads no config, no network I/O
  (its one file reader, `sources.read_source_file`, is a convenience for the command line).
- Works on plain values and dataclasses (`bank.Source`, `bank.Question`, ...), raises domain errors.
- Sources -> claims -> questions -> bank formats -> scoring: usable and testable without the app.
"""
