"""The PDF renderer (reports/pdf.py), fed hand-made ReportData and read back with pypdf."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import unicodedata
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.platypus import Paragraph, Table

from reports import pdf
from reports.sample import contract, make_report

C = contract()
ROOT = Path(__file__).resolve().parent.parent

# ------------------------------------------------------------------------------------------------
# helpers
# ------------------------------------------------------------------------------------------------


def read(pdf_bytes: bytes) -> tuple[PdfReader, list[str]]:
    reader = PdfReader(io.BytesIO(pdf_bytes))
    return reader, [p.extract_text() or "" for p in reader.pages]


_WS = re.compile(r"[\s\u200b\u00ad\u2028\u2029\u3000\ufeff]+")


def norm(text: str) -> str:
    """Compare text ignoring whitespace and line breaks (text extraction reflows everything)."""
    return _WS.sub("", unicodedata.normalize("NFC", text))


def body_text(pages: list[str], data) -> str:  # type: ignore[no-untyped-def]
    """All page texts with the running header and footer removed (they interleave with a table row
    that continues on the next page)."""
    deco = [pdf.ReportRenderer.header_text, pdf.ReportRenderer.org_line, pdf.ReportRenderer.draft_banner,
            f"Document {data.document_id}", "Confidential \u2014 do not copy or forward"]
    out = []
    n = len(pages)
    for i, t in enumerate(pages, 1):
        t = t.replace(f"Page {i} of {n}", "")
        for d in deco:
            t = t.replace(d, "", 1)
        if not data.draft:
            t = t.replace(data.document_id, "", 1)
        out.append(t)
    return "\n".join(out)


FINDING_RE = re.compile(r"Finding (\d+) \u00b7")


def render(data) -> tuple[bytes, list[str]]:  # type: ignore[no-untyped-def]
    b = pdf.render(data)
    assert b.startswith(b"%PDF-")
    return b, read(b)[1]


@pytest.fixture(scope="module")
def approved():  # type: ignore[no-untyped-def]
    data = make_report(16)
    b, pages = render(data)
    return data, b, pages


@pytest.fixture(scope="module")
def draft():  # type: ignore[no-untyped-def]
    data = make_report(17, draft=True, page_size="a4")
    b, pages = render(data)
    return data, b, pages


# ------------------------------------------------------------------------------------------------
# structure
# ------------------------------------------------------------------------------------------------


def test_render_entry_point_returns_pdf_bytes(approved):  # type: ignore[no-untyped-def]
    _, b, pages = approved
    assert isinstance(b, bytes) and b.startswith(b"%PDF-") and b.rstrip().endswith(b"%%EOF")
    assert len(pages) >= 3


def test_cover_block(approved):  # type: ignore[no-untyped-def]
    data, _, pages = approved
    first = pages[0]
    for s in (data.candidate_name, "J. Doe", "jdoe_1", data.position_title, data.process_name, data.investigator,
              "Sgt. Lee Harrington", data.template_label, data.document_id, "2025-03-03 14:05:00 UTC",
              "2025-03-03 09:05:00 EST (America/New_York)", "approved 2025-03-03 11:05 UTC"):
        assert s in first, s


def test_local_time_only_for_iana_zone():  # type: ignore[no-untyped-def]
    for tz in ("EST5EDT-not-a-zone", "", "../../etc/passwd", "UTC"):
        _, pages = render(make_report(1, local_tz_name=tz))
        assert "2025-03-03 14:05:00 UTC" in pages[0]
        assert "(America/New_York)" not in pages[0] and "EST" not in pages[0].split("Generated")[1][:60]
    _, pages = render(make_report(1, local_tz_name="Europe/Berlin"))
    assert "2025-03-03 15:05:00 CET (Europe/Berlin)" in pages[0]


def test_header_and_page_n_of_m_on_every_page(approved, draft):  # type: ignore[no-untyped-def]
    for data, _, pages in (approved, draft):
        m = len(pages)
        for i, t in enumerate(pages, 1):
            assert "CONFIDENTIAL \u2014 Background investigation \u2014 social media" in t
            assert f"Page {i} of {m}" in t
            assert f"Document {data.document_id}" in t
            assert len(re.findall(r"Page \d+ of \d+", t)) == 1


def test_page_size_setting(approved, draft):  # type: ignore[no-untyped-def]
    r = PdfReader(io.BytesIO(approved[1]))
    assert [round(float(x)) for x in r.pages[0].mediabox[2:]] == [round(LETTER[0]), round(LETTER[1])]
    r = PdfReader(io.BytesIO(draft[1]))
    assert all([round(float(x)) for x in p.mediabox[2:]] == [round(A4[0]), round(A4[1])] for p in r.pages)


def test_draft_banner_only_when_draft(approved, draft):  # type: ignore[no-untyped-def]
    _, _, pages = draft
    assert "DRAFT \u2014 not approved" in pages[0]
    assert "This report has not been approved by a supervisor (status: in progress)" in pages[0]
    assert all("DRAFT \u2014 not approved" in t for t in pages)  # running header on every page
    full = "\n".join(pages)
    assert "Not approved." in full and "Approved by" not in full
    _, _, pages = approved
    full = "\n".join(pages)
    assert "DRAFT" not in full.upper().replace("DRAFTED", "")
    assert "not approved" not in full.lower()
    assert "Approved by Sgt. Lee Harrington on 2025-03-03 11:05 UTC" in full


def test_checklist_every_item_in_order_with_outcome():  # type: ignore[no-untyped-def]
    data = make_report(3)  # few findings: several items searched without result
    _, pages = render(data)
    full = body_text(pages, data)
    start, end = full.index("2. Checklist"), full.index("3. Accounts identified")
    section = full[start:end]
    pos = 0
    rows = []
    for item in data.items:
        i = section.find(item.title, pos)
        assert i >= 0, f"item {item.position} {item.title!r} missing or out of order"
        rows.append(i)
        pos = i + len(item.title)
    rows.append(len(section))
    for item, a, b in zip(data.items, rows, rows[1:]):
        row = norm(section[a:b])
        assert norm(item.status_label) in row, item.title
        if item.reason:
            assert norm(item.reason) in row
        if item.completed_at:
            assert item.completed_at.strftime("%Y-%m-%d") in row
        if item.completed_by:
            assert norm(item.completed_by) in row
    sections = [s for s in dict.fromkeys(i.section for i in data.items)]
    assert [section.find(s) for s in sections] == sorted(section.find(s) for s in sections)
    assert sum(1 for i in data.items if i.status == "no_findings") >= 2
    assert section.count("No findings") >= sum(1 for i in data.items if i.status == "no_findings")
    assert "Not applicable" in section and "Unable to complete" in section


def test_method_statement_and_attestations(approved):  # type: ignore[no-untyped-def]
    data, _, pages = approved
    full = norm("\n".join(pages))
    assert norm(f"The investigator applied the checklist {data.template_label}") in full
    assert norm("Searches covered publicly available content only.") in full
    for i, text in enumerate(data.attestation_texts, 1):
        assert norm(f"A{i}{text}") in full
    assert norm("automatic detection followed by the investigator\u2019s review") in full
    assert norm("what was removed is not recorded in this file") in full


def test_accounts_listed(approved):  # type: ignore[no-untyped-def]
    data, _, pages = approved
    full = norm(body_text(pages, data))
    for a in data.accounts:
        assert norm(a.platform + a.handle + a.url + a.ownership_label) in full


def _group_of_each_finding(full: str, groups: list[str]) -> dict[int, tuple[str, str]]:
    heads = []
    for g in groups:
        heads.append((full.index(g), g, None))
    subs = [(m.start(), m.group(1)) for m in re.finditer(r"\u2014 (Findings of concern|Mitigating information) \(\d+\)",
                                                          full)]
    out: dict[int, tuple[str, str]] = {}
    for m in FINDING_RE.finditer(full):
        p = m.start()
        group = max((h for h in heads if h[0] < p), default=(0, None, None))[1]
        sub = max((s for s in subs if s[0] < p), default=(0, None))[1]
        n = int(m.group(1))
        assert out.setdefault(n, (group, sub)) == (group, sub), f"finding {n} appears in two groups"
    return out


GROUP_HEADINGS = {
    "validated": "Validated (may be considered)",
    "unable_to_validate": "Unable to validate (may not be considered)",
    "refuted": "Refuted (may not be considered)",
    "unvalidated": "Not yet validated (may not be considered)",
}


@pytest.mark.parametrize("which", ["approved", "draft"])
def test_findings_in_right_group_and_subgroup(which, request):  # type: ignore[no-untyped-def]
    data, _, pages = request.getfixturevalue(which)
    full = body_text(pages, data)
    full = full[full.index("4. Findings"):full.index("5. Summary by concern category")]
    present = [s for s in ("validated", "unable_to_validate", "refuted", "unvalidated")
               if s != "unvalidated" or data.draft]
    heads = [GROUP_HEADINGS[s] for s in present]
    assert [full.index(h) for h in heads] == sorted(full.index(h) for h in heads), "group order"
    assert "Only validated findings may be considered." in full
    placed = _group_of_each_finding(full, heads)
    assert sorted(placed) == [f.number for f in data.findings]
    kinds = {"concern": "Findings of concern", "mitigating": "Mitigating information"}
    for f in data.findings:
        assert placed[f.number] == (GROUP_HEADINGS[f.validation_status], kinds[f.kind]), f.number
    assert {f.kind for f in data.findings} == {"concern", "mitigating"}
    assert {f.validation_status for f in data.findings} >= {"validated", "unable_to_validate", "refuted"}
    if not data.draft:
        assert GROUP_HEADINGS["unvalidated"] not in full


def test_each_finding_shows_its_fields(approved):  # type: ignore[no-untyped-def]
    data, _, pages = approved
    full = norm(body_text(pages, data))
    for f in data.findings:
        for s in (f.url, f.text, f.item_title, f.validation_note or "", f.attachment or "None",
                  f.captured_at.strftime("%Y-%m-%d %H:%M UTC"), *f.categories, *f.validation_methods):
            assert norm(s) in full, (f.number, s)
        if f.post_date:
            assert norm(f"Posted {f.post_date:%Y-%m-%d}") in full


def test_summary_redactions_approval_and_closing(approved):  # type: ignore[no-untyped-def]
    data, _, pages = approved
    full = body_text(pages, data)
    summary = full[full.index("5. Summary by concern category"):full.index("6. Redaction summary")]
    for label, validated, total in data.category_summary:
        assert re.search(re.escape(label) + rf"\s+{validated}\s+{total}\b", summary), label
    red = full[full.index("6. Redaction summary"):full.index("7. Supervisor review")]
    assert f"{data.redaction_total} redactions applied" in red
    for label, count in data.dismissed_by_reason:
        assert re.search(re.escape(label) + rf"\s+{count}\b", red)
    review = full[full.index("7. Supervisor review"):full.index("8. Screening statement")]
    for r in data.reviews:
        assert r.label in review and r.by in review
    closing = norm(full[full.index("8. Screening statement"):])
    assert norm(data.screening_engine) in closing and norm(data.audit_head) in closing
    assert norm("End of report.") in closing


# ------------------------------------------------------------------------------------------------
# metadata and fonts
# ------------------------------------------------------------------------------------------------


def _sensitive_strings(data) -> list[str]:  # type: ignore[no-untyped-def]
    out = [data.candidate_name, *data.candidate_name.split(), *data.candidate_aliases, data.process_name,
           data.position_title, data.investigator, data.generated_by, data.supervisor or ""]
    for f in data.findings:
        out += [f.text, f.url, f.account or ""]
    return [s for s in out if len(s) >= 3]


@pytest.mark.parametrize("which", ["approved", "draft"])
def test_metadata_holds_nothing_of_the_candidate(which, request):  # type: ignore[no-untyped-def]
    data, b, _ = request.getfixturevalue(which)
    meta = PdfReader(io.BytesIO(b)).metadata
    assert meta.title == f"Background investigation {data.document_id}"
    assert meta.author == "Vetting Workbench"
    assert meta.subject == "Background investigation"
    assert not (meta.get("/Keywords") or "").strip()
    blob = " ".join(str(v) for v in meta.values()).lower()
    for s in _sensitive_strings(data):
        assert s.lower() not in blob, s
    assert b"<x:xmpmeta" not in b  # no second metadata stream


@pytest.mark.parametrize("which", ["approved", "draft"])
def test_the_pdf_declares_its_language_and_shows_its_title(which, request):  # type: ignore[no-untyped-def]
    _data, b, _ = request.getfixturevalue(which)
    root = PdfReader(io.BytesIO(b)).trailer["/Root"]
    assert root["/Lang"] == "en-US"
    assert root["/ViewerPreferences"]["/DisplayDocTitle"] is True or \
        str(root["/ViewerPreferences"]["/DisplayDocTitle"]).lower() == "true"


def test_fonts_are_embedded_dejavu_and_shipped_with_license(approved):  # type: ignore[no-untyped-def]
    _, b, _ = approved
    reader = PdfReader(io.BytesIO(b))
    names = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            names.add(str(font["/BaseFont"]))
            desc = font["/DescendantFonts"][0].get_object()["/FontDescriptor"] if "/DescendantFonts" in font \
                else font.get("/FontDescriptor")
            assert desc is not None and "/FontFile2" in desc.get_object(), font["/BaseFont"]
    assert names and all("DejaVu" in n for n in names), names
    fonts = ROOT / "reports" / "fonts"
    for f in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf"):
        assert (fonts / f).is_file()
    assert "Bitstream" in (fonts / "LICENSE-DejaVu.txt").read_text()


def test_reports_imports_neither_qt_nor_orm():  # type: ignore[no-untyped-def]
    code = ("import sys, reports.pdf, reports.sample; reports.pdf.render(reports.sample.make_report(2)); "
            "bad=[m for m in sys.modules if m.split('.')[0] in ('PySide6','sqlalchemy','psycopg','vetting')]; "
            "print(bad); sys.exit(1 if bad else 0)")
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stdout + r.stderr


# ------------------------------------------------------------------------------------------------
# escaping and Unicode
# ------------------------------------------------------------------------------------------------

NASTY = [
    "<font color=red>RED</font>",
    "<para>para</para>",
    '<img src="/etc/passwd" width="500"/>',
    "<b>unbalanced <i>tags",
    "</para></font></b>",
    "&amp; &lt; & &#x41; &nbsp; &bogus;",
    "<a href='javascript:alert(1)'>link</a>",
    "<br/><br/>]]><!-- comment --><![CDATA[x]]>",
    "<onDraw name=x/><seq/><greek>a</greek><strike>s</strike>",
    "a\x00b\x01c\x07d\x1be\x7ff\x85g",
    "tab\tand\r\nCRLF\rCR\nLF",
    "\ufeffBOM \u202eRTL-override \u200dZWJ",
]


def _every_text_field(data, text: str, n: int = 0):  # type: ignore[no-untyped-def]
    """Put ``text`` (suffixed per field so each is findable) in every free-text field."""
    k = iter(range(10_000))

    def t() -> str:
        return f"{text} F{next(k)}"

    items = tuple(replace(i, section=t(), title=t(), platform=t(), status_label=t(), reason=t(), searched=t(),
                          notes=t(), completed_by=t(), attestations_confirmed=(t(),)) for i in data.items[:2])
    accounts = tuple(replace(a, platform=t(), handle=t(), url=t(), ownership_label=t()) for a in data.accounts[:1])
    findings = tuple(replace(f, item_title=t(), platform=t(), account=t(), url=t(), categories=(t(), t()), text=t(),
                             validation_methods=(t(),), validation_note=t(), validated_by=t(), attachment=t())
                     for f in data.findings[:2])
    reviews = tuple(replace(r, label=t(), reason=t(), by=t()) for r in data.reviews[:1])
    return replace(data, candidate_name=t(), candidate_aliases=(t(), t()), process_name=t(), position_title=t(),
                   investigator=t(), supervisor=t(), template_label=t(), generated_by=t(), status=t(),
                   attestation_texts=(t(),), items=items, accounts=accounts, findings=findings,
                   category_summary=((t(), 1, 2),), dismissed_by_reason=((t(), 3),), screening_engine=t(),
                   reviews=reviews, audit_head=t())


def _expected(text: str) -> str:
    return norm(pdf.printable(text))


def _check_every_field(data, pages: list[str]) -> None:  # type: ignore[no-untyped-def]
    full = norm(body_text(pages, data))
    texts = [data.candidate_name, *data.candidate_aliases, data.process_name, data.position_title, data.investigator,
             data.supervisor, data.template_label, data.generated_by, *data.attestation_texts, data.screening_engine,
             data.audit_head, data.category_summary[0][0], data.dismissed_by_reason[0][0]]
    for i in data.items:
        texts += [i.section, i.title, i.platform, i.status_label, i.reason, i.searched, i.notes, i.completed_by,
                  *i.attestations_confirmed]
    for a in data.accounts:
        texts += [a.platform, a.handle, a.url, a.ownership_label]
    for f in data.findings:
        texts += [f.item_title, f.platform, f.account, f.url, *f.categories, f.text, *f.validation_methods,
                  f.validation_note, f.validated_by, f.attachment]
    for r in data.reviews:
        texts += [r.label, r.reason, r.by]
    for s in texts:
        assert _expected(s) in full, repr(s)


@pytest.mark.parametrize("text", NASTY)
def test_markup_in_every_free_text_field_prints_literally(text):  # type: ignore[no-untyped-def]
    data = _every_text_field(make_report(3), text)
    b, pages = render(data)
    _check_every_field(data, pages)
    full = "\n".join(pages)
    if "<" in text and "\x00" not in text:
        visible = pdf.printable(text).split("\n")[0].split("\t")[0]
        assert norm(visible) in norm(full)
    assert b"/JavaScript" not in b and b"/URI" not in b and b"/Launch" not in b


def test_control_characters_are_removed_not_printed():  # type: ignore[no-untyped-def]
    assert pdf.printable("a\x00b\x01c\x07d\x1be\x7ff") == "abcdef"
    assert pdf.printable("x\r\ny\rz") == "x\ny\nz"
    assert pdf.clean_text("<b>&amp;\n\tx") == "&lt;b&gt;&amp;amp;<br/> x"


def test_unicode_names_read_back():  # type: ignore[no-untyped-def]
    names = ["Iñupiaq", "Zoë Ólafsdóttir", "Nguyễn Thị Minh Khai", "Дмитрий Шостакович", "Ἀριστοτέλης Παπαδόπουλος",
             "Łukasz Żółć", "Søren Kierkegaård", "Çağrı Öztürk", "Ngô Bảo Châu"]
    data = make_report(2, candidate_name=names[0], candidate_aliases=tuple(names[1:]), investigator=names[2])
    _, pages = render(data)
    first = pages[0]
    assert names[0] in first and names[2] in first
    for n in names:  # aliases wrap: compare without whitespace
        assert norm(n) in norm(first), n
    # decomposed input (NFD) prints composed
    _, pages = render(make_report(1, candidate_name=unicodedata.normalize("NFD", "Nguyễn Zoë")))
    assert "Nguyễn Zoë" in pages[0]


def test_characters_outside_the_font_become_placeholders():  # type: ignore[no-untyped-def]
    cover = pdf._register_fonts()
    assert 0x1F600 not in cover  # astral code points are never sent to the font
    s = "ok \U0001F600 \U0001F9D0 \u4e2d\u6587 \ud800 \U0010FFFF end"
    p = pdf.printable(s)
    assert p == f"ok {pdf.PLACEHOLDER} {pdf.PLACEHOLDER} {pdf.PLACEHOLDER}{pdf.PLACEHOLDER} {pdf.PLACEHOLDER} " \
                f"{pdf.PLACEHOLDER} end"
    assert all(ord(c) in cover or c in "\n\t" for c in p)
    data = make_report(1, candidate_name="Zoë \U0001F600\U0001F46E\u200d\u2642\ufe0f \u4e2d")
    _, pages = render(data)
    assert norm(pdf.printable(data.candidate_name)) in norm(pages[0])
    assert pdf.PLACEHOLDER in pages[0]


# ------------------------------------------------------------------------------------------------
# wrapping
# ------------------------------------------------------------------------------------------------

LONG_URL = ("https://www.facebook.example.com/permalink.php?story_fbid=pfbid0Z3xkq9VtW8rE1jNQ5mYbLsC7dA2uH4gT6fR"
            "3oPiKlMnBvCxZaSdFgHjKlQwErTyUiOp&id=100087654321098&__cft__[0]=AZX_9f8e7d6c5b4a3928170615243342516070"
            "8f9e0d1c2b3a4958677685&__tn__=%2CO%2CP-R#comment-123456789012345678901234567890")
LONG_TOKEN = "A" * 40 + "b64:" + "QWxhZGRpbjpvcGVuIHNlc2FtZQ" * 12 + "Z" * 60


def _lines_fit(para: Paragraph, width: float) -> None:
    para.wrap(width, 10_000)
    lines = para.blPara.lines
    assert len(lines) >= 2, "expected the long string to wrap"
    for line in lines:
        extra = line[0] if isinstance(line, tuple) else line.extraSpace
        assert extra >= -0.01, f"line overflows its cell by {-extra:.1f} pt"


@pytest.mark.parametrize("page_size", ["letter", "a4"])
def test_long_urls_and_tokens_wrap_inside_their_cells(page_size):  # type: ignore[no-untyped-def]
    base = make_report(1, page_size=page_size)
    f = replace(base.findings[0], url=LONG_URL, text=LONG_TOKEN, account="@" + "x" * 150)
    a = replace(base.accounts[0], url=LONG_URL, handle="h" * 90)
    data = replace(base, findings=(f,), accounts=(a,))
    r = pdf.ReportRenderer()
    r.data = data
    r._page_width, r._page_height = r._get_pagesize(data)
    fw = r._frame_width
    table = r._finding(f, r.group_colors["validated"])
    assert isinstance(table, Table)
    cells = {row[0].text: row[1] for row in table._cellvalues}  # (wrap() replaces the cell values)
    w, _ = table.wrap(fw, 10_000)
    assert w <= fw + 0.01
    col = table._colWidths[1] - 8  # minus left/right padding
    _lines_fit(cells["URL"], col)
    _lines_fit(cells["Text (redacted)"], col)
    _lines_fit(cells["Account"], col)
    acc_table = r._accounts(data)[-1]._content[-1]
    url_cell, handle_cell = acc_table._cellvalues[1][2], acc_table._cellvalues[1][1]
    assert acc_table.wrap(fw, 10_000)[0] <= fw + 0.01
    _lines_fit(url_cell, acc_table._colWidths[2] - 8)
    _lines_fit(handle_cell, acc_table._colWidths[1] - 8)
    # and the whole document builds, with every piece of the URL and token present
    _, pages = render(data)
    full = norm(body_text(pages, data))
    assert norm(LONG_URL) in full and norm(LONG_TOKEN) in full


def test_very_long_text_splits_across_pages():  # type: ignore[no-untyped-def]
    base = make_report(1)
    long_text = "\n".join(f"Line {i}: " + "lorem ipsum dolor sit amet " * 12 for i in range(120))
    f = replace(base.findings[0], text=long_text, validation_note="note " * 900)
    data = replace(base, findings=(f,), items=tuple(replace(i, notes="n " * 2000) for i in base.items[:1]))
    _, pages = render(data)
    # the finding's heading row repeats on every page the table continues on
    full = norm(body_text(pages, data).replace("Finding 1 \u00b7 Web search \u00b7 Finding of concern \u00b7 Validated", ""))
    assert norm(long_text) in full
    assert len(pages) > 5
    assert all(f"Page {i} of {len(pages)}" in t for i, t in enumerate(pages, 1))


# ------------------------------------------------------------------------------------------------
# volume
# ------------------------------------------------------------------------------------------------


def test_300_findings_paginate():  # type: ignore[no-untyped-def]
    data = make_report(300)
    _, pages = render(data)
    m = len(pages)
    assert m > 50
    for i, t in enumerate(pages, 1):
        assert f"Page {i} of {m}" in t
    numbers = {int(x) for x in FINDING_RE.findall("\n".join(pages))}
    assert numbers == set(range(1, 301))
    placed = _group_of_each_finding(body_text(pages, data), [GROUP_HEADINGS[s] for s in
                                                             ("validated", "unable_to_validate", "refuted")])
    for f in data.findings:
        assert placed[f.number][0] == GROUP_HEADINGS[f.validation_status]


def test_empty_report_renders():  # type: ignore[no-untyped-def]
    data = make_report(0, draft=True, accounts=(), reviews=(), dismissed_by_reason=(), category_summary=(),
                       candidate_aliases=(), attestation_texts=(), items=())
    _, pages = render(data)
    full = "\n".join(pages)
    assert "No accounts attributed to the candidate were identified." in full
    assert "No findings of concern were recorded." in full
    assert "0 findings recorded" in full


# ------------------------------------------------------------------------------------------------
# property test: arbitrary text in every free-text field
# ------------------------------------------------------------------------------------------------

_BASE = make_report(3)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=40))
def test_property_arbitrary_text_in_every_field(text):  # type: ignore[no-untyped-def]
    data = _every_text_field(_BASE, text)
    _, pages = render(data)
    _check_every_field(data, pages)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_property_printable_only_uses_font_glyphs(text):  # type: ignore[no-untyped-def]
    cover = pdf._register_fonts()
    p = pdf.printable(text)
    assert all(c in "\n\t" or ord(c) in cover for c in p)
    assert "\x00" not in p and "\r" not in p
    c = pdf.clean_text(text)
    assert "<" not in c.replace("<br/>", "") and ">" not in c.replace("<br/>", "")
    Paragraph(c, pdf.ReportRenderer().stylesheet["Cell"]).wrap(200, 10_000)


def test_redaction_sentence_never_has_more_parts_than_its_total_without_saying_why():
    from reports.pdf import redaction_sentence

    merged = redaction_sentence(6, 6, 1)
    assert "6 redactions applied" in merged
    assert "7 redacted passages" in merged and "replaced by 6 redaction tokens" in merged
    assert "(6 automatic, 1 marked" not in merged
    plain = redaction_sentence(3, 2, 1)
    assert "3 redactions applied" in plain and "2 passages found by automatic detection and 1 marked" in plain
