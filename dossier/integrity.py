"""Integrity rules the models alone cannot state: unique ids, resolving references, no cycles.

Each rule adds located :class:`~dossier.errors.Problem` records; nothing
stops at the first fault, so a person sees every fault in one run.

The rules run on every load, and most dossiers have no fault: where a rule
would loop over every node in Python, it first asks in bulk (sets, ``map``)
whether there can be a fault, and goes through the nodes one by one, in
walk order, only to find and locate the faults there are.
"""

from __future__ import annotations

import operator
import typing
from itertools import chain, repeat
from typing import Any, Optional

from .errors import ProblemList, json_path
from .models import MODELS, Condition, Event, Node, Place, Report
from .terms import Term
from .walk import PerModel, Tree, Values, term_of

__all__ = ["check_integrity"]

_id_of = operator.itemgetter("id")
_values_of = operator.attrgetter("__dict__")  # a model's __dict__, read without a bytecode loop
_type_of = operator.itemgetter("type")
_about_of = operator.itemgetter("about")
_event_of = operator.itemgetter("event")
_sub_events_of = operator.itemgetter("sub_events")


def check_integrity(report: Report, problems: ProblemList, tree: Tree | None = None) -> None:
    """Apply every integrity rule to ``report``, adding what is wrong to ``problems``.

    ``tree`` is the report's :class:`~dossier.walk.Tree`, when the caller has it already.
    """
    if tree is None:
        tree = Tree(report)
    # Each id and its first node: made, in walk order, only where ids repeat or a reference may be wrong.
    index = None if _ids_unique(tree) else _unique_ids(tree, problems)
    if index is None and not _references_right(tree):
        index = _unique_ids(tree, problems)  # no id repeats: it adds no problem
    if index is not None:
        _references(tree, index, problems)
    top = report.__dict__
    _no_cycles(list(map(_values_of, top["places"])), "places", "part_of", problems)
    _no_cycles(list(map(_values_of, top["organizations"])), "organizations", "parent", problems)
    events = list(map(_values_of, top["events"]))
    _no_sub_event_cycles(events, problems)
    _hypotheticals_reached(tree, events, list(map(_values_of, top["claims"])), index, problems)


def _ids_unique(tree: Tree) -> bool:
    """Whether no two nodes have one id: the common case, told without a loop of bytecode per node."""
    distinct = set(map(_id_of, tree.values))
    if None not in distinct:
        return len(distinct) == len(tree.values)
    ids = list(map(_id_of, tree.values))
    return len(distinct) - 1 == len(ids) - ids.count(None)


def _unique_ids(tree: Tree, problems: ProblemList) -> dict[str, Node]:
    """Each id and the first node that has it; a node that repeats an id is a fault."""
    index: dict[str, Node] = {}
    for loc, node in tree.walked():
        node_id = node.__dict__["id"]
        if node_id is None:
            continue
        first = index.setdefault(node_id, node)
        if first is not node:
            problems.add("duplicate-id", f"id {node_id!r} is already used at {json_path(tree.location(first))}",
                         json_path(loc + ("id",)), expected="an id used by no other item")
    return index


class _Ref(typing.NamedTuple):
    name: str
    term: Term
    right: frozenset[type[Node]]  # the classes it may always name: no fault _ref_fault finds
    read: operator.itemgetter  # type: ignore[type-arg]  # reads the field from a node's values
    many: bool  # a list of references
    fine: frozenset[Any]  # what _references_right may find it names, where _ref_fault finds no fault


# What _references_right finds a reference names: the model of the node with that id, but _COUNTRY for a place
# of kind country (which an actor may be), and _NOTHING for None (no reference, where the field holds one).
_COUNTRY, _NOTHING = "a country", "nothing"


def _ref_fields(model: type[Node]) -> tuple[_Ref, ...]:
    """The fields of ``model`` that refer to other items."""
    refs = []
    for name in model.model_fields:
        term = term_of(model, name)
        if term is not None and term.kind == "ref":
            right = _always_right(term)
            many = typing.get_origin(model.model_fields[name].annotation) is list
            country = term.actor or any(issubclass(target, Place) for target in right)
            fine = right | ({_COUNTRY} if country else set()) | (set() if many else {_NOTHING})
            refs.append(_Ref(name, term, right, operator.itemgetter(name), many, frozenset(fine)))
    return tuple(refs)


def _always_right(term: Term) -> frozenset[type[Node]]:
    """The classes a reference with ``term`` may name, whatever their item holds: no fault :func:`_ref_fault` finds."""
    return frozenset(model for model in MODELS
                     if model.__name__ in term.targets and not (term.actor and issubclass(model, Place)))


_REF_FIELDS = PerModel(_ref_fields)
# isinstance against a pydantic model class goes through its metaclass, dear when run for every node.
_IS_CONDITION = PerModel(lambda model: issubclass(model, Condition))
_IS_EVENT = PerModel(lambda model: issubclass(model, Event))
_IS_PLACE = PerModel(lambda model: issubclass(model, Place))
# The models a reference may name: the others' ids need not be looked up.
_NAMED = PerModel(lambda model: any(model in ref.right for refs in map(_ref_fields, MODELS) for ref in refs))


def _references_right(tree: Tree) -> bool:
    """Whether every reference names an item of a class it may always name, or a country where an actor may be one.

    Told in bulk, field by field, so that :func:`_references` need not look
    at each reference when none is wrong. Only for ids that do not repeat,
    each the id of its one node.
    """
    names: dict[Any, Any] = {}  # what each id names
    for model, values in tree.by_model.items():
        if _NAMED[model]:
            ids = map(_id_of, values)
            if _IS_PLACE[model]:
                names.update(zip(ids, [_COUNTRY if place["kind"] == "country" else model for place in values]))
            else:
                names.update(zip(ids, repeat(model)))
    names[None] = _NOTHING
    for model, values in tree.by_model.items():
        for ref in _REF_FIELDS[model]:
            named = map(ref.read, values)
            if ref.many:
                named = chain.from_iterable(named)
            if not ref.fine.issuperset(map(names.get, named)):
                return False
    return True


def _references(tree: Tree, index: dict[str, Node], problems: ProblemList) -> None:
    # Only the references that name an item of a class they may not always name are put to _ref_fault.
    for loc, node in tree.walked():
        values = node.__dict__
        for name, term, right, *_ in _REF_FIELDS[type(node)]:
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


def _no_cycles(items: list[Values], list_name: str, field: str, problems: ProblemList) -> None:
    """No chain of ``field`` (part_of, parent) among ``items``, the values of the report's list ``list_name``, loops."""
    parents = dict(zip(map(_id_of, items), map(operator.itemgetter(field), items)))
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
                    positions = {item["id"]: i for i, item in enumerate(items)}
                    problems.add("cycle", f"{field} goes round in a circle: {loop}",
                                 json_path((list_name, positions[cycle[0]], field)),
                                 expected=f"{field} chains that end")
                break
            seen.append(current)
            current = parents.get(current)


def _no_sub_event_cycles(events: list[Values], problems: ProblemList) -> None:
    """No event is its own sub-event, however far down; ``events`` are the values of the report's events."""
    if not any(map(_sub_events_of, events)):
        return  # nothing to go round
    subs = {e["id"]: list(e["sub_events"]) for e in events}
    positions = {e["id"]: i for i, e in enumerate(events)}
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


def _hypotheticals_reached(tree: Tree, events: list[Values], claims: list[Values], index: dict[str, Node] | None,
                           problems: ProblemList) -> None:
    """Every hypothetical event is what a claim is about or hangs on, or a sub-event of one that is.

    ``index`` is each id and the first node that has it; None when no id repeats.
    """
    if "HypotheticalEvent" not in map(_type_of, events):
        return
    # What claims are about, and the events of conditions, wherever they are (a claim's condition is one).
    reached: set[str] = set(chain.from_iterable(map(_about_of, claims)))
    for model, values in tree.by_model.items():
        if _IS_CONDITION[model]:
            reached.update(filter(None, map(_event_of, values)))
    # A hypothetical may contain hypothetical sub-events; they are reached through it.
    if index is None:
        by_id = {event["id"]: event for model, values in tree.by_model.items() if _IS_EVENT[model] for event in values}
    else:
        by_id = {node_id: node.__dict__ for node_id, node in index.items() if _IS_EVENT[type(node)]}
    frontier = list(reached)
    while frontier:
        event = by_id.get(frontier.pop())
        if event is not None:
            for sub in event["sub_events"]:
                if sub not in reached:
                    reached.add(sub)
                    frontier.append(sub)
    for i, event in enumerate(events):
        if event["type"] == "HypotheticalEvent" and event["id"] not in reached:
            problems.add("unreached-hypothetical",
                         f"hypothetical event {event['id']!r} is not the subject or condition of any claim",
                         json_path(("events", i, "type")),
                         expected="a claim whose about or condition names it, or type Event if it happened")
