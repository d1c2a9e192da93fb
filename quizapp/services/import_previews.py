"""Import previews: read a file, say what importing it would do, and import only on confirmation.

The uploaded bytes wait server-side, in the instance folder under a random token, so the
confirming POST carries only the token; a preview expires after an hour and only its owner can
confirm it. Nothing reaches the database until `confirm_import`.
"""

from __future__ import annotations

import json
import re
import secrets
import time
from dataclasses import dataclass
from pathlib import Path

from ..core.banks.summary import ImportSummary, summarise
from . import NotFound
from .bank_files import ImportRejected, ImportResult, import_bank_file, parse_bank_file

MAX_AGE = 3600  # seconds a preview can wait for its confirmation
MAX_BYTES = 5_000_000
_TOKEN = re.compile(r"[A-Za-z0-9_-]{20,64}")


@dataclass
class Preview:
    """A previewed upload: its token and what importing it would do."""

    token: str
    summary: ImportSummary
    bank_id: int | None
    title: str | None


def preview_file(data: bytes, filename: str, fmt: str | None = None) -> ImportSummary:
    """Return what importing a file would do, writing nothing (ImportRejected if it cannot)."""
    return summarise(parse_bank_file(data, filename, fmt, skip_unsupported=True), filename)


def _paths(folder: str, token: str) -> tuple[Path, Path]:
    """Return the data and metadata files of a token, refusing a malformed token."""
    if not _TOKEN.fullmatch(token or ""):
        raise NotFound("There is no such import preview.")
    base = Path(folder) / "imports"
    return base / f"{token}.bin", base / f"{token}.json"


def _sweep(folder: str) -> None:
    """Delete previews older than MAX_AGE."""
    base = Path(folder) / "imports"
    cutoff = time.time() - MAX_AGE
    for path in base.glob("*.*") if base.is_dir() else []:
        try:
            if path.stat().st_mtime < cutoff:
                path.unlink()
        except OSError:
            pass


def stash_preview(
    folder: str, owner_id: int | None, data: bytes, filename: str, fmt: str | None = None,
    title: str | None = None, bank_id: int | None = None,
) -> Preview:  # fmt: skip
    """Preview a file and keep its bytes under a new token until it is confirmed."""
    if len(data) > MAX_BYTES:
        raise ImportRejected(f"file is {len(data)} bytes; the limit is {MAX_BYTES}")
    summary = preview_file(data, filename, fmt)
    _sweep(folder)
    token = secrets.token_urlsafe(24)
    data_path, meta_path = _paths(folder, token)
    data_path.parent.mkdir(parents=True, exist_ok=True)
    data_path.write_bytes(data)
    meta = {"owner_id": owner_id, "filename": filename, "format": fmt, "title": title,
            "bank_id": bank_id, "created": time.time()}
    meta_path.write_text(json.dumps(meta), encoding="utf-8")
    return Preview(token, summary, bank_id, title)


def _load(folder: str, owner_id: int | None, token: str) -> tuple[bytes, dict]:
    """Return a stashed upload and its metadata, for its owner only, while it is fresh."""
    data_path, meta_path = _paths(folder, token)
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        data = data_path.read_bytes()
    except (OSError, ValueError):
        raise NotFound("This import preview has expired or was already imported.") from None
    if meta.get("owner_id") != owner_id or time.time() - meta.get("created", 0) > MAX_AGE:
        raise NotFound("This import preview has expired or was already imported.")
    return data, meta


def stashed_preview(folder: str, owner_id: int | None, token: str) -> Preview:
    """Show a stashed preview again (the page after the upload)."""
    data, meta = _load(folder, owner_id, token)
    summary = preview_file(data, meta["filename"], meta["format"])
    return Preview(token, summary, meta["bank_id"], meta["title"])


def confirm_import(folder: str, owner_id: int | None, token: str) -> ImportResult:
    """Import a previewed file, all or nothing, and forget the preview."""
    data, meta = _load(folder, owner_id, token)
    result = import_bank_file(
        owner_id, data, meta["filename"], meta["format"], title=meta["title"],
        bank_id=meta["bank_id"], skip_unsupported=True,
    )  # fmt: skip
    for path in _paths(folder, token):
        path.unlink(missing_ok=True)
    return result
