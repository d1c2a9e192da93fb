"""Appeals, the student's side: appeal one of your own marks, read and dismiss mark changes."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_login import current_user, login_required

from .appeal_forms import AppealForm
from .auth import safe_next
from .forms import ConfirmForm
from .services import NotFound, ServiceError, appeals, notices

bp = Blueprint("appeals", __name__, url_prefix="/me")


def _back(form: AppealForm, case: appeals.Case) -> str:
    """Return where the appeal came from (a local path), else the question on the attempt page."""
    if form.next.data:
        return safe_next(form.next.data)
    here = url_for("student.attempt", attempt_id=case.attempt.id)
    return f"{here}#question-{case.position}"


@bp.route("/responses/<int:response_id>/appeal", methods=["GET", "POST"])
@login_required
def appeal(response_id: int):
    """Appeal the mark of one of your answers, once, with an optional sentence."""
    try:
        case = appeals.appeal_case(response_id, current_user.id)
    except NotFound:
        abort(404)
    form = AppealForm()
    if form.validate_on_submit():
        try:
            appeals.appeal(response_id, current_user.id, form.reason.data or "")
        except ServiceError as exc:
            flash(str(exc), "info")
        else:
            flash("Appeal sent: your instructor will look at this mark again.", "success")
        return redirect(_back(form, case))
    code = 400 if form.errors else 200
    return render_template("student/appeal.html", case=case, form=form), code


@bp.route("/notices/dismiss", methods=["POST"])
@login_required
def dismiss_notices():
    """Mark the notices about changed marks as read."""
    if ConfirmForm().validate_on_submit():
        notices.dismiss_notices(current_user.id)
    return redirect(url_for("student.history"))
