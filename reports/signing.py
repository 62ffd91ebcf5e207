"""PAdES signing and validation of report PDFs with pyHanko (entry points ``pades_sign`` and
``pades_validate`` of the ``vetting.renderers`` group).

Signing is offline (PAdES B-B: no time-stamp authority, no revocation fetching). Validation needs no
database: the signature must be cryptographically intact, the signer's certificate must chain to one
of the given trust roots, and the signature must cover the **entire file** - an incremental update
appended after signing (even one a PDF reader would call harmless) or any changed byte is refused.
"""

from __future__ import annotations

import io
import logging
from pathlib import Path

from vetting.services.report_data import SignatureCheck

log = logging.getLogger(__name__)
# pyHanko logs a traceback for every failed check; the outcome is reported in words instead.
for _name in ("pyhanko", "pyhanko_certvalidator"):
    logging.getLogger(_name).addHandler(logging.NullHandler())
    logging.getLogger(_name).propagate = False

FIELD_NAME = "DepartmentApproval"


def sign(pdf: bytes, *, pkcs12: Path, passphrase: bytes, reason: str, location: str = "") -> bytes:
    """Sign ``pdf`` with the PKCS#12 credential; returns the signed file (an incremental update)."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    signer = signers.SimpleSigner.load_pkcs12(pfx_file=str(pkcs12), passphrase=passphrase)
    if signer is None:
        raise ValueError("the PKCS#12 file could not be opened")
    meta = signers.PdfSignatureMetadata(field_name=FIELD_NAME, md_algorithm="sha256", reason=reason,
                                        location=location or None, subfilter=fields.SigSeedSubFilter.PADES)
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    out = signers.sign_pdf(writer, meta, signer=signer)
    return out.getvalue()


def _load_roots(paths: list[Path]):  # type: ignore[no-untyped-def]
    from pyhanko.keys import load_cert_from_pemder

    roots = []
    for p in paths:
        try:
            roots.append(load_cert_from_pemder(str(p)))
        except (OSError, ValueError) as exc:
            raise ValueError(f"the trust root {p} cannot be read as a PEM or DER certificate ({exc})") from exc
    return roots


def validate(pdf: bytes, *, trust_roots: list[Path]) -> SignatureCheck:
    """Validate every signature of ``pdf`` against ``trust_roots``; never raises on bad input."""
    from pyhanko.pdf_utils.misc import PdfReadError
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        sigs = list(reader.embedded_signatures)
    except (PdfReadError, ValueError, KeyError, IndexError, TypeError) as exc:
        return SignatureCheck(signed=False, ok=False, message=f"not a readable PDF ({type(exc).__name__})")
    if not sigs:
        return SignatureCheck(signed=False, ok=False, message="the file carries no digital signature")
    try:
        roots = _load_roots(trust_roots)
    except ValueError as exc:
        return SignatureCheck(signed=True, ok=False, message=str(exc))
    if not roots:
        return SignatureCheck(signed=True, ok=False, message=(
            "no trust root is configured, so the signer cannot be checked: name the department's root "
            "certificate with signing_trust_root in settings.toml or --trust-root"))
    sig = sigs[-1]
    signer = sig.signer_cert.subject.human_friendly
    try:
        ctx = ValidationContext(trust_roots=roots, allow_fetching=False, revocation_mode="soft-fail")
        status = validate_pdf_signature(sig, ctx)
    except Exception as exc:  # pyHanko raises many types on malformed signatures
        log.info("signature validation failed: %s", type(exc).__name__)
        return SignatureCheck(signed=True, ok=False, signer=signer,
                              message=f"the signature cannot be validated ({type(exc).__name__}): the file was altered")
    when = status.signer_reported_dt
    problems = []
    if not status.intact or not status.valid:
        problems.append("the signed content was changed after signing (the signature does not match)")
    if not status.trusted:
        problems.append("the signer's certificate does not chain to a configured trust root")
    if status.coverage != SignatureCoverageLevel.ENTIRE_FILE or len(sigs) != 1:
        problems.append("content was added to the file after it was signed (an incremental update)")
    ok = not problems
    message = (f"signed by {signer}" + (f" at {when:%Y-%m-%d %H:%M UTC}" if when else "")
               + ("; signature intact, certificate chain trusted, document unchanged since signing" if ok
                  else "; " + "; ".join(problems)))
    return SignatureCheck(signed=True, ok=ok, message=message, signer=signer, signed_at=when)
