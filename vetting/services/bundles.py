"""The MANIFEST of an export bundle: how it is written and how a bundle is checked against it.

MANIFEST format (UTF-8, one entry per line, no blank lines)::

    # Vetting Workbench export bundle
    # format: 1
    # audit-head-count: 1234
    # audit-head-hash: <64 hex digits>
    <sha256 of the file, 64 hex digits><two spaces><name of the file in the ZIP>

``#`` lines carry ``key: value`` metadata; the audit head is the database's chain head when the
bundle was written (compare it with an anchored head, or with ``vetting audit verify``). Every other
file of the ZIP must be listed exactly once.

What verification proves: each file is the one the MANIFEST describes, and nothing was added,
hidden (duplicate names) or placed outside the bundle (absolute or ``..`` names). It does **not**
prove who wrote the MANIFEST: someone who edits ``investigation.json`` and recomputes the MANIFEST
produces a bundle that verifies. Detecting that needs the MANIFEST signed with the department
certificate; :func:`read_manifest` works on the raw bytes so that a detached signature
(``MANIFEST.sig``) can be checked over exactly those bytes before they are trusted.

Limits (a bundle beyond them is refused, never unpacked): :data:`MAX_BUNDLE_BYTES` uncompressed in
all, :data:`MAX_MANIFEST_BYTES` for the MANIFEST, :data:`MAX_ENTRIES` files. Files are hashed in
1 MiB blocks, so memory stays bounded whatever their size.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
import zlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from vetting.services import audit
from vetting.services.manifest_signature import SIGNATURE_NAME, verify_manifest_signature

MANIFEST = "MANIFEST"
FORMAT = "1"
MAX_BUNDLE_BYTES = 8 * 1024**3  # 8 GiB uncompressed: a hiring process of hundreds of investigations fits
MAX_MANIFEST_BYTES = 16 * 1024**2
MAX_ENTRIES = 100_000
_BLOCK = 1 << 20
_LINE = re.compile(r"([0-9a-f]{64})  (.+)")
_HEX64 = re.compile(r"[0-9a-f]{64}")


def manifest_text(entries: list[tuple[str, str]], audit_head: tuple[int, str]) -> str:
    """The MANIFEST for ``(sha256, name)`` entries and the audit chain head at export time."""
    count, last = audit_head
    header = ("# Vetting Workbench export bundle\n"
              f"# format: {FORMAT}\n"
              f"# audit-head-count: {count}\n"
              f"# audit-head-hash: {last}\n")
    return header + "".join(f"{digest}  {name}\n" for digest, name in entries)


@dataclass(frozen=True)
class Manifest:
    raw: bytes  # exactly what a signature covers
    entries: dict[str, str]  # name -> sha256
    meta: dict[str, str]


class ManifestError(ValueError):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def read_manifest(raw: bytes) -> Manifest:
    """Parse MANIFEST bytes; ManifestError lists every malformed line."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ManifestError([f"the MANIFEST is not UTF-8 text (byte {exc.start})"]) from None
    problems: list[str] = []
    entries: dict[str, str] = {}
    meta: dict[str, str] = {}
    for number, line in enumerate(text.split("\n"), start=1):
        if line == "" and number == text.count("\n") + 1:
            break  # the end of the last line
        if not line.strip():
            problems.append(f"MANIFEST line {number} is blank")
        elif line.startswith("#"):
            key, sep, value = line[1:].partition(":")
            if sep:
                meta[key.strip()] = value.strip()
        elif (m := _LINE.fullmatch(line)) is None:
            problems.append(f"MANIFEST line {number} is not '<SHA-256>  <file name>'")
        elif m.group(2) in entries:
            problems.append(f"MANIFEST line {number} lists {m.group(2)} a second time")
        else:
            entries[m.group(2)] = m.group(1)
    if not entries and not problems:
        problems.append("the MANIFEST lists no files")
    if problems:
        raise ManifestError(problems)
    return Manifest(raw, entries, meta)


@dataclass(frozen=True)
class BundleCheck:
    ok: bool
    problems: tuple[str, ...]
    files: int = 0
    audit_head: tuple[int, str] | None = None
    notes: tuple[str, ...] = field(default=())

    def summary(self) -> str:
        if not self.ok:
            return "FAILED:\n" + "\n".join(f"  - {p}" for p in self.problems)
        head = (f"; audit chain head at export: {self.audit_head[0]} events, {self.audit_head[1][:16]}…"
                if self.audit_head else "")
        lines = [f"OK: every file matches the MANIFEST ({self.files} files{head})."]
        lines += [f"  note: {n}" for n in self.notes]
        return "\n".join(lines)


def _unsafe(name: str) -> bool:
    p = PurePosixPath(name)
    return (name.startswith(("/", "\\")) or "\\" in name or re.match(r"[A-Za-z]:", name) is not None
            or ".." in p.parts or name.endswith("/"))


def _structure(infos: list[zipfile.ZipInfo], max_bytes: int) -> list[str]:
    """Problems visible from the ZIP's directory alone (nothing is decompressed)."""
    if len(infos) > MAX_ENTRIES:
        return [f"the ZIP holds {len(infos)} files, more than the limit of {MAX_ENTRIES}"]
    problems = [f"the name {name} appears {n} times in the ZIP (a second copy could hide an unchecked file)"
                for name, n in Counter(i.filename for i in infos).items() if n > 1]
    for i in infos:
        if _unsafe(i.filename):
            problems.append(f"{i.filename!r} is not a plain relative file name (absolute, '..' or a folder)")
        if i.flag_bits & 0x1:
            problems.append(f"{i.filename} is encrypted; the workbench never encrypts bundle entries")
        elif i.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            problems.append(f"{i.filename} uses compression method {i.compress_type}; bundles use only "
                            "stored or deflated entries")
    total = sum(i.file_size for i in infos)
    if total > max_bytes:
        problems.append(f"the bundle unpacks to {total:,} bytes, more than the limit of {max_bytes:,}; "
                        "it was not checked")
    return problems


def _hash_entry(zf: zipfile.ZipFile, info: zipfile.ZipInfo, budget: list[int]) -> str:
    """SHA-256 of one entry, streamed; ``budget`` holds the bytes still allowed (raises OverflowError)."""
    h = hashlib.sha256()
    with zf.open(info) as fh:
        while block := fh.read(_BLOCK):
            budget[0] -= len(block)
            if budget[0] < 0:
                raise OverflowError
            h.update(block)
    return h.hexdigest()


def _check_events(zf: zipfile.ZipFile, name: str, head: tuple[int, str]) -> list[str]:
    """Each audit event of the bundle hashes to its own hash and lies within the recorded head."""
    problems: list[str] = []
    with zf.open(name) as raw:
        for number, line in enumerate(io.TextIOWrapper(raw, encoding="utf-8", errors="replace"), start=1):
            try:
                event = json.loads(line)
                digest = event.pop("hash")
                seq = int(event["seq"])
            except (ValueError, KeyError, TypeError, AttributeError):
                problems.append(f"{name} line {number} is not an audit event")
                continue
            if hashlib.sha256(audit.canonical(event)).hexdigest() != digest:
                problems.append(f"{name} line {number}: event {seq} does not match its own hash")
            elif seq > head[0] or (seq == head[0] and digest != head[1]):
                problems.append(f"{name} line {number}: event {seq} lies beyond the recorded audit head")
            if len(problems) >= 20:
                break
    return problems


def _audit_head(meta: dict[str, str]) -> tuple[int, str] | None:
    count, last = meta.get("audit-head-count", ""), meta.get("audit-head-hash", "")
    if not count.isdigit() or not _HEX64.fullmatch(last):
        return None
    return int(count), last


def verify_bundle(path: Path, *, max_bytes: int = MAX_BUNDLE_BYTES,
                  trust_roots: list[Path] | None = None) -> BundleCheck:
    """Check every file of an export against its MANIFEST (see the module's docstring for what that
    proves and the limits), and the MANIFEST's signature against ``trust_roots`` (default: the
    workstation's ``signing_trust_root``). Where trust roots are configured a bundle must be signed.
    Never raises for a malformed bundle: the problems say what is wrong."""
    if trust_roots is None:
        from vetting.config import load_config
        from vetting.services.signing import trust_roots as configured_roots

        try:
            trust_roots = configured_roots(load_config())
        except Exception:  # an unreadable configuration: verify without a trust root, and say so below
            trust_roots = []
    try:
        with zipfile.ZipFile(path) as zf:
            return _verify(zf, max_bytes, trust_roots)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError) as exc:
        return BundleCheck(False, (f"not a readable ZIP file ({exc})",))
    except OSError as exc:
        return BundleCheck(False, (f"cannot read {path}: {exc.strerror or exc}",))


def _verify(zf: zipfile.ZipFile, max_bytes: int, trust_roots: list[Path]) -> BundleCheck:
    infos = zf.infolist()
    problems = _structure(infos, max_bytes)
    if problems:
        return BundleCheck(False, tuple(problems))
    by_name = {i.filename: i for i in infos}
    info = by_name.get(MANIFEST)
    if info is None:
        return BundleCheck(False, ("the bundle has no MANIFEST",))
    if info.file_size > MAX_MANIFEST_BYTES:
        return BundleCheck(False, (f"the MANIFEST is larger than {MAX_MANIFEST_BYTES:,} bytes",))
    try:
        manifest = read_manifest(zf.read(info))
    except ManifestError as exc:
        return BundleCheck(False, tuple(exc.problems))
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        return BundleCheck(False, (f"the MANIFEST cannot be read ({exc})",))
    budget = [max_bytes]
    intact: list[str] = []
    for name, digest in manifest.entries.items():
        if name not in by_name:
            problems.append(f"{name} is listed but missing")
            continue
        try:
            actual = _hash_entry(zf, by_name[name], budget)
        except OverflowError:
            problems.append(f"stopped at {name}: the bundle unpacks to more than the limit of {max_bytes:,} bytes")
            break
        except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
            problems.append(f"{name} cannot be read ({exc})")
            continue
        if actual != digest:
            problems.append(f"{name} was changed")
        else:
            intact.append(name)
    problems += [f"{name} is not listed in the MANIFEST" for name in sorted(set(by_name) - set(manifest.entries))
                 if name not in (MANIFEST, SIGNATURE_NAME)]
    head = _audit_head(manifest.meta)
    notes: list[str] = []
    if head is None:
        notes.append("the MANIFEST records no audit chain head (a bundle from an earlier version)")
    elif not problems:
        for name in intact:
            if name.endswith("audit-events.jsonl"):
                problems += _check_events(zf, name, head)
    sig_info = by_name.get(SIGNATURE_NAME)
    if sig_info is not None and sig_info.file_size <= MAX_MANIFEST_BYTES:
        if not trust_roots:
            problems.append("the MANIFEST is signed, but no trust root is configured to check the signer "
                            "(signing_trust_root in settings.toml, or --trust-root)")
        else:
            sig = verify_manifest_signature(manifest.raw, zf.read(sig_info), trust_roots)
            if sig.ok:
                notes.append(f"the MANIFEST is signed by {sig.signer} (chain to the trust root verified)")
            else:
                problems.append(sig.problem + (f" (signer: {sig.signer})" if sig.signer else ""))
    elif sig_info is not None:
        problems.append(f"{SIGNATURE_NAME} is larger than {MAX_MANIFEST_BYTES:,} bytes")
    elif trust_roots:
        problems.append("the MANIFEST is not signed, but this workstation checks bundles against the department's "
                        "trust root: the signature was removed, or the bundle was not exported by the workbench")
    else:
        notes.append("the MANIFEST is not signed: this proves the files match it, not who wrote it")
    return BundleCheck(not problems, tuple(problems), len(manifest.entries), head, tuple(notes))
