"""The instructor's workspace: sources, banks, questions, quizzes, results. (Issue 6.)"""

from flask import Blueprint

bp = Blueprint("instructor", __name__, url_prefix="/teach")
