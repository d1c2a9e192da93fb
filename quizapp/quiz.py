"""Taking a quiz: overview, one question per page, feedback, result. (Issue 5 fills this in.)"""

from flask import Blueprint

bp = Blueprint("quiz", __name__, url_prefix="/quizzes")
