"""The ``vetting`` command line: init, users, demo, terms, audit, backup/restore, screen, report.

Every command takes ``--database-url`` (or ``VETTING_DATABASE_URL``). Commands that change
records act as a signed-in user: ``--user`` (or ``VETTING_USER``) with the password from
``VETTING_PASSWORD`` or a prompt. Errors print one plain sentence and exit non-zero.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import os
import secrets
import sys
from pathlib import Path

from vetting.config import load_config
from vetting.db import Database, open_database
from vetting.errors import RuleViolation, VettingError

EXIT_ERROR = 1
EXIT_USAGE = 2


def _password(prompt: str, *, stdin: bool = False, confirm: bool = False, new_for: str = "",
              stdin_flag: str = "--password-stdin", no_acting_user: bool = False) -> str:
    """The acting user's password, or with ``new_for`` a new password for that account.

    A new password comes from standard input (``stdin_flag``), ``VETTING_NEW_PASSWORD`` or a
    prompt asked twice; the acting user's from standard input, ``VETTING_PASSWORD`` or a prompt.
    """
    if stdin:
        return sys.stdin.readline().rstrip("\n")
    var = "VETTING_NEW_PASSWORD" if new_for else "VETTING_PASSWORD"
    env = os.environ.get(var) or None  # an empty variable counts as unset
    if env is None and new_for and no_acting_user:
        env = os.environ.get("VETTING_PASSWORD") or None  # `init --admin`: nobody else's password it could be
    if env is not None:
        return env
    if not sys.stdin.isatty():
        whose = f"the new password for {new_for}" if new_for else "the password"
        raise VettingError(f"No terminal to ask for {whose}: set {var} or pipe it with {stdin_flag}.")
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("Repeat: ") != first:
        raise VettingError("The two passwords differ; nothing was changed.")
    return first


def _db_key(url: str, *, encrypt: bool) -> str | None:
    """The passphrase of an encrypted SQLite database: VETTING_DB_KEY, else asked on a terminal."""
    from vetting.db import KEY_ENV, is_encrypted_file, resolve_key, sqlite_path

    key = resolve_key()
    path = sqlite_path(url)
    if key is not None or path is None:
        return key
    if encrypt:
        if not sys.stdin.isatty():
            raise VettingError(f"An encrypted database needs a passphrase: set {KEY_ENV}.")
        first = getpass.getpass("Passphrase for the new encrypted database: ")
        if len(first) < 12:
            raise VettingError("Choose a passphrase of at least 12 characters; nothing was created.")
        if getpass.getpass("Repeat: ") != first:
            raise VettingError("The two passphrases differ; nothing was created.")
        return first
    if is_encrypted_file(path) and sys.stdin.isatty():
        return getpass.getpass(f"Passphrase of the encrypted database {path}: ")
    return None


def _open(args: argparse.Namespace, *, migrate: bool = True) -> Database:
    cfg = load_config(args.database_url)
    encrypt = bool(getattr(args, "encrypt", False))
    db = open_database(cfg.database_url, migrate=migrate, busy_timeout=cfg.busy_timeout_seconds, encrypt=encrypt,
                       key=_db_key(cfg.database_url, encrypt=encrypt))
    if migrate:
        from vetting.services.templates import install_defaults

        install_defaults(db)
    return db


def _database_at_hand(args: argparse.Namespace) -> Database | None:
    """The configured database if it exists and opens (never creates one); else None."""
    from vetting.db import sqlite_path
    from vetting.errors import DatabaseUnavailable

    url = load_config(args.database_url).database_url
    path = sqlite_path(url)
    if path is not None and not path.exists():
        return None
    try:
        return _open(args, migrate=False)
    except DatabaseUnavailable:
        return None


def _credentials(args: argparse.Namespace) -> tuple[str, str]:
    user = args.user or os.environ.get("VETTING_USER")
    if not user:
        raise VettingError("Say who is acting: --user NAME (or set VETTING_USER).")
    return user, _password(f"Password for {user}: ", stdin=args.password_stdin)


def _actor(args: argparse.Namespace, db: Database):  # type: ignore[no-untyped-def]
    from vetting.services.users import sign_in

    user, password = _credentials(args)
    actor = sign_in(db, username=user, password=password)
    args.signed_in_password = password  # `users passwd` needs the current password once more
    return actor


def _output(name: str) -> Path:
    """A file to write: its folder must exist and be a folder (checked before any work is done)."""
    out = Path(name)
    folder = out.parent
    if not folder.is_dir():
        raise VettingError(f"The folder {folder} does not exist; create it or choose another place for {out.name}.")
    probe = folder / f".vetting-write-test-{os.getpid()}"
    try:  # os.access cannot tell (root, read-only mounts, /proc): try it
        probe.touch()
        probe.unlink()
    except OSError as exc:
        raise VettingError(f"The folder {folder} cannot be written ({exc.strerror}); choose another place "
                           f"for {out.name}.") from exc
    return out


# ---------------------------------------------------------------- commands


def cmd_init(args: argparse.Namespace) -> int:
    from vetting.services.users import create_first_administrator, needs_first_administrator

    if args.encrypt and load_config(args.database_url).database_url.startswith("postgresql"):
        raise VettingError("--encrypt is for the embedded SQLite database; encrypt a PostgreSQL server's disk "
                           "and use TLS to it (see the README).")
    db = _open(args)
    print(f"Database ready: {db.url if not db.sqlite_path else db.sqlite_path}"
          + (" (encrypted with SQLCipher)" if db.encrypted else ""))
    if args.admin:
        if not needs_first_administrator(db):
            raise RuleViolation("An administrator already exists; use `vetting users add` to add accounts.")
        pw = _password(f"New password for {args.admin}: ", stdin=args.password_stdin, confirm=True,
                       new_for=args.admin, no_acting_user=True)
        create_first_administrator(db, username=args.admin, display_name=args.display_name or args.admin, password=pw)
        print(f"Administrator {args.admin} created.")
    elif needs_first_administrator(db):
        print("No users yet: run `vetting init --admin NAME`, or start the workbench to create the administrator.")
    return 0


def cmd_users(args: argparse.Namespace) -> int:
    from vetting.services import users as U

    db = _open(args)
    actor = _actor(args, db)
    if args.users_cmd == "passwd":
        pw = _password(f"New password for {actor.username}: ", stdin=args.new_password_stdin,
                       confirm=True, new_for=actor.username, stdin_flag="--new-password-stdin")
        U.change_own_password(db, actor, old_password=args.signed_in_password, new_password=pw)
        print(f"Password of {actor.username} changed.")
        return 0
    if args.users_cmd == "list":
        rows = U.list_users(db, actor)
        print(f"{'ID':>4}  {'USER':<24} {'ROLE':<14} {'STATE':<9} NAME")
        for u in rows:
            state = "disabled" if not u.active else ("locked" if u.locked else "active")
            print(f"{u.id:>4}  {u.username:<24} {u.role:<14} {state:<9} {u.display_name}")
        return 0
    target = None
    if args.users_cmd != "add":
        target = next((u for u in U.list_users(db, actor) if u.username == args.username), None)
        if target is None:
            raise VettingError(f"There is no user {args.username!r}.")
    if args.users_cmd == "add":
        pw = _password(f"Password for the new user {args.username}: ", stdin=args.new_password_stdin,
                       confirm=True, new_for=args.username, stdin_flag="--new-password-stdin")
        u = U.add_user(db, actor, username=args.username, display_name=args.display_name or args.username,
                       role=args.role, password=pw)
        print(f"User {u.username} ({u.role}) created with id {u.id}.")
    elif args.users_cmd == "disable":
        U.set_user_active(db, actor, user_id=target.id, active=False)
        print(f"User {args.username} disabled.")
    elif args.users_cmd == "enable":
        U.set_user_active(db, actor, user_id=target.id, active=True)
        print(f"User {args.username} enabled.")
    elif args.users_cmd == "unlock":
        U.unlock_user(db, actor, user_id=target.id)
        print(f"User {args.username} unlocked.")
    elif args.users_cmd == "reset-password":
        pw = _password(f"New password for {args.username}: ", stdin=args.new_password_stdin,
                       confirm=True, new_for=args.username, stdin_flag="--new-password-stdin")
        U.reset_password(db, actor, user_id=target.id, new_password=pw)
        print(f"Password of {args.username} reset; they must choose a new one at their next sign-in "
              f"(in the workbench, or `vetting --user {args.username} users passwd`).")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from vetting.services.demo import create_demo

    db = _open(args)
    actor = _actor(args, db)
    password = args.demo_password or ("Demo-" + secrets.token_urlsafe(12))
    r = create_demo(db, actor, password=password, suffix=args.suffix)
    print(f"Demo hiring process {'already exists' if r.already_existed else 'created'}: id {r.process_id}")
    labels = ("open, in progress", "submitted, awaiting review", "approved")
    for iid, label in zip(r.investigation_ids, labels, strict=True):
        print(f"  investigation {iid}: {label}")
    print(f"Demo investigator: {r.investigator}   Demo supervisor: {r.supervisor}")
    if r.already_existed:
        print("Their password was set when the demo was created (an administrator can reset it).")
    else:
        print(f"Their password: {r.password}")
    if r.certificate:
        print(f"A DEMONSTRATION signing certificate was made and configured ({r.certificate}): approved reports "
              "are now signed with it. Replace it with the department's certificate in settings.toml.")
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    from vetting.services import audit

    db = _open(args, migrate=False)
    if args.audit_cmd == "verify":
        from vetting.services.integrity import read_anchor

        anchors = [read_anchor(Path(f)) for f in args.anchor or []]
        for token in args.anchor_head or []:
            try:
                anchors.append(audit.parse_head_token(token, f"head {token.strip()[:24]}…"))
            except ValueError as exc:
                raise VettingError(str(exc) + ".") from exc
        with db.read() as s:
            report = audit.verify(s, anchors=tuple(anchors))
        print(report.summary())
        if not report.ok:
            print(f"vetting: the audit chain is broken ({len(report.problems)} problems listed above).", file=sys.stderr)
        return 0 if report.ok else EXIT_ERROR
    if args.audit_cmd == "anchor":
        from vetting.services.integrity import write_anchor

        head = write_anchor(db, Path(args.output))
        print(f"Anchor written to {args.output}: head {head.token}. Keep it away from the database.")
        return 0
    if args.audit_cmd == "export":
        out = _output(args.output) if args.output else None
        actor = _actor(args, db)
        from vetting.services.records import export_audit

        n = export_audit(db, actor, since=args.since, until=args.until, output=out or sys.stdout)
        if out:
            print(f"{n} events written to {out}", file=sys.stderr)
        return 0
    return EXIT_USAGE


def _date(text: str) -> dt.datetime:
    try:
        d = dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from exc
    return dt.datetime(d.year, d.month, d.day, tzinfo=dt.UTC)


def cmd_backup(args: argparse.Namespace) -> int:
    from vetting.services.records import backup_database

    out = _output(args.output)
    db = _open(args, migrate=False)
    actor = _actor(args, db)
    r = backup_database(db, actor, output=out)
    print(f"Backup written to {r.path} ({r.size:,} bytes); SHA-256 {r.sha256}; audit chain head {r.audit_count} "
          f"{r.audit_hash[:16]}…")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from vetting.services.records import restore_database

    cfg = load_config(args.database_url)
    user, password = _credentials(args)
    if not args.yes:
        if not sys.stdin.isatty():
            raise VettingError("Restoring replaces the whole database; confirm with --yes.")
        answer = input(f"Replace the database with {args.file}? Everything since that backup is lost. [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            print("Nothing was changed.")
            return EXIT_ERROR
    r = restore_database(cfg.database_url, Path(args.file), username=user, password=password,
                         key=_db_key(cfg.database_url, encrypt=False))
    print(f"Database restored from {args.file} (SHA-256 {r.sha256}, audit chain head {r.restored_head[0]})"
          + (f", migrated from schema {r.schema_revision}" if r.migrated else "") + f"; recorded as audit event "
          f"{r.event_seq}." + (f" The replaced database was kept as {r.kept}." if r.kept else ""))
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from vetting.services.reports import generate_report

    if args.target == "verify":
        from vetting.services.reports import verify_report_file

        if not args.file:
            raise VettingError("Name the PDF to verify: vetting report verify FILE.pdf")
        try:
            data = Path(args.file).read_bytes()
        except OSError as exc:
            raise VettingError(f"Cannot read {args.file}: {exc.strerror}.") from exc
        result = verify_report_file(data, db=None if args.no_database else _database_at_hand(args),
                                    extra_trust_roots=args.trust_root)
        print("\n".join(result.lines()))
        return 0 if result.ok else EXIT_ERROR
    try:
        inv_id = int(args.target)
    except ValueError as exc:
        raise VettingError(f"{args.target!r} is not an investigation id (a number) or 'verify'.") from exc
    if not args.output:
        raise VettingError("Say where to write the PDF: -o FILE.pdf")
    out = _output(args.output)
    db = _open(args)
    actor = _actor(args, db)
    rep = generate_report(db, actor, investigation_id=inv_id)
    tmp = out.with_suffix(out.suffix + ".part")
    try:
        tmp.write_bytes(rep.pdf)
        os.replace(tmp, out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise VettingError(f"Cannot write {out}: {exc.strerror}. The report was recorded; generate it again "
                           "to another place.") from exc
    state = " (DRAFT, not signed)" if rep.draft else (" (signed)" if rep.signed else " (not signed)")
    print(f"Report {rep.document_id}{state} written to {out}; SHA-256 {rep.sha256}")
    return 0


def cmd_purge(args: argparse.Namespace) -> int:
    from vetting.services.records import purge_due

    db = _open(args)
    actor = _actor(args, db)
    results = purge_due(db, actor, dry_run=args.dry_run)
    if not results:
        print("Nothing is due for destruction.")
    for r in results:
        verb = {"due": "DUE (dry run, nothing destroyed)", "purged": "PURGED",
                "held": "HELD - under legal hold, not purged"}[r.action]
        print(f"investigation {r.investigation_id}: {verb}; {r.rule}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from vetting.services.records import run_export, verify_bundle

    if args.target == "verify":
        if not args.file:
            raise VettingError("Name the bundle to verify: vetting export verify bundle.zip")
        roots = [Path(x) for x in args.trust_root] if getattr(args, "trust_root", None) else None
        check = verify_bundle(Path(args.file), trust_roots=roots)
        print(check.summary())
        if not check.ok:
            print(f"vetting: the bundle {args.file} does not verify ({len(check.problems)} problems listed above).",
                  file=sys.stderr)
        return 0 if check.ok else EXIT_ERROR
    if not args.output:
        raise VettingError("Say where to write the bundle: -o bundle.zip")
    ids = None
    if args.target is not None:
        try:
            ids = [int(args.target)]
        except ValueError as exc:
            raise VettingError(f"{args.target!r} is not an investigation id.") from exc
    elif args.process is None:
        raise VettingError("Name an investigation id or --process ID.")
    out = _output(args.output)
    db = _open(args)
    actor = _actor(args, db)
    out = run_export(db, actor, output=out, investigation_ids=ids, process_id=args.process)
    print(f"Export written to {out}.")
    return 0


def cmd_terms(args: argparse.Namespace) -> int:
    from vetting.services import local_terms as LT

    db = _open(args)
    if args.terms_cmd == "show":
        v = LT.current_local_terms(db)
        if not v.version:
            print("No department local terms yet (`vetting terms import FILE` adds them).")
            return 0
        print(f"# {v.label}: {v.term_count} term(s), saved {v.created_at:%Y-%m-%d %H:%M} UTC by "
              f"{v.created_by or 'unknown'}" + (f" — {v.note}" if v.note else ""))
        sys.stdout.write(v.content if v.content.endswith("\n") else v.content + "\n")
        return 0
    v = LT.import_local_terms_file(db, _actor(args, db), path=args.file, note=args.note or "")
    print(f"Saved as version {v.version} ({v.term_count} term(s)); every workstation screens with it now.")
    return 0


# ---------------------------------------------------------------- parser


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="vetting",
        description="Vetting Workbench command line: set up the database, manage users, verify the audit "
                    "log and reports, screen text, back up.",
        epilog="The GUI is `vetting-workbench`. Data lives in the user data directory unless "
               "--database-url / VETTING_DATABASE_URL names another SQLite file or a PostgreSQL server.",
    )
    _add_common(p, top=True)
    sub = p.add_subparsers(dest="command", metavar="COMMAND", required=True)

    s = sub.add_parser("init", help="create or migrate the database; optionally create the first administrator")
    s.add_argument("--admin", metavar="USERNAME", help="create the first administrator with this user name")
    s.add_argument("--display-name", help="the administrator's full name")
    s.add_argument("--encrypt", action="store_true",
                   help="create the SQLite database encrypted (SQLCipher); passphrase from VETTING_DB_KEY or a prompt")
    s.set_defaults(func=cmd_init)

    s = sub.add_parser("users", help="list, add, disable, enable, unlock users or reset a password (administrator)")
    us = s.add_subparsers(dest="users_cmd", metavar="ACTION", required=True)
    us.add_parser("list", help="list accounts")
    a = us.add_parser("add", help="add an account")
    a.add_argument("username")
    a.add_argument("--role", required=True, choices=["investigator", "supervisor", "administrator"])
    a.add_argument("--display-name")
    a.add_argument("--new-password-stdin", action="store_true", help="read the new password from stdin")
    for name, text in (("disable", "disable an account"), ("enable", "re-enable an account"),
                       ("unlock", "lift a lockout"), ("reset-password", "set a new password")):
        x = us.add_parser(name, help=text)
        x.add_argument("username")
        if name == "reset-password":
            x.add_argument("--new-password-stdin", action="store_true")
    x = us.add_parser("passwd", help="change your own password (any user; needed after a reset)")
    x.add_argument("--new-password-stdin", action="store_true",
                   help="read the new password from stdin (after the current one with --password-stdin)")
    s.set_defaults(func=cmd_users)

    s = sub.add_parser("demo", help="create a fictional hiring process with three candidates (administrator)")
    s.add_argument("--demo-password", help="password for the demo investigator and supervisor (default: random)")
    s.add_argument("--suffix", default="", help="appended to the demo's user and process names, to create "
                                               "another demo beside an existing one")
    s.set_defaults(func=cmd_demo)

    s = sub.add_parser("terms", help="the department's local screening terms: show them, or import a term file "
                                     "as a new version (administrator)")
    ts = s.add_subparsers(dest="terms_cmd", metavar="ACTION", required=True)
    ts.add_parser("show", help="print the current version")
    t = ts.add_parser("import", help="store a local term file as the next version")
    t.add_argument("file")
    t.add_argument("--note", help="why the list changed (kept with the version)")
    s.set_defaults(func=cmd_terms)

    s = sub.add_parser("audit", help="verify or export the audit log")
    au = s.add_subparsers(dest="audit_cmd", metavar="ACTION", required=True)
    v = au.add_parser("verify", help="check the hash chain, its head and every record's state; exit 1 if "
                                     "anything was altered")
    v.add_argument("--anchor", action="append", metavar="FILE",
                   help="an anchor file (from `audit anchor`): the chain must still extend its head")
    v.add_argument("--anchor-head", action="append", metavar="COUNT:HASH",
                   help="a head printed in a report or MANIFEST: the chain must still extend it")
    an = au.add_parser("anchor", help="write a dated file with the chain head, to keep away from the database")
    an.add_argument("-o", "--output", required=True, help="the anchor file to write (never overwritten)")
    e = au.add_parser("export", help="write events as JSON Lines (for a records request)")
    e.add_argument("--from", dest="since", type=_date, help="first day (YYYY-MM-DD, UTC)")
    e.add_argument("--to", dest="until", type=_date, help="day after the last (YYYY-MM-DD, UTC)")
    e.add_argument("-o", "--output", help="file to write (default: standard output)")
    s.set_defaults(func=cmd_audit)

    s = sub.add_parser("backup", help="write a consistent copy of the SQLite database (safe while in use; "
                                      "administrator, audited)")
    s.add_argument("-o", "--output", required=True, help="backup file to write")
    s.set_defaults(func=cmd_backup)

    s = sub.add_parser("restore", help="replace the SQLite database with a backup (administrator of the backup; "
                                       "asks to confirm; recorded in the restored audit chain)")
    s.add_argument("file")
    s.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    s.set_defaults(func=cmd_restore)

    s = sub.add_parser("report", help="generate an investigation's PDF report, or verify a PDF: "
                                      "`report ID -o file.pdf` / `report verify file.pdf`")
    s.add_argument("target", metavar="ID|verify")
    s.add_argument("file", nargs="?", help="with verify: the PDF to check")
    s.add_argument("-o", "--output", help="with ID: where to write the PDF")
    s.add_argument("--trust-root", action="append", metavar="CERT",
                   help="with verify: a root certificate (PEM/DER) the signature must chain to, besides "
                        "signing_trust_root in settings.toml")
    s.add_argument("--no-database", action="store_true",
                   help="with verify: check the signature only, even when a database is configured")
    s.set_defaults(func=cmd_report)

    s = sub.add_parser("purge", help="destroy the content of investigations past their destruction date "
                                     "(administrator); legal holds are never purged")
    s.add_argument("--dry-run", action="store_true", help="only list what is due and why")
    s.set_defaults(func=cmd_purge)

    s = sub.add_parser("export", help="public-records / e-discovery bundle: `export ID -o b.zip`, "
                                      "`export --process ID -o b.zip`, `export verify b.zip`")
    s.add_argument("target", nargs="?", metavar="ID|verify")
    s.add_argument("file", nargs="?", help="with verify: the bundle to check")
    s.add_argument("--trust-root", action="append", metavar="PEM",
                   help="with verify: the department's trust root for the MANIFEST's signature "
                        "(default: signing_trust_root in settings.toml); repeatable")
    s.add_argument("--process", type=int, help="export every investigation of this hiring process")
    s.add_argument("-o", "--output", help="the ZIP file to write")
    s.set_defaults(func=cmd_export)

    try:
        from vetting.screening import cli as screening_cli

        screening_cli.add_parser(sub)
    except ImportError:  # pragma: no cover - screening package incomplete
        pass
    _common_everywhere(p)
    return p


def _add_common(p: argparse.ArgumentParser, *, top: bool) -> None:
    """The options every command takes, accepted before or after the command name."""
    default = None if top else argparse.SUPPRESS
    p.add_argument("--database-url", default=default,
                   help="SQLAlchemy URL, e.g. sqlite:////path/file.sqlite3 or postgresql://user@host/db "
                        "(default: the embedded SQLite file)")
    p.add_argument("--user", default=default, help="act as this user (default: $VETTING_USER)")
    p.add_argument("--password-stdin", action="store_true", default=False if top else argparse.SUPPRESS,
                   help="read the acting user's password from standard input")


def _common_everywhere(p: argparse.ArgumentParser) -> None:
    for action in p._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                if not any(a.dest == "database_url" for a in sub._actions):
                    _add_common(sub, top=False)
                _common_everywhere(sub)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except VettingError as exc:
        print(f"vetting: {exc}", file=sys.stderr)
        problems = getattr(exc, "problems", None)
        for p in problems or []:
            print(f"  - {p}", file=sys.stderr)
        return EXIT_ERROR
    except OSError as exc:  # a file the command was given (the messages above name the usual cases)
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"vetting: {where}{exc.strerror or exc}. Nothing further was changed.", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("vetting: interrupted; nothing further was changed.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
