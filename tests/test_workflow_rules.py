"""The product rules of DESIGN.md (uniformity, lawful methods, validation, workflow and access),
each proved against the real services on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from tests.factories import (
    SEARCHED,
    add_finding,
    complete_items,
    item,
    make_process,
    mark_plan,
    open_case,
    validate_all,
)
from vetting.errors import PermissionDenied, RuleViolation
from vetting.screening import Dismissal
from vetting.services import findings as F
from vetting.services import investigations as I
from vetting.services import templates as T


@pytest.fixture
def case(db, supervisor, investigator):
    pid = make_process(db, supervisor)
    return open_case(db, supervisor, investigator, pid)


# ---------------------------------------------------------------- uniformity


def test_every_investigation_of_a_process_gets_the_pinned_versions_items_in_order(db, supervisor, investigator, admin):
    pid = make_process(db, supervisor)
    a = open_case(db, supervisor, investigator, pid, "Ann Able")
    # A new template version appears after the process was created ...
    v1 = T.list_template_versions(db, admin)[0]
    doc = T.template_to_doc(v1)
    doc["sections"][1]["items"].append({"key": "mastodon", "title": "Mastodon", "instruction": "Search it.",
                                        "attestations": ["public_only"]})
    v2 = T.create_template_version(db, admin, template_id=v1.template_id, document=doc)
    assert v2.number == 2
    # ... and does not change what later candidates of the same process get.
    b = open_case(db, supervisor, investigator, pid, "Ben Baker")
    titles_a = [i.title for i in a.items]
    assert titles_a == [i.title for i in b.items]
    assert titles_a == [i.title for s in v1.sections for i in s.items]
    assert "Mastodon" not in titles_a
    assert a.template.id == b.template.id == v1.id


def test_default_template_has_lawful_methods_every_source_and_review(db, admin):
    v = T.list_template_versions(db, admin)[0]
    assert [s.title for s in v.sections] == ["Lawful methods", "Sources searched", "Review"]
    sources = [i.title for i in v.sections[1].items]
    for platform in ("General web search engines", "Facebook", "Instagram", "X (Twitter)", "TikTok", "Snapchat",
                     "YouTube", "Reddit", "LinkedIn", "Pinterest", "News sites and archives"):
        assert platform in sources
    assert {a.key for a in v.attestations} == {"public_only", "no_credentials", "no_pretext", "no_other_accounts"}


def test_a_template_version_in_use_can_never_change(db, admin, supervisor):
    v1 = T.list_template_versions(db, admin)[0]
    doc = T.template_to_doc(v1)
    doc["sections"][0]["items"][0]["instruction"] = "Changed instruction"
    make_process(db, supervisor)
    with pytest.raises(RuleViolation, match="can never change"):
        T.replace_unused_template_version(db, admin, version_id=v1.id, document=doc)
    assert T.get_template_version(db, admin, version_id=v1.id).sections[0].items[0].instruction != "Changed instruction"


def test_an_unused_version_can_be_corrected(db, admin):
    v1 = T.list_template_versions(db, admin)[0]
    doc = T.template_to_doc(v1)
    doc["sections"][0]["items"][0]["instruction"] = "Corrected"
    v = T.replace_unused_template_version(db, admin, version_id=v1.id, document=doc)
    assert v.sections[0].items[0].instruction == "Corrected"


def test_uniformity_grid_shows_every_candidate_and_item(db, supervisor, investigator):
    pid = make_process(db, supervisor)
    a = open_case(db, supervisor, investigator, pid, "Ann Able")
    open_case(db, supervisor, investigator, pid, "Ben Baker")
    it = item(a, "facebook")
    it = mark_plan(db, investigator, it)  # its planned searches are run first
    I.update_item(db, investigator, item_result_id=it.id, expected_version=it.version, status="no_findings", searched=SEARCHED,
                  attestations=it.required_attestations)
    grid = I.uniformity(db, supervisor, process_id=pid)
    assert [r["candidate"] for r in grid["rows"]] == ["Ann Able", "Ben Baker"]
    assert len(grid["items"]) == len(a.items)
    ann = grid["rows"][0]["cells"]
    assert ann[it.position - 1][0] == "no_findings" and ann[it.position - 1][1] is not None
    assert grid["rows"][1]["cells"][it.position - 1] == ("pending", None)


# ---------------------------------------------------------------- items and lawful methods


def test_not_applicable_requires_a_reason(db, investigator, case):
    it = item(case, "pinterest")
    with pytest.raises(RuleViolation, match="reason is required"):
        I.update_item(db, investigator, item_result_id=it.id, expected_version=it.version, status="not_applicable",
                      attestations=it.required_attestations, reason="  ")
    with pytest.raises(RuleViolation, match="reason is required"):
        I.update_item(db, investigator, item_result_id=it.id, expected_version=it.version,
                      status="unable_to_complete", attestations=it.required_attestations)
    v = I.update_item(db, investigator, item_result_id=it.id, expected_version=it.version, status="not_applicable",
                      attestations=it.required_attestations, reason="No account found under any identifier.")
    assert v.status == "not_applicable" and v.reason


def test_completing_an_item_requires_its_attestations_and_records_who_and_when(db, investigator, case):
    it = item(case, "facebook")
    it = mark_plan(db, investigator, it)  # its planned searches are run first
    with pytest.raises(RuleViolation, match="attestation"):
        I.update_item(db, investigator, item_result_id=it.id, expected_version=it.version, status="no_findings",
                      attestations=["public_only"])
    v = I.update_item(db, investigator, item_result_id=it.id, expected_version=it.version, status="no_findings", searched=SEARCHED,
                      attestations=it.required_attestations)
    assert set(v.attestations_confirmed) == set(it.required_attestations)
    assert v.completed_by == "Det. Ivan Investigator" and v.completed_at is not None


def test_findings_recorded_needs_a_finding_and_no_findings_refuses_existing_ones(db, investigator, case):
    it = item(case, "facebook")
    with pytest.raises(RuleViolation, match="at least one finding"):
        I.update_item(db, investigator, item_result_id=it.id, expected_version=it.version,
                      status="findings_recorded", attestations=it.required_attestations)
    add_finding(db, investigator, case)
    with pytest.raises(RuleViolation, match="finding"):
        I.update_item(db, investigator, item_result_id=it.id, expected_version=it.version, status="no_findings", searched=SEARCHED,
                      attestations=it.required_attestations)


# ---------------------------------------------------------------- validation


def test_validated_requires_a_method_and_a_note(db, investigator, case):
    f = add_finding(db, investigator, case)
    assert f.validation_status == "unvalidated"
    with pytest.raises(RuleViolation, match="method"):
        F.set_validation(db, investigator, finding_id=f.id, expected_version=f.version, status="validated",
                         methods=[], note="Seen.")
    with pytest.raises(RuleViolation, match="note"):
        F.set_validation(db, investigator, finding_id=f.id, expected_version=f.version, status="validated",
                         methods=["date_confirmed"], note="")
    v = F.set_validation(db, investigator, finding_id=f.id, expected_version=f.version, status="validated",
                         methods=["date_confirmed"], note="Date matches the platform's timestamp.")
    assert v.validation_status == "validated" and v.validated_by and v.validated_at


def test_date_confirmed_is_refused_while_the_post_date_is_unknown(db, investigator, case):
    f = add_finding(db, investigator, case, post_date=None)
    with pytest.raises(RuleViolation, match="'Date confirmed' needs the post's date"):
        F.set_validation(db, investigator, finding_id=f.id, expected_version=f.version, status="validated",
                         methods=["date_confirmed"], note="Timestamp matches.")
    v = F.set_validation(db, investigator, finding_id=f.id, expected_version=f.version, status="validated",
                         methods=["seen_on_original_platform"], note="Seen on the platform.")
    assert v.validation_status == "validated"


def test_editing_a_finding_resets_its_validation(db, investigator, case):
    f = add_finding(db, investigator, case)
    f = F.set_validation(db, investigator, finding_id=f.id, expected_version=f.version, status="validated",
                         methods=["date_confirmed"], note="ok")
    f = F.update_finding(db, investigator, finding_id=f.id, expected_version=f.version, platform="Facebook",
                         categories=["reckless_behaviour"], text="Corrected text of the post about speeding.")
    assert f.validation_status == "unvalidated" and not f.validation_methods


# ---------------------------------------------------------------- submission and review


def test_submit_refused_while_an_item_is_not_terminal(db, investigator, case):
    with pytest.raises(RuleViolation) as exc:
        I.submit_investigation(db, investigator, investigation_id=case.id)
    assert len(exc.value.problems) == len(case.items)
    assert all("has no outcome" in p for p in exc.value.problems)
    assert exc.value.targets[0] == f"item:{case.items[0].id}"


def test_submit_refused_while_a_finding_is_unvalidated(db, investigator, case):
    f = add_finding(db, investigator, case)
    complete_items(db, investigator, case.id)
    with pytest.raises(RuleViolation) as exc:
        I.submit_investigation(db, investigator, investigation_id=case.id)
    assert exc.value.problems == [p.message for p in I.check_submission(db, investigator, investigation_id=case.id)]
    assert exc.value.targets == [f"finding:{f.id}"]
    validate_all(db, investigator, I.get_investigation(db, investigator, investigation_id=case.id))
    assert I.submit_investigation(db, investigator, investigation_id=case.id).status == "submitted"


def _submitted(db, investigator, case):
    add_finding(db, investigator, case)
    d = complete_items(db, investigator, case.id)
    validate_all(db, investigator, d)
    return I.submit_investigation(db, investigator, investigation_id=case.id)


def test_approved_investigation_is_read_only(db, investigator, supervisor, case):
    _submitted(db, investigator, case)
    d = I.approve_investigation(db, supervisor, investigation_id=case.id)
    assert d.status == "approved" and d.approved_by == "Sgt. Sue Supervisor"
    it = item(d, "facebook")
    with pytest.raises(RuleViolation, match="read-only"):
        I.update_item(db, investigator, item_result_id=it.id, expected_version=it.version, status="no_findings", searched=SEARCHED,
                      attestations=it.required_attestations)
    with pytest.raises(RuleViolation, match="read-only"):
        add_finding(db, investigator, d)
    f = d.findings[0]
    with pytest.raises(RuleViolation, match="read-only"):
        F.set_validation(db, investigator, finding_id=f.id, expected_version=f.version, status="refuted", note="x")


def test_submitted_investigation_cannot_be_edited_until_returned(db, investigator, supervisor, case):
    _submitted(db, investigator, case)
    with pytest.raises(RuleViolation):
        add_finding(db, investigator, case)
    with pytest.raises(RuleViolation, match="reason"):
        I.return_investigation(db, supervisor, investigation_id=case.id, reason="")
    d = I.return_investigation(db, supervisor, investigation_id=case.id, reason="Validate the LinkedIn item again.")
    assert d.status == "returned" and d.reviews[-1].reason
    add_finding(db, investigator, d, key="linkedin")


def test_reopening_needs_a_supervisor_and_a_reason(db, investigator, supervisor, admin, case):
    _submitted(db, investigator, case)
    I.approve_investigation(db, supervisor, investigation_id=case.id)
    with pytest.raises(PermissionDenied):
        I.reopen_investigation(db, investigator, investigation_id=case.id, reason="I want to change it")
    with pytest.raises(PermissionDenied):
        I.reopen_investigation(db, admin, investigation_id=case.id, reason="Admin wants to change it")
    with pytest.raises(RuleViolation, match="reason"):
        I.reopen_investigation(db, supervisor, investigation_id=case.id, reason=" ")
    d = I.reopen_investigation(db, supervisor, investigation_id=case.id, reason="New information from the interview.")
    assert d.status == "returned" and d.approved_by is None


def test_only_a_supervisor_approves(db, investigator, admin, case):
    _submitted(db, investigator, case)
    for actor in (investigator, admin):
        with pytest.raises(PermissionDenied):
            I.approve_investigation(db, actor, investigation_id=case.id)


def test_closing_sets_the_destruction_date_from_the_schedule(db, investigator, supervisor, case):
    _submitted(db, investigator, case)
    I.approve_investigation(db, supervisor, investigation_id=case.id)
    d = I.close_investigation(db, supervisor, investigation_id=case.id, outcome="not_hired")
    assert d.status == "closed" and d.destruction_date.year == d.closed_at.year + 3


# ---------------------------------------------------------------- access


def test_investigator_cannot_open_or_edit_another_investigators_case(db, supervisor, investigator,
                                                                     other_investigator, case):
    with pytest.raises(PermissionDenied):
        I.get_investigation(db, other_investigator, investigation_id=case.id)
    it = item(case, "facebook")
    with pytest.raises(PermissionDenied):
        I.update_item(db, other_investigator, item_result_id=it.id, expected_version=it.version,
                      status="no_findings", searched=SEARCHED, attestations=it.required_attestations)
    with pytest.raises(PermissionDenied):
        add_finding(db, other_investigator, case)


def test_investigators_list_only_their_own_cases(db, supervisor, investigator, other_investigator):
    pid = make_process(db, supervisor)
    mine = open_case(db, supervisor, investigator, pid, "Mine Mover")
    open_case(db, supervisor, other_investigator, pid, "Theirs Thorn")
    assert [r.id for r in I.list_investigations(db, investigator)] == [mine.id]
    assert len(I.list_investigations(db, supervisor)) == 2


def test_supervisor_can_view_but_not_edit_an_investigation(db, supervisor, case):
    assert I.get_investigation(db, supervisor, investigation_id=case.id).id == case.id
    it = item(case, "facebook")
    with pytest.raises(PermissionDenied):
        I.update_item(db, supervisor, item_result_id=it.id, expected_version=it.version, status="no_findings", searched=SEARCHED,
                      attestations=it.required_attestations)


def test_a_disabled_user_is_refused_on_the_next_action(db, admin, investigator, case):
    from vetting.services import users as U

    U.set_user_active(db, admin, user_id=investigator.user_id, active=False)
    with pytest.raises(PermissionDenied, match="disabled"):
        I.get_investigation(db, investigator, investigation_id=case.id)


def test_a_role_change_takes_effect_on_the_next_action(db, admin, investigator, supervisor, case):
    from vetting.services import users as U

    U.set_user_role(db, admin, user_id=supervisor.user_id, role="investigator")
    with pytest.raises(PermissionDenied):
        I.approve_investigation(db, supervisor, investigation_id=case.id)


def test_search_by_name_or_alias(db, supervisor, investigator):
    pid = make_process(db, supervisor)
    open_case(db, supervisor, investigator, pid, "Zoë Ólafsdóttir", aliases=("Zee Olafs",))
    open_case(db, supervisor, investigator, pid, "Peter Parkes", aliases=())
    assert [r.candidate_name for r in I.list_investigations(db, supervisor, search="zee")] == ["Zoë Ólafsdóttir"]
    assert [r.candidate_name for r in I.list_investigations(db, supervisor, search="ÓLAFS")] == ["Zoë Ólafsdóttir"]
    assert I.list_investigations(db, supervisor, search="100%_") == []


# ---------------------------------------------------------------- accounts


def test_account_is_confirmed_only_by_disclosure_or_enough_identifiers(db, investigator, case, admin):
    two = F.add_account(db, investigator, investigation_id=case.id, platform="Reddit", handle="u/caseyq",
                        matched=[("username", "caseyq"), ("location", "Juneau")])
    assert two.ownership == "not_confirmed"
    three = F.add_account(db, investigator, investigation_id=case.id, platform="Reddit", handle="u/cq2",
                          matched=[("username", "caseyq"), ("location", "Juneau"), ("photo", "same face")])
    assert three.ownership == "identifiers_matched"
    disclosed = F.add_account(db, investigator, investigation_id=case.id, platform="TikTok", handle="@cq",
                              self_disclosed=True)
    assert disclosed.ownership == "self_disclosed"
    from vetting.services.settings import update_settings

    update_settings(db, admin, values={"identifiers_to_confirm_account": 2})
    again = F.update_account(db, investigator, account_id=two.id, expected_version=two.version, platform="Reddit",
                             handle="u/caseyq", matched=two.matched)
    assert again.ownership == "identifiers_matched"


def test_resaving_an_unchanged_note_keeps_the_investigators_screening_decisions(db, investigator, case):
    from vetting.screening import Dismissal
    from vetting.services.screening import TextReview

    it = item(case, "facebook")
    it = mark_plan(db, investigator, it)  # its planned searches are run first
    note = "Comments mock the Tlingit family next door; candidate joined in."
    s = note.index("Tlingit")
    keep = {"notes": TextReview(dismissed=(Dismissal(s, s + len("Tlingit"), "biased_speech_evidence"),))}
    v = I.update_item(db, investigator, item_result_id=it.id, expected_version=it.version, status="no_findings", searched=SEARCHED,
                      attestations=it.required_attestations, notes=note, reviews=keep)
    assert v.notes == note
    again = I.update_item(db, investigator, item_result_id=it.id, expected_version=v.version, status="no_findings", searched=SEARCHED,
                          attestations=it.required_attestations, notes=v.notes)
    assert again.notes == note
    edited = I.update_item(db, investigator, item_result_id=it.id, expected_version=again.version,
                           status="no_findings", searched=SEARCHED, attestations=it.required_attestations, notes=note + " Again.")
    assert "Tlingit" not in edited.notes  # a changed text is screened afresh


def test_a_reviewed_text_with_an_undecided_possible_mention_is_refused_and_nothing_is_stored(db, investigator, case):
    from vetting.services.screening import TextReview, UndecidedSpans

    text = "Helped at the Holy Trinity food drive, then drove 120 on the highway."
    start = text.index("Holy Trinity")
    with pytest.raises(UndecidedSpans, match="1 possible protected-class mention still"):
        add_finding(db, investigator, case, text=text, review=TextReview())
    d = I.get_investigation(db, investigator, investigation_id=case.id)
    assert not d.findings
    f = add_finding(db, investigator, case, text=text,
                    review=TextReview(confirmed=((start, start + len("Holy Trinity")),)))
    assert "Holy Trinity" not in f.text and "120 on the highway" in f.text
    kept = add_finding(db, investigator, case, text=text, review=TextReview(
        dismissed=(Dismissal(start, start + len("Holy Trinity"), "not_protected"),)))
    assert "Holy Trinity" in kept.text
    # without a review (imports, the command line) nobody could decide: redacted, recall first
    assert "Holy Trinity" not in add_finding(db, investigator, case, text=text).text


def test_an_item_completed_as_searched_needs_what_was_searched(db, investigator, case):
    it = item(case, "facebook")
    assert any(q.planned for q in it.queries)
    # First the plan: every planned search is marked before the item is completed.
    with pytest.raises(RuleViolation, match="planned searches are not marked"):
        I.update_item(db, investigator, item_result_id=it.id, expected_version=it.version, status="no_findings",
                      searched="Facebook", attestations=it.required_attestations)
    # Marked, but none could be run: the investigator says what was searched instead.
    it = mark_plan(db, investigator, it, status="not_possible", reason="The site refused every search today.")
    for text in (None, "   "):
        with pytest.raises(RuleViolation, match="what was searched"):
            I.update_item(db, investigator, item_result_id=it.id, expected_version=it.version, status="no_findings",
                          searched=text, attestations=it.required_attestations)
    add_finding(db, investigator, case)
    it = item(I.get_investigation(db, investigator, investigation_id=case.id), "facebook")
    with pytest.raises(RuleViolation, match="what was searched"):
        I.update_item(db, investigator, item_result_id=it.id, expected_version=it.version,
                      status="findings_recorded", attestations=it.required_attestations)
    done = I.update_item(db, investigator, item_result_id=it.id, expected_version=it.version,
                         status="findings_recorded", searched="The candidate's profile, opened from a friend's list.",
                         attestations=it.required_attestations)
    assert done.status == "findings_recorded"
    # A search marked as run says what was searched: the free text is then optional.
    other = item(case, "instagram")
    other = mark_plan(db, investigator, other)
    ran = I.update_item(db, investigator, item_result_id=other.id, expected_version=other.version,
                        status="no_findings", attestations=other.required_attestations)
    assert ran.status == "no_findings" and ran.searched is None
    # A review item is reviewed, not searched: no search text is asked for.
    review = item(case, "screening_review")
    v = I.update_item(db, investigator, item_result_id=review.id, expected_version=review.version,
                      status="no_findings", attestations=review.required_attestations)
    assert v.status == "no_findings" and v.searched is None
