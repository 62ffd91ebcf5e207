"""Export bundles: the MANIFEST carries the bundle's audit head, verification is strict about what a
ZIP may hold, streams every file (memory bounded whatever its size) and stops at a documented limit.

Malformed bundles through the command line are in tests/test_cli_failures.py.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests import bundle_faults
from tests.factories import make_process, open_case
from vetting.services import audit
from vetting.services import records as R
from vetting.services.bundles import MAX_BUNDLE_BYTES, manifest_text, read_manifest, verify_bundle

ROOT = Path(__file__).resolve().parent.parent


def fake_renderer(data):
    return b"%PDF-1.4\n% test renderer\n" + data.document_id.encode()


@pytest.fixture
def bundle(db, supervisor, investigator, tmp_path):
    pid = make_process(db, supervisor)
    case = open_case(db, supervisor, investigator, pid, name="Mia Manifest")
    out = tmp_path / "bundle.zip"
    R.run_export(db, supervisor, output=out, investigation_ids=[case.id], renderer=fake_renderer)
    return out, case.id


def _rewrite(src: Path, dst: Path, edit) -> Path:  # type: ignore[no-untyped-def]
    """Copy a bundle, changing files with ``edit(name, data)`` and recomputing the MANIFEST honestly."""
    with zipfile.ZipFile(src) as zf:
        manifest = read_manifest(zf.read("MANIFEST"))
        files = {n: edit(n, zf.read(n)) for n in zf.namelist() if n != "MANIFEST"}
        files = {n: data for n, data in files.items() if data is not None}  # edit() returns None to drop a file
    head = (int(manifest.meta["audit-head-count"]), manifest.meta["audit-head-hash"])
    entries = [(hashlib.sha256(data).hexdigest(), n) for n, data in files.items()]
    return bundle_faults.write(dst, [*files.items(), ("MANIFEST", manifest_text(entries, head).encode())])


def test_the_manifest_lists_the_bundles_own_audit_head(db, bundle):
    out, case_id = bundle
    with zipfile.ZipFile(out) as zf:
        meta = read_manifest(zf.read("MANIFEST")).meta
        events = [json.loads(x) for x in zf.read(f"investigation-{case_id}/audit-events.jsonl").splitlines()]
    head = (int(meta["audit-head-count"]), meta["audit-head-hash"])
    with db.read() as s:
        assert audit.verify(s).ok
        recorded = {e["seq"]: e["hash"] for e in audit.iter_events(s)}
    assert recorded[head[0]] == head[1]  # the head is a real point of the database's chain
    assert max(e["seq"] for e in events) <= head[0]
    check = verify_bundle(out)
    assert check.ok and check.audit_head == head, check.problems
    assert f"{head[0]} events" in check.summary()


def test_an_edited_audit_event_is_refused_even_with_a_recomputed_manifest(bundle, tmp_path):
    out, case_id = bundle

    def edit(name, data):
        if not name.endswith("audit-events.jsonl"):
            return data
        first, *rest = data.decode().splitlines(keepends=True)
        event = json.loads(first)
        event["username"] = "someone-else"
        return (json.dumps(event, sort_keys=True) + "\n" + "".join(rest)).encode()

    check = verify_bundle(_rewrite(out, tmp_path / "forged-events.zip", edit))
    assert not check.ok and any("does not match its own hash" in p for p in check.problems)


@pytest.fixture
def signed_bundle(db, supervisor, investigator, tmp_path):
    """A bundle exported on a workstation with a (demonstration) department certificate."""
    from vetting.config import load_config
    from vetting.services.signing import install_demo_certificate

    assert install_demo_certificate(load_config()).configured
    pid = make_process(db, supervisor)
    case = open_case(db, supervisor, investigator, pid, name="Mia Manifest")
    out = tmp_path / "signed.zip"
    R.run_export(db, supervisor, output=out, investigation_ids=[case.id], renderer=fake_renderer)
    return out, case.id


def test_a_signed_manifest_verifies_and_names_its_signer(signed_bundle):
    out, _case_id = signed_bundle
    with zipfile.ZipFile(out) as zf:
        assert "MANIFEST.p7s" in zf.namelist()
    check = verify_bundle(out)
    assert check.ok, check.problems
    assert any("signed by" in n and "DEMO" in n for n in check.notes)


def test_an_edited_investigation_with_a_recomputed_manifest_is_refused(signed_bundle, tmp_path):
    out, _case_id = signed_bundle

    def edit(name, data):
        return data.replace(b"Mia Manifest", b"Someone Else") if name.endswith("investigation.json") else data

    forged = _rewrite(out, tmp_path / "forged.zip", edit)  # keeps the old signature over the old MANIFEST
    check = verify_bundle(forged)
    assert not check.ok and any("changed after it was signed" in p for p in check.problems), check.problems

    def drop_signature(name, data):
        return None if name == "MANIFEST.p7s" else edit(name, data)

    unsigned = _rewrite(out, tmp_path / "unsigned.zip", drop_signature)
    check = verify_bundle(unsigned)
    assert not check.ok and any("not signed" in p for p in check.problems), check.problems


def test_a_signature_from_another_certificate_is_refused(signed_bundle, tmp_path):
    from vetting.services.signing import make_certificate_pair

    out, _ = signed_bundle
    _p12, other_root = make_certificate_pair(tmp_path / "other", organisation="Another agency", signer="Other",
                                             passphrase=b"another passphrase 123")
    check = verify_bundle(out, trust_roots=[other_root])
    assert not check.ok and any("does not chain to the trust root" in p for p in check.problems), check.problems


@pytest.mark.sqlite_only
@pytest.mark.parametrize("fault", ["duplicate_name", "dot_dot_path", "absolute_path", "unlisted_file",
                                   "empty_manifest", "blank_manifest_line", "manifest_not_utf8",
                                   "unsupported_compression", "encrypted_entry"])
def test_verification_refuses_each_kind_of_malformed_bundle(fault, tmp_path):
    path, phrase = bundle_faults.malformed(tmp_path)[fault]
    check = verify_bundle(path)
    assert not check.ok and any(phrase in p for p in check.problems), check.problems
    assert not any(p.startswith(" is listed") for p in check.problems)


def _zero_bundle(path: Path, size: int) -> Path:
    """A bundle with one correctly listed entry of ``size`` zero bytes (a zip bomb's shape: tiny compressed)."""
    block = b"\0" * (1 << 20)
    h = hashlib.sha256()
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        with zf.open("investigation-1/big.bin", "w", force_zip64=True) as fh:
            for _ in range(size // len(block)):
                fh.write(block)
                h.update(block)
        zf.writestr("MANIFEST", manifest_text([(h.hexdigest(), "investigation-1/big.bin")],
                                              bundle_faults.HEAD).encode())
    return path


@pytest.mark.sqlite_only
def test_hashing_is_streamed_so_memory_stays_bounded_for_a_200_mib_entry(tmp_path):
    size = 200 * 1024 * 1024
    path = _zero_bundle(tmp_path / "zeros.zip", size)
    assert path.stat().st_size < size // 100  # compresses to almost nothing, as a zip bomb does
    probe = (
        "import json, resource, sys\n"
        "from vetting.services.bundles import verify_bundle\n"
        "before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "check = verify_bundle(__import__('pathlib').Path(sys.argv[1]))\n"
        "after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "print(json.dumps({'ok': check.ok, 'problems': check.problems, 'growth_kib': after - before}))\n"
    )
    r = subprocess.run([sys.executable, "-c", probe, str(path)], capture_output=True, text=True, cwd=ROOT,
                       env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}, timeout=300)
    result = json.loads(r.stdout)
    assert result["ok"], result["problems"]
    print(f"peak RSS growth while verifying a 200 MiB entry: {result['growth_kib'] / 1024:.1f} MiB")
    assert result["growth_kib"] < 32 * 1024  # Linux reports KiB; the entry is 200 MiB


@pytest.mark.sqlite_only
def test_verification_stops_at_the_size_limit_without_unpacking(tmp_path):
    path = _zero_bundle(tmp_path / "zeros.zip", 8 * 1024 * 1024)
    assert verify_bundle(path).ok
    check = verify_bundle(path, max_bytes=4 * 1024 * 1024)
    assert not check.ok and any("more than the limit of 4,194,304" in p for p in check.problems)
    assert MAX_BUNDLE_BYTES == 8 * 1024**3  # the documented limit (README, vetting/services/bundles.py)
