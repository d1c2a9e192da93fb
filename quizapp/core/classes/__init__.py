"""Teaching a class: rosters read from CSV files, local dates in a class's time zone, and the
time left on a timed attempt.

May import: the standard library only (no other part of the core).
"""
