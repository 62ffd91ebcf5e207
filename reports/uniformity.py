"""The uniformity report of a hiring process (ReportLab): every checklist item (rows) for every
candidate (columns), each cell the item's status and completion date, so a reviewer sees at a
glance that every candidate got the same checks.

A landscape table on as few pages as possible. Up to :attr:`UniformityRenderer.max_columns`
candidates share a page (the font shrinks as the columns narrow); more candidates continue on
further pages, each repeating the item column. Items that do not fit the page height continue
with the candidate header repeated.

Input is a :class:`vetting.services.report_data.UniformityReportData`. Fonts, text cleaning,
page decoration and the numbered canvas ("Page N of M") come from :mod:`reports.pdf`; every user
string passes through :func:`~reports.pdf.clean_text` (Paragraph markup) or
:func:`~reports.pdf.printable` (drawn on the canvas). A status never relies on colour alone:
every cell carries a symbol and a word.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import landscape
from reportlab.lib.styles import ParagraphStyle, StyleSheet1
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, PageBreak, Paragraph, Spacer, Table

from reports.pdf import (
    DASH,
    ReportRenderer,
    clean_text,
    fmt_date,
    fmt_utc,
    printable,
)

if TYPE_CHECKING:  # plain data only; importing vetting.services at run time would pull in the ORM
    from vetting.services.report_data import UniformityReportData

__all__ = ["UniformityRenderer", "render", "STATUS_MARKS"]

#: Status label as the service sends it -> (symbol, short label, long label for the legend).
#: The symbol and the word carry the meaning; the cell tint only helps.
STATUS_MARKS: dict[str, tuple[str, str, str]] = {
    "no findings": ("\u2713", "No findings", "No findings"),
    "findings recorded": ("!", "Findings", "Findings recorded"),
    "not applicable": ("\u2013", "N/A", "Not applicable (reason recorded)"),
    "unable to complete": ("\u2717", "Unable", "Unable to complete (reason recorded)"),
    "not completed": ("\u25cb", "Pending", "Not completed yet"),
    "pending": ("\u25cb", "Pending", "Not completed yet"),
    "missing": ("\u00d7", "Missing", "Item missing from this candidate\u2019s checklist"),
}
#: Keys of STATUS_MARKS that mean "not done": such cells are tinted and counted as incomplete.
_INCOMPLETE = {"not completed", "pending", "missing"}

INVESTIGATION_STATUS = {"open": "Open", "returned": "Returned", "submitted": "Submitted", "approved": "Approved",
                        "closed": "Closed", "purged": "Purged"}


def _counts(data, candidate: int, item: int) -> str:  # type: ignore[no-untyped-def]
    """``"searches 3/5"`` for a cell (run of planned; not possible and manual added), or ``""``."""
    try:
        planned, run, not_possible, manual = data.searches[candidate][item]
    except (IndexError, AttributeError):
        return ""
    if not planned and not manual:
        return ""
    text = f"searches {run}/{planned}"
    if not_possible:
        text += f", {not_possible}\u2717"
    if manual:
        text += f", +{manual}"
    return text


def _key(label: str) -> str:
    return " ".join((label or "").replace("_", " ").split()).casefold()


def status_mark(label: str) -> tuple[str, str]:
    """(symbol, short label) for a status label; unknown labels print as they are."""
    symbol, short, _long = STATUS_MARKS.get(_key(label), ("\u2022", label or DASH, label or DASH))
    return symbol, short


class UniformityRenderer(ReportRenderer):
    """Renders one :class:`UniformityReportData` to PDF bytes (landscape)."""

    left_margin = 12 * mm
    right_margin = 12 * mm
    top_margin = 20 * mm
    first_page_top_margin = 20 * mm
    bottom_margin = 17 * mm
    doc_subject = "Uniformity of background investigation checks"

    item_column = 64 * mm  # the checklist item titles
    min_column = 19 * mm  # narrowest candidate column ("Pending" + a date at the smallest font)
    max_column = 40 * mm  # a few candidates do not stretch across the whole page
    max_columns = 12  # candidates per page, at most

    pending_fill = colors.HexColor("#FFF3CD")
    missing_fill = colors.HexColor("#F8D7DA")
    done_ink = colors.HexColor("#1E5A2A")

    def __init__(self) -> None:
        super().__init__()
        self.udata: UniformityReportData | None = None

    # -- setup -------------------------------------------------------------------------------

    def _get_pagesize(self, data) -> tuple[float, float]:  # type: ignore[no-untyped-def, override]
        return landscape(self.pagesizes.get((data.page_size or "").strip().lower(), self.pagesize))

    def _get_stylesheet(self) -> StyleSheet1:
        s = super()._get_stylesheet()
        s["Title"].fontSize, s["Title"].leading, s["Title"].spaceAfter = 15, 18.5, 1
        s["Subtitle"].spaceAfter = 4
        s.add(ParagraphStyle("Meta", parent=s["Normal"], fontSize=7.8, leading=10, textColor=self.muted))
        s.add(ParagraphStyle("Legend", parent=s["Normal"], fontSize=7.2, leading=9.5, textColor=self.ink))
        return s

    def _cell_styles(self, size: float) -> dict[str, ParagraphStyle]:
        """Paragraph styles for the table at one font size (smaller for many candidates)."""
        base = self.stylesheet["Normal"]
        lead = round(size * 1.22, 2)
        return {
            "item": ParagraphStyle("UItem", parent=base, fontSize=size + 0.3, leading=lead + 0.3),
            "head": ParagraphStyle("UHead", parent=base, fontName=self.font_bold, fontSize=size, leading=lead,
                                   alignment=TA_CENTER),
            "headsub": ParagraphStyle("UHeadSub", parent=base, fontSize=size - 0.8, leading=lead - 0.8,
                                      textColor=self.muted, alignment=TA_CENTER),
            "cell": ParagraphStyle("UCell", parent=base, fontSize=size, leading=lead, alignment=TA_CENTER),
            "date": ParagraphStyle("UDate", parent=base, fontSize=size - 0.8, leading=lead - 0.8,
                                   textColor=self.muted, alignment=TA_CENTER),
        }

    # -- layout ------------------------------------------------------------------------------

    def _column_plan(self, n: int) -> tuple[int, float, float]:
        """(candidates per page, column width, font size) for ``n`` candidates."""
        avail = self._frame_width - self.item_column
        fit = max(1, min(self.max_columns, int(avail // self.min_column)))
        chunks = max(1, math.ceil(n / fit))
        per_page = max(1, math.ceil(n / chunks))  # spread evenly: 13 candidates -> 7 + 6, not 12 + 1
        width = min(self.max_column, avail / per_page)
        # 8 pt for roomy columns, down to 6.5 pt at the narrowest.
        size = 6.5 + 1.5 * max(0.0, min(1.0, (width - self.min_column) / (30 * mm - self.min_column)))
        return per_page, width, round(size, 1)

    # -- page decoration -----------------------------------------------------------------------

    def _draw_header_footer(self, canvas: Canvas, doc: BaseDocTemplate, *, first: bool) -> None:
        data = self.udata
        assert data is not None
        w, h = self._page_width, self._page_height
        lm, rm = self.left_margin, self.right_margin
        canvas.saveState()
        top = h - 10 * mm
        canvas.setFillColor(self.ink)
        canvas.setFont(self.font_bold, 8)
        canvas.drawString(lm, top, self.header_text)
        canvas.setFillColor(self.muted)
        canvas.setFont(self.font_regular, 8)
        canvas.drawRightString(w - rm, top, f"Uniformity report \u00b7 {printable(data.document_id)}")
        canvas.setStrokeColor(self.accent)
        canvas.setLineWidth(1.2 if first else 0.6)
        canvas.line(lm, top - 2.2 * mm, w - rm, top - 2.2 * mm)
        canvas.setStrokeColor(self.grid)
        canvas.setLineWidth(0.5)
        canvas.line(lm, 12 * mm, w - rm, 12 * mm)
        canvas.setFillColor(self.muted)
        canvas.setFont(self.font_regular, 7.5)
        canvas.drawString(lm, 8 * mm, f"Document {printable(data.document_id)} \u00b7 generated "
                                      f"{printable(fmt_utc(data.generated_at))}")
        canvas.drawCentredString(w / 2, 8 * mm, "Confidential \u2014 do not copy or forward")
        canvas.restoreState()

    # -- story ----------------------------------------------------------------------------------

    def _get_story(self, data) -> list[Flowable]:  # type: ignore[no-untyped-def, override]
        st = self.stylesheet
        story: list[Flowable] = [
            Paragraph(f"Uniformity of checks \u2014 {clean_text(data.process_name)}", st["Title"]),
            Paragraph(f"Checklist: {clean_text(data.template_label)}", st["Subtitle"]),
        ]
        n, items = len(data.candidates), len(data.items)
        complete = sum(1 for cells in data.cells if cells and not any(_key(s) in _INCOMPLETE for s, _ in cells))
        story.append(Paragraph(
            f"{n} candidate{'s' if n != 1 else ''} \u00b7 {items} checklist item{'s' if items != 1 else ''} \u00b7 "
            f"{complete} of {n} with every item completed \u00b7 generated {clean_text(fmt_utc(data.generated_at))} "
            f"by {clean_text(data.generated_by)} \u00b7 document {clean_text(data.document_id)}"
            + (f" \u00b7 audit chain head {clean_text(data.audit_head)}" if data.audit_head else ""), st["Meta"]))
        story.append(Spacer(1, 3 * mm))
        if not n or not items:
            story.append(Paragraph("There are no investigations in this hiring process yet." if not n else
                                   "The checklist of this hiring process has no items.", st["Body"]))
            story.append(self._legend())
            return story
        per_page, width, size = self._column_plan(n)
        for start in range(0, n, per_page):
            stop = min(n, start + per_page)
            if start:
                story.append(PageBreak())
                story.append(Paragraph(
                    f"Uniformity of checks \u2014 {clean_text(data.process_name)} (continued): candidates "
                    f"{start + 1}\u2013{stop} of {n}", st["Heading2"]))
            elif per_page < n:
                story.append(Paragraph(f"Candidates 1\u2013{stop} of {n}; the others follow on the next "
                                       f"page{'s' if n - stop > per_page else ''}.", st["Meta"]))
            story.append(self._grid(data, range(start, stop), width, size))
            story.append(Spacer(1, 2.5 * mm))
            story.append(self._legend())
        story += self._searches(data)
        return story

    def _grid(self, data, columns: range, width: float, size: float) -> Table:  # type: ignore[no-untyped-def]
        s = self._cell_styles(size)
        head: list = [Paragraph("<b>Checklist item</b>", s["item"])]
        for c in columns:
            status = INVESTIGATION_STATUS.get(data.statuses[c], printable(data.statuses[c]).replace("_", " "))
            head.append([Paragraph(clean_text(data.candidates[c]), s["head"]),
                         Paragraph(clean_text(status), s["headsub"])])
        rows: list[list] = [head]
        fills: list[tuple] = []
        for r, title in enumerate(data.items, start=1):
            row: list = [Paragraph(f"{r}.&nbsp;{clean_text(title)}", s["item"])]
            for k, c in enumerate(columns, start=1):
                label, when = data.cells[c][r - 1] if r - 1 < len(data.cells[c]) else ("missing", None)
                symbol, short = status_mark(label)
                mark = f"<b>{clean_text(symbol)}</b>&nbsp;{clean_text(short)}"
                cell = [Paragraph(mark, s["cell"]),
                        Paragraph(clean_text(fmt_date(when)) if when else "&nbsp;", s["date"])]
                counts = _counts(data, c, r - 1)
                if counts:
                    cell.append(Paragraph(clean_text(counts), s["date"]))
                row.append(cell)
                key = _key(label)
                if key == "missing":
                    fills.append(("BACKGROUND", (k, r), (k, r), self.missing_fill))
                elif key in _INCOMPLETE:
                    fills.append(("BACKGROUND", (k, r), (k, r), self.pending_fill))
            rows.append(row)
        t = Table(rows, colWidths=[self.item_column] + [width] * len(columns), repeatRows=1, hAlign="LEFT")
        t.setStyle(self._tstyle([
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("VALIGN", (1, 0), (-1, 0), "BOTTOM"),
            ("LEFTPADDING", (0, 0), (-1, -1), 2.5), ("RIGHTPADDING", (0, 0), (-1, -1), 2.5),
            ("LEFTPADDING", (0, 0), (0, -1), 4),
            ("TOPPADDING", (0, 0), (-1, -1), 1.6), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.2),
            ("BOX", (0, 0), (-1, -1), 0.6, self.grid),
            ("INNERGRID", (0, 0), (-1, -1), 0.3, self.grid),
            ("BACKGROUND", (0, 0), (-1, 0), self.header_fill),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, self.muted),
            ("LINEAFTER", (0, 0), (0, -1), 0.8, self.muted),
            ("ROWBACKGROUNDS", (0, 1), (0, -1), [colors.white, self.section_fill]),
            *fills,
        ]))
        return t

    def _searches(self, data) -> list[Flowable]:  # type: ignore[no-untyped-def]
        """Appendix: every candidate's searches per item, planned against run."""
        if not any(any(qs for qs in cand) for cand in data.queries):
            return []
        st = self.stylesheet
        s = self._cell_styles(7.4)
        out: list[Flowable] = [PageBreak(), Paragraph("Searches planned and run, per candidate", st["Heading1"]),
                               Paragraph("Each checklist item\u2019s search plan is generated from the same template "
                                         "for every candidate, from the identifiers the candidate disclosed. "
                                         "\u2713 run, nothing found \u00b7 ! run, results recorded \u00b7 "
                                         "\u2717 not possible (reason recorded) \u00b7 \u25cb not marked.",
                                         st["Meta"]), Spacer(1, 2 * mm)]
        width = self._frame_width
        for c, name in enumerate(data.candidates):
            rows: list[list] = [[Paragraph("<b>Checklist item</b>", s["item"]), Paragraph("<b>Search</b>", s["item"]),
                                 Paragraph("<b>Mark</b>", s["item"])]]
            for i, title in enumerate(data.items):
                qs = data.queries[c][i] if c < len(data.queries) and i < len(data.queries[c]) else ()
                for k, (query, label) in enumerate(qs):
                    rows.append([Paragraph(f"{i + 1}.&nbsp;{clean_text(title)}" if k == 0 else "", s["item"]),
                                 Paragraph(clean_text(query), s["item"]), Paragraph(clean_text(label), s["item"])])
            if len(rows) == 1:
                continue
            out.append(Paragraph(f"{clean_text(name)}", st["Heading2"]))
            t = Table(rows, colWidths=[60 * mm, width - 60 * mm - 42 * mm, 42 * mm], repeatRows=1, hAlign="LEFT")
            t.setStyle(self._tstyle([
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BOX", (0, 0), (-1, -1), 0.6, self.grid), ("INNERGRID", (0, 0), (-1, -1), 0.3, self.grid),
                ("BACKGROUND", (0, 0), (-1, 0), self.header_fill),
                ("TOPPADDING", (0, 0), (-1, -1), 1.2), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.8),
            ]))
            out += [t, Spacer(1, 3 * mm)]
        return out

    def _legend(self) -> Flowable:
        seen: dict[str, str] = {}
        for symbol, short, long in STATUS_MARKS.values():
            seen.setdefault(f"{symbol} {short}", long)
        parts = [f"<b>{clean_text(k.split(' ', 1)[0])}&nbsp;{clean_text(k.split(' ', 1)[1])}</b> = {clean_text(v)}"
                 for k, v in seen.items()]
        return Paragraph("Legend: " + " \u00b7 ".join(parts) + ". The date under a status is the day the item "
                         "was completed (UTC). Shaded cells are not completed. "
                         "\u201csearches 3/5\u201d = 3 of the 5 planned searches run (\u2717 not possible, + manual "
                         "searches added).", self.stylesheet["Legend"])

    # -- entry -----------------------------------------------------------------------------------

    def render(self, data) -> bytes:  # type: ignore[no-untyped-def, override]
        self.udata = data
        # Metadata holds nothing about the process or candidates.
        return self._build(data, f"Uniformity report {printable(data.document_id)}")


def render(data: UniformityReportData) -> bytes:
    """Entry point ``reports.uniformity:render`` (group ``vetting.renderers``, name ``uniformity``)."""
    return UniformityRenderer().render(data)

