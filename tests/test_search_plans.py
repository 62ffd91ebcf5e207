"""Search plans in the checklist template, the marks on each search, and captures by reference:
on SQLite and on PostgreSQL, through the real services; PDFs read back with pypdf."""

from __future__ import annotations

import copy
import hashlib
import io

import pytest
from pypdf import PdfReader

from tests.factories import (
    ALL_ATTESTATIONS,
    add_finding,
    complete_items,
    item,
    make_process,
    mark_plan,
    validate_all,
)
from vetting.errors import ConfigError, RuleViolation
from vetting.screening import REDACTION_TOKEN
from vetting.services import findings as F
from vetting.services import investigations as I
from vetting.services import reports as R
from vetting.services import search_plans as S
from vetting.services import templates as T
from vetting.services.captures import capture_reference

CITY = "Juneau"


def open_full(db, supervisor, investigator, pid, name="Jordan Alexander Whitfield", **kw):  # type: ignore[no-untyped-def]
    kw.setdefault("aliases", ["Jordy", "J. A. Whitfield"])
    kw.setdefault("emails", ["jwhitfield@example.org"])
    kw.setdefault("usernames", ["@jaw_907"])
    kw.setdefault("places", [CITY])
    return I.open_investigation(db, supervisor, process_id=pid, investigator_id=investigator.user_id,
                                full_name=name, **kw)


def pdf_text(data: bytes) -> str:
    return " ".join((p.extract_text() or "") for p in PdfReader(io.BytesIO(data)).pages)


def queries(it) -> list[str]:  # type: ignore[no-untyped-def]
    return [q.query for q in it.queries]


def test_default_template_plans_every_source_it_lists(db, admin):
    version = T.list_template_versions(db, admin)[0]
    sources = [i for s in version.sections for i in s.items if i.platform]
    assert len(sources) >= 12
    for i in sources:
        assert i.searches, f"the source {i.key} has no search plan"


def test_a_template_version_with_plans_is_pinned_and_identical_for_two_candidates(db, supervisor, investigator):
    pid = make_process(db, supervisor)
    a = open_full(db, supervisor, investigator, pid)
    b = open_full(db, supervisor, investigator, pid, name="Maria Elena Castillo", aliases=["Mari"],
                  emails=["mcastillo@example.net"], usernames=["mec.ak"], places=["Sitka"])
    assert a.template.id == b.template.id
    assert a.template == b.template  # the same version: items, order and query templates
    for ia, ib in zip(a.items, b.items, strict=True):
        assert (ia.key, ia.title) == (ib.key, ib.title)
        # The same query templates generate the searches of both, each over its own identifiers.
        tpl = next(i for s in a.template.sections for i in s.items if i.key == ia.key)
        assert {q.key for q in ia.queries} == {q.key for q in ib.queries} == {x["key"] for x in tpl.searches}
        assert [(q.key, q.query) for q in ib.queries] == [
            (p.key, p.query) for p in S.expand(tpl.searches, S.Identifiers.of(b.candidate))]
    web_b = queries(item(b, "web_search"))
    assert '"Maria Elena Castillo" Sitka' in web_b and '"Maria E. Castillo" Sitka' in web_b
    assert '"Jordan Alexander Whitfield" Juneau' in queries(item(a, "web_search"))
    # Read back through the database, the plan is the same as at opening.
    again = I.get_investigation(db, investigator, investigation_id=a.id)
    assert [i.queries for i in again.items] == [i.queries for i in a.items]


def test_the_plan_expands_every_identifier_of_the_candidate(db, supervisor, investigator):
    d = open_full(db, supervisor, investigator, make_process(db, supervisor))
    web = queries(item(d, "web_search"))
    for expected in ('"Jordan Alexander Whitfield" Juneau',  # full name
                     '"Jordan Whitfield" Juneau',  # without middle name
                     '"Jordan A. Whitfield" Juneau',  # with middle initial
                     '"Jordy Whitfield" Juneau',  # nickname given as an alias, with the surname
                     '"J. A. Whitfield" Juneau',  # a longer alias
                     '"jwhitfield@example.org"',  # e-mail
                     '"jaw_907"'):  # username (the @ dropped)
        assert expected in web, expected
    insta = item(d, "instagram")
    profile = next(q for q in insta.queries if q.key == "profile")
    assert profile.query == "instagram.com/jaw_907"
    assert profile.url == "https://www.instagram.com/jaw_907/"
    x = item(d, "x_twitter")
    assert any(q.key == "email_user" and q.query == "jwhitfield" for q in x.queries)
    name_search = next(q for q in x.queries if q.key == "name_search" and q.query == '"Jordan A. Whitfield"')
    assert name_search.url == "https://x.com/search?q=%22Jordan+A.+Whitfield%22&f=user"
    # Correcting the identifiers changes the plan: a new username adds searches, unmarked.
    I.update_candidate(db, investigator, investigation_id=d.id, full_name="Jordan Alexander Whitfield",
                       aliases=["Jordy"], emails=["jwhitfield@example.org"], usernames=["@jaw_907", "jdub"])
    d2 = I.get_investigation(db, investigator, investigation_id=d.id)
    assert "instagram.com/jdub" in queries(item(d2, "instagram"))
    assert '"J. A. Whitfield" Juneau' not in queries(item(d2, "web_search"))
    assert '"Jordy Whitfield" Juneau' in queries(item(d2, "web_search"))  # places kept when not given


def test_an_item_with_an_unmarked_planned_query_cannot_be_completed(db, supervisor, investigator):
    d = open_full(db, supervisor, investigator, make_process(db, supervisor))
    it = item(d, "reddit")
    planned = [q for q in it.queries if q.planned]
    assert len(planned) == 2
    with pytest.raises(RuleViolation, match="2 planned searches are not marked"):
        I.update_item(db, investigator, item_result_id=it.id, expected_version=it.version, status="no_findings",
                      searched="Name variants on Reddit.", attestations=ALL_ATTESTATIONS)
    it = S.mark_query(db, investigator, item_result_id=it.id, plan_key=planned[0].key, query=planned[0].query,
                      status="nothing_found")
    with pytest.raises(RuleViolation, match="1 planned search is not marked"):
        I.update_item(db, investigator, item_result_id=it.id, expected_version=it.version, status="no_findings",
                      attestations=ALL_ATTESTATIONS)
    # "Not possible" needs a reason, and the reason is screened before it is stored.
    with pytest.raises(RuleViolation, match="reason is required"):
        S.mark_query(db, investigator, item_result_id=it.id, plan_key=planned[1].key, query=planned[1].query,
                     status="not_possible")
    it = S.mark_query(db, investigator, item_result_id=it.id, plan_key=planned[1].key, query=planned[1].query,
                      status="not_possible", reason="Reddit blocked the search during her pregnancy leave week")
    marked = next(q for q in it.queries if q.query == planned[1].query)
    assert marked.status == "not_possible" and REDACTION_TOKEN in marked.reason and "pregnan" not in marked.reason
    done = I.update_item(db, investigator, item_result_id=it.id, expected_version=it.version, status="no_findings",
                         attestations=ALL_ATTESTATIONS)
    assert done.status == "no_findings"
    # A search outside the plan cannot be marked as planned.
    with pytest.raises(RuleViolation, match="not in this item's plan"):
        S.mark_query(db, investigator, item_result_id=it.id, plan_key="profile", query="reddit.com/user/someone",
                     status="nothing_found")


def test_not_applicable_needs_a_reason_not_marks_and_unmarked_searches_show_as_not_run(db, supervisor, investigator):
    d = open_full(db, supervisor, investigator, make_process(db, supervisor))
    it = item(d, "snapchat")
    view = I.update_item(db, investigator, item_result_id=it.id, expected_version=it.version,
                         status="unable_to_complete", reason="Snapchat was unreachable all week.",
                         attestations=ALL_ATTESTATIONS)
    assert view.unmarked_queries == 1


def test_an_identifier_added_after_completion_blocks_submission_until_its_searches_are_marked(
        db, supervisor, investigator):
    d = open_full(db, supervisor, investigator, make_process(db, supervisor))
    complete_items(db, investigator, d.id)
    assert I.check_submission(db, investigator, investigation_id=d.id) == []
    I.update_candidate(db, investigator, investigation_id=d.id, full_name="Jordan Alexander Whitfield",
                       aliases=["Jordy", "J. A. Whitfield"], emails=["jwhitfield@example.org"],
                       usernames=["@jaw_907", "jdub"])
    problems = I.check_submission(db, investigator, investigation_id=d.id)
    assert any("Pinterest" in p.message and "not marked" in p.message for p in problems)
    d = I.get_investigation(db, investigator, investigation_id=d.id)
    for it in d.items:
        mark_plan(db, investigator, it)
    assert I.check_submission(db, investigator, investigation_id=d.id) == []


def test_manual_searches_are_screened_and_counted_apart(db, supervisor, investigator):
    d = open_full(db, supervisor, investigator, make_process(db, supervisor))
    it = item(d, "blogs_wikis")
    view = S.add_manual_query(db, investigator, item_result_id=it.id, status="nothing_found",
                              query='"Jordan Whitfield" Catholic parish newsletter')
    manual = [q for q in view.queries if q.origin == "manual"]
    assert len(manual) == 1 and not manual[0].planned
    assert REDACTION_TOKEN in manual[0].query and "Catholic" not in manual[0].query
    assert S.search_counts(view.queries).manual == 1
    with pytest.raises(RuleViolation, match="Type the search"):
        S.add_manual_query(db, investigator, item_result_id=it.id, query="  ", status="nothing_found")


def test_changing_the_template_makes_a_new_version_and_leaves_running_investigations_on_theirs(
        db, admin, supervisor, investigator):
    pid = make_process(db, supervisor)
    d = open_full(db, supervisor, investigator, pid)
    old = T.get_template_version(db, admin, version_id=d.template.id)
    doc = copy.deepcopy(T.template_to_doc(old))
    web = next(i for s in doc["sections"] for i in s["items"] if i["key"] == "web_search")
    web["searches"].append({"key": "name_arrest", "label": "Name with 'arrest'", "query": '"{name}" arrest',
                            "url": "https://duckduckgo.com/?q={query}"})
    with pytest.raises(RuleViolation, match="can never change"):
        T.replace_unused_template_version(db, admin, version_id=old.id, document=doc)
    new = T.create_template_version(db, admin, template_id=old.template_id, document=doc)
    assert new.id != old.id and new.number == old.number + 1
    # The running investigation keeps its version and plan; a process on the new version gets the new search.
    again = I.get_investigation(db, investigator, investigation_id=d.id)
    assert again.template.id == old.id
    assert not any(q.key == "name_arrest" for q in item(again, "web_search").queries)
    assert T.get_template_version(db, admin, version_id=old.id) == old
    pid2 = T.create_process(db, supervisor, name="Dispatcher 2027", position_title="Dispatcher",
                            template_version_id=new.id).id
    d2 = open_full(db, supervisor, investigator, pid2)
    assert '"Jordan A. Whitfield" arrest' in queries(item(d2, "web_search"))


@pytest.mark.sqlite_only
@pytest.mark.parametrize(("search", "problem"), [
    ({"key": "x", "label": "X", "query": '"{phone}"'}, "unknown placeholder {phone}"),
    ({"key": "x", "label": "X", "query": "fixed text"}, "uses no identifier placeholder"),
    ({"key": "X Y", "label": "X", "query": "{name}"}, "lower-case letters"),
    ({"key": "x", "label": "X", "query": "{name}", "url": "http://example.org/{query}"}, "https://"),
    ({"key": "x", "label": "X", "query": "{name!r}"}, "format specification"),
])
def test_a_bad_query_template_is_refused_with_its_location(db, admin, search, problem):
    doc = T.template_to_doc(T.list_template_versions(db, admin)[0])
    doc["sections"][1]["items"][0]["searches"] = [search]
    with pytest.raises(ConfigError) as exc:
        T.validate_template(doc, "my-template.json")
    assert "section 2 item 1 (web_search): search 1" in str(exc.value) and problem in str(exc.value)


def _finish(db, supervisor, investigator, d):  # type: ignore[no-untyped-def]
    validate_all(db, investigator, I.get_investigation(db, investigator, investigation_id=d.id))
    complete_items(db, investigator, d.id)


def test_the_uniformity_report_shows_planned_against_run_searches(db, supervisor, investigator):
    pid = make_process(db, supervisor)
    a = open_full(db, supervisor, investigator, pid)
    b = open_full(db, supervisor, investigator, pid, name="Ben Baker", aliases=[], emails=[], usernames=["bbaker"],
                  places=["Sitka"])
    _finish(db, supervisor, investigator, a)
    # Ben: only one of the two Reddit searches run so far.
    reddit = item(b, "reddit")
    S.mark_query(db, investigator, item_result_id=reddit.id, plan_key="profile", query="reddit.com/user/bbaker",
                 status="nothing_found")
    grid = I.uniformity(db, supervisor, process_id=pid)
    rows = {r["candidate"]: r for r in grid["rows"]}
    pos = next(n for n, (_, title) in enumerate(grid["items"]) if title == "Reddit")
    assert (rows["Ben Baker"]["searches"][pos].planned, rows["Ben Baker"]["searches"][pos].run) == (1, 1)
    web = next(n for n, (_, title) in enumerate(grid["items"]) if title == "General web search engines")
    a_web = rows["Jordan Alexander Whitfield"]["searches"][web]
    assert a_web.run == a_web.planned > 10
    rep = R.generate_uniformity_report(db, supervisor, process_id=pid)
    text = pdf_text(rep.pdf)
    assert f"searches {a_web.run}/{a_web.planned}" in text
    assert "searches 0/" in text  # Ben's web searches: planned, none run
    assert "Searches planned and run, per candidate" in text
    assert "reddit.com/user/bbaker" in text and "Run — nothing found" in text
    assert '"Ben Baker" Sitka' in text and "Not marked" in text


def test_the_investigation_report_lists_the_searches_run_per_item_and_the_capture_hash(
        db, supervisor, investigator, tmp_path):
    d = open_full(db, supervisor, investigator, make_process(db, supervisor))
    shot = tmp_path / "fb-post-2025-01-02.png"
    shot.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    ref = capture_reference(shot)
    assert (ref.name, ref.size, ref.media_type) == ("fb-post-2025-01-02.png", shot.stat().st_size, "image/png")
    assert ref.sha256 == hashlib.sha256(shot.read_bytes()).hexdigest()
    f = add_finding(db, investigator, d, capture=ref)
    assert (f.attachment_name, f.attachment_size, f.attachment_type, f.attachment_sha256) == (
        ref.name, ref.size, "image/png", ref.sha256)
    _finish(db, supervisor, investigator, d)
    rep = R.generate_report(db, investigator, investigation_id=d.id)
    text = pdf_text(rep.pdf).replace("\n", " ")
    assert "Searches run:" in text
    assert "reddit.com/user/jaw_907" in text.replace(" ", "") or "reddit.com/user/jaw_907" in text
    assert '"Jordan A. Whitfield" Juneau' in text
    assert ref.sha256 in text.replace(" ", "")


def test_a_capture_reference_refuses_files_that_are_not_captures(tmp_path):
    bad = tmp_path / "notes.docx"
    bad.write_bytes(b"x")
    with pytest.raises(RuleViolation, match="not a capture file"):
        capture_reference(bad)
    empty = tmp_path / "empty.png"
    empty.write_bytes(b"")
    with pytest.raises(RuleViolation, match="empty"):
        capture_reference(empty)
    with pytest.raises(RuleViolation, match="not a file"):
        capture_reference(tmp_path / "missing.png")


def test_updating_a_finding_can_replace_or_keep_its_capture(db, supervisor, investigator, tmp_path):
    d = open_full(db, supervisor, investigator, make_process(db, supervisor))
    page = tmp_path / "post.mhtml"
    page.write_text("MIME-Version: 1.0\n\nsaved page", encoding="utf-8")
    f = add_finding(db, investigator, d)
    assert f.attachment_name is None
    f = F.update_finding(db, investigator, finding_id=f.id, expected_version=f.version, platform="Facebook",
                         categories=["reckless_behaviour"], capture=capture_reference(page))
    assert (f.attachment_name, f.attachment_type) == ("post.mhtml", "multipart/related")
    f = F.update_finding(db, investigator, finding_id=f.id, expected_version=f.version, platform="Facebook",
                         categories=["reckless_behaviour"])
    assert f.attachment_name == "post.mhtml"  # kept


def test_the_report_prints_what_was_searched_only_where_it_adds_to_the_listed_searches(
        db, supervisor, investigator):
    d = open_full(db, supervisor, investigator, make_process(db, supervisor))
    for key, own_words in (("reddit", None), ("tiktok", "Also scrolled the candidate's tagged videos.")):
        it = mark_plan(db, investigator, item(I.get_investigation(db, investigator, investigation_id=d.id), key))
        searched = own_words or S.searched_summary(it.queries)  # what the plan panel fills in
        I.update_item(db, investigator, item_result_id=it.id, expected_version=it.version, status="no_findings",
                      searched=searched, attestations=it.required_attestations)
    rep = R.generate_report(db, investigator, investigation_id=d.id)
    text = " ".join(pdf_text(rep.pdf).split())
    assert "Also scrolled the candidate's tagged videos." in text
    assert text.count("Searched:") == 1  # the reddit item's plan text is not printed twice
    assert "reddit.com/user/jaw_907 — run — nothing found" in text
