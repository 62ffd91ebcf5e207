"""Search plans: the same searches for every candidate, generated from the template and the
candidate's disclosed identifiers, and the investigator's mark on each.

A checklist item of a template version carries query templates (``"searches"`` in the template
document; format in ``vetting/data/README.md``). For one investigation the plan of an item is the
expansion of those templates over the candidate's identifiers; it is computed, never typed, so two
candidates of a hiring process get the same searches. Each planned search is marked *run —
nothing found*, *run — results recorded* or *not possible* (with a screened reason); an item cannot
be completed (no findings / findings recorded) while a planned search is unmarked. Manual extra
searches are free text and pass through the screening seam like every other text.

The workbench never runs a search itself: a plan holds the text to copy and the address to open in
the investigator's own browser, on an explicit click in the GUI.
"""

from __future__ import annotations

import itertools
import re
import string
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, quote_plus

from sqlalchemy.orm import Session

from vetting.db import Database
from vetting.errors import ConfigError, ConflictError, NotFound, RuleViolation
from vetting.models import Candidate, ItemResult, QueryStatus, SearchQueryRun, utcnow
from vetting.services.core import CONFLICT_MESSAGE, Actor, Op, operation, service
from vetting.services.screening import TextReview, screen_for_file, screen_optional
from vetting.services.views import ItemResultView, QueryView

#: Placeholders a query template may use, with what each expands to (one query per value; a
#: template using several placeholders gets one query per combination).
PLACEHOLDERS: dict[str, str] = {
    "name": "every form of the candidate's name: the full name as given, without the middle name(s), "
            "with middle initials, each one-word alias (nickname) with the surname, and each longer alias",
    "full_name": "the full name exactly as given",
    "alias": "each alias or nickname as given",
    "email": "each disclosed e-mail address",
    "email_user": "the part before @ of each disclosed e-mail address",
    "username": "each disclosed username (without a leading @)",
    "place": "each disclosed city or town the candidate lived in",
}
#: In a ``url`` template only: the expanded query, encoded for a search address.
QUERY_FIELD = "query"
STATUS_LABELS = {
    QueryStatus.NOTHING_FOUND.value: "Run — nothing found",
    QueryStatus.RESULTS_RECORDED.value: "Run — results recorded",
    QueryStatus.NOT_POSSIBLE.value: "Not possible",
}
NOT_MARKED = "Not marked"


def query_status_label(status: str | None) -> str:
    return STATUS_LABELS.get(status or "", NOT_MARKED)


_KEY = re.compile(r"^[a-z0-9_]{1,60}$")
MAX_QUERY_CHARS = 1000


# ---------------------------------------------------------------- the template format


def _fields(template: str) -> list[str]:
    """Placeholder names used in ``template`` (in order of first use); ValueError on bad braces."""
    out: list[str] = []
    for _lit, field, spec, conv in string.Formatter().parse(template):
        if field is None:
            continue
        if spec or conv:
            raise ValueError(f"'{{{field}}}' may not carry a format specification")
        if field not in out:
            out.append(field)
    return out


def validate_plan(searches: Any, fail: Callable[[str], None]) -> None:
    """Check an item's ``searches`` list; ``fail(problem)`` raises with the item's location."""
    if not isinstance(searches, list):
        fail("'searches' must be a list of query templates")
    keys: set[str] = set()
    for n, entry in enumerate(searches, 1):
        where = f"search {n}"
        if not isinstance(entry, dict):
            fail(f"{where}: must be an object with key, label and query")
        for name in ("key", "label", "query"):
            if not isinstance(entry.get(name), str) or not entry[name].strip():
                fail(f"{where}: '{name}' is required")
        unknown = set(entry) - {"key", "label", "query", "url"}
        if unknown:
            fail(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
        if not _KEY.match(entry["key"]):
            fail(f"{where}: key {entry['key']!r} must be lower-case letters, digits and underscores")
        if entry["key"] in keys:
            fail(f"{where}: duplicate key {entry['key']!r}")
        keys.add(entry["key"])
        url = entry.get("url")
        if url is not None and (not isinstance(url, str) or not url.startswith("https://")):
            fail(f"{where}: 'url' must be an https:// address template")
        for part, allowed in (("query", set(PLACEHOLDERS)), ("url", set(PLACEHOLDERS) | {QUERY_FIELD})):
            text = entry.get(part)
            if text is None:
                continue
            try:
                used = _fields(text)
            except ValueError as exc:
                fail(f"{where}: {part}: {exc}")
                return
            bad = [f for f in used if f not in allowed]
            if bad:
                fail(f"{where}: {part}: unknown placeholder {{{bad[0]}}}; use one of "
                     + ", ".join("{" + p + "}" for p in sorted(allowed)))
        if not _fields(entry["query"]):
            fail(f"{where}: the query uses no identifier placeholder, so it would be the same text for "
                 "every candidate; use at least one of " + ", ".join("{" + p + "}" for p in PLACEHOLDERS))


def plan_to_lines(searches: Sequence[dict[str, Any]]) -> str:
    """An item's searches in the editor's line format: ``key | label | query | url`` (url optional)."""
    return "\n".join(" | ".join(x for x in (e["key"], e["label"], e["query"], e.get("url") or "") if x)
                     for e in searches)


def lines_to_plan(text: str, where: str = "search plan") -> list[dict[str, str]]:
    """Parse :func:`plan_to_lines`' format (blank lines and lines starting with # are skipped).
    Raises ConfigError naming the line; placeholders are checked by :func:`validate_plan`."""
    out: list[dict[str, str]] = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = [p.strip() for p in line.split(" | ")]
        if len(parts) not in (3, 4) or not all(parts[:3]):
            raise ConfigError(f"{where}, line {n}: write 'key | label | query' or 'key | label | query | url'.")
        entry = {"key": parts[0], "label": parts[1], "query": parts[2]}
        if len(parts) == 4 and parts[3]:
            entry["url"] = parts[3]
        out.append(entry)
    validate_plan(out, lambda problem: _raise(f"{where}: {problem}"))
    return out


def _raise(message: str) -> None:
    raise ConfigError(message)


# ---------------------------------------------------------------- identifiers and expansion


@dataclass(frozen=True)
class Identifiers:
    """The candidate's disclosed identifiers a plan expands over."""

    full_name: str
    aliases: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    usernames: tuple[str, ...] = ()
    places: tuple[str, ...] = ()

    @classmethod
    def of(cls, c: Candidate | Any) -> Identifiers:
        return cls(c.full_name, tuple(c.aliases), tuple(c.emails), tuple(c.usernames),
                   tuple(getattr(c, "places", ()) or ()))


def _unique(values: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for v in values:
        v = " ".join(v.split())
        if v and v.casefold() not in seen:
            seen.add(v.casefold())
            out.append(v)
    return out


def name_variants(full_name: str, aliases: Sequence[str] = ()) -> list[str]:
    """The forms of a name a search should cover (see ``PLACEHOLDERS['name']``)."""
    tokens = full_name.split()
    forms = [" ".join(tokens)]
    if len(tokens) >= 3:
        first, middles, last = tokens[0], tokens[1:-1], tokens[-1]
        forms.append(f"{first} {last}")
        initials = " ".join(m[0].upper() + "." for m in middles if m[0].isalpha())
        if initials:
            forms.append(f"{first} {initials} {last}")
    surname = tokens[-1] if len(tokens) >= 2 else ""
    for alias in aliases:
        words = alias.split()
        if len(words) == 1 and surname and not any(ch in alias for ch in "@._0123456789"):
            forms.append(f"{words[0]} {surname}")  # a nickname: with the surname
        elif len(words) > 1:
            forms.append(" ".join(words))
    return _unique(forms)


def identifier_values(ids: Identifiers) -> dict[str, list[str]]:
    return {
        "name": name_variants(ids.full_name, ids.aliases),
        "full_name": _unique([ids.full_name]),
        "alias": _unique(ids.aliases),
        "email": _unique(ids.emails),
        "email_user": _unique(e.split("@", 1)[0] for e in ids.emails if "@" in e),
        "username": _unique(u.lstrip("@") for u in ids.usernames),
        "place": _unique(ids.places),
    }


@dataclass(frozen=True)
class PlannedQuery:
    key: str  # the template entry's key
    label: str
    query: str
    url: str | None


def expand(searches: Sequence[dict[str, Any]], ids: Identifiers) -> list[PlannedQuery]:
    """Every query of a plan for one candidate, in template order, without duplicates.

    Pure: the same template and identifiers always give the same list.
    """
    values = identifier_values(ids)
    out: list[PlannedQuery] = []
    seen: set[tuple[str, str]] = set()
    for entry in searches:
        q_t, u_t = entry["query"], entry.get("url")
        used = _fields(q_t) + [f for f in (_fields(u_t) if u_t else []) if f != QUERY_FIELD]
        used = list(dict.fromkeys(used))
        for combo in itertools.product(*(values[f] for f in used)):
            vals = dict(zip(used, combo, strict=True))
            query = " ".join(q_t.format(**vals).split())[:MAX_QUERY_CHARS]
            url = None
            if u_t:
                url = u_t.format(**{k: quote(v, safe="@") for k, v in vals.items()},
                                 **{QUERY_FIELD: quote_plus(query)})
            if (entry["key"], query) not in seen:
                seen.add((entry["key"], query))
                out.append(PlannedQuery(entry["key"], entry["label"], query, url))
    return out


def plan_of(r: ItemResult) -> list[PlannedQuery]:
    return expand(r.item.search_plan or [], Identifiers.of(r.investigation.candidate))


# ---------------------------------------------------------------- views and rules


def _name(u: Any) -> str | None:
    return u.display_name if u else None


def query_views(r: ItemResult) -> tuple[QueryView, ...]:
    """The item's searches: the plan (marked or not) first, then marks of searches no longer
    planned (an identifier was corrected after they were run), then manual searches."""
    runs = list(r.query_runs)
    by_plan = {(x.plan_key, x.query): x for x in runs if x.origin == "plan"}
    out: list[QueryView] = []
    used: set[int] = set()
    for p in plan_of(r):
        run = by_plan.get((p.key, p.query))
        if run is not None:
            used.add(run.id)
        out.append(_view(run, origin="plan", key=p.key, label=p.label, query=p.query, url=p.url, planned=True))
    for run in runs:
        if run.id in used:
            continue
        if run.origin == "plan":
            out.append(_view(run, origin="plan", key=run.plan_key or "", label="No longer planned",
                             query=run.query or "", url=run.url, planned=False))
        else:
            text = run.manual_query or ""
            url = text if re.match(r"^https?://\S+$", text) else None
            out.append(_view(run, origin="manual", key="", label="Manual search", query=text, url=url,
                             planned=False))
    return tuple(out)


def _view(run: SearchQueryRun | None, **kw: Any) -> QueryView:
    if run is None:
        return QueryView(id=None, status=None, reason=None, marked_by=None, marked_at=None, version=None, **kw)
    return QueryView(id=run.id, status=run.status, reason=run.reason, marked_by=_name(run.marked_by),
                     marked_at=run.marked_at, version=run.version, **kw)


def unmarked(r: ItemResult) -> list[QueryView]:
    return [q for q in query_views(r) if q.planned and q.status is None]


#: Marks that say a search was run (not possible is a mark, not a run).
RUN_STATUSES = frozenset({QueryStatus.NOTHING_FOUND.value, QueryStatus.RESULTS_RECORDED.value})


def searches_run(r: ItemResult) -> int:
    """How many of the item's searches (planned or manual) are marked as run; marked searches say
    what was searched, so the free-text 'searched' field is then optional."""
    return sum(1 for q in query_views(r) if q.status in RUN_STATUSES)


def require_plan_marked(r: ItemResult) -> None:
    """Raise RuleViolation when a planned search of ``r`` is unmarked (called before completing)."""
    left = unmarked(r)
    if left:
        n = len(left)
        raise RuleViolation(
            f"{n} planned search{'es are' if n != 1 else ' is'} not marked yet (for example: {left[0].query}). "
            "Mark each as run — nothing found, run — results recorded, or not possible with a reason, "
            "then complete the item.")


@dataclass(frozen=True)
class SearchCounts:
    """Planned searches of one item and how many were run / not possible / are unmarked; manual
    searches are counted apart."""

    planned: int
    run: int
    not_possible: int
    manual: int

    @property
    def unmarked(self) -> int:
        return self.planned - self.run - self.not_possible

    @property
    def label(self) -> str:
        """e.g. ``"4/5 run, 1 not possible"`` (empty when nothing is planned or run)."""
        if not self.planned and not self.manual:
            return ""
        parts = [f"{self.run}/{self.planned} run"]
        if self.not_possible:
            parts.append(f"{self.not_possible} not possible")
        if self.manual:
            parts.append(f"+{self.manual} manual")
        return ", ".join(parts)


def search_counts(queries: Sequence[QueryView]) -> SearchCounts:
    planned = [q for q in queries if q.planned]
    return SearchCounts(
        planned=len(planned),
        run=sum(1 for q in planned if q.status in (QueryStatus.NOTHING_FOUND.value, QueryStatus.RESULTS_RECORDED.value)),
        not_possible=sum(1 for q in planned if q.status == QueryStatus.NOT_POSSIBLE.value),
        manual=sum(1 for q in queries if q.origin == "manual"),
    )


def searched_summary(queries: Sequence[QueryView]) -> str:
    """A 'What was searched' text made from the marked searches (one line each)."""
    lines = [f"{q.query} — {STATUS_LABELS[q.status].lower()}" for q in queries if q.status]
    return "\n".join(lines)


# ---------------------------------------------------------------- services


def _status(status: str) -> QueryStatus:
    try:
        return QueryStatus(status)
    except ValueError as exc:
        raise RuleViolation(f"Unknown search status {status!r}; use one of {', '.join(STATUS_LABELS)}.") from exc


def _item_for_edit(op: Op, item_result_id: int) -> ItemResult:
    from vetting.services.investigations import load_investigation

    r = op.session.get(ItemResult, item_result_id)
    if r is None:
        raise NotFound(f"Checklist item {item_result_id} does not exist.")
    load_investigation(op, r.investigation_id, edit=True)
    return r


def _reason(session: Session, st: QueryStatus, reason: str | None, review: TextReview | None,
            stored: str | None = None):  # type: ignore[no-untyped-def]
    from vetting.services.investigations import screening_options

    if st != QueryStatus.NOT_POSSIBLE:
        return None
    if not (reason or "").strip():
        raise RuleViolation("Say why the search was not possible (a reason is required).")
    return screen_optional(reason, review, options=screening_options(session), what="The reason", stored=stored)


def _finish(op: Op, r: ItemResult, run: SearchQueryRun, res_list: Sequence[tuple[str, Any]]) -> ItemResultView:
    from vetting.services.investigations import _record_detail, item_view

    op.session.flush()
    op.audit(object_type="search_query_run", object_id=run.id,
             detail={"item_result_id": r.id, "origin": run.origin, "status": run.status})
    for field, res in res_list:
        if res and (res.record.span_count or res.record.dismissed_count):
            op.audit("screening.apply", object_type="search_query_run", object_id=run.id,
                     detail={"field": field, **_record_detail(res.record)})
    op.session.refresh(r, ["query_runs"])
    return item_view(r)


@service
def mark_query(db: Database, actor: Actor, *, item_result_id: int, plan_key: str, query: str, status: str,
               reason: str | None = None, review: TextReview | None = None,
               expected_version: int | None = None) -> ItemResultView:
    """Mark one planned search of an item (assigned investigator) and return the item.

    The search must be in the item's current plan. ``not_possible`` needs a reason, screened
    before storage. Marking again replaces the mark (optimistic version check).
    """
    st = _status(status)
    with operation(db, actor, "search.mark", object_type="item_result", object_id=item_result_id) as op:
        r = _item_for_edit(op, item_result_id)
        planned = next((p for p in plan_of(r) if p.key == plan_key and p.query == query), None)
        if planned is None:
            raise RuleViolation("That search is not in this item's plan (the candidate's identifiers may have "
                                "changed on another workstation). Reload the investigation.")
        run = next((x for x in r.query_runs if x.origin == "plan" and x.plan_key == plan_key and x.query == query),
                   None)
        if run is not None and expected_version is not None and run.version != expected_version:
            raise ConflictError(CONFLICT_MESSAGE)
        res = _reason(op.session, st, reason, review, stored=run.reason if run else None)
        if run is None:
            run = SearchQueryRun(item_result_id=r.id, origin="plan", plan_key=planned.key, query=planned.query,
                                 url=planned.url, status=st.value)
            op.session.add(run)
        run.status = st.value
        run.reason = res.text if res else None
        run.marked_by_id, run.marked_at = op.user.id, utcnow()
        return _finish(op, r, run, [("reason", res)])


@service
def add_manual_query(db: Database, actor: Actor, *, item_result_id: int, query: str, status: str,
                     reason: str | None = None, query_review: TextReview | None = None,
                     reason_review: TextReview | None = None) -> ItemResultView:
    """Record an extra search the plan did not have (assigned investigator). The query text and the
    reason are screened before storage; only their redacted forms are kept."""
    st = _status(status)
    if not (query or "").strip():
        raise RuleViolation("Type the search that was run.")
    with operation(db, actor, "search.add_manual", object_type="item_result", object_id=item_result_id) as op:
        from vetting.services.investigations import screening_options

        r = _item_for_edit(op, item_result_id)
        q = screen_for_file(query.strip(), query_review, options=screening_options(op.session), what="The search",
                            limit=MAX_QUERY_CHARS)
        res = _reason(op.session, st, reason, reason_review)
        run = SearchQueryRun(item_result_id=r.id, origin="manual", manual_query=q.text, status=st.value,
                             reason=res.text if res else None, marked_by_id=op.user.id, marked_at=utcnow())
        op.session.add(run)
        return _finish(op, r, run, [("manual_query", q), ("reason", res)])
