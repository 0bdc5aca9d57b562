"""Password policy (data_access/passwords.py) after NIST SP 800-63B: issue 8.5."""

from __future__ import annotations

import pytest

from data_access.passwords import MAX_LENGTH, MIN_LENGTH, PasswordRejected, check_password

CONTEXT = ["newbie", "DVP", "Demo Valley Police"]


@pytest.mark.parametrize(
    ("password", "code"),
    [
        (" " * 12, "too_short"),
        ("a" * 12, "too_short"),
        ("newbie3newbie3", "too_short"),
        (" " * 20, "blank"),
        ("a" * 20, "repetitive"),
        ("newbie3newbie3newbie3", "repetitive"),
        ("abababababababab", "repetitive"),
        ("abcdefghijklmnop", "sequential"),
        ("987654321098765", "guessable"),
        ("password12345678", "guessable"),
        ("qwertyuiop123456", "guessable"),
        ("iloveyou12345678", "guessable"),
        ("x-newbie-7-river-lamp", "context"),
        ("dvp-orbit-lantern-42", "context"),
        ("valley-orbit-lantern-42", "context"),
        ("Tr4vel-lamp-orbit-87" * 7, "too_long"),
    ],
)
def test_weak_passwords_are_refused_with_the_rule(password, code):
    with pytest.raises(PasswordRejected) as refused:
        check_password(password, CONTEXT)
    assert refused.value.code == code


@pytest.mark.parametrize(
    "password",
    ["correct horse battery staple", "Tr4vel-lamp-orbit-87", "q" + "w9!Kz" * 12 + "xyz"],
)
def test_strong_passwords_pass(password):
    assert MIN_LENGTH <= len(password) <= MAX_LENGTH
    check_password(password, CONTEXT)


def test_limits_follow_the_standard():
    assert MIN_LENGTH >= 12 and MAX_LENGTH >= 64
    check_password("Tr4vel-lamp-orbit-87 and a long, long tail" + "9" * (MAX_LENGTH - 44) + "!")
