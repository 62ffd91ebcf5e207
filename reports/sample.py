"""Realistic hand-made :class:`ReportData` for tests, the benchmark and sample pages.

The contract module is loaded straight from its file so that building sample data needs neither
the ORM nor the rest of ``vetting.services`` (whose package ``__init__`` imports the services).
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from dataclasses import replace
from pathlib import Path
from types import ModuleType

_CONTRACT = Path(__file__).resolve().parent.parent / "vetting" / "services" / "report_data.py"


def contract() -> ModuleType:
    """The ``report_data`` module (the real one if already imported, else loaded from its file)."""
    mod = sys.modules.get("vetting.services.report_data")
    if mod is not None:
        return mod
    name = "_vw_report_data_contract"
    mod = sys.modules.get(name)
    if mod is None:
        spec = importlib.util.spec_from_file_location(name, _CONTRACT)
        assert spec and spec.loader
        mod = importlib.util.module_from_spec(spec)
        sys.modules[name] = mod
        spec.loader.exec_module(mod)
    return mod


ATTESTATIONS = (
    "Only publicly available content was viewed.",
    "No credentials or account access were requested from the candidate or anyone else.",
    "No friend, follow or connection requests, pretext identities or fake accounts were used.",
    "No one else's account was used to view content.",
)

ITEMS = (
    ("Lawful methods", "Lawful search methods confirmed", None),
    ("Sources searched", "General web search engines", "Web search"),
    ("Sources searched", "Facebook", "Facebook"),
    ("Sources searched", "Instagram", "Instagram"),
    ("Sources searched", "X (Twitter)", "X (Twitter)"),
    ("Sources searched", "TikTok", "TikTok"),
    ("Sources searched", "YouTube", "YouTube"),
    ("Sources searched", "LinkedIn", "LinkedIn"),
    ("Sources searched", "Reddit and forums", "Reddit"),
    ("Sources searched", "News and court-record websites", "News"),
    ("Review", "Protected-class screening reviewed", None),
)

CATEGORIES = (
    "Obscene or sexually explicit content",
    "Reckless or irresponsible behaviour",
    "Disclosure of confidential or law-enforcement information",
    "Unlawful activity (drugs, weapons, violence)",
    "Threats or harassment",
    "Inconsistency with the candidate's application",
)

TEXTS = (
    "Posted a photo holding what appears to be a handgun at a party, caption: \"weekend vibes\". "
    "Comment thread mentions [REDACTED].",
    "Video of the candidate driving at high speed on the interstate; the caption boasts about \"doing 120\".",
    "Reply to a local news post calling a named officer \"a disgrace\" and sharing the officer's home street.",
    "Public post thanking the volunteer fire company for a fundraiser the candidate organised; 40 comments "
    "from community members.",
    "Several posts in 2021 about a DUI arrest that the candidate did not list on the application. "
    "[REDACTED] was mentioned in one reply.",
    "Shared a meme mocking [REDACTED]; the post was deleted two days later according to an archive capture.",
)


def make_report(n_findings: int = 12, *, draft: bool = False, page_size: str = "letter",
                with_unvalidated: bool | None = None, **overrides: object):  # type: ignore[no-untyped-def]
    """A complete report with ``n_findings`` spread over every validation group and both kinds."""
    c = contract()
    t0 = dt.datetime(2025, 3, 3, 14, 5, tzinfo=dt.UTC)
    if with_unvalidated is None:
        with_unvalidated = draft
    statuses = ["validated", "unable_to_validate", "refuted"] + (["unvalidated"] if with_unvalidated else [])
    findings_raw = []
    for i in range(n_findings):
        status = statuses[i % len(statuses)]
        kind = "mitigating" if i % 5 == 3 else "concern"
        item = ITEMS[(1, 2, 3, 4, 6, 7, 8, 9)[i % 8]]
        cats = () if kind == "mitigating" else tuple(CATEGORIES[(i + k) % len(CATEGORIES)] for k in range(1 + i % 2))
        handle = f"jdoe_{i % 4}"
        findings_raw.append(dict(
            item_title=item[1], platform=item[2] or "Web search",
            account=None if i % 7 == 6 else f"@{handle} ({item[2]})",
            url=f"https://www.{(item[2] or 'web').lower().replace(' ', '')}.example.com/{handle}/posts/"
                f"{1000000 + i * 7919}?ref=share&utm_source=copy_link&session=a8f3c2d1e0b9{i:04d}",
            post_date=dt.date(2021 + i % 4, 1 + i % 12, 1 + i % 27),
            captured_at=t0 - dt.timedelta(days=20 - i % 15, minutes=i),
            kind=kind, categories=cats, text=TEXTS[i % len(TEXTS)],
            validation_status=status,
            validation_methods=() if status == "unvalidated" else
            (("Candidate interview", "Cross-check with public records") if i % 2 else ("Candidate interview",)),
            validation_note=None if status == "unvalidated" else
            ("Candidate confirmed the post during the interview on 2025-02-27." if status == "validated" else
             "Account could not be tied to the candidate; identifiers did not match." if status == "refuted" else
             "The post was deleted before it could be verified against the archive."),
            validated_by=None if status == "unvalidated" else "Det. Maria Okafor",
            validated_at=None if status == "unvalidated" else t0 - dt.timedelta(days=3, hours=i % 9),
            redactions=i % 3,
            attachment=None if i % 4 == 1 else f"capture-{i:04d}.png (SHA-256 {('%064x' % (i * 982451653))[:64]})",
        ))
    order = {"validated": 0, "unable_to_validate": 1, "refuted": 2, "unvalidated": 3}
    findings_raw.sort(key=lambda f: (order[f["validation_status"]], f["kind"] != "concern"))
    findings = tuple(c.ReportFinding(number=n, **f) for n, f in enumerate(findings_raw, 1))

    per_item: dict[str, int] = {}
    for f in findings:
        per_item[f.item_title] = per_item.get(f.item_title, 0) + 1
    items = []
    for pos, (section, title, platform) in enumerate(ITEMS, 1):
        status = "findings_recorded" if per_item.get(title) else "no_findings"
        reason = None
        if title == "TikTok":
            status, reason = "not_applicable", "Candidate has no TikTok presence; no disclosed username."
        if title == "News and court-record websites" and not per_item.get(title):
            status, reason = "unable_to_complete", "Court records portal was offline for the whole search period."
        if draft and title == "Protected-class screening reviewed":
            status = "pending"
        labels = {"pending": "Not completed", "no_findings": "No findings", "findings_recorded": "Findings recorded",
                  "not_applicable": "Not applicable", "unable_to_complete": "Unable to complete"}
        done = status != "pending"
        items.append(c.ReportItem(
            position=pos, section=section, title=title, platform=platform, status=status,
            status_label=labels[status], reason=reason,
            searched=f"\"Jordan Doe\", \"J. Doe\", jdoe_1, jordan.doe@example.org on {title}" if platform else None,
            notes="Department research account used; no sign-in to candidate accounts." if pos % 3 == 0 else None,
            completed_at=t0 - dt.timedelta(days=12 - pos, hours=pos) if done else None,
            completed_by="Det. Maria Okafor" if done else None,
            attestations_confirmed=ATTESTATIONS if pos % 4 else ATTESTATIONS[:2],
            findings=per_item.get(title, 0)))
    accounts = (
        c.ReportAccount("Facebook", "jordan.doe.77", "https://www.facebook.com/jordan.doe.77", "identifiers_matched",
                        "Confirmed - 3 identifiers matched (e-mail address, photo, username)"),
        c.ReportAccount("Instagram", "@jdoe_1", "https://www.instagram.com/jdoe_1/", "self_disclosed",
                        "Confirmed - disclosed by the candidate"),
        c.ReportAccount("X (Twitter)", "@jordandoe_", "https://x.com/jordandoe_", "not_confirmed",
                        "Not confirmed (1 identifier(s) matched)"),
    )
    summary = []
    for cat in CATEGORIES:
        concern = [f for f in findings if f.kind == "concern" and cat in f.categories]
        if concern:
            summary.append((cat, sum(1 for f in concern if f.validation_status == "validated"), len(concern)))
    reviews: list = []
    if not draft:
        reviews = [
            c.ReportReview("submit", "Submitted for review", None, "Det. Maria Okafor", t0 - dt.timedelta(days=2)),
            c.ReportReview("return", "Returned to investigator", "Please add the validation note for finding 4.",
                           "Sgt. Lee Harrington", t0 - dt.timedelta(days=1, hours=20)),
            c.ReportReview("submit", "Submitted for review", None, "Det. Maria Okafor", t0 - dt.timedelta(days=1)),
            c.ReportReview("approve", "Approved", None, "Sgt. Lee Harrington", t0 - dt.timedelta(hours=3)),
        ]
    red_total = sum(f.redactions for f in findings)
    data = c.ReportData(
        document_id="BI-20250303-9F2C41AB", generated_at=t0, generated_by="Det. Maria Okafor",
        local_tz_name="America/New_York", page_size=page_size, draft=draft,
        status="in_progress" if draft else "approved",
        candidate_name="Jordan Alexis Doe", candidate_aliases=("J. Doe", "jdoe_1"),
        process_name="Police Officer Recruit \u2014 Spring 2025 hiring process", position_title="Police Officer Recruit",
        investigator="Det. Maria Okafor", supervisor=None if draft else "Sgt. Lee Harrington",
        approved_at=None if draft else t0 - dt.timedelta(hours=3),
        template_label="JPD social media background check, version 1", attestation_texts=ATTESTATIONS,
        items=tuple(items), accounts=accounts, findings=findings, category_summary=tuple(summary),
        redaction_total=red_total, redaction_automatic=red_total - red_total // 3, redaction_manual=red_total // 3,
        dismissed_by_reason=(("Not about a protected class (false positive)", 4), ("Public figure or place name", 2)),
        screening_engine="presidio-analyzer 2.2.366 + spaCy en_core_web_sm 3.8.0, term lists v3",
        reviews=tuple(reviews), audit_head="1843:3f9a0c2e7b1d4a65c0d8e2f1a9b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9",
    )
    return replace(data, **overrides) if overrides else data
