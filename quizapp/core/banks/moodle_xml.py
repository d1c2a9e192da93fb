"""Moodle XML: parse with defusedxml (entities and external references refused), write for Moodle.

Question types, and what they become (same mapping as GIFT, see quizapp.core.banks.gift):
- multichoice with one right answer (fraction 100): choices + answer; truefalse: choices
  ["True", "False"]; shortanswer: answer + accept (partial-credit answers dropped); numerical:
  type "figure", answer the plain number, `tolerance` from <tolerance>.
- category: the first one names the bank when it has no quizapp comment; otherwise ignored.
- description, essay, matching, cloze and every other type are rejected naming the element
  ("question #4 'Kappa Essay Question' (essay): type not supported"), unless
  skip_unsupported=True, which leaves them out and lists them in Bank.skipped.
Text in format="html" is turned into plain text; other formats are kept as written.

quizapp-only fields ride where Moodle ignores or keeps them: <idnumber> holds the question id,
<tags> the tags, and comments carry the rest: <!-- quizapp: {...} --> inside each <question>,
<!-- quizapp-bank: {...} --> and <!-- quizapp-source: {...} --> at the top of <quiz>.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

import defusedxml
import defusedxml.ElementTree as DefusedET

from quizapp.core.banks import exchange
from quizapp.core.banks.exchange import Unsupported
from quizapp.core.banks.model import (
    MAX_QUESTIONS,
    Bank,
    BankError,
    Change,
    Question,
    Skip,
    Source,
)
from quizapp.core.banks.moodle_answers import read_answers
from quizapp.core.banks.schema import source_to_data

SUPPORTED = ("multichoice", "truefalse", "shortanswer", "numerical")
#: What the skipped Moodle types are called in an import summary.
KINDS = {"match": "matching", "matching": "matching", "essay": "essay", "cloze": "cloze",
         "multianswer": "cloze", "description": "description", "calculated": "calculated",
         "calculatedsimple": "calculated", "calculatedmulti": "calculated",
         "multichoiceset": "all-or-nothing multiple choice", "ddwtos": "drag and drop",
         "ddimageortext": "drag and drop", "ddmarker": "drag and drop", "gapselect": "gap select",
         "randomsamatch": "matching", "ddmatch": "matching", "random": "random",
         "coderunner": "program code", "order": "ordering", "ordering": "ordering",
         "regexp": "regular expression", "": "no type"}


class _LineBuilder(ET.TreeBuilder):
    """A tree builder that keeps comments and remembers each element's line."""

    def __init__(self) -> None:
        super().__init__(insert_comments=True)
        self.lines: dict[ET.Element, int] = {}
        self.parser: DefusedET.DefusedXMLParser | None = None

    def start(self, tag: str, attrs: dict[str, str]) -> ET.Element:
        """Open an element and note its line."""
        element = super().start(tag, attrs)
        self.lines[element] = self.parser.parser.CurrentLineNumber if self.parser else 0
        return element


def _parse(data: str | bytes) -> tuple[ET.Element, dict[ET.Element, int]]:
    """Parse XML safely, returning the root and each element's line."""
    builder = _LineBuilder()
    parser = DefusedET.DefusedXMLParser(target=builder)
    builder.parser = parser
    try:
        parser.feed(data)
        return parser.close(), builder.lines
    except (defusedxml.EntitiesForbidden, defusedxml.ExternalReferenceForbidden,
            defusedxml.DTDForbidden):
        raise BankError("XML entities are not allowed",
                        line=parser.parser.CurrentLineNumber) from None
    except ET.ParseError as exc:
        raise BankError(f"invalid XML: {exc.msg if hasattr(exc, 'msg') else exc}",
                        line=exc.position[0]) from None
    except (ValueError, LookupError) as exc:  # e.g. an unknown encoding declaration
        raise BankError(f"invalid XML: {exc}") from None


def _comments(parent: ET.Element) -> list[tuple[str, str]]:
    """Return the quizapp comments directly inside parent: (kind, json)."""
    found = []
    for child in parent:
        if child.tag is ET.Comment and child.text:
            head, _, rest = child.text.strip().partition(":")
            if head in ("quizapp", "quizapp-bank", "quizapp-source"):
                found.append((head, rest))
    return found


def parse_moodle_xml(data: str | bytes, skip_unsupported: bool = False) -> Bank:
    """Read Moodle XML into a Bank; any malformed question rejects the file (BankError)."""
    root, lines = _parse(data)
    if root.tag != "quiz":
        raise BankError(f"the root element must be <quiz>, not <{root.tag}>", line=lines[root])
    bank, sources, category, current = Bank(title=""), {}, None, None
    for kind, payload in _comments(root):
        comment = exchange.read_json_comment(payload, kind)
        if kind == "quizapp-bank":
            bank.title, bank.description = exchange.read_bank_header(comment)
        elif kind == "quizapp-source":
            source = exchange.read_source(comment)
            if source.id in sources:
                raise BankError(f"duplicate source id {source.id}", where="<quiz>")
            sources[source.id] = source
    parsed: list[tuple[str, int, dict, dict | None]] = []
    number = 0
    for element in root:
        if element.tag is ET.Comment:
            continue
        if element.tag != "question":
            raise BankError(f"unexpected element <{element.tag}> in <quiz>",
                            line=lines[element])
        number += 1
        if bank.title:  # a quizapp export: categories are only the bank's title
            current = None
        qtype = element.get("type", "")
        name = " ".join((element.findtext("name/text") or "").split())
        where = f"question #{number}" + (f" '{name}'" if name else "")
        line = lines[element]
        if qtype == "category":
            current = (element.findtext("category/text") or "").strip()
            category = category or current
            continue
        try:
            if qtype not in SUPPORTED:
                raise Unsupported(f"type not supported ({', '.join(SUPPORTED)} are)",
                                  kind=KINDS.get(qtype, qtype or "no type"))
            fields = read_answers(element, qtype, lines)
        except Unsupported as exc:
            reason = f"{where} ({qtype or 'no type'}): {exc.reason}"
            if not skip_unsupported:
                raise BankError(reason, line=line, where=where) from None
            bank.skipped.append(f"line {line}: {reason}")
            bank.skips.append(Skip(line, exc.kind, reason))
            continue
        except BankError as exc:
            raise BankError(f"{where}: {exc.reason}", line=exc.line or line,
                            where=where) from None
        tag = None if current == category else exchange.category_tag(current)
        if tag and not bank.title and tag not in fields["tags"]:
            fields["tags"].insert(0, tag)
        metas = [exchange.read_json_comment(p, k) for k, p in _comments(element) if k == "quizapp"]
        fields["id"] = (element.findtext("idnumber") or "").strip()
        parsed.append((where, line, fields | {"name": name}, metas[0] if metas else None))
        if len(parsed) > MAX_QUESTIONS:
            raise BankError(f"more than {MAX_QUESTIONS} questions", line=line)
    if not bank.title and category:
        bank.title = category.rstrip("/").rsplit("/", 1)[-1]
    bank.sources = list(sources.values())
    bank.questions = _build(parsed, sources, bank.changes)
    bank.question_lines = [entry[-3] for entry in parsed]
    return bank


def _build(parsed: list[tuple[str, int, dict, dict | None]], sources: dict[str, Source],
           changes: list[Change]) -> list[Question]:
    """Give every question an id (comment, <idnumber>, name, or qN) and check it."""
    used: set[str] = set()
    numbers: dict[str, int] = {}  # per name, the last number unique_id gave
    questions = []
    for n, (where, line, fields, meta) in enumerate(parsed, 1):
        name, notes = fields.pop("name"), fields.pop("notes")
        wanted = (meta or {}).get("id") or fields["id"]
        if isinstance(wanted, str) and wanted:
            if wanted in used:
                raise BankError(f"{where}: duplicate question id {wanted}", line=line,
                                where=where)
            used.add(wanted)
            fields["id"] = wanted
        else:
            fields["id"] = exchange.unique_id(name or f"q{n}", used, numbers)
        try:
            questions.append(exchange.build_question(fields, meta, sources))
        except BankError as exc:
            raise BankError(f"{where}: {exc.reason}", line=line, where=where) from None
        changes.extend(Change(line, questions[-1].id, note) for note in notes)
    return questions


def _comment(kind: str, data: dict) -> ET.Element:
    """Make a quizapp comment; "--" can only occur inside JSON strings, so escape it there."""
    payload = exchange.json_comment(data).replace("--", "-\\u002d")
    return ET.Comment(f" {kind}: {payload} ")


def _text(parent: ET.Element, tag: str, text: str, **attrs: str) -> ET.Element:
    """Add <tag attrs><text>text</text></tag> to parent."""
    element = ET.SubElement(parent, tag, attrs)
    ET.SubElement(element, "text").text = text
    return element


def _answer(parent: ET.Element, text: str, weight: float, fmt: str | None = None,
            feedback: str = "") -> ET.Element:
    """Add an <answer> with its fraction (percent) and feedback."""
    answer = ET.SubElement(parent, "answer", {"fraction": exchange.plain_number(weight)}
                           | ({"format": fmt} if fmt else {}))
    ET.SubElement(answer, "text").text = text
    _text(answer, "feedback", exchange.text_to_html(feedback), format="html")
    return answer


def _said(q: Question, index: int) -> str:
    """Return the feedback of answer number index, or ""."""
    return q.feedback[index] if q.feedback and index < len(q.feedback) else ""


def _question(quiz: ET.Element, q: Question) -> None:
    """Add one question in the Moodle kind that fits it."""
    kind, carried = exchange.answer_plan(q)
    element = ET.SubElement(quiz, "question",
                            {"type": "multichoice" if kind == "multiple" else kind})
    element.append(_comment("quizapp", exchange.question_meta(q, carried)))
    name = " ".join(q.prompt.split())
    _text(element, "name", name if len(name) <= 80 else name[:79] + "\u2026")
    _text(element, "questiontext", exchange.text_to_html(q.prompt), format="html")
    _text(element, "generalfeedback", exchange.text_to_html(q.explanation), format="html")
    ET.SubElement(element, "defaultgrade").text = "1"
    ET.SubElement(element, "penalty").text = "1" if kind == "truefalse" else "0.3333333"
    ET.SubElement(element, "hidden").text = "0"
    ET.SubElement(element, "idnumber").text = q.id
    if kind == "truefalse":
        for i, value in enumerate(("True", "False")):
            _answer(element, value.lower(), 100 if q.answer == value else 0,
                    "moodle_auto_format", _said(q, i) if carried["feedback"] else "")
    elif kind in ("multichoice", "multiple"):
        single = kind == "multichoice" or exchange.multiple_as_single(q)
        ET.SubElement(element, "single").text = "true" if single else "false"
        ET.SubElement(element, "shuffleanswers").text = "true"
        ET.SubElement(element, "answernumbering").text = "abc"
        weights = q.weights if kind == "multiple" else carried["weights"]
        for i, choice in enumerate(carried["choices"]):
            weight = weights[i] if weights else (100 if choice == q.answer else 0)
            _answer(element, exchange.text_to_html(choice), weight, "html",
                    _said(q, i) if carried["feedback"] else "")
    elif kind == "numerical":
        for value in [carried["answer"], *carried["accept"]]:
            answer = _answer(element, value, 100, "moodle_auto_format")
            ET.SubElement(answer, "tolerance").text = exchange.plain_number(q.tolerance)
    else:
        ET.SubElement(element, "usecase").text = "0"
        for i, value in enumerate([q.answer, *q.accept]):
            # In a Moodle short answer "*" is a wildcard; "\\*" is a literal asterisk.
            text = value if q.wildcards else value.replace("*", "\\*")
            _answer(element, text, q.weight_of(i), "moodle_auto_format",
                    _said(q, i) if carried["feedback"] else "")
    if q.tags:
        tags = ET.SubElement(element, "tags")
        for tag in q.tags:
            _text(tags, "tag", tag)


def dump_moodle_xml(bank: Bank) -> str:
    """Write a bank as Moodle XML, quizapp-only fields kept where Moodle ignores them."""
    quiz = ET.Element("quiz")
    quiz.append(_comment("quizapp-bank", exchange.bank_header(bank.title, bank.description)))
    for source in bank.sources:
        quiz.append(_comment("quizapp-source", source_to_data(source)))
    if bank.title.strip():
        category = ET.SubElement(quiz, "question", {"type": "category"})
        _text(category, "category", "$course$/top/" + " ".join(bank.title.split()))
    for q in bank.questions:
        _question(quiz, q)
    ET.indent(quiz)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(quiz, "unicode") + "\n"
