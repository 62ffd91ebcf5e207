"""The PDF report a hiring supervisor reviews (ReportLab).

Modelled on pretix's ``BaseReportlabInvoiceRenderer``: page size, margins and fonts are class
attributes, there is one ``_get_stylesheet()``, page templates for the first and the later pages,
a numbered canvas that prints "Page N of M", and ``render(data) -> bytes``.

Input is a :class:`vetting.services.report_data.ReportData`, whose free text is already redacted.
Every user string passes through :func:`clean_text` before it reaches Paragraph markup; strings
drawn directly on the canvas pass through :func:`printable`. Nothing here queries a database.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import threading
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle, StyleSheet1
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

if TYPE_CHECKING:  # plain data only; importing vetting.services at run time would pull in the ORM
    from vetting.services.report_data import ReportAccount, ReportData, ReportFinding, ReportItem

__all__ = ["ReportRenderer", "render", "clean_text", "printable", "PLACEHOLDER", "FONT_DIR"]

FONT_DIR = Path(__file__).with_name("fonts")
PLACEHOLDER = "\u25a1"  # WHITE SQUARE: shown for characters the embedded font cannot print
_KEEP_CONTROLS = {"\n", "\t"}

# ---------------------------------------------------------------------------------------------
# Fonts
# ---------------------------------------------------------------------------------------------

_FONT_FILES = {
    "VWDejaVuSans": "DejaVuSans.ttf",
    "VWDejaVuSans-Bold": "DejaVuSans-Bold.ttf",
    "VWDejaVuSans-Oblique": "DejaVuSans-Oblique.ttf",
}
_font_lock = threading.Lock()
_coverage: frozenset[int] | None = None


def _register_fonts() -> frozenset[int]:
    """Register the embedded DejaVu fonts once per process; return the code points all of them
    can print (so a character never prints in one style and turns to tofu in another)."""
    global _coverage
    if _coverage is not None:
        return _coverage
    with _font_lock:
        if _coverage is None:
            cover: set[int] | None = None
            for name, file in _FONT_FILES.items():
                try:
                    font = pdfmetrics.getFont(name)
                except KeyError:
                    font = TTFont(name, str(FONT_DIR / file))
                    pdfmetrics.registerFont(font)
                # Only the Basic Multilingual Plane: ReportLab writes astral code points (U+1F600…)
                # into the ToUnicode map as odd-length hex, so their text would not extract.
                cmap = {cp for cp, glyph in font.face.charToGlyph.items() if glyph and cp <= 0xFFFF}
                cover = cmap if cover is None else cover & cmap
            pdfmetrics.registerFontFamily("VWDejaVuSans", normal="VWDejaVuSans", bold="VWDejaVuSans-Bold",
                                          italic="VWDejaVuSans-Oblique", boldItalic="VWDejaVuSans-Bold")
            _coverage = frozenset(cover or ())
    return _coverage


# ---------------------------------------------------------------------------------------------
# Text cleaning: the one path every user string takes
# ---------------------------------------------------------------------------------------------


def printable(text: object) -> str:
    """Plain text the embedded font can print: NFC-normalised, control characters (NUL etc.)
    removed except newline and tab, invisible format characters (soft hyphen, zero-width, bidi
    controls) dropped, CR/CRLF turned into newlines, and every character outside
    the font (emoji, lone surrogates, unassigned code points…) replaced by ``PLACEHOLDER``."""
    if text is None:
        return ""
    s = str(text)
    s = unicodedata.normalize("NFC", s)
    s = s.replace("\r\n", "\n").replace("\r", "\n")
    cover = _register_fonts()
    out = []
    for ch in s:
        if ch in _KEEP_CONTROLS:
            out.append(ch)
            continue
        cat = unicodedata.category(ch)
        if cat in ("Cc", "Cf"):
            # Controls, and invisible format characters: soft hyphens, zero-width characters and
            # bidi overrides (which could make printed text read differently from what it is).
            continue
        if ord(ch) in cover:
            out.append(ch)
        elif cat.startswith("Z"):
            out.append(" ")  # an exotic space the font lacks is still a space
        else:
            out.append(PLACEHOLDER)
    return "".join(out)


def clean_text(text: object) -> str:
    """Escape a user string for ReportLab Paragraph markup (pretix's ``_clean_text``): clean it
    with :func:`printable`, escape ``& < >``, turn newlines into ``<br/>`` and tabs into spaces.
    Anything that looks like markup prints literally."""
    s = escape(printable(text))
    return s.replace("\t", " ").replace("\n", "<br/>")


# ---------------------------------------------------------------------------------------------
# Formatting helpers
# ---------------------------------------------------------------------------------------------

DASH = "\u2014"


def _as_utc(value: dt.datetime) -> dt.datetime:
    if value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC)


def fmt_utc(value: dt.datetime | None, *, seconds: bool = False) -> str:
    if value is None:
        return DASH
    return _as_utc(value).strftime("%Y-%m-%d %H:%M:%S UTC" if seconds else "%Y-%m-%d %H:%M UTC")


def fmt_date(value: dt.date | dt.datetime | None) -> str:
    if value is None:
        return DASH
    if isinstance(value, dt.datetime):
        value = _as_utc(value).date()
    return value.strftime("%Y-%m-%d")


def fmt_local(value: dt.datetime, tz_name: str) -> str | None:
    """The time in the named IANA zone, or None if the name is not a usable zone (or is UTC)."""
    name = (tz_name or "").strip()
    if not name or name.upper() in ("UTC", "ETC/UTC", "Z", "GMT"):
        return None
    try:
        zone = ZoneInfo(name)
    except Exception:  # ZoneInfoNotFoundError, ValueError for malformed keys, OSError
        return None
    local = _as_utc(value).astimezone(zone)
    return f"{local:%Y-%m-%d %H:%M:%S} {local.tzname() or ''} ({name})".replace("  ", " ")


def _status(code: str) -> str:
    return (code or "").replace("_", " ")


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def redaction_sentence(tokens: int, automatic: int, manual: int) -> str:
    """The redaction counts in words. ``tokens`` counts the redaction tokens in the stored text;
    ``automatic`` and ``manual`` count the passages that were redacted (detected, or marked by the
    investigator). Neighbouring passages share one token, so the passages may outnumber the tokens."""
    sources = f"{_plural(automatic, 'passage')} found by automatic detection and {manual} marked by the investigator"
    if automatic + manual > tokens:
        how = (f"The {automatic + manual} redacted passages ({sources}) are replaced by "
               f"{_plural(tokens, 'redaction token')}: neighbouring passages share one token.")
    else:
        how = f"Redacted: {sources}."
    return (f"{_plural(tokens, 'redaction')} applied to recorded text. {how} Only counts are kept; the removed "
            "words are not recorded in this file.")


GROUPS = (
    ("validated", "Validated (may be considered)",
     "The investigator validated these findings. Only these findings may be considered in the hiring decision."),
    ("unable_to_validate", "Unable to validate (may not be considered)",
     "These findings could not be validated. They are listed for completeness and may not be considered "
     "in the hiring decision."),
    ("refuted", "Refuted (may not be considered)",
     "Validation showed these findings to be inaccurate or not attributable to the candidate. They are "
     "listed for completeness and may not be considered in the hiring decision."),
    ("unvalidated", "Not yet validated (may not be considered)",
     "These findings have not been validated yet; this can only occur in a draft report. They may not be "
     "considered unless validated and the report is approved."),
)
STATUS_LABELS = {"validated": "Validated", "unable_to_validate": "Unable to validate", "refuted": "Refuted",
                 "unvalidated": "Not yet validated"}
SUBGROUPS = (("concern", "Findings of concern"), ("mitigating", "Mitigating information"))

# ---------------------------------------------------------------------------------------------
# Canvas and document template
# ---------------------------------------------------------------------------------------------


class NumberedCanvas(Canvas):
    """Defers page output until the end so every page can say "Page N of M"."""

    def __init__(self, *args, renderer: ReportRenderer, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self._renderer = renderer
        self._saved_page_states: list[dict] = []

    def showPage(self) -> None:
        self._saved_page_states.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._saved_page_states)
        for state in self._saved_page_states:
            self.__dict__.update(state)
            self._renderer._draw_page_number(self, self._pageNumber, total)
            Canvas.showPage(self)
        Canvas.save(self)


class ReportDocTemplate(BaseDocTemplate):
    pass


class Rule(Flowable):
    """A horizontal line across the frame."""

    def __init__(self, color: colors.Color, thickness: float = 0.8, space_before: float = 2, space_after: float = 4):
        super().__init__()
        self.color, self.thickness = color, thickness
        self.spaceBefore, self.spaceAfter = space_before, space_after
        self._width = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._width = availWidth
        return availWidth, self.thickness

    def draw(self) -> None:
        self.canv.setStrokeColor(self.color)
        self.canv.setLineWidth(self.thickness)
        self.canv.line(0, 0, self._width, 0)


# ---------------------------------------------------------------------------------------------
# The renderer
# ---------------------------------------------------------------------------------------------


class ReportRenderer:
    """Renders one :class:`ReportData` to PDF bytes."""

    pagesize = LETTER
    pagesizes = {"letter": LETTER, "a4": A4}
    left_margin = 18 * mm
    right_margin = 18 * mm
    top_margin = 22 * mm
    first_page_top_margin = 30 * mm
    bottom_margin = 18 * mm
    font_regular = "VWDejaVuSans"
    font_bold = "VWDejaVuSans-Bold"
    font_italic = "VWDejaVuSans-Oblique"
    font_size = 9
    header_text = "CONFIDENTIAL \u2014 Background investigation \u2014 social media"
    org_line = "Vetting Workbench \u00b7 Background investigations"
    draft_banner = "DRAFT \u2014 not approved"
    doc_author = "Vetting Workbench"
    doc_subject = "Background investigation"
    canvas_class = NumberedCanvas

    ink = colors.HexColor("#1B1F24")
    accent = colors.HexColor("#1F3A5F")
    muted = colors.HexColor("#5F6670")
    grid = colors.HexColor("#A9AFB7")
    header_fill = colors.HexColor("#E4E8EE")
    section_fill = colors.HexColor("#F2F4F7")
    draft_red = colors.HexColor("#B3261E")
    group_colors = {"validated": colors.HexColor("#2E6B34"), "unable_to_validate": colors.HexColor("#8A5A00"),
                    "refuted": colors.HexColor("#7A2E2E"), "unvalidated": colors.HexColor("#5F6670")}

    def __init__(self) -> None:
        _register_fonts()
        self.stylesheet = self._get_stylesheet()
        self.data: ReportData | None = None

    # -- setup -------------------------------------------------------------------------------

    def _get_pagesize(self, data: ReportData) -> tuple[float, float]:
        return self.pagesizes.get((data.page_size or "").strip().lower(), self.pagesize)

    def _get_stylesheet(self) -> StyleSheet1:
        s = StyleSheet1()
        base = ParagraphStyle("Normal", fontName=self.font_regular, fontSize=self.font_size,
                              leading=self.font_size * 1.3, textColor=self.ink, alignment=TA_LEFT,
                              # uriWasteReduce stays 0: ReportLab splits a URI once and then lets the
                              # tail overflow; splitLongWords breaks any over-long token at the cell edge.
                              bulletFontName=self.font_regular, bulletFontSize=self.font_size, splitLongWords=1, uriWasteReduce=0,
                              allowWidows=0, allowOrphans=0)
        s.add(base)
        s.add(ParagraphStyle("Body", parent=base, spaceAfter=5))
        s.add(ParagraphStyle("Bullet", parent=base, leftIndent=12, bulletIndent=2, spaceAfter=2))
        s.add(ParagraphStyle("Title", parent=base, fontName=self.font_bold, fontSize=17, leading=21,
                             textColor=self.accent, spaceAfter=2))
        s.add(ParagraphStyle("Subtitle", parent=base, fontSize=10, leading=13, textColor=self.muted, spaceAfter=8))
        s.add(ParagraphStyle("Heading1", parent=base, fontName=self.font_bold, fontSize=12.5, leading=16,
                             textColor=self.accent, spaceBefore=12, spaceAfter=3, keepWithNext=1))
        s.add(ParagraphStyle("Heading2", parent=base, fontName=self.font_bold, fontSize=10.5, leading=14,
                             spaceBefore=9, spaceAfter=2, keepWithNext=1))
        s.add(ParagraphStyle("Heading3", parent=base, fontName=self.font_bold, fontSize=9.5, leading=12.5,
                             textColor=self.muted, spaceBefore=6, spaceAfter=3, keepWithNext=1))
        s.add(ParagraphStyle("Note", parent=base, fontName=self.font_italic, fontSize=8, leading=10.5,
                             textColor=self.muted, spaceAfter=4))
        s.add(ParagraphStyle("Cell", parent=base, fontSize=8, leading=10))
        s.add(ParagraphStyle("CellSmall", parent=base, fontSize=7.2, leading=9, textColor=self.muted))
        s.add(ParagraphStyle("CellLabel", parent=base, fontName=self.font_bold, fontSize=7.5, leading=10,
                             textColor=self.muted))
        s.add(ParagraphStyle("CellHead", parent=base, fontName=self.font_bold, fontSize=7.8, leading=10))
        s.add(ParagraphStyle("CellRight", parent=base, fontSize=8, leading=10, alignment=TA_RIGHT))
        s.add(ParagraphStyle("CellHeadRight", parent=base, fontName=self.font_bold, fontSize=7.8, leading=10,
                             alignment=TA_RIGHT))
        s.add(ParagraphStyle("FindingHead", parent=base, fontName=self.font_bold, fontSize=8.8, leading=11))
        s.add(ParagraphStyle("CoverLabel", parent=base, fontName=self.font_bold, fontSize=8.5, leading=11.5,
                             textColor=self.muted))
        s.add(ParagraphStyle("CoverValue", parent=base, fontSize=9.5, leading=12.5))
        s.add(ParagraphStyle("CoverName", parent=base, fontName=self.font_bold, fontSize=12, leading=15))
        s.add(ParagraphStyle("Banner", parent=base, fontName=self.font_bold, fontSize=15, leading=19,
                             textColor=self.draft_red))
        s.add(ParagraphStyle("BannerText", parent=base, fontSize=8.5, leading=11, textColor=self.draft_red))
        s.add(ParagraphStyle("Approved", parent=base, fontName=self.font_bold, fontSize=10.5, leading=14,
                             textColor=self.group_colors["validated"]))
        return s

    def _p(self, text: object, style: str = "Cell") -> Paragraph:
        """A Paragraph of user text (escaped)."""
        return Paragraph(clean_text(text), self.stylesheet[style])

    def _m(self, markup: str, style: str = "Cell") -> Paragraph:
        """A Paragraph of our own markup (any user text inside must already be clean_text()ed)."""
        return Paragraph(markup, self.stylesheet[style])

    def _tstyle(self, cmds: Sequence[tuple]) -> TableStyle:
        # Table cells default to Helvetica, which would add a non-embedded font to the file.
        return TableStyle([("FONT", (0, 0), (-1, -1), self.font_regular, 8)] + list(cmds))

    @property
    def _frame_width(self) -> float:
        return self._page_width - self.left_margin - self.right_margin

    def _table(self, rows: list[list], widths: Sequence[float], *, header_rows: int = 1,
               extra: Iterable[tuple] = ()) -> Table:
        t = Table(rows, colWidths=list(widths), repeatRows=header_rows, splitInRow=36, hAlign="LEFT")
        cmds = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ("BOX", (0, 0), (-1, -1), 0.6, self.grid),
            ("INNERGRID", (0, 0), (-1, -1), 0.3, self.grid),
        ]
        if header_rows:
            cmds += [("BACKGROUND", (0, 0), (-1, header_rows - 1), self.header_fill),
                     ("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 0.8, self.muted)]
        cmds += list(extra)
        t.setStyle(self._tstyle(cmds))
        return t

    # -- page decoration -----------------------------------------------------------------------

    def _draw_header_footer(self, canvas: Canvas, doc: BaseDocTemplate, *, first: bool) -> None:
        data = self.data
        assert data is not None
        w, h = self._page_width, self._page_height
        lm, rm = self.left_margin, self.right_margin
        canvas.saveState()
        top = h - 11 * mm
        canvas.setFillColor(self.ink)
        canvas.setFont(self.font_bold, 8)
        canvas.drawString(lm, top, self.header_text)
        if data.draft:
            canvas.setFillColor(self.draft_red)
            canvas.drawRightString(w - rm, top, self.draft_banner)
        else:
            canvas.setFillColor(self.muted)
            canvas.setFont(self.font_regular, 8)
            canvas.drawRightString(w - rm, top, printable(data.document_id))
        canvas.setStrokeColor(self.accent)
        canvas.setLineWidth(1.2 if first else 0.6)
        canvas.line(lm, top - 2.2 * mm, w - rm, top - 2.2 * mm)
        if first:
            canvas.setFillColor(self.muted)
            canvas.setFont(self.font_regular, 8)
            canvas.drawString(lm, top - 6.5 * mm, self.org_line)
        # footer
        canvas.setStrokeColor(self.grid)
        canvas.setLineWidth(0.5)
        canvas.line(lm, 12 * mm, w - rm, 12 * mm)
        canvas.setFillColor(self.muted)
        canvas.setFont(self.font_regular, 7.5)
        canvas.drawString(lm, 8 * mm, f"Document {printable(data.document_id)}")
        canvas.drawCentredString(w / 2, 8 * mm, "Confidential \u2014 do not copy or forward")
        canvas.restoreState()

    def _on_first_page(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        # Readers and screen readers announce the title, not the file name (accessibility).
        canvas.setViewerPreference("DisplayDocTitle", "true")
        self._draw_header_footer(canvas, doc, first=True)

    def _on_other_pages(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        self._draw_header_footer(canvas, doc, first=False)

    def _draw_page_number(self, canvas: Canvas, page: int, total: int) -> None:
        canvas.saveState()
        canvas.setFillColor(self.ink)
        canvas.setFont(self.font_bold, 7.5)
        canvas.drawRightString(self._page_width - self.right_margin, 8 * mm, f"Page {page} of {total}")
        canvas.restoreState()

    def _get_page_templates(self) -> list[PageTemplate]:
        w, h = self._page_width, self._page_height
        fw = w - self.left_margin - self.right_margin
        first = Frame(self.left_margin, self.bottom_margin, fw, h - self.bottom_margin - self.first_page_top_margin,
                      id="first", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        later = Frame(self.left_margin, self.bottom_margin, fw, h - self.bottom_margin - self.top_margin,
                      id="later", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        return [
            PageTemplate(id="FirstPage", frames=[first], onPage=self._on_first_page, pagesize=(w, h),
                         autoNextPageTemplate="OtherPages"),
            PageTemplate(id="OtherPages", frames=[later], onPage=self._on_other_pages, pagesize=(w, h)),
        ]

    # -- story ----------------------------------------------------------------------------------

    def _get_story(self, data: ReportData) -> list[Flowable]:
        story: list[Flowable] = []
        story += self._cover(data)
        story += self._method(data)
        story += self._checklist(data)
        story += self._accounts(data)
        story += self._findings(data)
        story += self._category_summary(data)
        story += self._redactions(data)
        story += self._approval(data)
        story += self._closing(data)
        return story

    def _cover(self, data: ReportData) -> list[Flowable]:
        st = self.stylesheet
        out: list[Flowable] = [
            Paragraph("Social media background investigation", st["Title"]),
            Paragraph("Report of the internet and social-media searches made for a background investigation",
                      st["Subtitle"]),
        ]
        if data.draft:
            banner = Table(
                [[self._m(escape(self.draft_banner), "Banner")],
                 [self._m(f"This report has not been approved by a supervisor (status: {clean_text(_status(data.status))}). "
                          "It is a working copy and must not be relied on for a hiring decision.", "BannerText")]],
                colWidths=[self._frame_width], hAlign="LEFT")
            banner.setStyle(self._tstyle([
                ("BOX", (0, 0), (-1, -1), 2, self.draft_red),
                ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#FCEDEC")),
                ("LEFTPADDING", (0, 0), (-1, -1), 8), ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, 0), 6), ("BOTTOMPADDING", (0, -1), (-1, -1), 7),
            ]))
            out += [banner, Spacer(1, 8)]

        gen_local = fmt_local(data.generated_at, data.local_tz_name)
        generated = clean_text(fmt_utc(data.generated_at, seconds=True))
        if gen_local:
            generated += "<br/>" + clean_text(gen_local)
        if not data.draft and data.supervisor:
            approval = f"{clean_text(data.supervisor)}<br/>approved {clean_text(fmt_utc(data.approved_at))}"
        elif not data.draft:
            approval = f"Approved {clean_text(fmt_utc(data.approved_at))}"
        else:
            approval = f'<font color="{self.draft_red.hexval()}"><b>Not approved</b></font>'
        aliases = ", ".join(clean_text(a) for a in data.candidate_aliases) or DASH
        rows = [
            ("Candidate", self._p(data.candidate_name, "CoverName")),
            ("Also known as", self._m(aliases, "CoverValue")),
            ("Position", self._p(data.position_title, "CoverValue")),
            ("Hiring process", self._p(data.process_name, "CoverValue")),
            ("Investigator", self._p(data.investigator, "CoverValue")),
            ("Supervisor approval", self._m(approval, "CoverValue")),
            ("Checklist template", self._p(data.template_label, "CoverValue")),
            ("Generated", self._m(f"{generated}<br/>by {clean_text(data.generated_by)}", "CoverValue")),
            ("Document id", self._m(f"<b>{clean_text(data.document_id)}</b>", "CoverValue")),
        ]
        lw = 38 * mm
        t = Table([[self._m(escape(k), "CoverLabel"), v] for k, v in rows],
                  colWidths=[lw, self._frame_width - lw], hAlign="LEFT")
        t.setStyle(self._tstyle([
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEABOVE", (0, 0), (-1, 0), 1.2, self.accent),
            ("LINEBELOW", (0, -1), (-1, -1), 1.2, self.accent),
            ("LINEBELOW", (0, 0), (-1, -2), 0.3, self.grid),
            ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ("BACKGROUND", (0, 0), (0, -1), self.section_fill),
        ]))
        out += [t, Spacer(1, 4),
                Paragraph("Times are shown in UTC unless stated otherwise. Sections: 1 Statement of method \u00b7 "
                          "2 Checklist \u00b7 3 Accounts identified \u00b7 4 Findings \u00b7 5 Summary by concern "
                          "category \u00b7 6 Redaction summary \u00b7 7 Supervisor review \u00b7 8 Screening "
                          "statement.", self.stylesheet["Note"])]
        return out

    def _attestation_refs(self, data: ReportData, confirmed: Sequence[str]) -> str:
        index = {t: i for i, t in enumerate(data.attestation_texts, 1)}
        known = sorted({index[t] for t in confirmed if t in index})
        unknown = [t for t in confirmed if t not in index]
        parts: list[str] = []
        if known:
            n = len(data.attestation_texts)
            if known == list(range(1, n + 1)) and n > 1:
                parts.append(f"All (A1\u2013A{n})")
            else:
                parts.append(", ".join(f"A{i}" for i in known))
        parts += [clean_text(t) for t in unknown]
        return "<br/>".join(parts) if parts else "None"

    def _method(self, data: ReportData) -> list[Flowable]:
        st = self.stylesheet
        out: list[Flowable] = [Paragraph("1. Statement of method", st["Heading1"]), Rule(self.accent, 0.6)]
        out.append(self._m(
            f"The investigator applied the checklist <b>{clean_text(data.template_label)}</b>. Every item of that "
            "checklist is listed in section 2, in order, with its outcome; an item searched without result is "
            "shown as \u201cNo findings\u201d.", "Body"))
        out.append(self._m(
            "Searches covered publicly available content only. For each checklist item the investigator "
            "confirmed the following attestations; the column \u201cAttested\u201d in section 2 shows which "
            "were confirmed for that item:", "Body"))
        if data.attestation_texts:
            for i, text in enumerate(data.attestation_texts, 1):
                out.append(Paragraph(clean_text(text), st["Bullet"], bulletText=f"A{i}"))
        else:
            out.append(self._m("(The template defines no attestations.)", "Bullet"))
        out.append(Spacer(1, 4))
        out.append(self._m(
            "Information about protected classes was screened out of every recorded text by automatic detection "
            "followed by the investigator\u2019s review, before the text was stored. Removed passages appear as "
            "[REDACTED]; what was removed is not recorded in this file. Only validated findings may be "
            "considered in the hiring decision.", "Body"))
        return out

    def _checklist(self, data: ReportData) -> list[Flowable]:
        st = self.stylesheet
        fw = self._frame_width
        widths = [9 * mm, 0, 36 * mm, 22 * mm, 30 * mm, 22 * mm]
        widths[1] = fw - sum(widths)
        head = [self._m(h, "CellHead") for h in ("#", "Checklist item", "Status", "Completed", "Investigator",
                                                 "Attested")]
        rows: list[list] = [head]
        extra: list[tuple] = []
        section = None
        for item in data.items:
            if item.section != section:
                section = item.section
                r = len(rows)
                rows.append([self._m(f"<b>{clean_text(section) or DASH}</b>", "Cell"), "", "", "", "", ""])
                extra += [("SPAN", (0, r), (-1, r)), ("BACKGROUND", (0, r), (-1, r), self.section_fill)]
            rows.append(self._checklist_row(data, item))
            if item.status == "pending":
                r = len(rows) - 1
                extra.append(("BACKGROUND", (2, r), (2, r), colors.HexColor("#FCEDEC")))
        if len(rows) == 1:
            rows.append([self._m("The template has no items.", "Cell"), "", "", "", "", ""])
            extra.append(("SPAN", (0, 1), (-1, 1)))
        return [CondPageBreak(90 * mm), Paragraph("2. Checklist", st["Heading1"]), Rule(self.accent, 0.6),
                self._table(rows, widths, extra=extra)]

    def _queries_markup(self, item: ReportItem) -> str:
        """The item's searches, one per line: the mark, the query (and a not-possible reason)."""
        run = sum(1 for q in item.queries if not q.manual and q.status_label.startswith("Run"))
        head = (f"Searches run: {run} of {item.searches_planned} planned"
                + (f", {sum(1 for q in item.queries if q.manual)} manual" if any(q.manual for q in item.queries)
                   else ""))
        lines = [f'<font size="7.2" color="{self.muted.hexval()}">{clean_text(head)}:</font>']
        for q in item.queries:
            mark = {"Run \u2014 nothing found": "\u2713", "Run \u2014 results recorded": "!",
                    "Not possible": "\u2717"}.get(q.status_label, "\u25cb")
            text = (f'<font size="7.2">{mark} {clean_text(q.query)} \u2014 {clean_text(q.status_label.lower())}'
                    + (" (manual)" if q.manual else ""))
            if q.reason:
                text += f"; reason: {clean_text(q.reason)}"
            lines.append(text + "</font>")
        return "<br/>".join(lines)

    def _checklist_row(self, data: ReportData, item: ReportItem) -> list:
        title = f"<b>{clean_text(item.title)}</b>"
        if item.platform and item.platform != item.title:
            title += f' <font color="{self.muted.hexval()}">({clean_text(item.platform)})</font>'
        parts = [title]
        if item.searched:
            parts.append(f'<font size="7.2" color="{self.muted.hexval()}">Searched:</font> '
                         f'<font size="7.2">{clean_text(item.searched)}</font>')
        if item.queries:
            parts.append(self._queries_markup(item))
        if item.notes:
            parts.append(f'<font size="7.2" color="{self.muted.hexval()}">Notes:</font> '
                         f'<font size="7.2">{clean_text(item.notes)}</font>')
        status = f"<b>{clean_text(item.status_label)}</b>"
        if item.status == "findings_recorded" or item.findings:
            status += f" ({item.findings})"
        if item.reason:
            status += f'<br/><font size="7.2">Reason: {clean_text(item.reason)}</font>'
        return [
            self._m(str(item.position)),
            self._m("<br/>".join(parts)),
            self._m(status),
            self._m(clean_text(fmt_utc(item.completed_at)).replace(" ", "<br/>", 1) if item.completed_at else DASH),
            self._p(item.completed_by or DASH),
            self._m(self._attestation_refs(data, item.attestations_confirmed), "CellSmall"),
        ]

    def _accounts(self, data: ReportData) -> list[Flowable]:
        st = self.stylesheet
        out: list[Flowable] = [Paragraph("3. Accounts identified", st["Heading1"]), Rule(self.accent, 0.6)]
        if not data.accounts:
            out.append(self._m("No accounts attributed to the candidate were identified.", "Body"))
            return out
        fw = self._frame_width
        widths = [26 * mm, 34 * mm, 0, 50 * mm]
        widths[2] = fw - sum(widths)
        rows = [[self._m(h, "CellHead") for h in ("Platform", "Handle", "URL", "Ownership")]]
        rows += [self._account_row(a) for a in data.accounts]
        table = self._table(rows, widths)
        if len(data.accounts) <= 12:  # a short list is not split over two pages
            return [KeepTogether(out + [table])]
        return out + [table]

    def _account_row(self, a: ReportAccount) -> list:
        ownership = clean_text(a.ownership_label)
        if a.ownership == "not_confirmed":
            ownership = f"<b>{ownership}</b>"
        return [self._p(a.platform), self._p(a.handle), self._p(a.url), self._m(ownership)]

    def _findings(self, data: ReportData) -> list[Flowable]:
        st = self.stylesheet
        out: list[Flowable] = [CondPageBreak(60 * mm), Paragraph("4. Findings", st["Heading1"]),
                               Rule(self.accent, 0.6)]
        total = len(data.findings)
        validated = sum(1 for f in data.findings if f.validation_status == "validated")
        out.append(self._m(
            f"{_plural(total, 'finding')} recorded, {validated} validated. <b>Only validated findings may be "
            "considered.</b> Findings that could not be validated or were refuted are shown for completeness and "
            "may not be considered. Within each group, findings of concern and mitigating information are "
            "listed separately.", "Body"))
        by_group: dict[str, list[ReportFinding]] = {}
        for f in data.findings:
            key = f.validation_status if f.validation_status in STATUS_LABELS else "unvalidated"
            by_group.setdefault(key, []).append(f)
        n = 0
        for key, heading, explanation in GROUPS:
            findings = by_group.get(key, [])
            if key == "unvalidated" and not findings:
                continue
            n += 1
            color = self.group_colors[key]
            # headings travel with the first finding under them (never stranded at a page foot)
            lead: list[Flowable] = [
                Paragraph(f'<font color="{color.hexval()}">4.{n} {escape(heading)}</font>', st["Heading2"]),
                Rule(color, 1.2, 0, 3),
                self._m(f"{escape(explanation)} ({_plural(len(findings), 'finding')})", "Note"),
            ]
            for kind, sub in SUBGROUPS:
                subset = [f for f in findings if (f.kind == "mitigating") == (kind == "mitigating")]
                lead.append(Paragraph(f"4.{n} {escape(heading.split(' (')[0])} \u2014 {sub} ({len(subset)})",
                                      st["Heading3"]))
                if not subset:
                    lead.append(self._m("None.", "Note"))
                    continue
                for f in subset:
                    out.append(KeepTogether(lead + [self._finding(f, color)]))
                    out.append(Spacer(1, 5))
                    lead = []
            out += lead
        return out

    def _finding(self, f: ReportFinding, color: colors.Color) -> Flowable:
        fw = self._frame_width
        lw = 34 * mm
        kind = "Mitigating information" if f.kind == "mitigating" else "Finding of concern"
        head = self._m(f"Finding {f.number} \u00b7 {clean_text(f.platform)} \u00b7 {kind} \u00b7 "
                       f"{escape(STATUS_LABELS.get(f.validation_status, f.validation_status))}", "FindingHead")
        categories = "; ".join(clean_text(c) for c in f.categories)
        if not categories:
            categories = "None (mitigating information)" if f.kind == "mitigating" else "None recorded"
        methods = "; ".join(clean_text(m) for m in f.validation_methods) or DASH
        validated = DASH
        if f.validated_by or f.validated_at:
            validated = f"{clean_text(f.validated_by or DASH)}, {clean_text(fmt_utc(f.validated_at))}"
        rows = [
            [head, ""],
            ["Checklist item", self._p(f.item_title)],
            ["Account", self._p(f.account or "Not attributed to an identified account")],
            ["URL", self._p(f.url)],
            ["Posted / captured", self._m(f"Posted {clean_text(fmt_date(f.post_date))} \u00b7 captured "
                                          f"{clean_text(fmt_utc(f.captured_at))}")],
            ["Concern categories", self._m(categories)],
            ["Text (redacted)", self._p(f.text or DASH)],
            ["Validation method", self._m(methods)],
            ["Validation note", self._p(f.validation_note or DASH)],
            ["Validated by", self._m(validated)],
            ["Redactions", self._m(_plural(f.redactions, "redaction") + " applied" if f.redactions else "None")],
            ["Attachment", self._p(f.attachment or "None")],
        ]
        rows = [[self._m(escape(r[0]), "CellLabel") if isinstance(r[0], str) and i else r[0], r[1]]
                for i, r in enumerate(rows)]
        t = Table(rows, colWidths=[lw, fw - lw], splitInRow=36, hAlign="LEFT", repeatRows=1)
        t.setStyle(self._tstyle([
            ("SPAN", (0, 0), (-1, 0)),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("BACKGROUND", (0, 0), (-1, 0), self.header_fill),
            ("LINEABOVE", (0, 0), (-1, 0), 2, color),
            ("BOX", (0, 0), (-1, -1), 0.6, self.grid),
            ("LINEBELOW", (0, 0), (-1, -2), 0.25, self.grid),
            ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            ("BACKGROUND", (1, 6), (1, 6), colors.HexColor("#FAFAF7")),
        ]))
        return t

    def _category_summary(self, data: ReportData) -> list[Flowable]:
        st = self.stylesheet
        out: list[Flowable] = [CondPageBreak(45 * mm), Paragraph("5. Summary by concern category", st["Heading1"]), Rule(self.accent, 0.6)]
        if not data.category_summary:
            out.append(self._m("No findings of concern were recorded.", "Body"))
            return out
        fw = self._frame_width
        widths = [0, 50 * mm, 42 * mm]
        widths[0] = fw - sum(widths)
        rows: list[list] = [[self._m("Concern category", "CellHead"),
                             self._m("Validated (may be considered)", "CellHeadRight"),
                             self._m("All findings of concern", "CellHeadRight")]]
        tv = ta = 0
        for label, validated, total in data.category_summary:
            rows.append([self._p(label), self._m(str(validated), "CellRight"), self._m(str(total), "CellRight")])
            tv += validated
            ta += total
        rows.append([self._m("<b>Total (a finding may fall in several categories)</b>"),
                     self._m(f"<b>{tv}</b>", "CellRight"), self._m(f"<b>{ta}</b>", "CellRight")])
        out.append(self._table(rows, widths, extra=[("BACKGROUND", (0, -1), (-1, -1), self.section_fill),
                                                    ("LINEABOVE", (0, -1), (-1, -1), 0.8, self.muted)]))
        return out

    def _redactions(self, data: ReportData) -> list[Flowable]:
        st = self.stylesheet
        out: list[Flowable] = [CondPageBreak(40 * mm), Paragraph("6. Redaction summary", st["Heading1"]), Rule(self.accent, 0.6)]
        out.append(self._m(redaction_sentence(data.redaction_total, data.redaction_automatic,
                                              data.redaction_manual), "Body"))
        dismissed = sum(c for _, c in data.dismissed_by_reason)
        if not data.dismissed_by_reason:
            out.append(self._m("The investigator dismissed no automatic suggestions.", "Body"))
            return out
        out.append(self._m(f"The investigator dismissed {_plural(dismissed, 'automatic suggestion')}, "
                           "for these reasons:", "Body"))
        fw = self._frame_width
        widths = [0, 30 * mm]
        widths[0] = fw - sum(widths)
        rows: list[list] = [[self._m("Reason for dismissal", "CellHead"), self._m("Suggestions", "CellHeadRight")]]
        rows += [[self._p(label), self._m(str(count), "CellRight")] for label, count in data.dismissed_by_reason]
        out.append(self._table(rows, widths))
        return out

    def _approval(self, data: ReportData) -> list[Flowable]:
        st = self.stylesheet
        out: list[Flowable] = [CondPageBreak(50 * mm), Paragraph("7. Supervisor review", st["Heading1"]), Rule(self.accent, 0.6)]
        if not data.draft:
            who = clean_text(data.supervisor or "the supervisor")
            block = Table([[self._m(f"Approved by {who} on {clean_text(fmt_utc(data.approved_at))}", "Approved")],
                           [self._m("The supervisor reviewed this investigation and approved it for use in the "
                                    "hiring decision, subject to the limits stated in section 4.", "Cell")]],
                          colWidths=[self._frame_width], hAlign="LEFT")
            block.setStyle(self._tstyle([("BOX", (0, 0), (-1, -1), 1.2, self.group_colors["validated"]),
                                       ("LEFTPADDING", (0, 0), (-1, -1), 8),
                                       ("TOPPADDING", (0, 0), (-1, 0), 6), ("BOTTOMPADDING", (0, -1), (-1, -1), 7)]))
            out.append(KeepTogether([block]))
        else:
            out.append(self._m(f'<font color="{self.draft_red.hexval()}"><b>Not approved.</b></font> The '
                               f"investigation is in status \u201c{clean_text(_status(data.status))}\u201d; this report is a "
                               "draft.", "Body"))
        out.append(Paragraph("Review history", st["Heading3"]))
        if not data.reviews:
            out.append(self._m("No review actions have been recorded.", "Note"))
            return out
        fw = self._frame_width
        widths = [38 * mm, 42 * mm, 40 * mm, 0]
        widths[3] = fw - sum(widths)
        rows: list[list] = [[self._m(h, "CellHead") for h in ("When", "Action", "By", "Reason / comment")]]
        for r in data.reviews:
            rows.append([self._m(clean_text(fmt_utc(r.at))), self._p(r.label), self._p(r.by),
                         self._p(r.reason or DASH)])
        out.append(self._table(rows, widths))
        return out

    def _closing(self, data: ReportData) -> list[Flowable]:
        st = self.stylesheet
        gen_local = fmt_local(data.generated_at, data.local_tz_name)
        when = clean_text(fmt_utc(data.generated_at, seconds=True))
        if gen_local:
            when += f" ({clean_text(gen_local)})"
        text = (
            "Before any text was stored, information about protected classes was screened out of it by automatic "
            f"detection (engine: {clean_text(data.screening_engine)}) and by the investigator\u2019s review of "
            "every suggestion. This report was built only from the redacted text; what was removed is not "
            "recorded in this file. "
            f"At generation the workbench audit chain head was <b>{clean_text(data.audit_head)}</b> (events:hash; "
            "check that the chain still extends it with <i>vetting audit verify --anchor-head</i>). "
            f"Report {clean_text(data.document_id)} generated {when} by {clean_text(data.generated_by)}. "
            + clean_text(data.signature_note)
        )
        return [CondPageBreak(40 * mm), Paragraph("8. Screening statement", st["Heading1"]), Rule(self.accent, 0.6),
                self._m(text, "Body"), Spacer(1, 6), Rule(self.grid, 0.5),
                self._m("End of report.", "Note")]

    # -- entry -----------------------------------------------------------------------------------

    def render(self, data: ReportData) -> bytes:
        self.data = data
        return self._build(data, f"Background investigation {printable(data.document_id)}")

    def _build(self, data, title: str) -> bytes:  # type: ignore[no-untyped-def]
        """Lay out ``self._get_story(data)`` on the page templates; metadata holds only ``title``."""
        self._page_width, self._page_height = self._get_pagesize(data)
        buf = io.BytesIO()
        doc = ReportDocTemplate(
            buf,
            pagesize=(self._page_width, self._page_height),
            leftMargin=self.left_margin, rightMargin=self.right_margin,
            topMargin=self.top_margin, bottomMargin=self.bottom_margin,
            title=title,
            author=self.doc_author, subject=self.doc_subject, creator=self.doc_author,
            producer=self.doc_author, keywords=[], lang="en-US", initialFontName=self.font_regular,
            initialFontSize=self.font_size,
        )
        doc.addPageTemplates(self._get_page_templates())
        doc.build(self._get_story(data), canvasmaker=functools.partial(
            self.canvas_class, renderer=self, initialFontName=self.font_regular, initialFontSize=self.font_size))
        return buf.getvalue()


def render(data: ReportData) -> bytes:
    """Entry point ``reports.pdf:render`` (group ``vetting.renderers``, name ``pdf``)."""
    return ReportRenderer().render(data)
