"""Claims in an article's sentences: who says it (attribution, speakers, cast), figures, topics.

May import: `text`, `reading`.
"""
