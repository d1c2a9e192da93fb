"""The share and unshare forms that banks and quizzes have in common."""

from __future__ import annotations

from collections.abc import Callable

from flask import flash, redirect

from ..forms import ConfirmForm
from ..services import ServiceError
from .forms import ShareForm


def share_from_form(owner_id: int, object_id: int, share: Callable, back: str):
    """Share the object with the instructor named in the form, then go back."""
    form = ShareForm()
    if form.validate_on_submit():
        try:
            user = share(owner_id, object_id, form.username.data)
        except ServiceError as exc:
            flash(str(exc), "error")
        else:
            flash(f"Shared with {user.username}.", "success")
    else:
        flash("Enter an instructor's username.", "error")
    return redirect(back)


def unshare_from_form(owner_id: int, object_id: int, user_id: int, unshare: Callable, back: str):
    """Stop sharing the object with one instructor (a confirmed POST), then go back."""
    if ConfirmForm().validate_on_submit():
        unshare(owner_id, object_id, user_id)
        flash("No longer shared.", "success")
    return redirect(back)
