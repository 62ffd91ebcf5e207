"""The department's signing certificate: where it is, how its passphrase is found, and a locally
made demonstration certificate. The PDF signing itself (pyHanko, PAdES) lives in ``reports.signing``
and is reached through the ``vetting.renderers`` entry points ``pades_sign`` / ``pades_validate``.

Configuration is per workstation (``settings.toml`` or environment), because the key file and the
trust root are files on that workstation and `vetting report verify` must work without any
database:

- ``signing_certificate`` / ``VETTING_SIGNING_CERTIFICATE``: the PKCS#12 file (key + certificate + chain);
- the passphrase: ``VETTING_SIGNING_PASSPHRASE``, or the file named by ``signing_passphrase_file``
  (``VETTING_SIGNING_PASSPHRASE_FILE``), which must be readable by its owner only. The passphrase
  itself is never written into ``settings.toml``;
- ``signing_trust_root`` / ``VETTING_SIGNING_TRUST_ROOT``: the root certificate(s) a signature must
  chain to (several separated by ``;``).
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
import stat
from dataclasses import dataclass
from pathlib import Path

from vetting.config import LocalConfig, config_dir, set_config_values
from vetting.errors import VettingError

PASSPHRASE_ENV = "VETTING_SIGNING_PASSPHRASE"
DEMO_ORGANISATION = "DEMONSTRATION ONLY - not a real department"
DEMO_SIGNER = "Vetting Workbench DEMO signing certificate"


@dataclass(frozen=True)
class SigningKey:
    """An opened, checked signing credential (the passphrase is kept only in memory)."""

    pkcs12: Path
    passphrase: bytes
    subject: str  # the signer's common name and organisation, for the report's statement


class SigningUnavailable(VettingError):
    """The signing certificate is configured but cannot be used."""


def _passphrase(cfg: LocalConfig) -> bytes:
    env = os.environ.get(PASSPHRASE_ENV)
    if env is not None:
        return env.encode("utf-8")
    if not cfg.signing_passphrase_file:
        raise SigningUnavailable(
            f"The signing certificate's passphrase is not available: set {PASSPHRASE_ENV}, or name a file "
            "holding it with signing_passphrase_file in settings.toml. The report was not generated.")
    path = Path(cfg.signing_passphrase_file)
    try:
        if os.name == "posix" and stat.S_IMODE(path.stat().st_mode) & 0o077:
            raise SigningUnavailable(
                f"The passphrase file {path} can be read by other users; make it readable by its owner only "
                f"(chmod 600 {path}). The report was not generated.")
        return path.read_text(encoding="utf-8").rstrip("\r\n").encode("utf-8")
    except OSError as exc:
        raise SigningUnavailable(f"Cannot read the passphrase file {path}: {exc.strerror}.") from exc


def signing_key(cfg: LocalConfig) -> SigningKey | None:
    """The configured signing credential, opened and checked; None when none is configured.

    Raises
    ------
    SigningUnavailable
        The file is missing or unreadable, the passphrase is missing or wrong, or the certificate
        has expired - with what to do.
    """
    if not cfg.signing_certificate:
        return None
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import NameOID

    path = Path(cfg.signing_certificate)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SigningUnavailable(f"Cannot read the signing certificate {path} (signing_certificate in "
                                 f"settings.toml): {exc.strerror}. The report was not generated.") from exc
    passphrase = _passphrase(cfg)
    try:
        _key, cert, _chain = pkcs12.load_key_and_certificates(data, passphrase)
    except ValueError as exc:
        raise SigningUnavailable(f"The signing certificate {path} could not be opened: the passphrase is wrong "
                                 "or the file is not a PKCS#12 file. The report was not generated.") from exc
    if cert is None or _key is None:
        raise SigningUnavailable(f"{path} holds no private key and certificate; export both into the PKCS#12 file.")
    now = dt.datetime.now(dt.UTC)
    if not cert.not_valid_before_utc <= now <= cert.not_valid_after_utc:
        raise SigningUnavailable(f"The signing certificate in {path} is not valid now (valid "
                                 f"{cert.not_valid_before_utc:%Y-%m-%d} to {cert.not_valid_after_utc:%Y-%m-%d}); "
                                 "renew it. The report was not generated.")
    names = [a.value for oid in (NameOID.COMMON_NAME, NameOID.ORGANIZATION_NAME)
             for a in cert.subject.get_attributes_for_oid(oid)]
    return SigningKey(path, passphrase, ", ".join(str(n) for n in names) or cert.subject.rfc4514_string())


def trust_roots(cfg: LocalConfig, extra: list[str] | None = None) -> list[Path]:
    """The trust root files to validate signatures against (configured plus ``extra``)."""
    names = [n for n in cfg.signing_trust_root.split(";") if n.strip()] + list(extra or [])
    return [Path(n.strip()) for n in names]


# ---------------------------------------------------------------- demonstration certificate


@dataclass(frozen=True)
class DemoCertificate:
    pkcs12: Path
    passphrase_file: Path
    trust_root: Path
    configured: bool  # False when settings.toml already named another certificate


def make_certificate_pair(folder: Path, *, organisation: str, signer: str, passphrase: bytes,
                          years: int = 5) -> tuple[Path, Path]:
    """Make a root CA and a signing certificate issued by it, offline (``cryptography``).
    Writes ``<folder>/signing.p12`` and ``<folder>/trust-root.pem``; returns their paths.
    Used for the demonstration certificate and by the README's test-certificate recipe."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    def name(cn: str) -> x509.Name:
        return x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation),
                          x509.NameAttribute(NameOID.COMMON_NAME, cn)])

    now = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=5)
    until = now + dt.timedelta(days=365 * years)
    root_key = ec.generate_private_key(ec.SECP256R1())
    root_name = name(f"{signer} - root")
    root = (x509.CertificateBuilder().subject_name(root_name).issuer_name(root_name)
            .public_key(root_key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now).not_valid_after(until)
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=False, content_commitment=False, key_encipherment=False,
                                         data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                         crl_sign=True, encipher_only=False, decipher_only=False), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(root_key.public_key()), critical=False)
            .sign(root_key, hashes.SHA256()))
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (x509.CertificateBuilder().subject_name(name(signer)).issuer_name(root_name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now).not_valid_after(until)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                                         data_encipherment=False, key_agreement=False, key_cert_sign=False,
                                         crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(root_key.public_key()), critical=False)
            .sign(root_key, hashes.SHA256()))
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    p12 = folder / "signing.p12"
    p12.write_bytes(pkcs12.serialize_key_and_certificates(
        signer.encode("utf-8"), key, cert, [root], serialization.BestAvailableEncryption(passphrase)))
    os.chmod(p12, 0o600)
    pem = folder / "trust-root.pem"
    pem.write_bytes(root.public_bytes(serialization.Encoding.PEM))
    return p12, pem


def install_demo_certificate(cfg: LocalConfig) -> DemoCertificate:
    """Make a clearly labelled demonstration certificate in the configuration folder and name it in
    ``settings.toml`` - unless a signing certificate is already configured there, which is kept."""
    folder = config_dir() / "demo-signing"
    passfile = folder / "passphrase.txt"
    p12, pem = folder / "signing.p12", folder / "trust-root.pem"
    if not (p12.exists() and pem.exists() and passfile.exists()):
        passphrase = secrets.token_urlsafe(18)
        p12, pem = make_certificate_pair(folder, organisation=DEMO_ORGANISATION, signer=DEMO_SIGNER,
                                         passphrase=passphrase.encode("utf-8"))
        fd = os.open(passfile, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(passphrase + "\n")
    configured = not cfg.signing_certificate
    if configured:
        set_config_values({"signing_certificate": str(p12), "signing_passphrase_file": str(passfile),
                           "signing_trust_root": str(pem)})
    return DemoCertificate(p12, passfile, pem, configured)
