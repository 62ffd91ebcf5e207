"""A realistic, fictional hiring process with three candidates at different stages.

Every text goes through the same screening seam as typed text. All people are fictional.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from vetting.config import load_config
from vetting.db import Database
from vetting.errors import RuleViolation
from vetting.models import Role
from vetting.services import findings as F
from vetting.services import investigations as I
from vetting.services import search_plans as S
from vetting.services import templates as T
from vetting.services import users as U
from vetting.services.core import Actor, service
from vetting.services.signing import install_demo_certificate
from vetting.services.views import InvestigationDetail

ALL_ATTESTATIONS = ["public_only", "no_credentials", "no_pretext", "no_other_accounts"]


@dataclass(frozen=True)
class DemoResult:
    process_id: int
    investigation_ids: tuple[int, ...]
    investigator: str
    supervisor: str
    password: str  # empty when the demo already existed (its password is not known here)
    already_existed: bool = False
    certificate: str = ""  # the demonstration signing certificate now configured ("" if another is)


#: The demo's candidates and the state each is left in.
STAGES = (("Jordan A. Whitfield", "open"), ("Maria Elena Castillo", "submitted"),
          ("Daniel K. Nakamura", "approved"))


def _what_exists(db: Database, admin: Actor, inv_name: str, sup_name: str,
                 process_name: str) -> tuple[list[str], DemoResult | None]:
    """What a previous (perhaps interrupted) run left: descriptions, and the result if it is complete."""
    users = {u.username for u in U.list_users(db, admin)} & {inv_name, sup_name}
    found = [f"user {name}" for name in sorted(users)]
    proc = next((p for p in T.list_processes(db, admin) if p.name == process_name), None)
    if proc is None:
        return found, None
    rows = [r for r in I.list_investigations(db, admin) if r.process_id == proc.id]
    found.append(f"hiring process {process_name!r} (id {proc.id})")
    found += [f"investigation {r.id} ({r.candidate_name}, {r.status})" for r in rows]
    complete = len(users) == 2 and [(r.candidate_name, r.status) for r in sorted(rows, key=lambda r: r.id)] == list(STAGES)
    if complete:
        ids = tuple(sorted(r.id for r in rows))
        return found, DemoResult(proc.id, ids, inv_name, sup_name, "", already_existed=True)
    return found, None


def _item(d: InvestigationDetail, key: str):  # type: ignore[no-untyped-def]
    return next(i for i in d.items if i.key == key)


def _complete_all(db: Database, inv: Actor, d: InvestigationDetail, skip: set[str] = frozenset()) -> InvestigationDetail:
    d = I.get_investigation(db, inv, investigation_id=d.id)
    for it in d.items:
        if it.key in skip or it.terminal:
            continue
        has = any(f.item_result_id == it.id for f in d.findings)
        if it.key == "snapchat":
            I.update_item(db, inv, item_result_id=it.id, expected_version=it.version, status="unable_to_complete",
                          reason="Disclosed Snapchat username shows no public profile; content is visible only to friends.",
                          attestations=it.required_attestations)
        elif it.key == "pinterest":
            I.update_item(db, inv, item_result_id=it.id, expected_version=it.version, status="not_applicable",
                          reason="Candidate disclosed no Pinterest account and none was found under name variants.",
                          attestations=it.required_attestations)
        else:
            for q in it.queries:  # every planned search run first
                if q.planned and q.status is None:
                    it = S.mark_query(db, inv, item_result_id=it.id, plan_key=q.key, query=q.query,
                                      status="results_recorded" if has and q.key == "profile" else "nothing_found")
            I.update_item(db, inv, item_result_id=it.id, expected_version=it.version,
                          status="findings_recorded" if has else "no_findings",
                          searched=S.searched_summary(it.queries) or None,
                          attestations=it.required_attestations)
    return I.get_investigation(db, inv, investigation_id=d.id)


@service
def create_demo(db: Database, actor: Actor, *, password: str, suffix: str = "") -> DemoResult:
    """Create demo users, a process and three investigations: open, submitted, approved (administrator).

    Idempotent: if the demo already exists complete it is returned as it is (``already_existed``);
    if an interrupted run left part of it, RuleViolation lists exactly what exists and nothing is
    added (a new ``suffix`` creates a complete demo beside it).

    Also makes a clearly labelled demonstration signing certificate and names it in the workstation's
    ``settings.toml`` when no signing certificate is configured, so the approved case's report is signed.
    """
    admin = actor
    inv_name, sup_name = f"demo.investigator{suffix}", f"demo.supervisor{suffix}"
    process_name = f"Police Officer - 2027 spring{suffix}"
    found, complete = _what_exists(db, admin, inv_name, sup_name, process_name)
    if complete is not None:
        return complete
    if found:
        raise RuleViolation(
            "An earlier demo run was interrupted and left part of the demo; nothing was added. Use what exists, "
            "or create a complete demo beside it with another suffix (`vetting demo --suffix -2`). It left:",
            found)
    U.add_user(db, admin, username=inv_name, display_name="Det. Alex Rivera (demo)", role=Role.INVESTIGATOR.value,
               password=password)
    U.add_user(db, admin, username=sup_name, display_name="Sgt. Dana Okafor (demo)", role=Role.SUPERVISOR.value,
               password=password)
    inv = U.sign_in(db, username=inv_name, password=password)
    sup = U.sign_in(db, username=sup_name, password=password)
    version = T.list_template_versions(db, admin)[0]
    proc = T.create_process(db, sup, name=process_name, position_title="Police Officer I",
                            template_version_id=version.id)
    now = dt.datetime.now(dt.UTC)

    # 1. Open, in progress.
    a = I.open_investigation(db, sup, process_id=proc.id, investigator_id=inv.user_id, full_name=STAGES[0][0],
                             aliases=["JJ Whitfield"], emails=["jwhitfield88@example.net"],
                             usernames=["jdub_907", "jwhitfield88"], places=["Juneau"])
    acc = F.add_account(db, inv, investigation_id=a.id, platform="X (Twitter)", handle="@jdub_907",
                        url="https://x.example/jdub_907", self_disclosed=True)
    F.add_finding(db, inv, item_result_id=_item(a, "x_twitter").id, platform="X (Twitter)", account_id=acc.id,
                  url="https://x.example/jdub_907/status/1790012345", kind="concern",
                  categories=["reckless_behaviour"], post_date=dt.date(2025, 7, 4), captured_at=now,
                  text="Hit 110 on the Egan last night lol, cops never even saw me. Wife was not impressed "
                       "but hey, I'm 29, not dead yet #sendit")
    I.update_item(db, inv, item_result_id=_item(a, "lawful_methods").id, expected_version=1, status="no_findings",
                  attestations=ALL_ATTESTATIONS)

    # 2. Submitted, awaiting review.
    b = I.open_investigation(db, sup, process_id=proc.id, investigator_id=inv.user_id, full_name=STAGES[1][0],
                             aliases=["Maria Castillo-Reyes"], emails=["mcastillo.ak@example.org"],
                             usernames=["mecastillo"], places=["Anchorage", "Juneau"])
    fb = F.add_account(db, inv, investigation_id=b.id, platform="Facebook", handle="maria.castillo.reyes",
                       url="https://facebook.example/maria.castillo.reyes",
                       matched=[("full_name", "Maria Castillo-Reyes"), ("email", "mcastillo.ak@example.org"),
                                ("photo", "profile photo matches ID photo")])
    f1 = F.add_finding(db, inv, item_result_id=_item(b, "facebook").id, platform="Facebook", account_id=fb.id,
                       url="https://facebook.example/maria.castillo.reyes/posts/5531", kind="mitigating",
                       post_date=dt.date(2025, 11, 2), captured_at=now,
                       text="So proud of our Filipino community food drive at Holy Trinity this weekend! As a "
                            "mom of two and a proud Army veteran I know how much this helps families in Juneau.")
    f2 = F.add_finding(db, inv, item_result_id=_item(b, "facebook").id, platform="Facebook", account_id=fb.id,
                       url="https://facebook.example/maria.castillo.reyes/posts/4410", kind="concern",
                       categories=["confidential_disclosure"], post_date=dt.date(2024, 3, 18), captured_at=now,
                       text="My cousin at dispatch says they're raiding the house on Glacier Ave tomorrow, "
                            "stay away from there y'all")
    F.set_validation(db, inv, finding_id=f1.id, expected_version=f1.version, status="validated",
                     methods=["account_ownership_confirmed", "seen_on_original_platform"],
                     note="Account matched three identifiers; post viewed on the platform on the capture date.")
    F.set_validation(db, inv, finding_id=f2.id, expected_version=f2.version, status="unable_to_validate",
                     note="Post was deleted before it could be viewed on the platform; only a screenshot forwarded "
                          "by a third party exists.")
    b = _complete_all(db, inv, b)
    I.submit_investigation(db, inv, investigation_id=b.id)

    # 3. Approved.
    c = I.open_investigation(db, sup, process_id=proc.id, investigator_id=inv.user_id, full_name=STAGES[2][0],
                             emails=["dknakamura@example.com"], usernames=["dkn_outdoors"],
                             places=["Sitka"])
    ig = F.add_account(db, inv, investigation_id=c.id, platform="Instagram", handle="dkn_outdoors",
                       url="https://instagram.example/dkn_outdoors", self_disclosed=True)
    text3 = ("Another weekend of white-water rafting on the Mendenhall. Some Catholic tourists "
             "on the raft next to us couldn't paddle to save their lives, typical.")
    # The target of the biased remark is redacted like every protected word: the remark stays
    # readable as conduct ("Some [REDACTED] tourists … typical."), and the demo stores nothing that
    # reveals a protected class (an investigator may keep such a word as evidence, with a reason).
    f3 = F.add_finding(db, inv, item_result_id=_item(c, "instagram").id, platform="Instagram", account_id=ig.id,
                       url="https://instagram.example/p/Cx81kd", kind="concern",
                       categories=["bias_speech"], post_date=dt.date(2023, 9, 9), captured_at=now,
                       text=text3)
    F.set_validation(db, inv, finding_id=f3.id, expected_version=f3.version, status="validated",
                     methods=["account_ownership_confirmed", "seen_on_original_platform", "date_confirmed"],
                     note="Candidate confirmed the account and the post in the interview of 2026-10-14.")
    c = _complete_all(db, inv, c)
    I.submit_investigation(db, inv, investigation_id=c.id)
    I.approve_investigation(db, sup, investigation_id=c.id)
    cert = install_demo_certificate(load_config())
    return DemoResult(proc.id, (a.id, b.id, c.id), inv_name, sup_name, password,
                      certificate=str(cert.pkcs12) if cert.configured else "")
