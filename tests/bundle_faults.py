"""Export bundles made wrong on purpose, each with the words its refusal must contain.

Written with :mod:`zipfile` directly (and, where :mod:`zipfile` will not write the fault, by editing
the bytes of the ZIP), so that they are exactly what an attacker or a broken tool could produce.
"""

from __future__ import annotations

import hashlib
import warnings
import zipfile
from pathlib import Path

from vetting.services.bundles import manifest_text

BODY = b'{"candidate": "Casey"}\n'
NAME = "investigation-1/investigation.json"
HEAD = (7, "ab" * 32)


def line(name: str, data: bytes) -> str:
    return f"{hashlib.sha256(data).hexdigest()}  {name}\n"


def write(path: Path, entries: list[tuple[str, bytes]], compression: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", compression=compression) as zf, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "Duplicate name": exactly the fault some bundles carry
        for name, data in entries:
            zf.writestr(name, data)
    return path


def good(path: Path) -> Path:
    return write(path, [(NAME, BODY), ("MANIFEST", manifest_text([(hashlib.sha256(BODY).hexdigest(), NAME)],
                                                                  HEAD).encode())])


def _patch_entry_header(path: Path, name: str, *, method: int | None = None, encrypted: bool = False) -> Path:
    """Set the compression method or the encryption flag of one entry, in both of its headers."""
    data = bytearray(path.read_bytes())
    raw = name.encode()
    for sig, flag_at, method_at, name_len_at, name_at in ((b"PK\x03\x04", 6, 8, 26, 30),
                                                          (b"PK\x01\x02", 8, 10, 28, 46)):
        pos = 0
        while (pos := data.find(sig, pos)) != -1:
            n = int.from_bytes(data[pos + name_len_at:pos + name_len_at + 2], "little")
            if bytes(data[pos + name_at:pos + name_at + n]) == raw:
                if method is not None:
                    data[pos + method_at:pos + method_at + 2] = method.to_bytes(2, "little")
                if encrypted:
                    data[pos + flag_at] |= 0x01
            pos += 4
    path.write_bytes(bytes(data))
    return path


def malformed(folder: Path) -> dict[str, tuple[Path, str]]:
    """name -> (bundle, a phrase the refusal must contain)."""
    m = manifest_text([(hashlib.sha256(BODY).hexdigest(), NAME)], HEAD).encode()
    out: dict[str, tuple[Path, str]] = {}

    def add(key: str, entries: list[tuple[str, bytes]], phrase: str, **kw) -> Path:  # type: ignore[no-untyped-def]
        path = write(folder / f"{key}.zip", entries, **kw)
        out[key] = (path, phrase)
        return path

    add("no_manifest", [(NAME, BODY)], "has no MANIFEST")
    add("empty_manifest", [("MANIFEST", b"")], "lists no files")
    add("manifest_only_comments", [("MANIFEST", b"# format: 1\n")], "lists no files")
    add("manifest_not_utf8", [(NAME, BODY), ("MANIFEST", m + b"\xff\xfe  bad\n")], "not UTF-8")
    add("blank_manifest_line", [(NAME, BODY), ("MANIFEST", m + b"\n")], "is blank")
    add("malformed_manifest_line", [(NAME, BODY), ("MANIFEST", m + b"not a digest line\n")], "is not '<SHA-256>")
    add("unlisted_file", [(NAME, BODY), ("extra.txt", b"x"), ("MANIFEST", m)], "extra.txt is not listed")
    add("duplicate_name", [(NAME, BODY), (NAME, b'{"candidate": "Other"}\n'), ("MANIFEST", m)], "appears 2 times")
    add("dot_dot_path", [("../evil.json", BODY), ("MANIFEST", line("../evil.json", BODY).encode())],
        "not a plain relative file name")
    add("absolute_path", [("/etc/evil.json", BODY), ("MANIFEST", line("/etc/evil.json", BODY).encode())],
        "not a plain relative file name")
    add("changed_file", [(NAME, BODY.replace(b"Casey", b"Cosey")), ("MANIFEST", m)], "was changed")
    add("missing_file", [("MANIFEST", m)], "is listed but missing")
    bzip = add("unsupported_compression", [(NAME, BODY), ("MANIFEST", m)], "compression method 99")
    _patch_entry_header(bzip, NAME, method=99)
    enc = add("encrypted_entry", [(NAME, BODY), ("MANIFEST", m)], "is encrypted")
    _patch_entry_header(enc, NAME, encrypted=True)
    not_zip = folder / "not_a_zip.zip"
    not_zip.write_bytes(b"this is not a zip file at all" * 10)
    out["not_a_zip"] = (not_zip, "not a readable ZIP")
    return out
