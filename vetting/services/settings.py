"""Department-wide settings: declared once here with type, default and limits; stored in the
database so that every workstation applies the same rules; changed by administrators only."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from vetting.db import Database
from vetting.errors import RuleViolation
from vetting.models import Role, Setting
from vetting.services.core import Actor, operation, service

DEFAULT_BANNER = (
    "RESTRICTED SYSTEM. This workstation application holds confidential background-investigation "
    "records and is for use by authorised personnel only. Use is monitored and recorded. "
    "Unauthorised use is prohibited and may lead to discipline and prosecution."
)


@dataclass(frozen=True)
class SettingSpec:
    key: str
    type: type
    default: Any
    label: str
    minimum: int | None = None
    maximum: int | None = None
    choices: tuple[str, ...] = ()


SPECS: dict[str, SettingSpec] = {
    s.key: s
    for s in (
        SettingSpec("identifiers_to_confirm_account", int, 3,
                    "Matched identifiers needed to confirm an account", 1, 10),
        SettingSpec("redaction_category_tokens", bool, False,
                    "Show category tokens instead of [REDACTED] (reveals categories)"),
        SettingSpec("screen_political_affiliation", bool, False, "Screen political affiliation too"),
        SettingSpec("logon_banner", str, DEFAULT_BANNER, "Logon banner"),
        SettingSpec("session_lock_minutes", int, 15, "Lock the session after inactivity (minutes)", 1, 30),
        SettingSpec("lockout_threshold", int, 5, "Failed sign-ins before lockout", 3, 10),
        SettingSpec("lockout_minutes", int, 10, "Lockout duration (minutes)", 1, 1440),
        SettingSpec("password_min_length", int, 12, "Minimum password length", 12, 128),
        SettingSpec("retention_years_hired", int, 6, "Retention after closing: hired (years)", 1, 75),
        SettingSpec("retention_years_not_hired", int, 3, "Retention after closing: not hired (years)", 1, 75),
        SettingSpec("retention_years_withdrawn", int, 3, "Retention after closing: withdrawn (years)", 1, 75),
        SettingSpec("report_page_size", str, "letter", "Report page size", choices=("letter", "a4")),
    )
}


def _coerce(spec: SettingSpec, value: Any) -> Any:
    if spec.type is bool:
        if not isinstance(value, bool):
            raise RuleViolation(f"{spec.label}: must be true or false.")
        return value
    if spec.type is int:
        if isinstance(value, bool) or not isinstance(value, int):
            try:
                value = int(str(value).strip())
            except ValueError as exc:
                raise RuleViolation(f"{spec.label}: must be a whole number.") from exc
        if spec.minimum is not None and value < spec.minimum:
            raise RuleViolation(f"{spec.label}: at least {spec.minimum}.")
        if spec.maximum is not None and value > spec.maximum:
            raise RuleViolation(f"{spec.label}: at most {spec.maximum}.")
        return value
    value = str(value)
    if spec.choices and value not in spec.choices:
        raise RuleViolation(f"{spec.label}: one of {', '.join(spec.choices)}.")
    if len(value) > 4000:
        raise RuleViolation(f"{spec.label}: at most 4000 characters.")
    return value


def get_in(session: Session, key: str) -> Any:
    spec = SPECS[key]
    row = session.get(Setting, key)
    if row is None:
        return spec.default
    try:
        return _coerce(spec, row.value)
    except RuleViolation:
        return spec.default


def all_in(session: Session) -> dict[str, Any]:
    stored = {r.key: r.value for r in session.scalars(select(Setting))}
    out = {}
    for key, spec in SPECS.items():
        try:
            out[key] = _coerce(spec, stored[key]) if key in stored else spec.default
        except RuleViolation:
            out[key] = spec.default
    return out


def get_settings(db: Database) -> dict[str, Any]:
    """All department settings (no audit: settings are not subject data)."""
    with db.read() as s:
        return all_in(s)


@service
def update_settings(db: Database, actor: Actor, *, values: dict[str, Any]) -> dict[str, Any]:
    """Change settings (administrator). All values are validated before any is stored."""
    with operation(db, actor, "settings.update", object_type="settings", roles=[Role.ADMINISTRATOR]) as op:
        unknown = set(values) - set(SPECS)
        if unknown:
            raise RuleViolation(f"Unknown setting(s): {', '.join(sorted(unknown))}.")
        clean = {k: _coerce(SPECS[k], v) for k, v in values.items()}
        for key, value in clean.items():
            row = op.session.get(Setting, key)
            if row is None:
                op.session.add(Setting(key=key, value=value, updated_by_id=op.user.id))
            else:
                row.value = value
                row.updated_by_id = op.user.id
        op.detail = {"keys": sorted(clean)}
        op.session.flush()
        return all_in(op.session)
