"""The rooms of the house (docs/architecture.md): each imports only the rooms below it, and nothing imports in a circle.

The import graph is read from the source with `ast`, lazy imports inside functions included: an import that
runs later is still a dependency, and a circle hidden in a function is still a circle.
"""

import ast
import importlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Each room and its floor, from the ground up: a room may import only rooms on lower floors.
FLOORS = {
    "core": 0,
    "languages": 1,
    "caching": 2,
    "workflow": 3,
    "congress": 4,
    "meetings": 5,
    "recommendations": 6,
    "adoption": 7,
    "report": 8,
    "search": 9,
    "compilation": 9,
    "jobs": 9,
    "public": 10,
    "workspace": 10,
    "api": 11,
    "feeds": 11,
    "demo": 11,
    "operations": 11,
    "rapporteur": 12,
}


# Served, not imported: they start the application (and refuse to without a secret key of its own).
ENTRY_POINTS = {"rapporteur.wsgi", "rapporteur.asgi"}


def source_files():
    for room in FLOORS:
        for path in sorted((ROOT / room).rglob("*.py")):
            yield room, path


def module_name(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path, *, top_level_only=False):
    """(line, imported module or module.name) for every import of the project's rooms in the file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = tree.body if top_level_only else ast.walk(tree)
    for node in nodes:
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name, None
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            for alias in node.names:
                yield node.lineno, node.module, alias.name


def room_of(module):
    room = module.split(".")[0]
    return room if room in FLOORS else None


def import_graph():
    """{room: {room it imports: [where, …]}} over every import, lazy ones included."""
    graph = {room: {} for room in FLOORS}
    for room, path in source_files():
        for line, module, _name in imports_of(path):
            target = room_of(module)
            if target is not None and target != room:
                graph[room].setdefault(target, []).append(f"{path.relative_to(ROOT)}:{line}")
    return graph


def find_circle(edges):
    """A list of nodes that import each other in a circle, or None."""
    state, stack = {}, []

    def visit(node):
        state[node] = "open"
        stack.append(node)
        for target in edges.get(node, ()):
            if state.get(target) == "open":
                return [*stack[stack.index(target) :], target]
            if target not in state and (circle := visit(target)):
                return circle
        stack.pop()
        state[node] = "done"
        return None

    for node in list(edges):
        if node not in state and (circle := visit(node)):
            return circle
    return None


def test_every_room_imports_only_the_rooms_below_it():
    upward = [
        f"{room} (floor {FLOORS[room]}) imports {target} (floor {FLOORS[target]}) at {where[0]}"
        for room, targets in import_graph().items()
        for target, where in targets.items()
        if FLOORS[target] >= FLOORS[room]
    ]
    assert not upward, "\n".join(upward)


def test_no_import_circle_between_rooms():
    graph = {room: set(targets) for room, targets in import_graph().items()}
    assert find_circle(graph) is None, " → ".join(find_circle(graph))


def test_the_ground_floor_imports_no_application():
    found = [
        f"{path.relative_to(ROOT)}:{line} imports {module}"
        for room, path in source_files()
        if room == "core"
        for line, module, _name in imports_of(path)
        if room_of(module) not in (None, "core")
    ]
    assert not found, "\n".join(found)


def test_no_import_circle_between_modules():
    """What runs at import time (a module's top-level imports) never comes back to a module being imported."""
    modules = {module_name(path): path for _room, path in source_files()}
    edges = {}
    for module, path in modules.items():
        targets = set()
        for _line, imported, name in imports_of(path, top_level_only=True):
            if name is not None and f"{imported}.{name}" in modules:
                targets.add(f"{imported}.{name}")  # `from package import submodule`
            elif imported in modules:
                targets.add(imported)
        edges[module] = targets - {module}
    circle = find_circle(edges)
    assert circle is None, " → ".join(circle)


@pytest.mark.parametrize("room", FLOORS)
def test_every_module_imports_and_every_name_it_imports_exists(room):
    """Every module imports, and every name imported from the project's rooms, lazily or not, is there: a lazy
    import of a name that moved fails only when its function runs, which a test may never reach."""
    missing = []
    for path in sorted((ROOT / room).rglob("*.py")):
        if "migrations" in path.parts or module_name(path) in ENTRY_POINTS:
            continue
        importlib.import_module(module_name(path))
        for line, module, name in imports_of(path):
            if room_of(module) is None:
                continue
            imported = importlib.import_module(module)
            if name is not None and not hasattr(imported, name):
                try:
                    importlib.import_module(f"{module}.{name}")
                except ModuleNotFoundError:
                    missing.append(f"{path.relative_to(ROOT)}:{line}: {module} has no {name}")
    assert not missing, "\n".join(missing)
