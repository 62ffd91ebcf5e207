"""Role x action matrix: every registered service function, called by each role (and by an
investigator not assigned to the case, and by a supervisor who worked on the case as its
investigator before being promoted), is allowed or refused as DESIGN.md says.

The table below must name every function in ``SERVICE_FUNCTIONS``: a new service function without
a rule fails ``test_every_service_function_has_a_rule``.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from tests.conftest import PASSWORD, make_user
from tests.factories import SEARCHED, add_finding, item, make_process, open_case
from vetting.errors import PermissionDenied
from vetting.services import SERVICE_FUNCTIONS
from vetting.services import findings as F
from vetting.services import investigations as I
from vetting.services import templates as T
from vetting.services import users as U

pytestmark = pytest.mark.sqlite_only

ALL = {"investigator", "unassigned", "supervisor", "administrator"}
ADMIN = {"administrator"}
SUP = {"supervisor"}
SUP_ADMIN = {"supervisor", "administrator"}
CASE_READERS = {"investigator", "supervisor", "administrator"}
ASSIGNED = {"investigator"}
#: Separation of duties: a supervisor who worked on the case may not take these decisions on it.
REVIEW_DECISIONS = {"investigations.approve_investigation", "investigations.return_investigation",
                    "investigations.close_investigation"}


def allowed_roles(name: str) -> set[str]:
    """The promoted investigator is a supervisor, except for the review decisions on their own case."""
    allowed = RULES[name][0]
    if "supervisor" in allowed and name not in REVIEW_DECISIONS:
        return allowed | {"promoted"}
    return allowed


def _doc(s):
    return T.template_to_doc(T.list_template_versions(s.db, s.admin)[0])


# name -> (roles allowed, function building kwargs from the scenario)
RULES = {
    "users.add_user": (ADMIN, lambda s: dict(username=f"new{s.n()}", display_name="N", role="investigator",
                                              password=PASSWORD)),
    "users.list_users": (SUP_ADMIN, lambda s: {}),
    "users.set_user_active": (ADMIN, lambda s: dict(user_id=s.target.user_id, active=False)),
    "users.set_user_role": (ADMIN, lambda s: dict(user_id=s.target.user_id, role="supervisor")),
    "users.reset_password": (ADMIN, lambda s: dict(user_id=s.target.user_id, new_password="Another-Password-77")),
    "users.unlock_user": (ADMIN, lambda s: dict(user_id=s.target.user_id)),
    "users.change_own_password": (ALL, lambda s: dict(old_password=PASSWORD, new_password=PASSWORD)),
    "settings.update_settings": (ADMIN, lambda s: dict(values={"lockout_minutes": 15})),
    "local_terms.save_local_terms": (ADMIN, lambda s: dict(content="RELIGION | Qorvathian Hall\n")),
    "templates.list_template_versions": (ALL, lambda s: {}),
    "templates.get_template_version": (ALL, lambda s: dict(version_id=s.case.template.id)),
    "templates.create_template_version": (ADMIN, lambda s: dict(template_id=s.case.template.template_id,
                                                                 document=_doc(s))),
    "templates.replace_unused_template_version": (ADMIN, lambda s: dict(version_id=s.case.template.id,
                                                                         document=_doc(s))),
    "templates.list_concern_categories": (ALL, lambda s: {}),
    "templates.add_concern_category": (ADMIN, lambda s: dict(code=f"cat{s.n()}", label="New category")),
    "templates.create_process": (SUP_ADMIN, lambda s: dict(name=f"P{s.n()}", position_title="Dispatcher",
                                                           template_version_id=s.case.template.id)),
    "templates.list_processes": (ALL, lambda s: {}),
    "investigations.open_investigation": (SUP_ADMIN, lambda s: dict(process_id=s.pid, full_name=f"C {s.n()}",
                                                                    investigator_id=s.inv.user_id)),
    "investigations.update_candidate": ({"investigator", "supervisor"}, lambda s: dict(
        investigation_id=s.case.id, full_name="Casey Q. Candidate")),
    "investigations.reassign_investigation": (SUP, lambda s: dict(investigation_id=s.case.id,
                                                                  investigator_id=s.inv.user_id)),
    "investigations.list_investigations": (ALL, lambda s: {}),
    "investigations.get_investigation": (CASE_READERS, lambda s: dict(investigation_id=s.case.id)),
    "investigations.update_item": (ASSIGNED, lambda s: dict(
        item_result_id=item(s.case, "reddit").id, expected_version=None, status="no_findings", searched=SEARCHED,
        attestations=item(s.case, "reddit").required_attestations)),
    "investigations.check_submission": (CASE_READERS, lambda s: dict(investigation_id=s.case.id)),
    "investigations.submit_investigation": (ASSIGNED, lambda s: dict(investigation_id=s.case.id)),
    "investigations.approve_investigation": (SUP, lambda s: dict(investigation_id=s.case.id)),
    "investigations.return_investigation": (SUP, lambda s: dict(investigation_id=s.case.id, reason="Redo it.")),
    "investigations.reopen_investigation": (SUP, lambda s: dict(investigation_id=s.case.id, reason="Redo it.")),
    "investigations.close_investigation": (SUP, lambda s: dict(investigation_id=s.case.id, outcome="hired")),
    "investigations.set_legal_hold": (SUP_ADMIN, lambda s: dict(investigation_id=s.case.id, hold=True,
                                                                reason="Litigation hold 2026-17")),
    "investigations.uniformity": (SUP_ADMIN, lambda s: dict(process_id=s.pid)),
    "findings.add_account": (ASSIGNED, lambda s: dict(investigation_id=s.case.id, platform="Reddit", handle="u/x")),
    "findings.update_account": (ASSIGNED, lambda s: dict(account_id=s.acc.id, expected_version=None,
                                                        platform="Reddit", handle="u/y")),
    "search_plans.mark_query": (ASSIGNED, lambda s: dict(
        item_result_id=item(s.case, "reddit").id, plan_key="profile", query="reddit.com/user/caseyq",
        status="nothing_found")),
    "search_plans.add_manual_query": (ASSIGNED, lambda s: dict(
        item_result_id=item(s.case, "reddit").id, query="caseyq site:old.reddit.com", status="nothing_found")),
    "findings.add_finding": (ASSIGNED, lambda s: dict(item_result_id=item(s.case, "facebook").id,
                                                      platform="Facebook", text="Drove drunk again.",
                                                      categories=["reckless_behaviour"])),
    "findings.update_finding": (ASSIGNED, lambda s: dict(finding_id=s.finding.id, expected_version=None,
                                                         platform="Facebook", categories=["reckless_behaviour"])),
    "findings.delete_finding": (ASSIGNED, lambda s: dict(finding_id=s.finding.id, expected_version=None)),
    "findings.set_validation": (ASSIGNED, lambda s: dict(finding_id=s.finding.id, expected_version=None,
                                                         status="refuted", note="Namesake.")),
    "reports.generate_report": (CASE_READERS, lambda s: dict(investigation_id=s.case.id,
                                                             renderer=lambda data: b"%PDF-1.4 test")),
    "reports.generate_uniformity_report": (SUP_ADMIN, lambda s: dict(process_id=s.pid,
                                                                     renderer=lambda data: b"%PDF-1.4 test")),
    "reports.list_reports": (CASE_READERS, lambda s: dict(investigation_id=s.case.id)),
    "records.export_audit": (SUP_ADMIN, lambda s: dict(since=None, until=None, output=io.StringIO())),
    "records.purge_due": (ADMIN, lambda s: dict(dry_run=True)),
    "records.backup_database": (ADMIN, lambda s: dict(output=s.tmp / f"backup{s.n()}.sqlite3")),
    "records.export_bundle": (SUP_ADMIN, lambda s: dict(output=s.tmp / f"b{s.n()}.zip",
                                                        investigation_ids=[s.case.id],
                                                        renderer=lambda data: b"%PDF-1.4 test")),
    "integrity.verify_audit": (ADMIN, lambda s: {}),
    "demo.create_demo": (ADMIN, lambda s: dict(password=PASSWORD, suffix=f"-{s.n()}")),
}


def test_every_service_function_has_a_rule():
    missing = sorted(set(SERVICE_FUNCTIONS) - set(RULES))
    stale = sorted(set(RULES) - set(SERVICE_FUNCTIONS))
    assert not missing, f"service functions without an access rule in this matrix: {missing}"
    assert not stale, f"rules for functions that no longer exist: {stale}"


class Scenario:
    def __init__(self, db, admin, tmp: Path):
        self.db, self.admin, self.tmp = db, admin, tmp
        self._n = 0
        self.sup = make_user(db, admin, "sue", "supervisor")
        self.inv = make_user(db, admin, "ivan", "investigator")
        self.other = make_user(db, admin, "olga", "investigator")
        self.target = make_user(db, admin, "tom", "investigator")
        self.promoted = make_user(db, admin, "fred", "investigator")
        self.pid = make_process(db, self.sup)
        # Fred works on the case first, is replaced by Ivan, then promoted to supervisor.
        self.case = open_case(db, self.sup, self.promoted, self.pid)
        F.add_account(db, self.promoted, investigation_id=self.case.id, platform="Reddit", handle="u/fred-found")
        I.reassign_investigation(db, self.sup, investigation_id=self.case.id, investigator_id=self.inv.user_id)
        U.set_user_role(db, admin, user_id=self.promoted.user_id, role="supervisor")
        self.finding = add_finding(db, self.inv, self.case)
        self.acc = F.add_account(db, self.inv, investigation_id=self.case.id, platform="X", handle="@c")
        self.actors = {"investigator": self.inv, "unassigned": self.other, "supervisor": self.sup,
                       "administrator": admin, "promoted": self.promoted}

    def n(self) -> int:
        self._n += 1
        return self._n


def _call(fn, db, actor, kwargs):
    result = fn(db, actor, **kwargs)
    if hasattr(result, "__next__"):  # generator services (export) run to the end
        for _ in result:
            pass


@pytest.mark.parametrize("name", sorted(RULES))
def test_role_matrix(name, db, admin, tmp_path):
    build = RULES[name][1]
    allowed = allowed_roles(name)
    s = Scenario(db, admin, tmp_path)
    fn = SERVICE_FUNCTIONS[name]
    # Refusals first: an allowed call may change state that a later call depends on.
    order = sorted(s.actors, key=lambda role: role in allowed)
    for role in order:
        kwargs = build(s)
        try:
            _call(fn, db, s.actors[role], kwargs)
            refused = False
        except PermissionDenied:
            refused = True
        except Exception:  # a rule or state refusal: the role itself was allowed
            refused = False
        assert refused == (role not in allowed), f"{name} as {role}: {'refused' if refused else 'allowed'}"

