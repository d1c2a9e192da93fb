"""Question banks: the shared model and its formats (quizapp JSON/YAML, GIFT, Moodle XML, Aiken).

May import: `text` (numbers in answers). `reading`, `questions` and `scoring` share its model.
"""
