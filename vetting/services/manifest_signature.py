"""Detached CMS signatures on export MANIFESTs, with the department's signing certificate.

The MANIFEST lists the SHA-256 of every file of an export bundle; on its own it proves only that the
files match it, so a forger who edits a file and recomputes the MANIFEST is not detected. Signed with
the department's certificate (the one that signs approved reports, :mod:`vetting.services.signing`),
the MANIFEST proves who wrote it: `vetting export verify` checks the signature against the configured
trust root without any database. The signature is ``MANIFEST.p7s`` (DER, CMS SignedData, detached,
SHA-256), which standard tools (``openssl cms -verify -binary -inform DER``) also read.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from pathlib import Path

from vetting.services.signing import SigningKey

SIGNATURE_NAME = "MANIFEST.p7s"

for _name in ("pyhanko", "pyhanko_certvalidator"):  # failures are reported in words, not tracebacks
    logging.getLogger(_name).addHandler(logging.NullHandler())
    logging.getLogger(_name).propagate = False


@dataclass(frozen=True)
class ManifestSignature:
    ok: bool
    signer: str
    problem: str = ""


def sign_manifest(raw: bytes, key: SigningKey) -> bytes:
    """A detached CMS signature of the MANIFEST bytes ``raw`` (DER)."""
    from pyhanko.sign import signers

    signer = signers.SimpleSigner.load_pkcs12(pfx_file=str(key.pkcs12), passphrase=key.passphrase)
    if signer is None:
        raise ValueError("the PKCS#12 file could not be opened")
    return asyncio.run(signer.async_sign_general_data(raw, "sha256", detached=True)).dump()


def verify_manifest_signature(raw: bytes, signature: bytes, trust_roots: list[Path]) -> ManifestSignature:
    """Check ``signature`` over ``raw`` and the signer's chain to ``trust_roots``; never raises."""
    from asn1crypto import cms
    from pyhanko.keys import load_cert_from_pemder
    from pyhanko.sign.validation import async_validate_detached_cms
    from pyhanko_certvalidator import ValidationContext

    try:
        roots = [load_cert_from_pemder(str(p)) for p in trust_roots]
    except (OSError, ValueError) as exc:
        return ManifestSignature(False, "", f"the trust root cannot be read ({exc})")
    try:
        signed = cms.ContentInfo.load(signature)["content"]
        status = asyncio.run(async_validate_detached_cms(
            raw, signed, signer_validation_context=ValidationContext(trust_roots=roots)))
    except Exception as exc:  # malformed signature data of any kind: a refusal, never a traceback
        return ManifestSignature(False, "", f"the MANIFEST's signature cannot be read ({type(exc).__name__})")
    signer = status.signing_cert.subject.human_friendly if status.signing_cert is not None else "unknown"
    if not (status.intact and status.valid):
        return ManifestSignature(False, signer, "the MANIFEST was changed after it was signed")
    if not status.trusted:
        return ManifestSignature(False, signer, "the MANIFEST's signer does not chain to the trust root")
    return ManifestSignature(True, signer)


__all__ = ["SIGNATURE_NAME", "ManifestSignature", "sign_manifest", "verify_manifest_signature"]
