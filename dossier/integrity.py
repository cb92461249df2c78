"""Integrity rules the models alone cannot state: unique ids, resolving references, no cycles.

Each rule adds located :class:`~dossier.errors.Problem` records; nothing
stops at the first fault, so a person sees every fault in one run.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Callable, Optional

from .errors import ProblemList, json_path
from .models import Condition, Event, Node, Place, Report
from .terms import Term
from .walk import term_of, walk

__all__ = ["check_integrity"]


def check_integrity(report: Report, problems: ProblemList, nodes: list[tuple[tuple, Node]] | None = None) -> None:
    """Apply every integrity rule to ``report``, adding what is wrong to ``problems``.

    ``nodes`` is the report's walk, when the caller has it already.
    """
    nodes = nodes if nodes is not None else list(walk(report))
    index = _unique_ids(nodes, problems)
    _references(nodes, index, problems)
    by_id = {n.id: n for n in index.values()}
    _no_cycles(report.places, "places", "part_of", lambda p: p.part_of, problems)  # type: ignore[attr-defined]
    _no_cycles(report.organizations, "organizations", "parent", lambda o: o.parent, problems)  # type: ignore[attr-defined]
    _no_sub_event_cycles(report, problems)
    _hypotheticals_reached(report, nodes, by_id, problems)


def _unique_ids(nodes: list[tuple[tuple, Node]], problems: ProblemList) -> dict[str, Node]:
    index: dict[str, Node] = {}
    first: dict[str, tuple] = {}  # type: ignore[type-arg]
    for loc, node in nodes:
        if node.id is None:
            continue
        if node.id in index:  # paths are made only for faults: most dossiers have none
            problems.add("duplicate-id", f"id {node.id!r} is already used at {json_path(first[node.id])}",
                         json_path(loc + ("id",)), expected="an id used by no other item")
        else:
            index[node.id] = node
            first[node.id] = loc
    return index


@lru_cache(maxsize=None)
def _ref_fields(model: type[Node]) -> tuple[tuple[str, Term], ...]:
    """The fields of ``model`` that refer to other items, with their terms."""
    return tuple((name, term) for name in model.model_fields
                 for term in [term_of(model, name)] if term is not None and term.kind == "ref")


def _references(nodes: list[tuple[tuple, Node]], index: dict[str, Node], problems: ProblemList) -> None:
    for loc, node in nodes:
        for name, term in _ref_fields(type(node)):
            value = node.__dict__[name]
            targets = value if isinstance(value, list) else [value]
            for i, target in enumerate(targets):
                fault = None if target is None else _ref_fault(target, term, name, index)
                if fault is not None:  # paths are made only for faults: most dossiers have none
                    rule, message, expected = fault
                    where = json_path(loc + ((name, i) if isinstance(value, list) else (name,)))
                    problems.add(rule, message, where, expected=expected)


def _ref_fault(target: str, term: Term, name: str, index: dict[str, Node]) -> Optional[tuple[str, str, str]]:
    """What is wrong with ``name`` referring to ``target``, as (rule, message, expected); None when it is right."""
    wanted = " or ".join(term.targets)
    found = index.get(target)
    if found is None:
        return ("dangling-reference", f"{name} refers to {target!r}, which is no item of this dossier",
                f"the id of a {wanted}")
    kind = type(found).__name__
    if kind not in term.targets:
        return "wrong-reference-kind", f"{name} refers to {target!r}, a {kind}", f"a {wanted}"
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
    reached: set[str] = set()
    for claim in report.claims:
        reached.update(claim.about)
        if claim.condition is not None and claim.condition.event:
            reached.add(claim.condition.event)
    for loc, node in nodes:
        if isinstance(node, Condition) and node.event:
            reached.add(node.event)
    # A hypothetical may contain hypothetical sub-events; they are reached through it.
    frontier = list(reached)
    while frontier:
        ev = by_id.get(frontier.pop())
        if isinstance(ev, Event):
            for sub in ev.sub_events:
                if sub not in reached:
                    reached.add(sub)
                    frontier.append(sub)
    for i, event in enumerate(report.events):
        if event.hypothetical and event.id not in reached:
            problems.add("unreached-hypothetical",
                         f"hypothetical event {event.id!r} is not the subject or condition of any claim",
                         json_path(("events", i, "type")),
                         expected="a claim whose about or condition names it, or type Event if it happened")
