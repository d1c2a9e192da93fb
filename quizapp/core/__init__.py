"""The pure core of quizapp: articles in, questions out, typed answers marked.

Contract, in four lines:
- Imports only the standard library and small pure libraries (rapidfuzz, yaml, bs4,
  defusedxml, nh3).
- Never imports Flask or SQLAlchemy, opens no database, reads no config, no network I/O
  (its one file reader, `reading.sources.read_source_file`, is a convenience for the command line).
- Works on plain values and dataclasses (`banks.model.Source`, `Question`...), raises domain errors.

Its parts, each a package whose docstring says what it may import (tests/core/test_layers.py
holds the arrows):

    text/       language shared by the parts: normalising, numbers, dates in prose
    reading/    an article in -> clean text, metadata, sentences
    claims/     sentences -> attributions, speakers, figures, topics
    questions/  claims -> candidate questions, ranking, integrity checks, drawing an attempt
    scoring/    a typed answer + the key + the evidence -> a verdict (`check`, `score_answer`)
    banks/      the bank model and its formats: JSON/YAML, GIFT, Moodle XML, Aiken; QTI export
    statistics  item statistics of a quiz
    classes/    teaching a class: rosters from CSV, class time zones, time left on an attempt

Imports run one way: `text` <- `reading` <- `claims` <- `questions`, `text` <- `scoring`;
`banks` is the shared model (it uses only `text`), which `reading`, `questions` and `scoring` use;
`questions` may ask `scoring` whether a key is consistent.
"""
