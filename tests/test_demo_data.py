"""The demonstration data keeps the product's promise: nothing it stores reveals a protected class.

The demo's texts are written with protected-class words in them (as real posts are) and go through
the real screening path; this test reads every text column of every row back from the database and
fails on any of the words it holds.
"""

from __future__ import annotations

import re

import pytest
from sqlalchemy import String, Text, select

from vetting.models import Base
from vetting.services.demo import create_demo

#: protected-class words and phrases that appear in the demo's inputs (whole words, any case)
PROTECTED = ["Filipino", "Holy Trinity", "mom of two", "Army veteran", "veteran", "Catholic", "Wife",
             "I'm 29"]


def _stored_texts(db) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    out = []
    with db.read() as s:
        for mapper in Base.registry.mappers:
            cls = mapper.class_
            cols = [c for c in mapper.columns if isinstance(c.type, (String, Text)) or
                    isinstance(getattr(c.type, "impl", None), (String, Text))]
            if not cols:
                continue
            for row in s.scalars(select(cls)):
                for c in cols:
                    value = getattr(row, c.key)
                    if isinstance(value, str):
                        out.append((cls.__tablename__, c.key, value))
    return out


@pytest.mark.slow
def test_no_demo_text_stored_in_the_database_reveals_a_protected_class(db, admin):
    create_demo(db, admin, password="Demo-password-for-tests-1")
    texts = _stored_texts(db)
    assert any(t == "finding" and c == "text" for t, c, _v in texts)
    leaks = [(t, c, w) for t, c, v in texts for w in PROTECTED
             if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", v, re.IGNORECASE)]
    assert not leaks, leaks
