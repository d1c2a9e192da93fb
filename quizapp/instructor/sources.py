"""Articles: add one (pasted or uploaded), read it with its claims marked, fix its details."""

from flask import flash, g, redirect, render_template, url_for

from ..services import ServiceError
from ..services.library import own_sources
from ..services.sharing import source_for
from ..services.sources import CLAIM_KINDS, Metadata, add_source, article_view, decode_article
from ..services.sources import update_source as save_details
from . import bp
from .forms import EditSourceForm, SourceForm


def metadata(form) -> Metadata:
    """Return the details a form gives (empty fields as None)."""
    return Metadata(
        title=(form.title.data or "").strip() or None,
        publisher=(form.publisher.data or "").strip() or None,
        author=(form.author.data or "").strip() or None,
        published=form.published.data,
        url=(form.url.data or "").strip() or None,
    )


@bp.route("/sources")
def sources():
    """List the instructor's articles."""
    return render_template("instructor/sources.html", sources=own_sources(g.user.id))


@bp.route("/sources/new", methods=["GET", "POST"])
def new_source():
    """Add an article from pasted text or an uploaded file."""
    form = SourceForm()
    if form.validate_on_submit():
        upload = form.file.data
        try:
            if upload:
                name = upload.filename or ""
                text = decode_article(upload.read(), name)
            else:
                name, text = "", form.text.data
            source, created = add_source(g.user.id, text, name, metadata(form))
        except ServiceError as exc:
            form.form_errors.append(str(exc))
        else:
            flash("Article added." if created else "You had added this article already.", "success")
            return redirect(url_for("instructor.source", source_id=source.id))
    code = 400 if form.errors or form.form_errors else 200
    return render_template("instructor/source_new.html", form=form), code


@bp.route("/sources/<int:source_id>")
def source(source_id: int):
    """Show an article with its claims marked by kind."""
    item, parts, counts = article_view(g.user.id, source_id)
    return render_template(
        "instructor/source.html", source=item, parts=parts, counts=counts, kinds=CLAIM_KINDS
    )


@bp.route("/sources/<int:source_id>/edit", methods=["GET", "POST"])
def edit_source(source_id: int):
    """Change an article's title, publisher, author, date and address."""
    item = source_for(g.user.id, source_id)
    form = EditSourceForm(obj=item)
    if form.validate_on_submit():
        try:
            save_details(g.user.id, source_id, metadata(form))
        except ServiceError as exc:
            form.form_errors.append(str(exc))
        else:
            flash("Details saved.", "success")
            return redirect(url_for("instructor.source", source_id=source_id))
    code = 400 if form.errors or form.form_errors else 200
    return render_template("instructor/source_edit.html", form=form, source=item), code
