"""Language shared by every part of the core: normalising, numbers and dates as news writes them.

May import: the standard library only (no other part of the core).
"""
