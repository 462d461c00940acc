"""A network interview read from a file (Network Canvas GraphML or CSV), and what Kring makes of each person in it.

Reading a file gives an `Interview` of plain strings with the file and line each came from; `plan_contact` turns
one alter's strings into Kring's values, or refuses with the line and the problem. Nothing here records anything.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from domain.vocabulary import (
    CATEGORIES,
    DIRECTIONS,
    FLOWS,
    FREQUENCIES,
    PROFESSIONAL_CATEGORIES,
    RINGS,
    STRENGTHS,
    SUPPORT_TYPES,
)
from domain.words.labels import SUPPORT_TYPE  # the Dutch label (the message id)
from services.exchange.attributes import ALTER_TYPES, SKILL_SEPARATOR, SUPPORT_COLUMNS

TIMEZONE = ZoneInfo("Europe/Amsterdam")
MAX_PEOPLE = 500
MAX_PAIRS = 20_000
NAME_MAX = 200  # the API's limits (services/web/schemas.py): an import lets in nothing the API would refuse
SKILLS_MAX = 30
TRAVEL_MAX = 24 * 60
DEFAULT_CATEGORY = "acquaintance"
# Network Canvas's own columns and attributes: read for what they are, never reported as ignored
RESERVED = frozenset(
    {
        "label",
        "nodeID",
        "edgeID",
        "from",
        "to",
        "networkCanvasUUID",
        "networkCanvasEgoUUID",
        "networkCanvasType",
        "networkCanvasSourceUUID",
        "networkCanvasTargetUUID",
    }
)
SESSION_TIMES = ("sessionStart", "sessionFinish", "sessionExported")  # the interview's day: the first one given


class InvalidFile(Exception):
    """A file Kring cannot import: which file, which line, and what is wrong with it."""

    def __init__(self, problem: str, *, file: str = "", line: int | None = None, code: str = "invalid_file") -> None:
        self.problem = problem
        self.file = file
        self.line = line
        self.code = code
        super().__init__(self.message)

    @property
    def message(self) -> str:
        where = ", ".join(part for part in (self.file, f"line {self.line}" if self.line else "") if part)
        return f"{where}: {self.problem}" if where else self.problem


class TooLarge(Exception):
    """An upload that unpacks to more than Kring reads."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"The files unpack to more than {limit} bytes.")
        self.limit = limit


@dataclass(frozen=True)
class Where:
    """The file and line something was read from."""

    file: str
    line: int | None

    def refuse(self, problem: str, code: str = "invalid_file") -> InvalidFile:
        return InvalidFile(problem, file=self.file, line=self.line, code=code)


@dataclass(frozen=True)
class Alter:
    """One person named in the interview: their key (Network Canvas UUID or node id) and attributes as text."""

    key: str
    attributes: dict[str, str]
    where: Where


@dataclass(frozen=True)
class Pair:
    """Two alters who know each other (an alter-alter edge of any type)."""

    first: str
    second: str
    where: Where


@dataclass
class Interview:
    """Everything read from the files of one interview."""

    where: Where
    ego: dict[str, str] = field(default_factory=dict)
    session: dict[str, str] = field(default_factory=dict)
    alters: list[Alter] = field(default_factory=list)
    pairs: list[Pair] = field(default_factory=list)

    def day(self) -> date | None:
        """The interview's day in the Netherlands: from the session's start, finish or export time."""
        for name in SESSION_TIMES:
            if self.session.get(name):
                return _day(self.session[name], self.where)
        return None

    def check_size(self) -> None:
        """At most MAX_PEOPLE people and MAX_PAIRS pairs: a larger file is not one person's network."""
        people, pairs = len(self.alters), len(self.pairs)
        if people > MAX_PEOPLE:
            raise self.where.refuse(f"the interview names {people} people; Kring imports {MAX_PEOPLE} at most.")
        if pairs > MAX_PAIRS:
            raise self.where.refuse(f"the interview has {pairs} edges; Kring imports {MAX_PAIRS} at most.")


def _day(value: str, where: Where) -> date:
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        raise where.refuse(f"The session time {value!r} is not an ISO 8601 date and time.") from None
    if moment.tzinfo is None:
        return moment.date()
    return moment.astimezone(TIMEZONE).date()


@dataclass
class PlannedContact:
    """What Kring records for one alter: the contact, its tie with the client, its tasks, the designation."""

    key: str
    where: Where
    details: dict[str, Any]
    tie: dict[str, Any] | None
    roles: list[dict[str, Any]]
    spilmantelzorger: bool


def plan_contact(alter: Alter) -> PlannedContact:
    """Kring's values for one alter, or InvalidFile naming its line and the attribute that is wrong."""
    read = _Reader(alter.attributes, alter.where)
    category = read.category()
    details = {
        "name": read.name(),
        "category": category,
        "ring": read.choice("ring", RINGS) or ("service" if category in PROFESSIONAL_CATEGORIES else DEFAULT_CATEGORY),
        "known_since": read.day("known_since"),
        "travel_minutes": read.whole("travel_minutes", TRAVEL_MAX),
        "skills": read.skills(),
    }
    return PlannedContact(alter.key, alter.where, details, read.tie(), read.roles(), read.flag("spilmantelzorger"))


def ignored_attributes(alters: list[Alter]) -> list[str]:
    """The alters' attributes Kring does not read (shown to the importer, so nothing is dropped unseen)."""
    names = {name for alter in alters for name in alter.attributes}
    known = set(ALTER_TYPES) | RESERVED | {f"category_{c}" for c in CATEGORIES}
    return sorted(names - known)


class _Reader:
    """Kring's values from one alter's attributes (text), each refusal naming the attribute."""

    def __init__(self, attributes: dict[str, str], where: Where) -> None:
        self.attributes = {k: v.strip() for k, v in attributes.items() if v is not None and v.strip() != ""}
        self.where = where

    def _bad(self, name: str, problem: str) -> InvalidFile:
        return self.where.refuse(f"attribute {name!r}: {problem}")

    def name(self) -> str:
        value = self.attributes.get("name") or self.attributes.get("label")
        if not value:
            raise self.where.refuse("this person has no 'name' (nor 'label').")
        if len(value) > NAME_MAX:
            raise self._bad("name", f"longer than {NAME_MAX} characters.")
        return value

    def choice(self, name: str, choices: tuple[str, ...]) -> str | None:
        value = self.attributes.get(name)
        if value is not None and value not in choices:
            raise self._bad(name, f"{value!r} is not one of {', '.join(choices)}.")
        return value

    def category(self) -> str:
        chosen = [c for c in CATEGORIES if self.flag(f"category_{c}")]
        if len(chosen) > 1:
            raise self._bad("category", f"several categories are true ({', '.join(chosen)}); choose one.")
        return self.choice("category", CATEGORIES) or (chosen[0] if chosen else DEFAULT_CATEGORY)

    def flag(self, name: str) -> bool:
        value = self.attributes.get(name, "false").lower()
        if value not in ("true", "false", "1", "0"):
            raise self._bad(name, f"{value!r} is not true or false.")
        return value in ("true", "1")

    def day(self, name: str) -> date | None:
        value = self.attributes.get(name)
        try:
            return date.fromisoformat(value[:10]) if value else None
        except ValueError:
            raise self._bad(name, f"{value!r} is not a date (YYYY-MM-DD).") from None

    def whole(self, name: str, top: int) -> int | None:
        value = self.attributes.get(name)
        if value is None:
            return None
        number = value[:-2] if value.endswith(".0") else value  # spreadsheets write 5 as 5.0
        if not number.isdigit() or int(number) > top:
            raise self._bad(name, f"{value!r} is not a whole number from 0 to {top}.")
        return int(number)

    def skills(self) -> list[str]:
        value = self.attributes.get("skills")
        skills = [s.strip() for s in value.split(SKILL_SEPARATOR.strip())] if value else []
        skills = [s for s in skills if s]
        if len(skills) > SKILLS_MAX or any(len(s) > NAME_MAX for s in skills):
            raise self._bad("skills", f"at most {SKILLS_MAX} skills of at most {NAME_MAX} characters each.")
        return skills

    def tie(self) -> dict[str, Any] | None:
        strength = self.choice("tie_strength", STRENGTHS)
        if strength is None:
            given = [n for n in ("tie_stressful", "tie_flow", "tie_frequency") if n in self.attributes]
            if given:
                raise self._bad(given[0], "a tie needs 'tie_strength' (tenuous, normal or strong) as well.")
            return None
        return {
            "strength": strength,
            "stressful": self.flag("tie_stressful"),
            "flow": self.choice("tie_flow", FLOWS) or "none",
            "frequency": self.choice("tie_frequency", FREQUENCIES),
        }

    def roles(self) -> list[dict[str, Any]]:
        if "tasks" in self.attributes:
            return self._tasks()
        return [
            {"support_type": kind, "direction": direction, "task": SUPPORT_TYPE[kind], "rhythm": None}
            for column, (kind, direction) in SUPPORT_COLUMNS.items()
            if self.flag(column)
        ]

    def _tasks(self) -> list[dict[str, Any]]:
        try:
            tasks = json.loads(self.attributes["tasks"])
        except ValueError:
            raise self._bad("tasks", "not a JSON list of tasks.") from None
        if not isinstance(tasks, list) or not all(isinstance(t, dict) for t in tasks):
            raise self._bad("tasks", "not a JSON list of tasks.")
        return [self._task(index, task) for index, task in enumerate(tasks)]

    def _task(self, index: int, task: dict[str, Any]) -> dict[str, Any]:
        name = f"tasks.{index}"
        if task.get("support_type") not in SUPPORT_TYPES or task.get("direction", "to_client") not in DIRECTIONS:
            kinds = ", ".join(SUPPORT_TYPES)
            raise self._bad(name, f"support_type is one of {kinds}; direction is to_client or from_client.")
        text, rhythm = task.get("task"), task.get("rhythm")
        if not isinstance(text, str) or not 0 < len(text.strip()) <= NAME_MAX:
            raise self._bad(name, f"'task' is a text of 1 to {NAME_MAX} characters.")
        if rhythm is not None and (not isinstance(rhythm, str) or not 0 < len(rhythm) <= NAME_MAX):
            raise self._bad(name, f"'rhythm' is empty or a text of at most {NAME_MAX} characters.")
        return {
            "support_type": task["support_type"],
            "direction": task.get("direction", "to_client"),
            "task": text.strip(),
            "rhythm": rhythm,
        }
