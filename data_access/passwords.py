"""Password policy after NIST SP 800-63B: length, and no common, repetitive, sequential or
context-specific passwords (zxcvbn's offline dictionaries and estimator)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from zxcvbn import zxcvbn

MIN_LENGTH = 15  # SP 800-63B-4 (2024): 15 for a password that is the only factor
MAX_LENGTH = 128  # at least 64 must be allowed; longer inputs only slow the estimator
MIN_SCORE = 3  # zxcvbn 0-4; 3 = "safely unguessable: moderate protection from offline attack"
MIN_DISTINCT = 5

ENGLISH = {
    "too_short": "the password must be at least {n} characters",
    "too_long": "the password must be at most {n} characters",
    "blank": "the password cannot be only spaces",
    "repetitive": "the password repeats itself (like aaaa or abcabc)",
    "sequential": "the password is a sequence (like 12345 or abcde)",
    "context": "the password must not contain the username or the organisation's name or code",
    "guessable": "the password is too common or too easy to guess",
}


class PasswordRejected(ValueError):
    """A password the policy refuses; `code` names the rule, `params` fill its message."""

    def __init__(self, code: str, **params: int) -> None:
        self.code = code
        self.params = params
        super().__init__(ENGLISH[code].format(**params))


def _is_repetitive(text: str) -> bool:
    return len(set(text)) < MIN_DISTINCT or re.fullmatch(r"(.+?)\1+", text, re.DOTALL) is not None


def _is_sequential(text: str) -> bool:
    steps = {ord(b) - ord(a) for a, b in zip(text, text[1:], strict=False)}
    return len(steps) == 1 and steps <= {1, -1}


def _context_words(context: Iterable[str | None]) -> list[str]:
    words: set[str] = set()
    for item in context:
        item = (item or "").strip().lower()
        if len(item) >= 3:
            words.add(item)
            words.update(w for w in re.split(r"[\W_]+", item) if len(w) >= 4)
    return sorted(words)


def check_password(password: str, context: Iterable[str | None] = ()) -> None:
    """Raise PasswordRejected unless `password` meets the policy.

    `context`: strings the password must not contain (username, organisation code and name)."""
    if len(password) < MIN_LENGTH:
        raise PasswordRejected("too_short", n=MIN_LENGTH)
    if len(password) > MAX_LENGTH:
        raise PasswordRejected("too_long", n=MAX_LENGTH)
    if not password.strip():
        raise PasswordRejected("blank")
    folded = password.lower()
    if _is_repetitive(folded):
        raise PasswordRejected("repetitive")
    if _is_sequential(folded):
        raise PasswordRejected("sequential")
    words = _context_words(context)
    if any(word in folded for word in words):
        raise PasswordRejected("context")
    if zxcvbn(password, user_inputs=words, max_length=MAX_LENGTH)["score"] < MIN_SCORE:
        raise PasswordRejected("guessable")
