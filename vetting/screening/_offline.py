"""Keep third-party libraries from reaching the network.

Presidio's e-mail recognizer uses ``tldextract``, whose module-level extractor would fetch the
public-suffix list over HTTP (no timeout) on first use. We never register the e-mail or URL
recognizers, and in addition, before Presidio is imported, we tell tldextract to use no remote
suffix-list URLs (``TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS`` set to empty: tldextract 5.x then falls
back to the snapshot bundled in the package). If tldextract was already imported by someone
else, its default extractor is patched the same way.
"""

from __future__ import annotations

import os
import sys


def make_offline() -> None:
    """Idempotent; call before importing ``presidio_analyzer``."""
    os.environ["TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS"] = ""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    mod = sys.modules.get("tldextract.tldextract")
    if mod is not None:
        extractor = getattr(mod, "TLD_EXTRACTOR", None)
        if extractor is not None:
            extractor.suffix_list_urls = ()
            extractor.fallback_to_snapshot = True
