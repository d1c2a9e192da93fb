"""Banks: list, create, rename and tag, delete (archive), import, export and share."""

from flask import Response, current_app, flash, g, redirect, render_template, request, url_for

from ..forms import ConfirmForm
from ..services import ServiceError
from ..services.bank_files import MIME_TYPES, ImportRejected, export_bank
from ..services.import_previews import confirm_import, stash_preview, stashed_preview
from ..services.library import (
    bank_page,
    bank_rows,
    create_bank,
    delete_bank,
    last_page,
    quizzes_using,
    update_bank,
)
from ..services.sharing import bank_for, share_bank, unshare_bank
from . import bp
from .forms import BankForm, ExportForm, ImportForm, ShareForm, options, words
from .sharing import share_from_form, unshare_from_form

PER_PAGE = 50


def bank_choices(new_label: str) -> list:
    """Return the banks the user may add to, after a "new bank" choice."""
    pairs = [(0, new_label)] + [(row.bank.id, row.bank.title) for row in bank_rows(g.user.id)]
    return options(pairs)


@bp.route("/banks")
def banks():
    """List the instructor's banks and those shared with them."""
    return render_template("instructor/banks.html", banks=bank_rows(g.user.id))


@bp.route("/banks/new", methods=["GET", "POST"])
def new_bank():
    """Create an empty bank."""
    form = BankForm()
    if form.validate_on_submit():
        try:
            bank = create_bank(g.user.id, form.title.data, form.description.data or "",
                               words(form.tags.data))  # fmt: skip
        except ServiceError as exc:
            form.form_errors.append(str(exc))
        else:
            flash(f"Bank “{bank.title}” created.", "success")
            return redirect(url_for("instructor.bank", bank_id=bank.id))
    code = 400 if form.errors else 200
    return render_template("instructor/bank_form.html", form=form, bank=None), code


@bp.route("/banks/<int:bank_id>")
def bank(bank_id: int):
    """Show a bank's questions, with links to review, write, export and share."""
    page = request.args.get("page", 1, type=int)
    item, questions, total = bank_page(g.user.id, bank_id, page, PER_PAGE)
    pages = last_page(total, PER_PAGE)
    page = min(max(page, 1), pages)  # as bank_page read it
    return render_template(
        "instructor/bank.html", bank=item, questions=questions, total=total, page=page,
        pages=pages, first=(page - 1) * PER_PAGE,
        export_form=ExportForm(), share_form=ShareForm(),
    )  # fmt: skip


@bp.route("/banks/<int:bank_id>/edit", methods=["GET", "POST"])
def edit_bank(bank_id: int):
    """Rename a bank and change its description and tags."""
    item = bank_for(g.user.id, bank_id)
    form = BankForm(
        data={"title": item.title, "description": item.description, "tags": ", ".join(item.tags)}
    )
    if form.validate_on_submit():
        try:
            update_bank(g.user.id, bank_id, form.title.data, form.description.data or "",
                        words(form.tags.data))  # fmt: skip
        except ServiceError as exc:
            form.form_errors.append(str(exc))
        else:
            flash("Bank saved.", "success")
            return redirect(url_for("instructor.bank", bank_id=bank_id))
    code = 400 if form.errors else 200
    return render_template("instructor/bank_form.html", form=form, bank=item), code


@bp.route("/banks/<int:bank_id>/delete", methods=["GET", "POST"])
def delete_bank_page(bank_id: int):
    """Ask before archiving a bank; archiving keeps every past attempt."""
    item = bank_for(g.user.id, bank_id, owner_only=True)
    form = ConfirmForm()
    if form.validate_on_submit():
        delete_bank(g.user.id, bank_id)
        flash(f"Bank “{item.title}” deleted. Past attempts keep their questions.", "success")
        return redirect(url_for("instructor.banks"))
    return render_template(
        "instructor/bank_delete.html", bank=item, form=form, quizzes=quizzes_using(bank_id)
    )


@bp.route("/banks/import", methods=["GET", "POST"])
def import_bank():
    """Upload a bank file and preview it; a file that is not a bank shows its line and reason."""
    form = ImportForm()
    form.bank.choices = bank_choices("A new bank")
    problem = None
    if form.validate_on_submit():
        upload = form.file.data
        try:
            preview = stash_preview(
                current_app.instance_path, g.user.id, upload.read(), upload.filename or "",
                form.format.data or None, title=form.title.data or None,
                bank_id=form.bank.data or None,
            )  # fmt: skip
        except ImportRejected as exc:
            problem = exc
        except ServiceError as exc:
            form.form_errors.append(str(exc))
        else:
            return redirect(url_for("instructor.import_preview", token=preview.token))
    code = 400 if form.errors or problem else 200
    return render_template("instructor/bank_import.html", form=form, problem=problem), code


@bp.route("/banks/import/<token>", methods=["GET", "POST"])
def import_preview(token: str):
    """Show what an upload would import, leave out and change; import it on confirmation."""
    form = ConfirmForm()
    if form.validate_on_submit():
        try:
            result = confirm_import(current_app.instance_path, g.user.id, token)
        except ImportRejected as exc:  # the bank changed since the preview (e.g. deleted)
            flash(f"Nothing was imported: {exc}", "error")
            return redirect(url_for("instructor.import_bank"))
        flash(f"Imported {result.questions} questions into “{result.bank.title}”.", "success")
        if result.skipped:
            flash(f"Left out {len(result.skipped)}: " + "; ".join(result.skipped[:10]), "info")
        return redirect(url_for("instructor.bank", bank_id=result.bank.id))
    preview = stashed_preview(current_app.instance_path, g.user.id, token)
    return render_template("instructor/bank_import_preview.html", preview=preview, form=form)


@bp.route("/banks/<int:bank_id>/export")
def export(bank_id: int):
    """Download a bank in the chosen format."""
    bank_for(g.user.id, bank_id)
    form = ExportForm(request.args)
    if not form.validate():
        flash("Choose an export format.", "error")
        return redirect(url_for("instructor.bank", bank_id=bank_id))
    try:
        name, text = export_bank(g.user.id, bank_id, form.format.data)
    except ServiceError as exc:
        flash(str(exc), "error")
        return redirect(url_for("instructor.bank", bank_id=bank_id))
    return Response(
        text,
        mimetype=MIME_TYPES[form.format.data],
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@bp.route("/banks/<int:bank_id>/share", methods=["POST"])
def share(bank_id: int):
    """Share a bank with another instructor."""
    bank_for(g.user.id, bank_id, owner_only=True)
    back = url_for("instructor.bank", bank_id=bank_id)
    return share_from_form(g.user.id, bank_id, share_bank, back)


@bp.route("/banks/<int:bank_id>/unshare/<int:user_id>", methods=["POST"])
def unshare(bank_id: int, user_id: int):
    """Stop sharing a bank with one instructor."""
    bank_for(g.user.id, bank_id, owner_only=True)
    back = url_for("instructor.bank", bank_id=bank_id)
    return unshare_from_form(g.user.id, bank_id, user_id, unshare_bank, back)
