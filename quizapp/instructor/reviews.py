"""Reviews: the queue of appeals and unsure marks; accept, keep or set a mark by hand."""

from flask import flash, g, redirect, render_template, url_for

from ..appeal_forms import AcceptForm, MarkForm, RejectForm
from ..services import Conflict, Forbidden, ServiceError, mark_reviews
from . import bp


def _page(response_id: int, code: int = 200, **failed):
    """Render one response's review page, with the form that failed kept as submitted."""
    item = mark_reviews.case(response_id, g.user.id)
    forms = {
        "accept": AcceptForm(formdata=None),
        "reject": RejectForm(formdata=None),
        "mark": MarkForm(formdata=None, credit=round(item.response.credit * 100)),
        **failed,
    }
    return render_template("instructor/review_case.html", case=item, forms=forms), code


def _done(form, response_id: int, message: str):
    """Flash what happened and go back to the queue (or the response's page)."""
    flash(message, "success")
    if form.next.data == "queue":
        return redirect(url_for(".reviews"))
    return redirect(url_for(".review_case", response_id=response_id))


def _refused(form, response_id: int, exc: ServiceError):
    """Show why a decision was refused; nothing changed."""
    flash(str(exc), "error")
    if form.next.data == "queue":
        return redirect(url_for(".reviews"))
    return redirect(url_for(".review_case", response_id=response_id))


@bp.route("/reviews")
def reviews():
    """List the open appeals and the unsure marks, each beside its question and evidence."""
    appealed, unsure = mark_reviews.queue(g.user.id)
    return render_template(
        "instructor/reviews.html",
        appealed=appealed,
        unsure=unsure,
        accept=AcceptForm(),
        reject=RejectForm(),
    )


@bp.route("/responses/<int:response_id>")
def review_case(response_id: int):
    """Show one response: question, key, variants, evidence, its appeal and every mark change."""
    return _page(response_id)


@bp.route("/responses/<int:response_id>/accept", methods=["POST"])
def review_accept(response_id: int):
    """Mark the response right; optionally accept its answer for everyone and regrade."""
    form = AcceptForm()
    if not form.validate_on_submit():
        return _page(response_id, 400, accept=form)
    try:
        reply = form.reply.data or ""
        decision = mark_reviews.accept(response_id, g.user.id, form.add_variant.data, reply)
    except (Conflict, Forbidden) as exc:  # NotFound: the blueprint's 404 page
        return _refused(form, response_id, exc)
    message = "Answer accepted: marked right."
    if decision.regrade is not None:
        n = decision.regrade.changed
        message += f" It is now an accepted answer; {n} other mark{'' if n == 1 else 's'} changed."
    return _done(form, response_id, message)


@bp.route("/responses/<int:response_id>/reject", methods=["POST"])
def review_reject(response_id: int):
    """Keep the response's mark and reply to the student."""
    form = RejectForm()
    if not form.validate_on_submit():
        return _page(response_id, 400, reject=form)
    try:
        decision = mark_reviews.reject(response_id, g.user.id, form.reply.data)
    except (Conflict, Forbidden) as exc:  # NotFound: the blueprint's 404 page
        return _refused(form, response_id, exc)
    return _done(form, response_id, f"Mark kept ({decision.mark}); the student sees your reply.")


@bp.route("/responses/<int:response_id>/mark", methods=["POST"])
def review_mark(response_id: int):
    """Set the response's mark by hand."""
    form = MarkForm()
    if not form.validate_on_submit():
        return _page(response_id, 400, mark=form)
    try:
        decision = mark_reviews.override(response_id, g.user.id, form.credit.data, form.reason.data)
    except (Conflict, Forbidden) as exc:  # NotFound: the blueprint's 404 page
        return _refused(form, response_id, exc)
    return _done(form, response_id, f"Mark set: {decision.mark}.")
