"""Workspace forms: they check shape (required, length, choices); services decide meaning."""

from __future__ import annotations

from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import (
    BooleanField,
    DateField,
    DateTimeLocalField,
    FloatField,
    IntegerField,
    RadioField,
    SelectChoice,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import URL, DataRequired, Length, NumberRange, Optional, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from ..core.banks.formats import FORMATS
from ..core.banks.model import QUESTION_TYPES
from ..services.bank_files import EXPORT_FORMATS

ARTICLE_EXTENSIONS = ["txt", "md", "markdown", "html", "htm"]
BANK_EXTENSIONS = ["json", "yaml", "yml", "gift", "txt", "xml", "aiken"]
TYPE_LABELS = {
    "source": "Source: who is cited",
    "figure": "Figure: what number is given",
    "date": "Date: when",
    "verdict": "Verdict: supported, contradicted or not stated",
    "evidence": "Evidence: which sentence supports it",
    "attribution": "Attribution: how is it sourced",
    "discrepancy": "Discrepancy: figures that disagree",
    "text": "Free text",
    "multi": "Tick all that apply: several right choices",
}
FORMAT_LABELS = {
    "json": "quizapp JSON",
    "yaml": "quizapp YAML",
    "gift": "GIFT (Moodle)",
    "moodle-xml": "Moodle XML",
    "aiken": "Aiken (import only)",
    "qti": "QTI 1.2 (Canvas, Blackboard, D2L; export only)",
}


class MultiCheckboxField(SelectMultipleField):
    """A list of checkboxes; templates render it inside a fieldset with a legend."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


def options(pairs) -> list[SelectChoice]:
    """Return (value, label) pairs as WTForms choices."""
    return [SelectChoice(value, label) for value, label in pairs]


def lines(text: str | None) -> list[str]:
    """Return the non-empty lines of a text area."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def words(text: str | None) -> list[str]:
    """Return the comma-separated items of a text field."""
    return [w.strip() for w in (text or "").split(",") if w.strip()]


class SourceDetails(FlaskForm):
    """An article's details; empty fields on a new article keep what was read from it."""

    title = StringField("Title", validators=[Optional(), Length(max=500)])
    publisher = StringField("Publisher", validators=[Optional(), Length(max=200)])
    author = StringField("Author", validators=[Optional(), Length(max=200)])
    published = DateField("Date published", validators=[Optional()])
    url = StringField(
        "Web address (URL)",
        validators=[Optional(), Length(max=2000), URL(message="Enter a full http(s) address.")],
    )


class SourceForm(SourceDetails):
    text = TextAreaField(
        "Article text",
        validators=[Length(max=1_000_000)],
        description="Paste the article, or upload a file below.",
    )
    file = FileField(
        "Or upload a file",
        validators=[
            Optional(),
            FileAllowed(ARTICLE_EXTENSIONS, "Upload a .txt, .md or .html file."),
        ],
        description="Plain text, Markdown or a saved web page (.txt, .md, .html), UTF-8.",
    )

    def validate_text(self, field) -> None:
        if not (field.data or "").strip() and not self.file.data:
            raise ValidationError("Paste the article text or upload a file.")
        if (field.data or "").strip() and self.file.data:
            raise ValidationError("Paste text or upload a file, not both.")


class EditSourceForm(SourceDetails):
    title = StringField("Title", validators=[DataRequired(), Length(max=500)])


class GenerateForm(FlaskForm):
    sources = MultiCheckboxField("Articles", coerce=int)
    bank = SelectField("Into bank", coerce=int, default=0)
    title = StringField(
        "Title of the new bank", validators=[Length(max=200)],
        description="Needed when the questions go into a new bank.",
    )  # fmt: skip

    def validate_sources(self, field) -> None:
        if not field.data:
            raise ValidationError("Choose at least one article.")

    def validate_title(self, field) -> None:
        if self.bank.data == 0 and not (field.data or "").strip():
            raise ValidationError("Give the new bank a title, or choose an existing bank.")


class BankForm(FlaskForm):
    title = StringField("Title", validators=[DataRequired(), Length(max=200)])
    description = TextAreaField("Description", validators=[Optional(), Length(max=5000)])
    tags = StringField(
        "Tags", validators=[Optional(), Length(max=1000)], description="Separate tags with commas."
    )


class ImportForm(FlaskForm):
    file = FileField(
        "Bank file",
        validators=[
            FileRequired("Choose a file."),
            FileAllowed(BANK_EXTENSIONS, "Unknown file type."),
        ],
        description="quizapp JSON or YAML, GIFT, Moodle XML or Aiken.",
    )
    format = SelectField(
        "Format",
        choices=options([("", "Tell from the file")] + [(f, FORMAT_LABELS[f]) for f in FORMATS]),
    )
    bank = SelectField("Into bank", coerce=int, default=0)
    title = StringField(
        "Title of the new bank", validators=[Optional(), Length(max=200)],
        description="Empty: the title in the file, or its name.",
    )  # fmt: skip


class ExportForm(FlaskForm):
    class Meta:
        csrf = False  # a GET download changes nothing

    format = SelectField("Format", choices=options((f, FORMAT_LABELS[f]) for f in EXPORT_FORMATS))


class ShareForm(FlaskForm):
    username = StringField("Instructor's username", validators=[DataRequired(), Length(max=80)])


class QuestionForm(FlaskForm):
    type = SelectField("Type", choices=options((t, TYPE_LABELS.get(t, t)) for t in QUESTION_TYPES))
    prompt = TextAreaField("Question", validators=[DataRequired(), Length(max=2000)])
    answer = StringField(
        "Answer",
        validators=[Length(max=1000)],
        description="For multiple choice: the text of the right choice. Not needed for "
        "“tick all that apply” (multi), whose credited choices are its answer.",
    )
    accept = TextAreaField("Other accepted answers", validators=[Optional(), Length(max=5000)],
                           description="One per line.")  # fmt: skip
    choices = TextAreaField(
        "Choices", validators=[Optional(), Length(max=5000)],
        description="One per line; leave empty for a typed answer. Verdicts use the three "
        "standard choices.",
    )  # fmt: skip
    weights = TextAreaField(
        "Credit of each choice, in percent", validators=[Optional(), Length(max=2000)],
        description="One number from -100 to 100 per line, in the order of the choices (or of "
        "the answer and the other accepted answers). Needed for “tick all that apply”: the "
        "credit is the sum of the ticked choices, 0 to 100%. Empty: the answer earns 100%.",
    )  # fmt: skip
    explanation = TextAreaField("Explanation", validators=[Optional(), Length(max=5000)])
    tags = StringField("Tags", validators=[Optional(), Length(max=1000)],
                       description="Separate tags with commas.")  # fmt: skip
    difficulty = FloatField("Difficulty (0 easy to 1 hard)", default=0.5,
                            validators=[NumberRange(0, 1)])  # fmt: skip
    sentences = MultiCheckboxField("Evidence sentences", choices=[])

    def validate_answer(self, field) -> None:
        """Require an answer, except for multi, whose answer is its credited choices."""
        if self.type.data != "multi" and not (field.data or "").strip():
            raise ValidationError("This field is required.")

    def validate_weights(self, field) -> None:
        """Check the weights are numbers (their count and range are the bank rules')."""
        try:
            [float(w) for w in lines(field.data)]
        except ValueError:
            raise ValidationError("Write one number per line, such as 50 or -100.") from None


class QuizForm(FlaskForm):
    title = StringField("Title", validators=[DataRequired(), Length(max=200)])
    description = TextAreaField("Description", validators=[Optional(), Length(max=5000)])
    banks = MultiCheckboxField("Banks", coerce=int)
    mode = RadioField(
        "Mode", default="practice",
        choices=options([("practice", "Practice: feedback after each answer"),
                         ("test", "Test: feedback at the end")]),
    )  # fmt: skip
    book = RadioField(
        "Book", default="open",
        choices=options([("open", "Open book: the article is beside every question"),
                         ("closed", "Closed book: read the article first, then answer from "
                                    "memory (it returns with each answer's feedback)")]),
    )  # fmt: skip
    question_count = IntegerField(
        "Questions per attempt", validators=[Optional(), NumberRange(1, 1000)],
        description="Empty: every matching question. A number: that many, drawn at random.",
    )  # fmt: skip
    tag_filter = StringField("Only questions tagged", validators=[Optional(), Length(max=1000)],
                             description="Comma-separated; empty: any tag.")  # fmt: skip
    type_filter = MultiCheckboxField(
        "Only these types", choices=options((t, TYPE_LABELS.get(t, t)) for t in QUESTION_TYPES)
    )
    attempts_allowed = IntegerField(
        "Attempts allowed", validators=[Optional(), NumberRange(1, 100)],
        description="Empty: unlimited.",
    )  # fmt: skip
    shuffle = BooleanField("Shuffle questions and choices", default=True)
    opens_at = DateTimeLocalField("Opens at (UTC)", validators=[Optional()])
    closes_at = DateTimeLocalField("Closes at (UTC)", validators=[Optional()])
    time_limit_minutes = IntegerField(
        "Time limit (minutes)", validators=[Optional(), NumberRange(1, 600)],
        description="Empty: no time limit. When time runs out, the saved answers are submitted.",
    )  # fmt: skip
    open_to_guests = BooleanField(
        "Open to guests: anyone may take it without an account", default=True,
        description="Untick for signed-in students only; a quiz assigned to classes is for "
        "their students only.",
    )  # fmt: skip

    def validate_banks(self, field) -> None:
        if not field.data:
            raise ValidationError("Choose at least one bank.")

    def validate_closes_at(self, field) -> None:
        if field.data and self.opens_at.data and field.data <= self.opens_at.data:
            raise ValidationError("The quiz must close after it opens.")
