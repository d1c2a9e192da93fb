"""GIFT, Moodle's plain-text question format: parse it strictly (`gift_export` writes it).

How GIFT kinds map to quizapp questions (type comes from the quizapp comment when there is one):
- multiple choice {=right ~wrong ~%50%partial}: choices + answer (type "text", or "verdict" when
  the choices are the verdict choices). Partial-credit choices stay as choices but are not the
  answer. Exactly one right (=) answer; none at all is an error.
- true/false {T} {TRUE} {F} {FALSE}: choices ["True", "False"].
- short answer {=a =b}: answer a, accept [b]. Partial-credit (=%50%x) and 0% answers are dropped.
- numerical {#6000} {#6000:500} {#5..10} {#=6000:0 =%50%6100:100}: type "figure", answer the plain
  number, `tolerance` the margin (a range is its midpoint +/- half its width), other full-credit
  values in accept. A value that is not a plain number ("6,000", which Moodle reads as "any
  answer") is an error.
- general feedback (####) is the explanation; without it, the right answer's feedback is.
- essay {}, matching {=a -> b}, description (no braces) and multiple response (no single right
  answer, only partial credits) are not quizapp questions: the file is rejected naming the line,
  unless skip_unsupported=True, which leaves them out and lists them in Bank.skipped.
- $CATEGORY: names the bank when it has no quizapp comment; otherwise categories are ignored.
- [html] text is turned into plain text; [plain], [moodle] and [markdown] text is kept as written.

quizapp fields GIFT cannot carry ride in comment lines, which Moodle ignores:
  // quizapp-bank: {"format": "quizapp-bank", "version": 1, "title": ..., "description": ...}
  // quizapp-source: {"id": "s1", "title": ..., "text": ...}
  // quizapp: {"id": "q1", "type": "source", "tags": [...], "evidence": [...], ...}
The last one sits just above its question; the ::title:: is the question id.
"""

from __future__ import annotations

import re

from quizapp.core.banks import exchange
from quizapp.core.banks.exchange import Unsupported
from quizapp.core.banks.gift_answers import parse_answers
from quizapp.core.banks.model import MAX_QUESTIONS, Bank, BankError, Change, Question, Skip

_ESCAPABLE = "\\:#={}~n"
FORMAT_MARKER = re.compile(r"\[(html|markdown|plain|moodle)\]")
_COMMENTS = ("quizapp-bank", "quizapp-source", "quizapp")
#: An embedded answer of a cloze (Moodle "multianswer") question: {1:SA:=few}, {:MC:~a~=b}.
_CLOZE = re.compile(r"\{\s*\d*\s*:\s*(?:SA|SHORTANSWER|MC|MULTICHOICE|MCV|MCH|MCS|NM|NUMERICAL|"
                    r"SAC|MR|MRS|MULTIRESPONSE)[A-Z_]*\s*:", re.IGNORECASE)


class _Escapes:
    """Stand-ins for escaped characters (\\{ ...), chosen from characters the text lacks."""

    def __init__(self, text: str):
        present, chars, code = set(text), [], 0xE000
        while len(chars) < len(_ESCAPABLE):
            if chr(code) not in present:
                chars.append(chr(code))
            code += 1 if code != 0xF8FF else 0xF0000 - 0xF8FF
        self.hide_pairs = [("\\" + c, p) for c, p in zip(_ESCAPABLE, chars, strict=True)]
        literal = {c: c for c in _ESCAPABLE} | {"n": "\n"}
        self.table = {ord(p): literal[c] for c, p in zip(_ESCAPABLE, chars, strict=True)}

    def hide(self, line: str) -> str:
        """Replace escape sequences by stand-ins (backslash pairs first, as Moodle does)."""
        if "\\" in line:
            for pair, stand_in in self.hide_pairs:
                line = line.replace(pair, stand_in)
        return line

    def reveal(self, text: str) -> str:
        """Turn stand-ins back into the characters they stand for."""
        return text.translate(self.table)


class Text:
    """Helpers a parsed question needs: reveal escapes, strip format markers, find lines."""

    def __init__(self, escapes: _Escapes, body: str, first_line: int):
        self.escapes, self.body, self.first_line = escapes, body, first_line
        #: The question text's format marker; answers without their own inherit it (Moodle).
        self.format: str | None = None
        #: What reading this question changes ("HTML cleaned", "choice 'x' appears twice").
        self.notes: list[str] = []

    def line(self, offset: int) -> int:
        """Return the file line of an offset into the question's text."""
        return self.first_line + self.body.count("\n", 0, max(offset, 0))

    def plain(self, raw: str) -> str:
        """Return the plain text of a GIFT text: format marker handled, escapes revealed."""
        raw = raw.strip()
        marker = FORMAT_MARKER.match(raw)
        fmt = marker[1] if marker else self.format
        if marker:
            raw = raw[marker.end():]
        text = self.escapes.reveal(raw).strip()
        if fmt != "html":
            return text
        for note in exchange.html_changes(text):
            if note not in self.notes:
                self.notes.append(note)
        return exchange.html_to_text(text).strip()


def _blocks(lines: list[str]) -> list[tuple[int, list[str]]]:
    """Split lines into blank-line separated blocks: (first line number, lines)."""
    blocks, current, start = [], [], 0
    for number, line in enumerate(lines, 1):
        if line.strip():
            if not current:
                start = number
            current.append(line.strip())
        elif current:
            blocks.append((start, current))
            current = []
    if current:
        blocks.append((start, current))
    return blocks


def _comment(line: str) -> tuple[str, str] | None:
    """Return (kind, json) for a quizapp comment line, else None."""
    head, _, rest = line[2:].partition(":")
    head = head.strip()
    return (head, rest) if head in _COMMENTS and rest.strip() else None


def parse_gift(text: str, skip_unsupported: bool = False) -> Bank:
    """Read GIFT text into a Bank; any malformed question rejects the file (BankError)."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    escapes = _Escapes(text)
    bank, sources, category, current = Bank(title=""), {}, None, None
    parsed: list[tuple[int, dict, dict | None]] = []
    for start, block in _blocks(text.split("\n")):
        body_lines, meta = [], None
        for offset, line in enumerate(block):
            if not line.startswith("//"):
                body_lines.append(escapes.hide(line))
                continue
            body_lines.append("")
            found = _comment(line)
            if found is None:
                continue
            kind, payload = found
            try:
                data = exchange.read_json_comment(payload, kind)
                if kind == "quizapp-bank":
                    bank.title, bank.description = exchange.read_bank_header(data)
                elif kind == "quizapp-source":
                    source = exchange.read_source(data)
                    if source.id in sources:
                        raise BankError(f"duplicate source id {source.id}")
                    sources[source.id] = source
                elif meta is not None:
                    raise BankError("two quizapp comments for one question")
                else:
                    meta = data
            except BankError as exc:
                raise BankError(exc.reason, line=start + offset) from None
        joined = "\n".join(body_lines)
        body = joined.lstrip()
        if not body:
            continue
        first_line = start + joined.count("\n", 0, len(joined) - len(body))
        if body.startswith("$CATEGORY:"):
            current = escapes.reveal(body[10:]).strip()
            category = category or current
            continue
        try:
            fields = _question(Text(escapes, body.rstrip(), first_line))
        except Unsupported as exc:
            if not skip_unsupported:
                raise BankError(exc.reason, line=exc.line) from None
            bank.skipped.append(f"line {exc.line}: {exc.reason}")
            bank.skips.append(Skip(exc.line, exc.kind, exc.reason))
            continue
        tag = None if bank.title or current == category else exchange.category_tag(current)
        if tag:  # a foreign file: its categories become tags (a quizapp export has none)
            fields["tags"] = [tag]
        parsed.append((first_line, fields, meta))
        if len(parsed) > MAX_QUESTIONS:
            raise BankError(f"more than {MAX_QUESTIONS} questions", line=first_line)
    if not bank.title and category:
        bank.title = category.rstrip("/").rsplit("/", 1)[-1]
    bank.sources = list(sources.values())
    bank.questions = _build(parsed, sources, bank.changes)
    bank.question_lines = [entry[-3] for entry in parsed]
    return bank


def _question(t: Text) -> dict:
    """Parse one question's text into bank-format fields (no id or type yet for plain GIFT)."""
    body, title, start = t.body, None, 0
    if body.startswith("::"):
        end = body.find("::", 2)
        if end < 0:
            raise BankError("question title has no closing '::'", line=t.line(0))
        title, start = t.escapes.reveal(body[2:end]).strip(), end + 2
    opening, closing = body.find("{", start), body.find("}", start)
    if opening < 0 and closing < 0:
        raise Unsupported("description (text without an answer section) is not a question",
                          t.line(start), "description")
    cloze = _CLOZE.search(body, start)
    if cloze:
        raise Unsupported("cloze question (answers embedded in the text) is not supported",
                          t.line(start), "cloze")
    if closing >= 0 and (opening < 0 or closing < opening):
        raise BankError("'}' without an opening '{' (write a literal brace as \\})",
                        line=t.line(closing))
    if closing < 0:
        raise BankError("'{' is never closed by '}'", line=t.line(opening))
    for stray in (body.find("{", opening + 1), body.find("}", closing + 1)):
        if stray >= 0:
            raise BankError("unbalanced braces: a question has one {...} answer section "
                            "(escape literal braces as \\{ \\}, separate questions by a blank "
                            "line)", line=t.line(stray))
    after = body[closing + 1:]
    marker = FORMAT_MARKER.match(body[start:opening].strip())
    t.format = marker[1] if marker else None
    prompt = t.plain(body[start:opening] + ("_____" + after if after.strip() else ""))
    if not prompt:
        raise BankError("question text is empty", line=t.line(start))
    fields = parse_answers(t, opening + 1, body[opening + 1:closing])
    fields.update(prompt=prompt, title=title, notes=t.notes)
    return fields


def _build(parsed: list[tuple[int, dict, dict | None]], sources: dict,
           changes: list[Change]) -> list[Question]:
    """Give every question an id (quizapp comment, else title, else qN) and check it."""
    used: set[str] = set()
    numbers: dict[str, int] = {}  # per name, the last number unique_id gave
    for line, _, meta in parsed:
        qid = meta.get("id") if meta else None
        if isinstance(qid, str):
            if qid in used:
                raise BankError(f"duplicate question id {qid}", line=line)
            used.add(qid)
    questions = []
    for n, (line, fields, meta) in enumerate(parsed, 1):
        title, notes = fields.pop("title"), fields.pop("notes")
        if not (meta and isinstance(meta.get("id"), str)):
            fields["id"] = exchange.unique_id(title or f"q{n}", used, numbers)
        try:
            questions.append(exchange.build_question(fields, meta, sources))
        except BankError as exc:
            name = (meta or {}).get("id") or fields.get("id")
            raise BankError(f"question {name}: {exc.reason}", line=line) from None
        changes.extend(Change(line, questions[-1].id, note) for note in notes)
    return questions
