"""`python -m quizapp` runs the quizapp command line."""

from .cli import main

main()
