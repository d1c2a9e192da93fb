"""Questions: generate drafts from articles, review them, and write or edit one by hand."""

from flask import flash, g, redirect, render_template, request, url_for

from ..core.banks.model import VERDICT_CHOICES
from ..forms import ConfirmForm
from ..models import Question
from ..services import ServiceError, authoring
from ..services.library import own_sources
from ..services.sharing import bank_for, question_for
from ..services.sources import sentences_of
from . import bp
from .banks import bank_choices
from .forms import GenerateForm, QuestionForm, lines, options, words

REVIEW_PAGE = 100  # drafts shown at once; approving or rejecting brings the next ones up


@bp.route("/generate", methods=["GET", "POST"])
def generate():
    """Generate draft questions from one or more articles into a new or existing bank."""
    form = GenerateForm()
    form.sources.choices = options((s.id, s.title) for s in own_sources(g.user.id))
    form.bank.choices = bank_choices("A new bank")
    if request.method == "GET" and request.args.get("source", type=int):
        form.sources.data = [request.args.get("source", type=int)]
    if form.validate_on_submit():
        try:
            bank, count = authoring.generate_into_bank(
                g.user.id, form.sources.data, form.bank.data or None, form.title.data or ""
            )
        except ServiceError as exc:
            form.form_errors.append(str(exc))
        else:
            flash(f"{count} draft questions generated: review them below.", "success")
            return redirect(url_for("instructor.review", bank_id=bank.id))
    code = 400 if form.errors else 200
    return render_template("instructor/generate.html", form=form), code


@bp.route("/banks/<int:bank_id>/review")
def review(bank_id: int):
    """Show a bank's draft questions with their evidence, to approve, edit or reject."""
    bank, drafts = authoring.review_queue(g.user.id, bank_id, limit=REVIEW_PAGE)
    total = authoring.draft_count(bank_id) if len(drafts) == REVIEW_PAGE else len(drafts)
    return render_template("instructor/review.html", bank=bank, drafts=drafts, total=total)


def _back(bank_id: int):
    """Return to where the instructor came from: the bank, or the queue at the next draft."""
    if request.form.get("next") == "bank":
        return redirect(url_for("instructor.bank", bank_id=bank_id))
    anchor = request.form.get("anchor", "")
    anchor = anchor if anchor[:1] == "q" and anchor[1:].isdigit() else None
    return redirect(url_for("instructor.review", bank_id=bank_id, _anchor=anchor))


@bp.route("/questions/<int:question_id>/approve", methods=["POST"])
def approve(question_id: int):
    """Approve a draft so quizzes may draw it."""
    question = question_for(g.user.id, question_id)
    if ConfirmForm().validate_on_submit():
        authoring.set_status(g.user.id, question_id, "approved")
        flash("Question approved.", "success")
    return _back(question.bank_id)


@bp.route("/questions/<int:question_id>/withdraw", methods=["POST"])
def withdraw(question_id: int):
    """Send an approved question back to the drafts (quizzes stop drawing it)."""
    question = question_for(g.user.id, question_id)
    if ConfirmForm().validate_on_submit():
        authoring.set_status(g.user.id, question_id, "draft")
        flash("Question withdrawn to the drafts.", "success")
    return _back(question.bank_id)


@bp.route("/questions/<int:question_id>/reject", methods=["POST"])
def reject(question_id: int):
    """Reject a draft: delete it."""
    question = question_for(g.user.id, question_id)
    bank_id = question.bank_id
    if ConfirmForm().validate_on_submit():
        try:
            deleted = authoring.reject(g.user.id, question_id)
        except ServiceError as exc:
            flash(str(exc), "error")
        else:
            flash("Draft rejected and deleted." if deleted else "Draft rejected. Students have "
                  "it in their attempts, so it is kept for those and drawn no more.", "success")
    return _back(bank_id)


@bp.route("/banks/<int:bank_id>/approve-all", methods=["POST"])
def approve_all(bank_id: int):
    """Approve every draft of a bank."""
    bank_for(g.user.id, bank_id)
    if ConfirmForm().validate_on_submit():
        count = authoring.approve_all(g.user.id, bank_id)
        flash(f"{count} questions approved.", "success")
    return redirect(url_for("instructor.bank", bank_id=bank_id))


def draft_from(form: QuestionForm, source_id: int | None) -> authoring.Draft:
    """Return the plain values of a question form."""
    choices = lines(form.choices.data)
    if form.type.data == "verdict" and not choices:
        choices = list(VERDICT_CHOICES)
    spans = []
    for value in form.sentences.data or []:
        start, _, end = value.partition("-")
        spans.append((int(start), int(end)))
    return authoring.Draft(
        type=form.type.data, prompt=form.prompt.data.strip(), answer=form.answer.data.strip(),
        accept=lines(form.accept.data), choices=choices or None,
        explanation=(form.explanation.data or "").strip(), tags=words(form.tags.data),
        weights=[float(w) for w in lines(form.weights.data)] or None,
        difficulty=form.difficulty.data, source_id=source_id, spans=spans,
    )  # fmt: skip


def question_page(form: QuestionForm, bank_id: int, question: Question | None, save):
    """Run the question form against the chosen article's sentences; `save` stores a draft."""
    sources = authoring.allowed_sources(g.user.id, bank_id)
    source_id = request.args.get("source", type=int)
    if source_id is None and question is not None and question.evidence:
        source_id = question.evidence[0].source_id
    source = next((s for s in sources if s.id == source_id), None)
    sentences = sentences_of(source) if source else []
    form.sentences.choices = options((f"{s.start}-{s.end}", s.text) for s in sentences)
    if request.method == "GET" and question is not None and source is not None:
        cited = [(e.start, e.end) for e in question.evidence if e.source_id == source.id]
        form.sentences.data = [f"{s.start}-{s.end}" for s in sentences
                               if any(a < s.end and b > s.start for a, b in cited)]  # fmt: skip
    if form.validate_on_submit():
        try:
            saved = save(draft_from(form, source.id if source else None))
        except authoring.InvalidQuestion as exc:
            form.form_errors.extend(exc.problems)
        except ServiceError as exc:
            form.form_errors.append(str(exc))
        else:
            flash("Question saved.", "success")
            if request.args.get("next") == "review":  # edited from the review queue: back there
                return redirect(
                    url_for("instructor.review", bank_id=saved.bank_id, _anchor=f"q{saved.id}")
                )
            return redirect(url_for("instructor.bank", bank_id=saved.bank_id))
    code = 400 if form.errors else 200
    page = render_template(
        "instructor/question_form.html", form=form, bank=bank_for(g.user.id, bank_id),
        question=question, sources=sources, source=source,
        action=url_for(request.endpoint, **request.view_args, source=source.id if source else None,
                       next=request.args.get("next")),
    )  # fmt: skip
    return page, code


@bp.route("/banks/<int:bank_id>/questions/new", methods=["GET", "POST"])
def new_question(bank_id: int):
    """Write a question by hand, citing sentences of an article as its evidence."""
    bank_for(g.user.id, bank_id)
    form = QuestionForm()
    return question_page(
        form, bank_id, None, lambda draft: authoring.write_question(g.user.id, bank_id, draft)
    )


@bp.route("/questions/<int:question_id>/edit", methods=["GET", "POST"])
def edit_question(question_id: int):
    """Edit a question and its evidence."""
    question = question_for(g.user.id, question_id)
    form = QuestionForm(
        data={
            "type": question.type, "prompt": question.prompt, "answer": question.answer,
            "accept": "\n".join(question.accept or []),
            "choices": "\n".join(question.choices or []), "explanation": question.explanation,
            "tags": ", ".join(question.tags or []), "difficulty": question.difficulty,
            "weights": "\n".join(f"{w:g}" for w in question.weights or []),
        }
    )  # fmt: skip
    return question_page(
        form, question.bank_id, question,
        lambda draft: authoring.update_question(g.user.id, question_id, draft),
    )  # fmt: skip
