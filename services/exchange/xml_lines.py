"""XML read safely (defusedxml: no DTD, no entities, no external references) into a small tree that remembers the
line of every element, so that a problem in an uploaded file can be named by its line."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from xml.sax import SAXException, SAXParseException  # exceptions and interfaces only: defusedxml parses
from xml.sax.handler import ContentHandler, feature_namespaces
from xml.sax.xmlreader import AttributesNSImpl, InputSource, Locator

from defusedxml import DefusedXmlException
from defusedxml.sax import make_parser

from services.exchange.interview import InvalidFile, Where


@dataclass
class Element:
    """One XML element: its name without namespace, attributes (likewise), text, children and line."""

    name: str
    attributes: dict[str, str]
    line: int
    children: list[Element] = field(default_factory=list)
    text: str = ""

    def all(self, name: str) -> list[Element]:
        """The children with this name."""
        return [child for child in self.children if child.name == name]


class _TreeBuilder(ContentHandler):
    def __init__(self) -> None:
        super().__init__()
        self.locator: Locator | None = None
        self.stack: list[Element] = []
        self.root: Element | None = None

    def setDocumentLocator(self, locator: Locator) -> None:  # noqa: N802 - the SAX interface
        self.locator = locator

    def line(self) -> int | None:
        return self.locator.getLineNumber() if self.locator else None

    def startElementNS(self, name: tuple[str | None, str], qname: str | None, attrs: AttributesNSImpl) -> None:  # noqa: N802
        attributes = {local: value for (_, local), value in attrs.items()}
        element = Element(name[1], attributes, self.line() or 0)
        if self.stack:
            self.stack[-1].children.append(element)
        else:
            self.root = element
        self.stack.append(element)

    def endElementNS(self, name: tuple[str | None, str], qname: str | None) -> None:  # noqa: N802
        self.stack.pop()

    def characters(self, content: str) -> None:
        if self.stack:
            self.stack[-1].text += content


def read_xml(data: bytes, file: str) -> Element:
    """The document's root element, or InvalidFile naming the line where the XML is broken or unsafe."""
    builder = _TreeBuilder()
    parser = make_parser()
    parser.forbid_dtd = True
    parser.setFeature(feature_namespaces, True)
    parser.setContentHandler(builder)
    source = InputSource()
    source.setByteStream(io.BytesIO(data))
    try:
        parser.parse(source)
    except SAXParseException as error:
        raise Where(file, error.getLineNumber()).refuse(f"not well-formed XML ({error.getMessage()}).") from None
    except DefusedXmlException:
        problem = "the file declares a DTD or entities, which Kring does not read."
        raise Where(file, builder.line()).refuse(problem) from None
    except SAXException as error:
        raise Where(file, builder.line()).refuse(f"not readable as XML ({error.getMessage()}).") from None
    if builder.root is None:
        raise InvalidFile("the file is empty.", file=file)
    return builder.root
