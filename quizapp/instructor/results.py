"""Results: a quiz's gradebook, its question statistics, and every response as CSV."""

from flask import Response, g, render_template

from ..services.bank_files import export_filename
from ..services.results import gradebook, item_report, responses_csv
from . import bp


@bp.route("/quizzes/<int:quiz_id>/results")
def results(quiz_id: int):
    """Show the gradebook: students by best score, with their last attempt."""
    quiz, rows = gradebook(g.user.id, quiz_id)
    return render_template("instructor/results.html", quiz=quiz, rows=rows)


@bp.route("/quizzes/<int:quiz_id>/statistics")
def statistics(quiz_id: int):
    """Show each question's facility and discrimination, and the most missed questions."""
    quiz, items, missed, attempts = item_report(g.user.id, quiz_id)
    return render_template(
        "instructor/statistics.html", quiz=quiz, items=items, missed=missed, attempts=attempts
    )


@bp.route("/quizzes/<int:quiz_id>/responses.csv")
def responses(quiz_id: int):
    """Download every response to the quiz as CSV."""
    quiz, text = responses_csv(g.user.id, quiz_id)
    name = export_filename(quiz.title, "json").removesuffix(".json") + "-responses.csv"
    return Response(
        text,
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
