"""The uniformity PDF (reports/uniformity.py), fed hand-made UniformityReportData and read back
with pypdf; plus one run through the service and the installed entry point."""

from __future__ import annotations

import datetime as dt
import io
import re
import unicodedata

from pypdf import PdfReader
from reportlab.lib.pagesizes import A4, LETTER, landscape

from reports import uniformity as U
from vetting.services.report_data import UniformityReportData

ITEMS = ("Lawful search methods", "General web search engines", "Facebook", "Instagram", "X (Twitter)",
         "TikTok", "Snapchat", "YouTube", "Reddit", "LinkedIn", "Pinterest", "News sites and archives",
         "Blogs, personal websites and forums", "Accounts and usernames disclosed by the candidate",
         "Protected-class screening review", "Validation of findings")
LABELS = ("No findings", "Findings recorded", "Not applicable", "Unable to complete", "Not completed", "missing")
WHEN = dt.datetime(2026, 3, 2, 9, 30, tzinfo=dt.UTC)

_WS = re.compile(r"[\s\u200b\u00ad]+")


def norm(text: str) -> str:
    """Text extraction reflows wrapped cells: compare without whitespace."""
    return _WS.sub("", unicodedata.normalize("NFC", text))


def make(n: int, *, names: tuple[str, ...] | None = None, page_size: str = "letter",
         items: tuple[str, ...] = ITEMS) -> UniformityReportData:
    names = names or tuple(f"Candidate{k:02d} Surname{k:02d}" for k in range(n))
    cells = tuple(
        tuple((LABELS[(c + i) % len(LABELS)], None if LABELS[(c + i) % len(LABELS)] in ("Not completed", "missing")
               else WHEN + dt.timedelta(days=i)) for i in range(len(items)))
        for c in range(len(names)))
    return UniformityReportData(
        document_id="BI-20260302-0A1B2C3D", generated_at=dt.datetime(2026, 3, 20, 14, 5, tzinfo=dt.UTC),
        generated_by="Sgt. Dana Reyes", page_size=page_size, process_name="Police Officer \u2014 2027 spring",
        template_label="JPD social media background check, version 1", items=items, candidates=names,
        statuses=tuple(("approved", "submitted", "open", "returned")[k % 4] for k in range(len(names))),
        cells=cells)


def read(pdf: bytes) -> tuple[PdfReader, list[str]]:
    reader = PdfReader(io.BytesIO(pdf))
    return reader, [p.extract_text() or "" for p in reader.pages]


def test_every_item_candidate_and_status_is_printed_on_one_landscape_page() -> None:
    data = make(8)
    reader, pages = read(U.render(data))
    assert len(pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == tuple(round(v) for v in landscape(LETTER))
    text = norm(pages[0])
    assert norm("CONFIDENTIAL \u2014 Background investigation \u2014 social media") in text
    assert norm("Uniformity of checks \u2014 Police Officer \u2014 2027 spring") in text
    assert norm(data.template_label) in text and data.document_id in text
    assert norm("2026-03-20 14:05 UTC") in text
    assert "Page1of1" in text
    for n, title in enumerate(ITEMS, 1):
        assert norm(f"{n}. {title}") in text, title
    for name in data.candidates:
        assert norm(name) in text, name
    # every status appears as symbol + short word (never colour alone), and completion dates print
    for symbol, short in {U.status_mark(label) for label in LABELS}:
        assert norm(f"{symbol} {short}") in text, short
    assert "2026-03-02" in text and "2026-03-17" in text
    assert text.count(norm("\u2713 No findings")) >= sum(
        1 for row in data.cells for label, _ in row if label == "No findings")


def test_a4_setting_gives_a4_landscape() -> None:
    reader, _ = read(U.render(make(3, page_size="a4")))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == tuple(round(v) for v in landscape(A4))


def test_many_candidates_continue_on_further_pages_with_the_item_column_repeated() -> None:
    data = make(23)
    _reader, pages = read(U.render(data))
    assert len(pages) >= 3
    texts = [norm(t) for t in pages]
    for i, t in enumerate(texts, 1):
        assert f"Page{i}of{len(pages)}" in t
        assert norm("CONFIDENTIAL \u2014 Background investigation \u2014 social media") in t
        for n, title in enumerate(ITEMS, 1):  # the item column is on every page
            assert norm(f"{n}. {title}") in t, (i, title)
    for name in data.candidates:  # each candidate on exactly one page
        assert sum(norm(name) in t for t in texts) == 1, name
    assert norm("(continued): candidates") in texts[1]


def test_column_plan_shrinks_the_font_but_keeps_it_readable() -> None:
    r = U.UniformityRenderer()
    r._page_width, r._page_height = landscape(LETTER)
    per3, w3, size3 = r._column_plan(3)
    per10, w10, size10 = r._column_plan(10)
    per30, w30, size30 = r._column_plan(30)
    assert per3 == 3 and per10 == 10 and size3 > size10 >= 6.5
    assert per30 < 30 and w30 >= r.min_column and size30 >= 6.5
    assert 30 / per30 <= 4  # spread evenly over few pages


def test_markup_in_names_and_titles_prints_literally() -> None:
    names = ("<b>Eve</b> & Co", "Ann <font size=40>Big</font>", "O'Neil \"Q\"")
    data = make(3, names=names, items=("<i>Facebook</i> & friends",) + ITEMS[1:4])
    data = UniformityReportData(**{**data.__dict__, "process_name": "Spring <br/> & <u>2027</u>"})
    _reader, pages = read(U.render(data))
    text = norm("".join(pages))
    for name in names:
        assert norm(name) in text, name
    assert norm("1. <i>Facebook</i> & friends") in text
    assert norm("Spring <br/> & <u>2027</u>") in text


def test_unknown_status_labels_print_as_they_are_and_empty_process_renders() -> None:
    data = make(2, items=ITEMS[:2])
    odd = ((("Waived by chief", None), ("No findings", WHEN)),) + data.cells[1:]
    data = UniformityReportData(**{**data.__dict__, "cells": odd})
    assert "Waivedbychief" in norm(read(U.render(data))[1][0])
    empty = UniformityReportData(**{**data.__dict__, "candidates": (), "statuses": (), "cells": ()})
    assert "no investigations in this hiring process" in read(U.render(empty))[1][0]


def test_pdf_metadata_names_no_process_or_candidate() -> None:
    data = make(2, names=("Jordan Whitfield", "Casey Quinn"))
    reader, _ = read(U.render(data))
    meta = " ".join(str(v) for v in (reader.metadata or {}).values())
    assert "Whitfield" not in meta and "Police" not in meta
    assert data.document_id in meta


def test_service_renders_through_the_installed_entry_point(db, supervisor, investigator) -> None:  # type: ignore[no-untyped-def]
    from tests.factories import complete_items, make_process, open_case
    from vetting.services import reports as R

    pid = make_process(db, supervisor)
    a = open_case(db, supervisor, investigator, pid, name="Alpha <b>Candidate</b>", aliases=())
    open_case(db, supervisor, investigator, pid, name="Beta Candidate", aliases=())
    complete_items(db, investigator, a.id)
    report = R.generate_uniformity_report(db, supervisor, process_id=pid)
    _reader, pages = read(report.pdf)
    text = norm("".join(pages))
    assert norm("Alpha <b>Candidate</b>") in text and norm("Beta Candidate") in text
    assert report.document_id in text
    assert norm("\u25cb Pending") in text and norm("\u2713 No findings") in text
