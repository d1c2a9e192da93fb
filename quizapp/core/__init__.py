"""The pure core of quizapp.

Contract, in four lines:
- Imports only the standard library and small pure libraries (rapidfuzz, yaml, bs4, defusedxml).
- Never imports Flask or SQLAlchemy, opens no database, reads no config, does no network I/O.
- Works on plain values and dataclasses (`bank.Source`, `bank.Question`, ...), raises domain errors.
- Sources -> claims -> questions -> bank formats -> scoring: usable and testable without the app.
"""
