"""Checklist templates (versioned, immutable once used), concern categories, hiring processes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session

from vetting.db import Database
from vetting.errors import ConfigError, NotFound, RuleViolation
from vetting.models import (
    ChecklistTemplate,
    ConcernCategory,
    HiringProcess,
    Investigation,
    Role,
    TemplateItem,
    TemplateSection,
    TemplateVersion,
)
from vetting.services import audit
from vetting.services.core import Actor, operation, service, system_write
from vetting.services.search_plans import validate_plan
from vetting.services.views import (
    Attestation,
    CategoryInfo,
    ProcessInfo,
    SectionView,
    TemplateItemView,
    TemplateVersionView,
)

DATA = Path(__file__).resolve().parent.parent / "data"


# ---------------------------------------------------------------- template files


def parse_template(raw: str, source: str = "template") -> dict[str, Any]:
    """Parse and validate a template document; errors name the source, line and problem."""
    try:
        doc = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ConfigError(f"{source}, line {exc.lineno}, column {exc.colno}: not valid JSON ({exc.msg}).") from exc
    validate_template(doc, source)
    return doc


def validate_template(doc: Any, source: str = "template") -> None:
    def fail(where: str, problem: str) -> None:
        raise ConfigError(f"{source}: {where}: {problem}")

    if not isinstance(doc, dict):
        fail("top level", "must be an object with name, attestations and sections")
    if not isinstance(doc.get("name"), str) or not doc["name"].strip():
        fail("name", "a non-empty text is required")
    atts = doc.get("attestations", [])
    if not isinstance(atts, list):
        fail("attestations", "must be a list")
    keys = set()
    for i, a in enumerate(atts, 1):
        if not isinstance(a, dict) or not isinstance(a.get("key"), str) or not isinstance(a.get("text"), str):
            fail(f"attestation {i}", "needs 'key' and 'text' texts")
        if a["key"] in keys:
            fail(f"attestation {i}", f"duplicate key {a['key']!r}")
        keys.add(a["key"])
    sections = doc.get("sections")
    if not isinstance(sections, list) or not sections:
        fail("sections", "at least one section is required")
    item_keys = set()
    for si, sec in enumerate(sections, 1):
        if not isinstance(sec, dict) or not isinstance(sec.get("title"), str) or not sec["title"].strip():
            fail(f"section {si}", "needs a 'title'")
        items = sec.get("items")
        if not isinstance(items, list) or not items:
            fail(f"section {si} ({sec['title']})", "needs at least one item")
        for ii, item in enumerate(items, 1):
            where = f"section {si} item {ii}"
            if not isinstance(item, dict):
                fail(where, "must be an object")
            for field in ("key", "title", "instruction"):
                if not isinstance(item.get(field), str) or not item[field].strip():
                    fail(where, f"'{field}' is required")
            if item["key"] in item_keys:
                fail(where, f"duplicate item key {item['key']!r}")
            item_keys.add(item["key"])
            for a in item.get("attestations", []):
                if a not in keys:
                    fail(where, f"attestation {a!r} is not declared in 'attestations'")
            if "findings_possible" in item and not isinstance(item["findings_possible"], bool):
                fail(where, "'findings_possible' must be true or false")
            if "searches" in item:
                validate_plan(item["searches"], lambda problem, w=f"{where} ({item['key']})": fail(w, problem))


def load_template_file(path: str | Path) -> dict[str, Any]:
    p = Path(path)
    try:
        raw = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{p}: cannot be read ({exc}).") from exc
    return parse_template(raw, str(p))


def _fill_version(version: TemplateVersion, doc: dict[str, Any]) -> None:
    version.attestations = [{"key": a["key"], "text": a["text"]} for a in doc.get("attestations", [])]
    version.sections = []
    for si, sec in enumerate(doc["sections"], 1):
        section = TemplateSection(position=si, title=sec["title"].strip())
        for ii, it in enumerate(sec["items"], 1):
            section.items.append(
                TemplateItem(
                    position=ii,
                    key=it["key"].strip(),
                    title=it["title"].strip(),
                    instruction=it["instruction"].strip(),
                    findings_possible=it.get("findings_possible", True),
                    platform=it.get("platform"),
                    attestations=list(it.get("attestations", [])),
                    search_plan=[{k: e[k].strip() if k != "query" else e[k] for k in ("key", "label", "query", "url")
                                  if k in e} for e in it.get("searches", [])],
                )
            )
        version.sections.append(section)


def version_in_use(session: Session, version_id: int) -> bool:
    return bool(session.scalar(select(exists().where(HiringProcess.template_version_id == version_id))))


def version_view(session: Session, version: TemplateVersion) -> TemplateVersionView:
    return TemplateVersionView(
        id=version.id,
        template_id=version.template_id,
        template_name=version.template.name,
        number=version.number,
        attestations=tuple(Attestation(a["key"], a["text"]) for a in version.attestations),
        sections=tuple(
            SectionView(
                s.title,
                tuple(
                    TemplateItemView(i.id, i.key, i.title, i.instruction, i.findings_possible, i.platform,
                                     tuple(i.attestations), tuple(dict(x) for x in i.search_plan or ()))
                    for i in s.items
                ),
            )
            for s in version.sections
        ),
        in_use=version_in_use(session, version.id),
        created_at=version.created_at,
    )


def template_to_doc(view: TemplateVersionView) -> dict[str, Any]:
    """A version as a template document (the starting point of a new version)."""
    return {
        "name": view.template_name,
        "attestations": [{"key": a.key, "text": a.text} for a in view.attestations],
        "sections": [
            {
                "title": s.title,
                "items": [
                    {"key": i.key, "title": i.title, "instruction": i.instruction,
                     "findings_possible": i.findings_possible, "platform": i.platform,
                     "attestations": list(i.attestations), "searches": [dict(x) for x in i.searches]}
                    for i in s.items
                ],
            }
            for s in view.sections
        ],
    }


# ---------------------------------------------------------------- first start


def install_defaults(db: Database) -> bool:
    """Install the default template and concern categories on an empty database (idempotent)."""
    with system_write(db, "defaults.install") as s:
        installed = False
        if not s.scalar(select(func.count()).select_from(ConcernCategory)):
            cats = json.loads((DATA / "concern-categories.json").read_text(encoding="utf-8"))
            for pos, c in enumerate(cats, 1):
                s.add(ConcernCategory(code=c["code"], label=c["label"], description=c["description"], position=pos))
            installed = True
        if not s.scalar(select(func.count()).select_from(ChecklistTemplate)):
            doc = parse_template((DATA / "default-template.json").read_text(encoding="utf-8"), "default-template.json")
            template = ChecklistTemplate(name=doc["name"], description=doc.get("description", ""))
            version = TemplateVersion(number=1, note="Installed with the workbench")
            _fill_version(version, doc)
            template.versions.append(version)
            s.add(template)
            s.flush()
            audit.append(s, event_type="template.install_default", object_type="template_version",
                         object_id=version.id)
            installed = True
        return installed


# ---------------------------------------------------------------- templates


@service
def list_template_versions(db: Database, actor: Actor) -> list[TemplateVersionView]:
    """Every version of every template, newest first within a template."""
    with operation(db, actor, "template.list", object_type="template") as op:
        versions = op.session.scalars(
            select(TemplateVersion).join(ChecklistTemplate).order_by(ChecklistTemplate.name, TemplateVersion.number.desc())
        ).all()
        op.audited = True  # listing templates is not subject data; not worth an event each time
        return [version_view(op.session, v) for v in versions]


@service
def get_template_version(db: Database, actor: Actor, *, version_id: int) -> TemplateVersionView:
    with operation(db, actor, "template.view", object_type="template_version", object_id=version_id) as op:
        v = op.session.get(TemplateVersion, version_id)
        if v is None:
            raise NotFound(f"Template version {version_id} does not exist.")
        op.audited = True
        return version_view(op.session, v)


@service
def create_template_version(db: Database, actor: Actor, *, template_id: int | None, document: dict[str, Any]) -> TemplateVersionView:
    """Create a new version of a template (or a new template when ``template_id`` is None).

    Existing versions are never changed: editing a template always means a new version.
    """
    validate_template(document)
    with operation(db, actor, "template.create_version", object_type="template",
                   object_id=template_id or "", roles=[Role.ADMINISTRATOR]) as op:
        if template_id is None:
            if op.session.scalars(select(ChecklistTemplate).where(ChecklistTemplate.name == document["name"])).first():
                raise RuleViolation(f"A template named {document['name']!r} exists; create a new version of it instead.")
            template = ChecklistTemplate(name=document["name"].strip(), description=document.get("description", ""))
            op.session.add(template)
            op.session.flush()
            number = 1
        else:
            template = op.session.get(ChecklistTemplate, template_id)
            if template is None:
                raise NotFound(f"Template {template_id} does not exist.")
            number = (op.session.scalar(select(func.max(TemplateVersion.number)).where(
                TemplateVersion.template_id == template.id)) or 0) + 1
        version = TemplateVersion(template_id=template.id, number=number, created_by_id=op.user.id,
                                  note=str(document.get("note", ""))[:500])
        _fill_version(version, document)
        op.session.add(version)
        op.session.flush()
        op.audit(object_type="template_version", object_id=version.id, detail={"number": number})
        return version_view(op.session, version)


@service
def replace_unused_template_version(db: Database, actor: Actor, *, version_id: int, document: dict[str, Any]) -> TemplateVersionView:
    """Correct a version that no hiring process uses yet. A version in use is refused."""
    validate_template(document)
    with operation(db, actor, "template.edit_version", object_type="template_version",
                   object_id=version_id, roles=[Role.ADMINISTRATOR]) as op:
        version = op.session.get(TemplateVersion, version_id)
        if version is None:
            raise NotFound(f"Template version {version_id} does not exist.")
        if version_in_use(op.session, version_id):
            raise RuleViolation(
                "This template version is used by a hiring process and can never change. "
                "Create a new version instead."
            )
        version.sections.clear()
        op.session.flush()
        _fill_version(version, document)
        op.session.flush()
        return version_view(op.session, version)


# ---------------------------------------------------------------- concern categories


@service
def list_concern_categories(db: Database, actor: Actor, *, include_inactive: bool = False) -> list[CategoryInfo]:
    with operation(db, actor, "category.list", object_type="concern_category") as op:
        q = select(ConcernCategory).order_by(ConcernCategory.position)
        if not include_inactive:
            q = q.where(ConcernCategory.active.is_(True))
        op.audited = True
        return [CategoryInfo(c.code, c.label, c.description, c.active) for c in op.session.scalars(q)]


@service
def add_concern_category(db: Database, actor: Actor, *, code: str, label: str, description: str = "") -> CategoryInfo:
    """Extend the list of concern categories (administrator)."""
    code = code.strip().lower().replace(" ", "_")
    if not code.replace("_", "").isalnum() or not label.strip():
        raise RuleViolation("A category needs a code (letters, digits, underscores) and a label.")
    with operation(db, actor, "category.create", object_type="concern_category", object_id=code,
                   roles=[Role.ADMINISTRATOR]) as op:
        if op.session.get(ConcernCategory, code):
            raise RuleViolation(f"The category {code!r} exists.")
        pos = (op.session.scalar(select(func.max(ConcernCategory.position))) or 0) + 1
        c = ConcernCategory(code=code, label=label.strip(), description=description.strip(), position=pos)
        op.session.add(c)
        return CategoryInfo(c.code, c.label, c.description, True)


# ---------------------------------------------------------------- hiring processes


def _process_info(session: Session, p: HiringProcess) -> ProcessInfo:
    n = session.scalar(select(func.count()).select_from(Investigation).where(Investigation.process_id == p.id)) or 0
    v = p.template_version
    return ProcessInfo(p.id, p.name, p.position_title, v.id, f"{v.template.name}, version {v.number}", n)


@service
def create_process(db: Database, actor: Actor, *, name: str, position_title: str, template_version_id: int) -> ProcessInfo:
    """Create a hiring process pinned to one template version (supervisor or administrator)."""
    if not name.strip() or not position_title.strip():
        raise RuleViolation("A hiring process needs a name and a position title.")
    with operation(db, actor, "process.create", object_type="hiring_process",
                   roles=[Role.SUPERVISOR, Role.ADMINISTRATOR]) as op:
        if op.session.get(TemplateVersion, template_version_id) is None:
            raise NotFound(f"Template version {template_version_id} does not exist.")
        if op.session.scalars(select(HiringProcess).where(HiringProcess.name == name.strip())).first():
            raise RuleViolation(f"A hiring process named {name.strip()!r} exists.")
        p = HiringProcess(name=name.strip(), position_title=position_title.strip(),
                          template_version_id=template_version_id, created_by_id=op.user.id)
        op.session.add(p)
        op.session.flush()
        op.audit(object_id=p.id, detail={"template_version_id": template_version_id})
        return _process_info(op.session, p)


@service
def list_processes(db: Database, actor: Actor) -> list[ProcessInfo]:
    with operation(db, actor, "process.list", object_type="hiring_process") as op:
        op.audited = True
        return [_process_info(op.session, p) for p in op.session.scalars(select(HiringProcess).order_by(HiringProcess.name))]
