"""The rule book: pattern rules read from declarative files, one file per category.

Every pattern rule of the screening engine lives in ``vetting/screening/rulebook/<category>.toml``
(all the rules for pregnancy in ``pregnancy.toml``); shared regular-expression pieces and word
sets live in ``_macros.toml`` and ``_words.toml``. Python keeps only the mechanisms: this
loader, and the checks a rule may call (:mod:`vetting.screening.checks`). The format is
documented in ``rulebook/README.md``; in short::

    [[rule]]
    name = "age-at-age-example"
    reason = "An age stated as the time of an event still gives the person's age."
    pattern = '''\\bat\\s+(?:the\\s+)?age\\s+(?:of\\s+)?\\d{1,2}\\b'''
    when = '''not before(r"\\bsince\\s+$", 8)'''          # optional: a check expression
    examples = ["She moved here «at the age of 12»."]     # required: «» marks the span

Everything is validated when the rule book is loaded: unknown keys, a missing reason or
example, a regular expression that does not compile, an unknown macro, word set or check, a
check called with arguments it does not take. Each error names the file and line
(:class:`RuleBookError`). The rule book is read once per process (:func:`load`).
"""

from __future__ import annotations

import ast
import functools
import hashlib
import inspect
import re
import sys
import tomllib
from re import _constants as _sre
from re import _parser as _sre_parse
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from vetting.errors import ScreeningUnavailable

__all__ = [
    "Rule",
    "RuleBookError",
    "digest",
    "load",
    "prefilter_text",
    "required_words",
    "analyse",
    "with_first",
    "pattern_specs",
    "split_example",
]

#: keys a ``[[rule]]`` table may have, and the ones it must have
_RULE_KEYS = frozenset(
    {
        "name",
        "reason",
        "pattern",
        "score",
        "tier",
        "group",
        "case_sensitive",
        "when",
        "anchor",
        "needs",
        "alongside",
        "examples",
        "counter_examples",
    }
)
_REQUIRED = ("name", "reason", "pattern", "examples")
_FILE_KEYS = frozenset({"category", "about", "rule"})
_MACRO = re.compile(r"\$\{([A-Z][A-Z0-9_]*)\}")
#: the marks of the expected span in an example
OPEN, CLOSE = "«", "»"


class RuleBookError(ScreeningUnavailable, ValueError):
    """A rule file that cannot be used; the message names the file and line. Screening cannot
    run without its rules, so this is a :class:`ScreeningUnavailable`: the workbench and the
    command line report it as they report a missing spaCy pipeline."""


@dataclass(frozen=True)
class Rule:
    """One pattern rule, as written in its file and as compiled."""

    name: str
    category: str
    reason: str
    pattern: str  #: as written (with ``${MACRO}`` references)
    regex: re.Pattern
    score: float
    group: str | int
    check: Callable | None
    when: str
    anchor: str
    needs: tuple[str, ...]
    alongside: bool | str
    examples: tuple[str, ...]
    counter_examples: tuple[str, ...]
    file: str
    line: int
    run: object = field(default=None, compare=False)  #: what to call ``finditer`` on


def split_example(example: str) -> tuple[str, list[tuple[int, int]]]:
    """The text of an example and the spans its «» marks (none when unmarked)."""
    text, spans, start = [], [], None
    pos = 0
    for ch in example:
        if ch == OPEN:
            start = pos
        elif ch == CLOSE and start is not None:
            spans.append((start, pos))
            start = None
        else:
            text.append(ch)
            pos += 1
    return "".join(text), spans


# ------------------------------------------------------------------------------ locating lines
def _rule_lines(source: str) -> list[int]:
    """1-based line of each ``[[rule]]`` header, in order."""
    return [
        i
        for i, line in enumerate(source.splitlines(), 1)
        if re.match(r"\s*\[\[\s*rule\s*\]\]\s*(?:#.*)?$", line)
    ]


def _key_line(source_lines: list[str], start: int, key: str) -> int:
    """Line of ``key =`` in the rule whose header is at line ``start`` (the header if absent)."""
    for i in range(start, len(source_lines)):  # index ``start`` is the line after the header
        line = source_lines[i]
        if re.match(r"\s*\[", line):
            break
        if re.match(rf"\s*{re.escape(key)}\s*=", line):
            return i + 1
    return start


# ------------------------------------------------------------------------------------ macros
class _Macros:
    """``${NAME}`` pieces of regular expression, expanded recursively."""

    def __init__(self, table: dict, where: str, lines: list[str]) -> None:
        self._raw = {}
        self._where = where
        self._lines = lines
        for name, value in table.items():
            if not re.fullmatch(r"[A-Z][A-Z0-9_]*", name):
                raise RuleBookError(f"{self._at(name)}: macro names are UPPER_CASE: {name!r}")
            self._raw[name] = value
        self._done: dict[str, str] = {}
        #: the expansions of list macros (long alternations of words), for :func:`required_words`
        self.lists: list[str] = []

    def _at(self, name: str) -> str:
        for i, line in enumerate(self._lines, 1):
            if re.match(rf"\s*{re.escape(name)}\s*=", line):
                return f"{self._where}:{i}"
        return self._where

    def get(self, name: str, stack: tuple[str, ...] = ()) -> str:
        if name in self._done:
            return self._done[name]
        if name not in self._raw:
            raise KeyError(name)
        if name in stack:
            raise RuleBookError(f"{self._at(name)}: macro {name} refers to itself")
        raw = _joined(self._raw[name])
        if isinstance(raw, str):
            value = self.expand(raw, (*stack, name))
        elif isinstance(raw, dict):
            value = self._from_list(name, raw)
            self.lists.append(value)
        else:
            raise RuleBookError(f"{self._at(name)}: macro {name} must be a string or a table")
        self._done[name] = value  # compiled (and its errors reported) in the rules that use it
        return value

    def expand(self, text: str, stack: tuple[str, ...] = ()) -> str:
        def sub(m: re.Match) -> str:
            try:
                return self.get(m.group(1), stack)
            except KeyError:
                raise _Unknown(m.group(1)) from None

        return _MACRO.sub(sub, text)

    def _from_list(self, name: str, spec: dict) -> str:
        """An alternation made from a word list shipped with the engine.

        ``file`` (``data/…`` or ``vocab/…``), ``column`` of a tab-separated file (``"all"``
        for every column), ``plural`` (add "s" to one-word entries), ``spaces`` (``"flex"``:
        any run of white space matches a space; ``"exact"``), ``order`` (``"length"``: longest
        first; ``"length-then-alpha"``)."""
        allowed = {"file", "column", "plural", "spaces", "order"}
        if set(spec) - allowed or "file" not in spec:
            raise RuleBookError(
                f"{self._at(name)}: macro {name}: a list macro takes "
                f"{', '.join(sorted(allowed))} (file required)"
            )
        words = list_file(spec["file"], spec.get("column"))
        if spec.get("plural"):
            words = [w + "s" for w in words if " " not in w]
        if spec.get("order", "length") == "length-then-alpha":
            ordered = sorted(set(words), key=lambda w: (-len(w), w))
        else:
            ordered = sorted(words, key=len, reverse=True)
        flex = spec.get("spaces", "flex") == "flex"
        return "|".join(
            re.escape(w).replace(r"\ ", r"\s+") if flex else re.escape(w) for w in ordered
        )


def _joined(value):
    """A string written as a list of pieces (to keep long expressions readable) is joined."""
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return "".join(value)
    return value


class _Unknown(Exception):
    pass


@functools.cache
def list_file(name: str, column: str | int | None = None) -> tuple[str, ...]:
    """Lines of a word list shipped with the engine (``data/x.txt`` or ``vocab/x.tsv``)."""
    folder, _, base = name.partition("/")
    if folder not in ("data", "vocab") or not base:
        raise RuleBookError(f"word lists are data/NAME or vocab/NAME, not {name!r}")
    path = resources.files("vetting.screening") / folder / base
    lines = [
        ln.strip()
        for ln in path.read_text(encoding="utf-8").splitlines()
        if ln.strip() and not ln.startswith("#")
    ]
    if column is None:
        return tuple(lines)
    cells = [ln.split("\t") for ln in lines]
    if column == "all":
        return tuple(c for row in cells for c in row if c)
    return tuple(row[int(column)] for row in cells if len(row) > int(column) and row[int(column)])


# -------------------------------------------------------------------------------- word sets
def _word_sets(table: dict, where: str, lines: list[str]) -> dict[str, frozenset[str]]:
    out = {}
    for name, value in table.items():
        line = next(
            (i for i, ln in enumerate(lines, 1) if re.match(rf"\s*{re.escape(name)}\s*=", ln)), 0
        )
        if not re.fullmatch(r"[A-Z][A-Z0-9_]*", name):
            raise RuleBookError(f"{where}:{line}: word-set names are UPPER_CASE: {name!r}")
        if isinstance(value, dict):
            if set(value) - {"file", "lower", "column"} or "file" not in value:
                raise RuleBookError(
                    f"{where}:{line}: word set {name}: a table takes file, column and lower"
                )
            try:
                value = list(list_file(value["file"], value.get("column")))
            except (OSError, RuleBookError) as exc:
                raise RuleBookError(f"{where}:{line}: word set {name}: {exc}") from None
            if table[name].get("lower"):
                value = [w.lower() for w in value]
        if not isinstance(value, list) or not all(isinstance(w, str) for w in value):
            raise RuleBookError(f"{where}:{line}: word set {name} must be a list of strings")
        out[name] = frozenset(value)
    return out


# ------------------------------------------------------------------------- check expressions
class _Compiler:
    """Compiles a ``when`` expression to a function ``(view, match) -> bool``.

    The expression is Python syntax restricted to: ``and``, ``or``, ``not``, parentheses,
    calls of the checks in :data:`vetting.screening.checks.CHECKS` with literal arguments,
    word-set names, set literals ``{"a", "b"}`` and ``|`` / ``-`` between word sets."""

    def __init__(self, checks: dict, words: dict, macros: _Macros) -> None:
        self.checks = checks
        self.words = words
        self.macros = macros

    def compile(self, source: str) -> Callable:
        try:
            tree = ast.parse("(" + source.strip() + "\n)", mode="eval")
        except SyntaxError as exc:
            raise _ExprError(f"not a check expression: {exc.msg}") from None
        return self._node(tree.body)

    def _node(self, node: ast.AST) -> Callable:
        if isinstance(node, ast.BoolOp):
            parts = [self._node(v) for v in node.values]
            if isinstance(node.op, ast.And):
                return lambda v, m: all(p(v, m) for p in parts)
            return lambda v, m: any(p(v, m) for p in parts)
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            inner = self._node(node.operand)
            return lambda v, m: not inner(v, m)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            return self._call(node)
        raise _ExprError(f"unexpected {ast.unparse(node)!r}: use checks joined by and / or / not")

    def _call(self, node: ast.Call) -> Callable:
        name = node.func.id
        factory = self.checks.get(name)
        if factory is None:
            raise _ExprError(f"unknown check {name}() (known: {', '.join(sorted(self.checks))})")
        args = [self._value(a, name) for a in node.args]
        kwargs = {k.arg: self._value(k.value, name) for k in node.keywords}
        sig = inspect.signature(factory)
        try:
            bound = sig.bind(*args, **kwargs)
        except TypeError as exc:
            raise _ExprError(f"{name}{sig}: {exc}") from None
        for pname, value in bound.arguments.items():
            want = sig.parameters[pname].annotation
            if not _type_ok(value, want):
                raise _ExprError(f"{name}(): {pname} must be {want}, not {value!r}")
        try:
            return factory(*bound.args, **bound.kwargs)
        except re.error as exc:
            raise _ExprError(f"{name}(): regular expression: {exc}") from None

    def _value(self, node: ast.AST, fname: str):
        if isinstance(node, ast.Constant) and isinstance(node.value, (str, int, float, bool)):
            if isinstance(node.value, str):
                try:
                    return self.macros.expand(node.value)
                except _Unknown as exc:
                    raise _ExprError(f"{fname}(): unknown macro ${{{exc.args[0]}}}") from None
            return node.value
        if (
            isinstance(node, ast.UnaryOp)
            and isinstance(node.op, ast.USub)
            and isinstance(node.operand, ast.Constant)
            and isinstance(node.operand.value, int)
        ):
            return -node.operand.value
        if isinstance(node, ast.Name):
            if node.id not in self.words:
                raise _ExprError(f"{fname}(): unknown word set {node.id}")
            return self.words[node.id]
        if isinstance(node, ast.Set):
            vals = [self._value(e, fname) for e in node.elts]
            if not all(isinstance(x, str) for x in vals):
                raise _ExprError(f"{fname}(): a set literal holds strings")
            return frozenset(vals)
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.BitOr, ast.Sub)):
            left, right = self._value(node.left, fname), self._value(node.right, fname)
            if not (isinstance(left, frozenset) and isinstance(right, frozenset)):
                raise _ExprError(f"{fname}(): | and - join word sets only")
            return left | right if isinstance(node.op, ast.BitOr) else left - right
        raise _ExprError(
            f"{fname}(): arguments are literals or word sets, not {ast.unparse(node)!r}"
        )


class _ExprError(Exception):
    pass


def _type_ok(value, want) -> bool:
    want = str(want)
    if "frozenset" in want:
        return isinstance(value, frozenset)
    if want in ("int", "<class 'int'>"):
        return isinstance(value, int) and not isinstance(value, bool)
    if want in ("bool", "<class 'bool'>"):
        return isinstance(value, bool)
    if want in ("str", "<class 'str'>"):
        return isinstance(value, str)
    if "str | int" in want:
        return isinstance(value, (str, int)) and not isinstance(value, bool)
    return True


# ------------------------------------------------------------------------------------ loading
def _folder() -> Path:
    return Path(str(resources.files("vetting.screening") / "rulebook"))


def _read(path: Path) -> tuple[dict, list[str]]:
    source = path.read_text(encoding="utf-8")
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+)", str(exc))
        raise RuleBookError(f"{path.name}:{m.group(1) if m else '?'}: {exc}") from None
    return data, source.splitlines()


def word_sets(folder: Path | str | None = None) -> dict[str, frozenset[str]]:
    """The word sets of ``_words.toml`` (read once per folder: the loader and the mechanisms
    share them)."""
    return _word_sets_in(str(folder) if folder is not None else str(_folder()))


@functools.cache
def _word_sets_in(folder: str) -> dict[str, frozenset[str]]:
    data, lines = _read(Path(folder) / "_words.toml")
    return _word_sets(data.get("words", {}), "_words.toml", lines)


def load(folder: Path | str | None = None) -> tuple[Rule, ...]:
    """Every rule of the rule book, validated (cached per folder)."""
    return _load(str(folder) if folder is not None else str(_folder()))


@functools.cache
def _load(folder: str) -> tuple[Rule, ...]:
    from vetting.screening.checks import CHECKS
    from vetting.screening.terms import CATEGORIES

    base = Path(folder)
    mdata, mlines = _read(base / "_macros.toml")
    macros = _Macros(mdata.get("macros", {}), "_macros.toml", mlines)
    conditions = _conditions(mdata.get("conditions", {}))
    words = word_sets(base)
    compiler = _Compiler(CHECKS, words, macros)
    prefilters = _Prefilters(macros.lists)
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    for path in sorted(base.glob("*.toml")):
        if path.name.startswith("_"):
            continue
        data, lines = _read(path)
        where = path.name
        extra = set(data) - _FILE_KEYS
        if extra:
            raise RuleBookError(f"{where}:1: unknown top-level keys: {', '.join(sorted(extra))}")
        category = data.get("category")
        if category not in CATEGORIES:
            raise RuleBookError(f"{where}:1: category must be one of {', '.join(CATEGORIES)}")
        if not str(data.get("about", "")).strip():
            raise RuleBookError(f'{where}:1: say what the file covers in about = "…"')
        heads = _rule_lines("\n".join(lines))
        tables = data.get("rule", [])
        if len(heads) != len(tables):
            raise RuleBookError(f"{where}: write each rule as a [[rule]] table on its own line")
        for head, table in zip(heads, tables, strict=True):
            rule = _rule(table, category, where, head, lines, macros, compiler, conditions, prefilters)
            if rule.name in seen:
                raise RuleBookError(
                    f"{where}:{head}: rule {rule.name} is already defined in {seen[rule.name]}"
                )
            seen[rule.name] = f"{where}:{head}"
            rules.append(rule)
    prefilters.save()
    return tuple(rules)


def _conditions(table: dict) -> dict[str, str]:
    """Named check expressions of ``_macros.toml`` (``[conditions]``), which a ``when`` writes as
    ``${NAME}``: a condition several rules share is written once."""
    out = {}
    for name, text in table.items():
        if not re.fullmatch(r"[A-Z][A-Z0-9_]*", name) or not isinstance(text, str) or not text.strip():
            raise RuleBookError(
                f"_macros.toml: condition {name!r} must be an upper-case name and an expression"
            )
        out[name] = " ".join(text.split())
    return out


def _rule(table, category, where, head, lines, macros, compiler, conditions, prefilters) -> Rule:
    def err(key: str, message: str) -> RuleBookError:
        line = _key_line(lines, head, key) if key else head
        label = table.get("name", "?") if isinstance(table, dict) else "?"
        return RuleBookError(f"{where}:{line}: rule {label}: {message}")

    unknown = set(table) - _RULE_KEYS
    if unknown:
        key = sorted(unknown)[0]
        raise err(key, f"unknown key {key} (keys: {', '.join(sorted(_RULE_KEYS))})")
    for key in _REQUIRED:
        if key not in table:
            raise err("", f"{key} is required")
    name = table["name"]
    if not isinstance(name, str) or not re.fullmatch(r"[a-z0-9][a-z0-9_-]*", name):
        raise err("name", "names are lower-case words joined by - or _")
    reason = table["reason"]
    if not isinstance(reason, str) or not reason.strip() or "\n" in reason.strip():
        raise err("reason", "reason is one line saying why the rule exists")
    flags = 0 if table.get("case_sensitive", False) else re.IGNORECASE
    pattern = _joined(table["pattern"])
    if not isinstance(pattern, str) or not pattern:
        raise err("pattern", "pattern is a string or a list of strings (joined)")
    try:
        expanded = macros.expand(pattern)
    except _Unknown as exc:
        raise err("pattern", f"unknown macro ${{{exc.args[0]}}}") from None
    found, first = prefilters.of(expanded, flags)
    try:
        regex = re.compile(with_first(expanded, first), flags)
    except re.error:
        try:  # the error as the rule's own text has it (its positions)
            re.compile(expanded, flags)
        except re.error as exc:
            raise err("pattern", f"regular expression: {exc}") from None
        raise
    group = table.get("group", 0)
    if group != 0 and group not in regex.groupindex:
        raise err("group", f"the pattern has no group named {group!r}")
    score = _score(table, err)
    check = None
    when = table.get("when", "")
    if when and conditions:
        # a named condition stands for its expression, in parentheses
        def named(m: re.Match) -> str:
            return f"({conditions[m.group(1)]})" if m.group(1) in conditions else m.group(0)

        when = _MACRO.sub(named, when)
    if when:
        try:
            check = compiler.compile(when)
        except _ExprError as exc:
            raise err("when", str(exc)) from None
    anchor = table.get("anchor", "")
    run: object = regex
    if anchor:
        try:
            run = Anchored(regex, re.compile(macros.expand(anchor), re.IGNORECASE))
        except (re.error, _Unknown) as exc:
            raise err("anchor", f"anchor: {exc}") from None
    needs = table.get("needs", ())
    if isinstance(needs, dict):
        if set(needs) != {"prefixes_of"}:
            raise err("needs", 'needs is a list of strings or {prefixes_of = "vocab/…"}')
        needs = sorted({w.split()[-1][:3].lower() for w in list_file(needs["prefixes_of"])})
    if not isinstance(needs, (list, tuple)) or not all(isinstance(n, str) for n in needs):
        raise err("needs", "needs is a list of strings")
    if not needs:
        needs = found
    alongside = table.get("alongside", False)
    if not (isinstance(alongside, bool) or alongside == "nearby"):
        raise err("alongside", 'alongside is true, false or "nearby"')
    if alongside == "nearby" and ("tier" in table or "score" in table):
        # the engine makes a supported nearby match confident: a tier or score would not hold
        raise err("alongside", 'a "nearby" rule is confident once supported; give it no tier or score')
    examples = table["examples"]
    counter = table.get("counter_examples", [])
    for key, value in (("examples", examples), ("counter_examples", counter)):
        if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
            raise err(key, f"{key} is a list of strings")
    if not examples:
        raise err("examples", "give at least one example the rule catches")
    return Rule(
        name=name,
        category=category,
        reason=reason.strip(),
        pattern=pattern,
        regex=regex,
        score=score,
        group=group,
        check=check,
        when=when,
        anchor=anchor,
        needs=tuple(needs),
        alongside=alongside,
        examples=tuple(examples),
        counter_examples=tuple(counter),
        file=where,
        line=head,
        run=run,
    )


def _score(table: dict, err) -> float:
    from vetting.screening.recognizers import CONFIRM_SCORE

    if "tier" in table and "score" in table:
        raise err("tier", "give tier or score, not both")
    tier = table.get("tier")
    if tier is not None:
        if tier not in ("redact", "confirm"):
            raise err("tier", 'tier is "redact" or "confirm"')
        return CONFIRM_SCORE if tier == "confirm" else 0.85
    score = table.get("score", 0.85)
    if not isinstance(score, (int, float)) or not 0 < score <= 1:
        raise err("score", "score is a number in (0, 1]")
    return float(score)


#: the only characters outside ASCII that a case-insensitive ASCII letter matches (``re`` folds
#: "İ" and "ı" to "i", "ſ" to "s", the Kelvin sign to "k"); :func:`prefilter_text` maps them first
_FOLD_TO_ASCII = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def prefilter_text(text: str) -> str:
    """The text that :attr:`Rule.needs` strings are looked for in (lower case, ASCII look-alike
    letters folded), so that a rule whose regex matches always passes its prefilter."""
    return text.translate(_FOLD_TO_ASCII).lower()


def required_words(regex: re.Pattern, lists: Iterable[str] = ()) -> tuple[str, ...]:
    """Strings one of which every match of ``regex`` contains (lower case), or ``()``.

    Read from the parsed expression: a run of ASCII literal characters is required; a group or
    a repeat of at least one is required when its body is; an alternation is when every branch
    is (one of the branches' strings). Of several requirements of a sequence the most selective
    is kept (the longest shortest string). Look-arounds, classes and back-references require
    nothing. This is the automatic prefilter of a rule without ``needs``: the regex runs only on
    a text that contains one of the strings, which skips most rules on most texts.

    ``lists`` are alternations the pattern may contain as a whole group, ``(?:…)`` (the list
    macros: hundreds of place names); each is read once per process instead of once per rule.
    """
    return analyse(regex.pattern, regex.flags, lists)[0]


def first_characters(regex: re.Pattern, lists: Iterable[str] = ()) -> str:
    """A look-ahead that every match of ``regex`` begins with, or ``""`` (see :func:`analyse`)."""
    return analyse(regex.pattern, regex.flags, lists)[1]


def analyse(pattern: str, flags: int, lists: Iterable[str] = ()) -> tuple[tuple[str, ...], str]:
    """:func:`required_words` of an expression, and a look-ahead for its first character.

    The look-ahead, ``(?=(?i:[…]))``, is the class of characters a match can begin with, read from
    the parsed expression the way the required strings are: a literal or a class is its own first
    character; a group, an alternation or a repeat gives its bodies'; something that can match
    nothing (an optional group, a look-around, ``\b``) lets the next item's count too. It is
    written case-insensitive, so it can only be wider than the expression. Put in front of the
    expression (:func:`with_first`) it changes no match; it spares ``re`` trying the whole
    expression at every position of a text, which most rules spend most of their time on
    (``\b(?:served|deployed)…`` starts with ``\b``, which hides the first letters from ``re``'s
    own search). ``""`` when a match may begin with any character or with nothing.
    """
    known: dict[int, frozenset[str]] = {}
    known_first: dict[int, tuple[frozenset[str] | None, bool]] = {}
    for alternation in sorted(set(lists), key=len, reverse=True):
        group = f"(?:{alternation})"
        if group in pattern:
            mark = chr(_PLACEHOLDER + len(known))
            known[ord(mark)] = _list_required(alternation, flags)
            known_first[ord(mark)] = _list_first(alternation, flags)
            pattern = pattern.replace(group, f"(?:{mark})")
    parsed = _sre_parse.parse(pattern, flags)
    found = _required(parsed, known)
    first, nullable = _first(parsed, known_first)
    look = ""
    if first and not nullable and not first & _ANY_CLASS:
        look = "(?=(?i:[" + "".join(sorted(first)) + "]))"
    return (tuple(sorted(found)) if found else ()), look


#: global inline flags, which must stay at the start of an expression
_GLOBAL_FLAGS = re.compile(r"(?:\(\?[aiLmsux]+\))*")


def with_first(pattern: str, look: str) -> str:
    """``pattern`` with the look-ahead ``look`` (:func:`analyse`) in front (after global flags)."""
    if not look:
        return pattern
    head = _GLOBAL_FLAGS.match(pattern).end()
    return pattern[:head] + look + pattern[head:]


class _Prefilters:
    """:func:`analyse` of the rules' regular expressions (their prefilter strings and first
    characters), kept between processes.

    Working them out reads every expression with ``re``'s parser again (~0.15 s of the load).
    They are a pure function of an expression's text and flags, so they are kept in the user's
    cache folder (:mod:`.tablecache`) under a digest of this module's code and the Python
    version, one entry per expression, keyed by a digest of its text and flags: a changed rule
    or macro has another key and is worked out again; entries of rules no longer in the book
    are dropped when the file is written. An entry that is not a list of non-empty lower-case
    strings and a look-ahead of :func:`analyse`'s form is not used."""

    def __init__(self, lists: Iterable[str]) -> None:
        from vetting.screening import tablecache

        self._lists = lists
        self._folder = tablecache.default_folder()
        self._key = ""
        if self._folder is not None:
            code = tablecache.code_digest([__name__])
            self._key = f"{code}-{sys.version_info[0]}.{sys.version_info[1]}" if code else ""
        stored = tablecache.read(self._folder, "prefilters", self._key)
        self._stored = stored if isinstance(stored, dict) else {}
        self._now: dict[str, list] = {}

    @staticmethod
    def _entry(pattern: str, flags: int) -> str:
        return hashlib.sha256(f"{flags}\0{pattern}".encode()).hexdigest()[:24]

    @staticmethod
    def _valid(found) -> bool:
        return (
            isinstance(found, list)
            and len(found) == 2
            and isinstance(found[0], list)
            and all(isinstance(w, str) and w and w == w.lower() for w in found[0])
            and isinstance(found[1], str)
            and (not found[1] or _LOOK.fullmatch(found[1]) is not None)
        )

    def of(self, pattern: str, flags: int) -> tuple[tuple[str, ...], str]:
        """The prefilter strings and first-character look-ahead of ``pattern`` (``((), "")``
        when it is no regular expression: compiling it reports the error)."""
        entry = self._entry(pattern, flags)
        found = self._stored.get(entry)
        if not self._valid(found):
            try:
                needs, look = analyse(pattern, flags, self._lists)
            except re.error:
                return (), ""
            found = [list(needs), look]
        self._now[entry] = found
        return tuple(found[0]), found[1]

    def save(self) -> None:
        """Write the entries of this rule book when they differ from the file's."""
        if self._now != self._stored:
            from vetting.screening import tablecache

            tablecache.write(self._folder, "prefilters", self._key, self._now)


#: a look-ahead as :func:`analyse` writes it (a file's entry must have this form)
_LOOK = re.compile(r"\(\?=\(\?i:\[(?:[^\\\]]|\\.)+\]\)\)", re.DOTALL)

#: private-use characters stand for whole list alternations in :func:`required_words`
_PLACEHOLDER = 0xE000


@functools.cache
def _list_required(alternation: str, flags: int) -> frozenset[str] | None:
    return _required(_sre_parse.parse(f"(?:{alternation})", flags))


@functools.cache
def _list_first(alternation: str, flags: int) -> tuple[frozenset[str] | None, bool]:
    return _first(_sre_parse.parse(f"(?:{alternation})", flags))


#: classes a first-character look-ahead is not worth writing with (nearly every character)
_ANY_CLASS = frozenset({r"\w", r"\W", r"\S", r"\D"})
_CATEGORY_CLASS = {
    _sre.CATEGORY_DIGIT: r"\d",
    _sre.CATEGORY_NOT_DIGIT: r"\D",
    _sre.CATEGORY_SPACE: r"\s",
    _sre.CATEGORY_NOT_SPACE: r"\S",
    _sre.CATEGORY_WORD: r"\w",
    _sre.CATEGORY_NOT_WORD: r"\W",
}
_ZERO_WIDTH = (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT)




def _first(items, known: dict | None = None) -> tuple[frozenset[str] | None, bool]:
    """The pieces of a character class that a match of ``items`` can begin with, and whether it
    can match nothing; ``(None, False)`` when the first character cannot be told."""
    out: set[str] = set()
    repeats = (_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", None))
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue  # "\b", look-arounds: the next item gives the first character
        if op is _sre.LITERAL:
            if known and av in known:
                sub, empty = known[av]
                if sub is None:
                    return None, False
                out |= sub
                if empty:
                    continue
                return frozenset(out), False
            out.add(re.escape(chr(av)))
            return frozenset(out), False
        if op is _sre.IN:
            for kind, value in av:
                if kind is _sre.LITERAL and known and value in known:
                    # lists standing in for "(?:A)|(?:B)", which the parser makes a class
                    sub, empty = known[value]
                    if sub is None or empty:
                        return None, False
                    out |= sub
                elif kind is _sre.LITERAL:
                    out.add(re.escape(chr(value)))
                elif kind is _sre.RANGE:
                    out.add(f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}")
                elif kind is _sre.CATEGORY and value in _CATEGORY_CLASS:
                    out.add(_CATEGORY_CLASS[value])
                else:
                    return None, False  # a negated class, a Unicode category …
            return frozenset(out), False
        if op is _sre.SUBPATTERN:
            sub, empty = _first(av[-1], known)
        elif op is _sre.ATOMIC_GROUP:
            sub, empty = _first(av, known)
        elif op is _sre.BRANCH:
            sub, empty = frozenset(), False
            for branch in av[1]:
                piece, none = _first(branch, known)
                if piece is None:
                    return None, False
                sub, empty = sub | piece, empty or none
        elif op in repeats:
            sub, empty = _first(av[2], known)
            empty = empty or av[0] == 0
        else:
            return None, False  # any character, a back-reference, a conditional …
        if sub is None:
            return None, False
        out |= sub
        if not empty:
            return frozenset(out), False
    return frozenset(out), True


def _required(items, known: dict | None = None) -> frozenset[str] | None:
    best: frozenset[str] | None = None
    run: list[str] = []

    def consider(candidate: frozenset[str] | None) -> None:
        nonlocal best
        if not candidate:
            return
        rank = (min(map(len, candidate)), -len(candidate))
        if best is None or rank > (min(map(len, best)), -len(best)):
            best = candidate

    def end_run() -> None:
        if run:
            consider(frozenset({"".join(run)}))
            run.clear()

    repeats = (_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", None))
    for op, av in items:
        if op is _sre.LITERAL and av < 128:
            run.append(chr(av).lower())
            continue
        end_run()
        if op is _sre.LITERAL and known and av in known:
            consider(known[av])
        elif op is _sre.SUBPATTERN:
            consider(_required(av[-1], known))
        elif op is _sre.ATOMIC_GROUP:
            consider(_required(av, known))
        elif op is _sre.BRANCH:
            branches = [_required(b, known) for b in av[1]]
            if all(branches):
                consider(frozenset().union(*branches))
        elif op in repeats and av[0] >= 1:
            consider(_required(av[2], known))
    end_run()
    return best


class Anchored:
    """A pattern run only near occurrences of a cheap anchor word.

    Patterns such as "<up to three words> disorder" are slow when the regex engine tries the
    word prefix at every position of a long text. The anchor (a fixed word the match must
    contain) is found first; the full pattern is then tried only in a window around it. Matches
    are the same as a full scan (the window reaches further back than the longest prefix).
    """

    def __init__(self, regex: re.Pattern, anchor: re.Pattern, back: int = 90, ahead: int = 90):
        self.regex = regex
        self.anchor = anchor
        self.back = back
        self.ahead = ahead
        self.pattern = regex.pattern
        self.flags = regex.flags
        self.groupindex = regex.groupindex

    def finditer(self, text: str):
        seen = set()
        out = []
        for a in self.anchor.finditer(text):
            lo = max(0, a.start() - self.back)
            hi = min(len(text), a.end() + self.ahead)
            for m in self.regex.finditer(text, lo, hi):
                if m.span() not in seen and m.start() <= a.start() < m.end() + 1:
                    seen.add(m.span())
                    out.append(m)
        out.sort(key=lambda m: m.start())
        return iter(out)


@functools.cache
def digest() -> str:
    """A short SHA-256 of every file of the rule book and of the checks' code: part of the
    engine version, so a change to any rule changes the version in the redaction record."""
    h = hashlib.sha256()
    for path in sorted(_folder().glob("*.toml")):
        h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    from vetting.screening.checks import CHECKS

    for name in sorted(CHECKS):  # the checks' code (also in a frozen build, without sources)
        h.update(name.encode() + b"\0")
        _hash_code(h, CHECKS[name].__code__)
    return h.hexdigest()[:12]


def _hash_code(h, code) -> None:
    """Feed a code object's instructions, names and constants (nested code too) to ``h``;
    file names and line numbers are left out, so a source tree and its build agree."""
    h.update(code.co_code)
    h.update("\0".join(code.co_names).encode())
    for const in code.co_consts:
        if hasattr(const, "co_code"):
            _hash_code(h, const)
        else:
            h.update(_stable_repr(const).encode() + b"\0")


def _stable_repr(value) -> str:
    """``repr`` that does not depend on the hash seed (sets are sorted)."""
    if isinstance(value, (set, frozenset)):
        return "{" + ",".join(sorted(_stable_repr(v) for v in value)) + "}"
    if isinstance(value, tuple):
        return "(" + ",".join(_stable_repr(v) for v in value) + ")"
    return repr(value)


def pattern_specs(rules: Iterable[Rule] | None = None) -> list:
    """The rules as the pattern recognizer runs them."""
    from vetting.screening.recognizers import PatternSpec

    return [
        PatternSpec(
            r.name, r.category, r.run, r.score, r.group, r.check, needs=r.needs, alongside=r.alongside
        )
        for r in (load() if rules is None else rules)
    ]
