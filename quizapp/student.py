"""A student's own history and attempts. (Issue 5 fills this in.)"""

from flask import Blueprint

bp = Blueprint("student", __name__, url_prefix="/me")
