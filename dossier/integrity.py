"""Integrity rules the models alone cannot state: unique ids, resolving references, no cycles.

Each rule adds located :class:`~dossier.errors.Problem` records; nothing
stops at the first fault, so a person sees every fault in one run.
"""

from __future__ import annotations

from typing import Any, Callable, Optional

from .errors import ProblemList, json_path
from .models import MODELS, Condition, Event, Node, Place, Report
from .terms import Term
from .walk import PerModel, term_of, walk

__all__ = ["check_integrity"]


def check_integrity(report: Report, problems: ProblemList, nodes: list[tuple[tuple, Node]] | None = None) -> None:
    """Apply every integrity rule to ``report``, adding what is wrong to ``problems``.

    ``nodes`` is the report's walk, when the caller has it already.
    """
    nodes = nodes if nodes is not None else list(walk(report))
    index = _unique_ids(nodes, problems)
    _references(nodes, index, problems)
    _no_cycles(report.places, "places", "part_of", lambda p: p.part_of, problems)  # type: ignore[attr-defined]
    _no_cycles(report.organizations, "organizations", "parent", lambda o: o.parent, problems)  # type: ignore[attr-defined]
    _no_sub_event_cycles(report, problems)
    _hypotheticals_reached(report, nodes, index, problems)


def _unique_ids(nodes: list[tuple[tuple, Node]], problems: ProblemList) -> dict[str, Node]:
    """Each id and the first node that has it; a node that repeats an id is a fault."""
    index: dict[str, Node] = {}
    where: dict[int, tuple[Any, ...]] | None = None  # each node's location, made at the first fault: most have none
    for loc, node in nodes:
        node_id = node.id
        if node_id is None:
            continue
        first = index.setdefault(node_id, node)
        if first is not node:
            if where is None:
                where = {id(other): at for at, other in nodes}
            problems.add("duplicate-id", f"id {node_id!r} is already used at {json_path(where[id(first)])}",
                         json_path(loc + ("id",)), expected="an id used by no other item")
    return index


def _ref_fields(model: type[Node]) -> tuple[tuple[str, Term, frozenset[type[Node]]], ...]:
    """The fields of ``model`` that refer to other items, with their terms and the classes they may always name."""
    return tuple((name, term, _always_right(term)) for name in model.model_fields
                 for term in [term_of(model, name)] if term is not None and term.kind == "ref")


def _always_right(term: Term) -> frozenset[type[Node]]:
    """The classes a reference with ``term`` may name, whatever their item holds: no fault :func:`_ref_fault` finds."""
    return frozenset(model for model in MODELS
                     if model.__name__ in term.targets and not (term.actor and issubclass(model, Place)))


_REF_FIELDS = PerModel(_ref_fields)
# isinstance against a pydantic model class goes through its metaclass, dear when run for every node.
_IS_CONDITION = PerModel(lambda model: issubclass(model, Condition))


def _references(nodes: list[tuple[tuple, Node]], index: dict[str, Node], problems: ProblemList) -> None:
    # Most references name an item of a class they may always name; only the others are put to
    # _ref_fault, and paths are made only for faults.
    for loc, node in nodes:
        fields = _REF_FIELDS[type(node)]
        if not fields:
            continue
        values = node.__dict__
        for name, term, right in fields:
            value = values[name]
            if isinstance(value, list):
                for i, target in enumerate(value):
                    if type(index.get(target)) not in right:
                        fault = _ref_fault(target, term, name, index)
                        if fault is not None:
                            problems.add(fault[0], fault[1], json_path(loc + (name, i)), expected=fault[2])
            elif value is not None and type(index.get(value)) not in right:
                fault = _ref_fault(value, term, name, index)
                if fault is not None:
                    problems.add(fault[0], fault[1], json_path(loc + (name,)), expected=fault[2])


def _ref_fault(target: str, term: Term, name: str, index: dict[str, Node]) -> Optional[tuple[str, str, str]]:
    """What is wrong with ``name`` referring to ``target``, as (rule, message, expected); None when it is right."""
    found = index.get(target)
    if found is None:
        return ("dangling-reference", f"{name} refers to {target!r}, which is no item of this dossier",
                f"the id of a {' or '.join(term.targets)}")
    kind = type(found).__name__
    if kind not in term.targets:
        return "wrong-reference-kind", f"{name} refers to {target!r}, a {kind}", f"a {' or '.join(term.targets)}"
    if term.actor and isinstance(found, Place) and found.kind != "country":
        # A country may act (Russia offers support); a city or a cosmodrome may not.
        return ("wrong-reference-kind", f"{name} refers to {target!r}, a place that is not a country",
                "a Person, an Organization, or a Place of kind country")
    return None


def _no_cycles(items: list, list_name: str, field: str, parent_of: Callable[[Node], Optional[str]],
               problems: ProblemList) -> None:
    positions = {item.id: i for i, item in enumerate(items)}
    parents = {item.id: parent_of(item) for item in items}
    reported: set[str] = set()
    for start in parents:
        seen = [start]
        current = parents.get(start)
        while current is not None and current in parents:
            if current in seen:
                cycle = seen[seen.index(current):]
                if not reported.intersection(cycle):
                    reported.update(cycle)
                    loop = " -> ".join(cycle + [current])
                    problems.add("cycle", f"{field} goes round in a circle: {loop}",
                                 json_path((list_name, positions[cycle[0]], field)),
                                 expected=f"{field} chains that end")
                break
            seen.append(current)
            current = parents.get(current)


def _no_sub_event_cycles(report: Report, problems: ProblemList) -> None:
    subs = {e.id: list(e.sub_events) for e in report.events}
    positions = {e.id: i for i, e in enumerate(report.events)}
    state: dict[str, int] = {}

    def visit(eid: str, trail: list[str]) -> None:
        state[eid] = 1
        for sub in subs.get(eid, []):
            if state.get(sub) == 1:
                cycle = trail[trail.index(sub):] + [sub] if sub in trail else [eid, sub]
                problems.add("cycle", f"sub_events go round in a circle: {' -> '.join(cycle)}",
                             json_path(("events", positions[eid], "sub_events")), expected="sub-events that end")
            elif sub in subs and state.get(sub) is None:
                visit(sub, trail + [sub])
        state[eid] = 2

    for eid in subs:
        if state.get(eid) is None:
            visit(eid, [eid])


def _hypotheticals_reached(report: Report, nodes: list[tuple[tuple, Node]], by_id: dict[str, Node],
                           problems: ProblemList) -> None:
    hypothetical = [(i, event) for i, event in enumerate(report.events) if event.hypothetical]
    if not hypothetical:
        return
    reached: set[str] = set()
    for claim in report.claims:
        reached.update(claim.about)
        if claim.condition is not None and claim.condition.event:
            reached.add(claim.condition.event)
    for loc, node in nodes:
        if _IS_CONDITION[type(node)] and node.event:  # type: ignore[attr-defined]
            reached.add(node.event)  # type: ignore[attr-defined]
    # A hypothetical may contain hypothetical sub-events; they are reached through it.
    frontier = list(reached)
    while frontier:
        ev = by_id.get(frontier.pop())
        if isinstance(ev, Event):
            for sub in ev.sub_events:
                if sub not in reached:
                    reached.add(sub)
                    frontier.append(sub)
    for i, event in hypothetical:
        if event.id not in reached:
            problems.add("unreached-hypothetical",
                         f"hypothetical event {event.id!r} is not the subject or condition of any claim",
                         json_path(("events", i, "type")),
                         expected="a claim whose about or condition names it, or type Event if it happened")
