"""Classes in the workspace: create one, its roster, co-instructors, assignments and results."""

from __future__ import annotations

from flask import Response, flash, g, redirect, render_template, request, url_for

from ..forms import ConfirmForm
from ..services import ServiceError, class_results, classes, preview, profile, timing
from ..services import assignments as assigning
from ..services.bank_files import export_filename
from ..services.library import quiz_rows
from ..services.sharing import quiz_for
from . import bp
from .class_forms import (
    AssignForm,
    ClassForm,
    ExtraTimeForm,
    InstructorForm,
    ResetPasswordForm,
    RosterForm,
)


def class_page(course, status: int = 200, **forms):
    """Render a class's page, with fresh forms unless a bad one is passed in to show its errors."""
    assign = forms.get("assign") or AssignForm()
    assign.quiz_id.choices = [(row.quiz.id, row.quiz.title) for row in quiz_rows(g.user.id)]
    return render_template(
        "instructor/class.html",
        course=course,
        assignments=assigning.class_assignments(course),
        join_url=url_for("classes.join_link", code=course.join_code, _external=True),
        edit_form=forms.get("edit") or ClassForm(obj=course),
        roster_form=forms.get("roster") or RosterForm(),
        instructor_form=forms.get("instructor") or InstructorForm(),
        assign_form=assign,
        confirm=ConfirmForm(),
    ), status


@bp.route("/classes", methods=["GET", "POST"])
def classes_page():
    """List the instructor's classes; create one."""
    form = ClassForm()
    if form.validate_on_submit():
        try:
            course = classes.create_class(g.user.id, form.name.data, form.timezone.data)
        except ServiceError as exc:
            form.name.errors.append(str(exc))
        else:
            flash(f"Class {course.name} created. Its join code is {course.join_code}.", "success")
            return redirect(url_for("instructor.class_detail", class_id=course.id))
    return render_template(
        "instructor/classes.html", classes=classes.classes_taught(g.user.id), form=form
    ), 400 if form.errors else 200


@bp.route("/classes/<int:class_id>")
def class_detail(class_id: int):
    """Show a class: its join code and link, students, instructors and assigned quizzes."""
    return class_page(classes.class_for(g.user.id, class_id))


@bp.route("/classes/<int:class_id>/edit", methods=["POST"])
def edit_class(class_id: int):
    """Rename a class or change its time zone."""
    course = classes.class_for(g.user.id, class_id)
    form = ClassForm()
    if form.validate_on_submit():
        try:
            classes.update_class(g.user.id, class_id, form.name.data, form.timezone.data)
        except ServiceError as exc:
            form.name.errors.append(str(exc))
        else:
            flash("Class saved.", "success")
            return redirect(url_for("instructor.class_detail", class_id=class_id))
    return class_page(course, 400, edit=form)


@bp.route("/classes/<int:class_id>/code", methods=["POST"])
def new_code(class_id: int):
    """Give a class a new join code (the old one stops working)."""
    classes.class_for(g.user.id, class_id)
    if ConfirmForm().validate_on_submit():
        course = classes.new_join_code(g.user.id, class_id)
        flash(f"New join code: {course.join_code}. The old code no longer works.", "success")
    return redirect(url_for("instructor.class_detail", class_id=class_id))


@bp.route("/classes/<int:class_id>/roster", methods=["POST"])
def roster(class_id: int):
    """Enrol the students a CSV file names; show who was added and who was not found."""
    course = classes.class_for(g.user.id, class_id)
    form = RosterForm()
    if form.validate_on_submit():
        try:
            report = classes.add_roster(g.user.id, class_id, form.roster.data.read())
        except ServiceError as exc:
            form.roster.errors.append(str(exc))
        else:
            return render_template("instructor/roster_report.html", course=course, report=report)
    return class_page(course, 400, roster=form)


@bp.route("/classes/<int:class_id>/students/<int:user_id>/remove", methods=["POST"])
def remove_student(class_id: int, user_id: int):
    """Take a student out of a class."""
    classes.class_student(g.user.id, class_id, user_id)
    if ConfirmForm().validate_on_submit():
        classes.remove_student(g.user.id, class_id, user_id)
        flash("Student removed from the class; their attempts stay.", "success")
    return redirect(url_for("instructor.class_detail", class_id=class_id))


@bp.route("/classes/<int:class_id>/instructors", methods=["POST"])
def add_instructor(class_id: int):
    """Add another instructor to the class."""
    course = classes.class_for(g.user.id, class_id)
    form = InstructorForm()
    if form.validate_on_submit():
        try:
            other = classes.add_instructor(g.user.id, class_id, form.username.data)
        except ServiceError as exc:
            form.username.errors.append(str(exc))
        else:
            flash(f"{other.username} now teaches this class too.", "success")
            return redirect(url_for("instructor.class_detail", class_id=class_id))
    return class_page(course, 400, instructor=form)


@bp.route("/classes/<int:class_id>/assign", methods=["POST"])
def assign(class_id: int):
    """Assign a quiz to the class, with open and due dates in its time zone."""
    course = classes.class_for(g.user.id, class_id)
    form = AssignForm()
    form.quiz_id.choices = [(row.quiz.id, row.quiz.title) for row in quiz_rows(g.user.id)]
    if form.validate_on_submit():
        try:
            assigning.assign_quiz(
                g.user.id, class_id, form.quiz_id.data, form.opens_at.data, form.due_at.data
            )
        except ServiceError as exc:
            form.quiz_id.errors.append(str(exc))
        else:
            flash("Quiz assigned: only this class's students (and its other classes') may take "
                  "it now.", "success")  # fmt: skip
            return redirect(url_for("instructor.class_detail", class_id=class_id))
    return class_page(course, 400, assign=form)


@bp.route("/classes/<int:class_id>/assignments/<int:assignment_id>/remove", methods=["POST"])
def unassign(class_id: int, assignment_id: int):
    """Take a quiz off the class."""
    classes.class_for(g.user.id, class_id)
    if ConfirmForm().validate_on_submit():
        assigning.unassign_quiz(g.user.id, class_id, assignment_id)
        flash("Quiz taken off the class.", "success")
    return redirect(url_for("instructor.class_detail", class_id=class_id))


@bp.route("/classes/<int:class_id>/gradebook")
def class_gradebook(class_id: int):
    """Show the class's students by assigned quizzes, with each best score."""
    course, quizzes, rows = class_results.class_gradebook(g.user.id, class_id)
    return render_template(
        "instructor/class_gradebook.html", course=course, quizzes=quizzes, rows=rows
    )


@bp.route("/classes/<int:class_id>/grades.csv")
def grades_csv(class_id: int):
    """Download the class's grades as CSV for an LMS gradebook."""
    course, text = class_results.grades_csv(g.user.id, class_id)
    name = export_filename(course.name, "json").removesuffix(".json") + "-grades.csv"
    return Response(
        text, mimetype="text/csv", headers={"Content-Disposition": f'attachment; filename="{name}"'}
    )


def student_page(class_id: int, user_id: int, status: int = 200, **forms):
    """Render one student's page: attempts, extra time, password reset."""
    course, student, attempts = class_results.student_attempts(g.user.id, class_id, user_id)
    extra = forms.get("extra") or ExtraTimeForm()
    timed = [a.quiz for a in course.assignments if a.quiz.time_limit_minutes]
    extra.quiz_id.choices = [(q.id, q.title) for q in timed]
    allowances = {q.id: timing.extra_minutes(q.id, student.id) for q in timed}
    return render_template(
        "instructor/class_student.html", course=course, student=student, attempts=attempts,
        timed=timed, allowances=allowances, extra_form=extra,
        password_form=forms.get("password") or ResetPasswordForm(), confirm=ConfirmForm(),
    ), status  # fmt: skip


@bp.route("/classes/<int:class_id>/students/<int:user_id>")
def class_student(class_id: int, user_id: int):
    """Show one student of the class: every attempt at the class's quizzes."""
    return student_page(class_id, user_id)


@bp.route("/classes/<int:class_id>/attempts/<int:attempt_id>")
def class_attempt(class_id: int, attempt_id: int):
    """Show one attempt of a student of the class, with every response."""
    course, student, review = class_results.student_attempt(g.user.id, class_id, attempt_id)
    return render_template(
        "instructor/class_attempt.html", course=course, student=student, review=review
    )


@bp.route("/classes/<int:class_id>/students/<int:user_id>/extra-time", methods=["POST"])
def extra_time(class_id: int, user_id: int):
    """Give one student extra minutes on a timed quiz."""
    classes.class_student(g.user.id, class_id, user_id)
    form = ExtraTimeForm()
    course = classes.class_for(g.user.id, class_id)
    form.quiz_id.choices = [
        (a.quiz.id, a.quiz.title) for a in course.assignments if a.quiz.time_limit_minutes
    ]
    if form.validate_on_submit():
        try:
            timing.give_extra_time(g.user.id, class_id, user_id, form.quiz_id.data,
                                   form.minutes.data)  # fmt: skip
        except ServiceError as exc:
            form.minutes.errors.append(str(exc))
        else:
            flash("Extra time saved.", "success")
            return redirect(url_for("instructor.class_student", class_id=class_id,
                                    user_id=user_id))  # fmt: skip
    return student_page(class_id, user_id, 400, extra=form)


@bp.route("/classes/<int:class_id>/students/<int:user_id>/password", methods=["POST"])
def reset_password(class_id: int, user_id: int):
    """Set a new password for a student of the class."""
    classes.class_student(g.user.id, class_id, user_id)
    form = ResetPasswordForm()
    if form.validate_on_submit():
        try:
            student = profile.reset_student_password(g.user.id, class_id, user_id,
                                                     form.password.data)  # fmt: skip
        except ServiceError as exc:
            form.password.errors.append(str(exc))
        else:
            flash(f"New password set for {student.username}. Tell them; they can change it "
                  "on their account page.", "success")  # fmt: skip
            return redirect(url_for("instructor.class_student", class_id=class_id,
                                    user_id=user_id))  # fmt: skip
    return student_page(class_id, user_id, 400, password=form)


@bp.route("/quizzes/<int:quiz_id>/matrix")
def response_matrix(quiz_id: int):
    """Show students by questions: each student's latest finished attempt, question by question."""
    matrix = class_results.response_matrix(g.user.id, quiz_id)
    return render_template("instructor/matrix.html", matrix=matrix, back=request.args.get("back"))


@bp.route("/quizzes/<int:quiz_id>/preview", methods=["POST"])
def preview_quiz(quiz_id: int):
    """Take the quiz as a student would, published or not; results never count it."""
    quiz_for(g.user.id, quiz_id)
    if not ConfirmForm().validate_on_submit():
        return redirect(url_for("instructor.quiz", quiz_id=quiz_id))
    try:
        attempt = preview.start_preview(g.user.id, quiz_id)
    except ServiceError as exc:
        flash(str(exc), "error")
        return redirect(url_for("instructor.quiz", quiz_id=quiz_id))
    flash("Preview: you see the quiz as a student would. This attempt is not counted.", "info")
    return redirect(url_for("quiz.question", attempt_id=attempt.id, position=1))
