"""Reading an article: plain text, Markdown or HTML in -> clean text, metadata and sentences.

May import: `text`, and `banks.model` for the `Source` it returns.
"""
