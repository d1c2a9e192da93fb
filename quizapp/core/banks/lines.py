"""Parse JSON and YAML bank text safely, knowing the line where each value sits.

JSON is parsed by the standard library (fast); the line of a value is only looked up, by a small
walker, when a value turns out to be wrong. YAML is built from parser events, so every value's line
is known, and aliases, anchors, custom tags and deep nesting are refused before anything is built.
"""

from __future__ import annotations

import bisect
import datetime
import json
import re
from json.decoder import scanstring

import yaml

Path = tuple[str | int, ...]

_WS = re.compile(r"[ \t\n\r]*")
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_BRACKET = re.compile(r"[\[\]{}]")
_DECODER = json.JSONDecoder()
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_PLAIN_TAGS = ("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq")


class LocatedError(ValueError):
    """A text that cannot be parsed: why, and on which line (1-based) when known."""

    def __init__(self, reason: str, line: int | None = None):
        super().__init__(reason)
        self.reason = reason
        self.line = line


class _DuplicateKey(Exception):
    """A JSON object repeats a key."""


def _no_constant(name: str) -> float:
    """Refuse NaN and Infinity, which JSON does not allow."""
    raise ValueError(f"{name} is not allowed in JSON")


def _unique_pairs(pairs: list[tuple[str, object]]) -> dict:
    """Build a dict, refusing repeated keys."""
    result = dict(pairs)
    if len(result) != len(pairs):
        raise _DuplicateKey
    return result


def check_json_depth(text: str, max_depth: int) -> None:
    """Refuse JSON nested deeper than max_depth, naming the line where it goes too deep."""
    blanked = _STRING.sub(lambda m: '""' + "\n" * m.group().count("\n"), text)
    depth = 0
    for m in _BRACKET.finditer(blanked):
        if m.group() in "[{":
            depth += 1
            if depth > max_depth:
                line = blanked.count("\n", 0, m.start()) + 1
                raise LocatedError(f"nested deeper than a bank allows ({max_depth} levels)", line)
        else:
            depth -= 1


def json_load(text: str, max_depth: int) -> object:
    """Parse JSON text, refusing deep nesting, repeated keys, NaN and Infinity."""
    check_json_depth(text, max_depth)
    try:
        return json.loads(text, object_pairs_hook=_unique_pairs, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise LocatedError(f"invalid JSON: {exc.msg}", exc.lineno) from None
    except _DuplicateKey:
        lines, duplicate = json_lines(text)
        key = duplicate[-1] if duplicate else "?"
        raise LocatedError(f"duplicate key '{key}'", line_of(lines, duplicate or ())) from None
    except (ValueError, RecursionError) as exc:
        raise LocatedError(f"invalid JSON: {exc}") from None


def json_lines(text: str) -> tuple[dict[Path, int], Path | None]:
    """Map each value's path to its line in valid JSON text; also return a repeated key's path."""
    breaks = [m.start() for m in re.finditer("\n", text)]
    lines: dict[Path, int] = {}
    duplicate: Path | None = None

    def skip(pos: int) -> int:
        return _WS.match(text, pos).end()

    def walk(pos: int, path: Path) -> int:
        nonlocal duplicate
        pos = skip(pos)
        lines[path] = bisect.bisect_right(breaks, pos) + 1
        opener = text[pos]
        if opener not in "{[":
            return _DECODER.raw_decode(text, pos)[1]
        closer, pos, index, seen = "}" if opener == "{" else "]", skip(pos + 1), 0, set()
        while text[pos] != closer:
            if opener == "{":
                key, pos = scanstring(text, pos + 1)
                if key in seen and duplicate is None:
                    duplicate = path + (key,)
                seen.add(key)
                pos = walk(skip(pos) + 1, path + (key,))
            else:
                pos = walk(pos, path + (index,))
                index += 1
            pos = skip(pos)
            if text[pos] == ",":
                pos = skip(pos + 1)
        return pos + 1

    walk(0, ())
    return lines, duplicate


def line_of(lines: dict[Path, int], path: Path) -> int:
    """Return the line of path, or of its nearest recorded ancestor (line 1 at worst)."""
    for end in range(len(path), -1, -1):
        if path[:end] in lines:
            return lines[path[:end]]
    return 1


def _scalar(loader: yaml.SafeLoader, event: yaml.ScalarEvent) -> object:
    """Construct a scalar's value the way yaml.safe_load would (dates become ISO strings)."""
    tag = event.tag
    if tag is None or tag == "!":
        tag = loader.resolve(yaml.ScalarNode, event.value, event.implicit)
    node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
    value = loader.construct_object(node)
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value.isoformat()
    return value


def yaml_load(text: str, max_depth: int) -> tuple[object, dict[Path, int]]:
    """Parse one YAML document into plain data plus each value's line."""
    loader = _Loader(text)
    lines: dict[Path, int] = {}
    # Each frame: [container, path, pending key (mappings), expecting a key?]
    stack: list[list] = []
    result: list[object] = []
    documents, line = 0, None
    try:
        while loader.check_event():
            event = loader.get_event()
            line = event.start_mark.line + 1 if event.start_mark else None
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise LocatedError("a bank file holds a single YAML document", line)
                continue
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise LocatedError("YAML anchors and aliases are not allowed", line)
            if isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
                _attach(stack, result, lines, stack.pop()[0], None)
                continue
            if isinstance(event, yaml.CollectionStartEvent):
                if event.tag not in (None, "!", *_PLAIN_TAGS):
                    raise LocatedError(f"YAML tag {event.tag} is not allowed", line)
                if stack and stack[-1][3]:
                    raise LocatedError("mapping keys must be strings", line)
                if len(stack) >= max_depth:
                    raise LocatedError(f"nested deeper than a bank allows ({max_depth} levels)",
                                       line)
                path = _child_path(stack)
                lines[path] = line
                mapping = isinstance(event, yaml.MappingStartEvent)
                stack.append([{} if mapping else [], path, None, mapping])
                continue
            if isinstance(event, yaml.ScalarEvent):
                _attach(stack, result, lines, _scalar(loader, event), line)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise LocatedError(f"invalid YAML: {exc.problem or exc.context}",
                           mark.line + 1 if mark else None) from None
    except yaml.YAMLError as exc:
        position = getattr(exc, "position", None)
        line = text.count("\n", 0, position) + 1 if isinstance(position, int) else None
        raise LocatedError(f"invalid YAML: {exc}", line) from None
    except (ValueError, TypeError, OverflowError) as exc:
        if isinstance(exc, LocatedError):
            raise
        raise LocatedError(f"invalid YAML value: {exc}", line) from None
    finally:
        loader.dispose()
    return (result[0] if result else None), lines


def _child_path(stack: list[list]) -> Path:
    """Return the path of the next value in the innermost container."""
    if not stack:
        return ()
    container, path, key, _ = stack[-1]
    return path + ((key,) if isinstance(container, dict) else (len(container),))


def _attach(stack: list[list], result: list, lines: dict, value: object, line: int | None) -> None:
    """Put a finished value into its parent (as a key or a value), or make it the result."""
    if not stack:
        result.append(value)
        return
    frame = stack[-1]
    container = frame[0]
    if isinstance(container, dict) and frame[3]:
        if not isinstance(value, str):
            raise LocatedError("mapping keys must be strings", line)
        if value in container:
            raise LocatedError(f"duplicate key '{value}'", line)
        frame[2], frame[3] = value, False
        return
    if line is not None:
        lines[_child_path(stack)] = line
    if isinstance(container, dict):
        container[frame[2]] = value
        frame[3] = True
    else:
        container.append(value)
