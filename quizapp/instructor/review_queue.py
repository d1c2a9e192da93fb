"""The review queue's extras: confirm a rejection, and approve, reject or tag drafts in bulk."""

from __future__ import annotations

from flask import flash, g, redirect, render_template, request, url_for

from ..forms import ConfirmForm
from ..services import ServiceError
from ..services.review import bulk_review
from ..services.sharing import bank_for, question_for
from . import bp
from .forms import words


def queue_url(bank_id: int, anchor: str | None = None) -> str:
    """Return the review queue's address, at a draft's anchor when there is one."""
    anchor = anchor if anchor and anchor.startswith("q") and anchor[1:].isdigit() else None
    return url_for("instructor.review", bank_id=bank_id, _anchor=anchor)


@bp.route("/questions/<int:question_id>/reject", methods=["GET"])
def confirm_reject(question_id: int):
    """Ask before rejecting a draft, which deletes it (works without JavaScript)."""
    question = question_for(g.user.id, question_id)
    return render_template(
        "instructor/reject_confirm.html", question=question, form=ConfirmForm(),
        anchor=request.args.get("anchor", ""),
    )  # fmt: skip


@bp.route("/banks/<int:bank_id>/review/bulk", methods=["POST"])
def bulk(bank_id: int):
    """Approve, reject or tag the selected drafts; rejecting many asks for a tick to confirm."""
    bank_for(g.user.id, bank_id)  # another instructor's bank: 404
    form = ConfirmForm()
    action = request.form.get("action", "")
    ids = [int(v) for v in request.form.getlist("ids") if v.isdigit() and len(v) < 10]
    if not form.validate_on_submit():
        return redirect(queue_url(bank_id))
    if action == "reject" and request.form.get("confirm") != "yes":
        flash("Tick “Yes, delete the selected drafts” to reject them: nothing was deleted.",
              "error")  # fmt: skip
        return redirect(queue_url(bank_id))
    try:
        result = bulk_review(g.user.id, bank_id, ids, action, words(request.form.get("tag")))
    except ServiceError as exc:
        flash(str(exc), "error")
    else:
        verb = {"approve": "approved", "reject": "rejected and deleted", "tag": "tagged"}[action]
        flash(f"{result.done} draft{'' if result.done == 1 else 's'} {verb}.", "success")
        for reason in result.kept:
            flash(f"Kept {reason}.", "info")
    return redirect(queue_url(bank_id))
