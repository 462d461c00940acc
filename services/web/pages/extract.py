"""A pybabel extractor for the drawings (services/web/drawing): their gettext() calls, and their word tables.

The drawings pass their Dutch words through the page's gettext when they draw them, so the values of their
word tables (HEADINGS, CAPTIONS, CODES, MONTHS), the module-level words of words.py and both forms given
to counted() are message ids
although no gettext() call names them. Used by babel.cfg (`make translations`); not imported at run time.
"""

from __future__ import annotations

import ast
import io
import re
from collections.abc import Iterator
from typing import IO, Any

from babel.messages.extract import extract_python

TABLES = re.compile(r"(HEADINGS|CAPTIONS|CODES|MONTHS)$")  # tables of shown words; other tables hold codes


def _words(node: ast.stmt, constants: bool) -> list[ast.expr]:
    if not isinstance(node, ast.Assign | ast.AnnAssign) or node.value is None:
        return []
    targets = node.targets if isinstance(node, ast.Assign) else [node.target]
    if any(isinstance(t, ast.Name) and TABLES.search(t.id) for t in targets):
        if isinstance(node.value, ast.Dict):
            return [v for v in node.value.values if v is not None]
        if isinstance(node.value, ast.Tuple | ast.List):
            return list(node.value.elts)
    return [node.value] if constants and isinstance(node.value, ast.Constant) else []


def drawing_words(fileobj: IO[bytes], keywords: Any, comment_tags: Any, options: Any) -> Iterator[tuple[Any, ...]]:
    """(line, function, message, comments): the gettext() calls, then the words of the tables."""
    source = fileobj.read()
    yield from extract_python(io.BytesIO(source), keywords, comment_tags, options)
    constants = getattr(fileobj, "name", "").endswith("words.py")
    tree = ast.parse(source)
    values = [value for node in tree.body for value in _words(node, constants)]
    values += [arg for node in ast.walk(tree) if _is_counted(node) for arg in node.args]  # type: ignore[attr-defined]
    for value in values:
        if isinstance(value, ast.Constant) and isinstance(value.value, str):
            yield value.lineno, "gettext", value.value, []


def _is_counted(node: ast.AST) -> bool:
    """A call of svg.counted(count, one, many, gettext): both forms are message ids."""
    return isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) == "counted"
