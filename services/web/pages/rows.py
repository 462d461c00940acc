"""Forms of many rows (the intake's people, a meeting's agreements): the posted fields `people.3.name` grouped per
row, blank rows left out of what is checked, and the problems named back by the rows as the page numbers them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from werkzeug.datastructures import MultiDict

INDEXED = re.compile(r"^(?P<list>[a-z_]+)\.(?P<index>\d+)\.")
MAX_ROWS = 100  # a form never has more; a larger index is a form made by hand


def indices(sent: MultiDict[str, str], prefix: str) -> list[int]:
    """The row numbers the posted form has under `prefix` (e.g. `people` or `people.3.tasks`), in order."""
    found = set()
    start = f"{prefix}."
    for name in sent:
        if name.startswith(start):
            head = name[len(start) :].split(".", 1)[0]
            if head.isdigit() and int(head) < MAX_ROWS:
                found.add(int(head))
    return sorted(found)


@dataclass
class Renumbering:
    """Which row of the page each row of the checked body is: the body leaves blank rows out."""

    rows: list[int] = field(default_factory=list)  # body row k is page row rows[k]
    tasks: dict[int, list[int]] = field(default_factory=dict)  # per page row: body task m is page task tasks[r][m]

    def page_name(self, name: str, prefix: str = "people") -> str:
        """A problem's name in the body (`people.1.tasks.0.task`) as the page names it (`people.3.tasks.2.task`)."""
        parts = name.split(".")
        if len(parts) < 2 or parts[0] != prefix or not parts[1].isdigit() or int(parts[1]) >= len(self.rows):
            return name
        row = self.rows[int(parts[1])]
        parts[1] = str(row)
        if len(parts) > 3 and parts[2] == "tasks" and parts[3].isdigit():
            tasks = self.tasks.get(row, [])
            parts[3] = str(tasks[int(parts[3])]) if int(parts[3]) < len(tasks) else parts[3]
        return ".".join(parts)

    def renamed(self, errors: dict[str, list[str]], prefix: str = "people") -> dict[str, list[str]]:
        """The form's problems, named as the page names its fields."""
        return {self.page_name(name, prefix): problems for name, problems in errors.items()}
