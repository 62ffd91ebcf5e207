"""The password policy refuses what is easy to guess, with the reason, using a maintained strength
estimator (zxcvbn) rather than hand-written rules; everyone can change their own password."""

from __future__ import annotations

import pytest

from tests.conftest import PASSWORD
from vetting.errors import PermissionDenied, RuleViolation
from vetting.services import users as U


@pytest.mark.parametrize("password,reason", [
    (" " * 12, "must not be only spaces"),
    ("\t \n" * 6, "must not be only spaces"),
    ("aaaaaaaaaaaaaaaa", "Repeats"),
    ("abcabcabcabcabc", "Repeats"),
    ("asdfghjkl;asdf", "Straight rows of keys"),
    ("qwertyuiop1234", "similar to a commonly used password"),
    ("Passw0rd!Passw0rd!", "too easy to guess"),
])
def test_easy_passwords_are_refused_with_the_reason(db, admin, password, reason):
    with pytest.raises(RuleViolation, match="does not meet the policy") as exc:
        U.add_user(db, admin, username="newbie", display_name="N", role="investigator", password=password)
    assert reason in str(exc.value)


def test_a_strong_passphrase_is_accepted(db, admin):
    U.add_user(db, admin, username="newbie", display_name="N", role="investigator",
               password="Glacier-Ferry-Lantern-58")
    assert U.sign_in(db, username="newbie", password="Glacier-Ferry-Lantern-58")


def test_the_policy_applies_to_resets_and_to_ones_own_change(db, admin, investigator):
    with pytest.raises(RuleViolation, match="only spaces"):
        U.reset_password(db, admin, user_id=investigator.user_id, new_password=" " * 14)
    with pytest.raises(RuleViolation, match="too easy to guess"):
        U.change_own_password(db, investigator, old_password=PASSWORD, new_password="zzzzzzzzzzzzzzzz")
    assert U.sign_in(db, username="ivan", password=PASSWORD)  # nothing changed


def test_a_reset_user_can_do_nothing_but_change_their_password_and_is_told_how(db, admin, investigator):
    from vetting.services import investigations as I

    U.reset_password(db, admin, user_id=investigator.user_id, new_password="Temporary-Reset-Pass-51")
    actor = U.sign_in(db, username="ivan", password="Temporary-Reset-Pass-51")
    with pytest.raises(PermissionDenied, match="vetting users passwd"):
        I.list_investigations(db, actor)
    U.change_own_password(db, actor, old_password="Temporary-Reset-Pass-51", new_password="Brand-New-Own-Secret-93")
    assert I.list_investigations(db, U.sign_in(db, username="ivan", password="Brand-New-Own-Secret-93")) == []
