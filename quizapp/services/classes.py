"""Classes: create one, let students join with its code, add them from a roster, co-teach.

An instructor sees the classes they teach; any other class is reported as missing (NotFound).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field

from sqlalchemy import delete, func, insert, or_, select

from ..core.classes.roster import RosterError, decode, is_email, parse_roster
from ..core.classes.timing import TimeZoneError, zone
from ..extensions import db
from ..models import Course, Enrolment, User, class_instructors
from . import Conflict, Forbidden, NotFound, ServiceError

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud and typed
CODE_LENGTH = 8


@dataclass
class RosterReport:
    """What adding a roster did, by name."""

    added: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)
    not_found: list[str] = field(default_factory=list)
    not_students: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def new_code() -> str:
    """Return a fresh random join code."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normal_code(code: str) -> str:
    """Return a typed join code as stored: upper case, without spaces or dashes."""
    return "".join(ch for ch in (code or "").upper() if ch.isalnum())[:16]


def teaches(user_id: int, class_id: int) -> bool:
    """Return whether the user is an instructor of the class."""
    stmt = select(class_instructors.c.user_id).where(
        class_instructors.c.class_id == class_id, class_instructors.c.user_id == user_id
    )
    return db.session.execute(stmt).first() is not None


def class_for(user_id: int, class_id: int) -> Course:
    """Return a class the user teaches, else raise NotFound."""
    course = db.session.get(Course, class_id)
    if course is None or not teaches(user_id, class_id):
        raise NotFound("No such class.")
    return course


def classes_taught(user_id: int) -> list[Course]:
    """Return the classes the user teaches, by name."""
    stmt = (
        select(Course)
        .join(class_instructors, class_instructors.c.class_id == Course.id)
        .where(class_instructors.c.user_id == user_id)
        .order_by(func.lower(Course.name), Course.id)
    )
    return list(db.session.execute(stmt).scalars())


def classes_joined(user_id: int) -> list[Course]:
    """Return the classes a student is enrolled in, by name."""
    stmt = (
        select(Course)
        .join(Enrolment, Enrolment.class_id == Course.id)
        .where(Enrolment.user_id == user_id)
        .order_by(func.lower(Course.name), Course.id)
    )
    return list(db.session.execute(stmt).scalars())


def _check_zone(timezone: str) -> str:
    try:
        zone(timezone)
    except TimeZoneError as exc:
        raise ServiceError(str(exc)) from None
    return timezone


def create_class(user_id: int, name: str, timezone: str) -> Course:
    """Create a class taught by the user, with a fresh join code."""
    name = " ".join((name or "").split())
    if not name:
        raise ServiceError("A class needs a name.")
    course = Course(name=name[:200], timezone=_check_zone(timezone), join_code=_unused_code())
    db.session.add(course)
    db.session.flush()
    db.session.execute(insert(class_instructors).values(class_id=course.id, user_id=user_id))
    db.session.commit()
    return course


def update_class(user_id: int, class_id: int, name: str, timezone: str) -> Course:
    """Rename a class or change its time zone."""
    course = class_for(user_id, class_id)
    name = " ".join((name or "").split())
    if not name:
        raise ServiceError("A class needs a name.")
    course.name, course.timezone = name[:200], _check_zone(timezone)
    db.session.commit()
    return course


def _unused_code() -> str:
    while True:
        code = new_code()
        if db.session.execute(select(Course.id).where(Course.join_code == code)).first() is None:
            return code


def new_join_code(user_id: int, class_id: int) -> Course:
    """Replace a class's join code (the old code and link stop working)."""
    course = class_for(user_id, class_id)
    course.join_code = _unused_code()
    db.session.commit()
    return course


def class_by_code(code: str) -> Course:
    """Return the class with this join code, or raise NotFound."""
    code = normal_code(code)
    course = (
        db.session.execute(select(Course).where(Course.join_code == code)).scalar_one_or_none()
        if code
        else None
    )
    if course is None:
        raise NotFound("No class has this code. Check it with your instructor.")
    return course


def is_enrolled(user_id: int, class_id: int) -> bool:
    """Return whether the user is a student of the class."""
    stmt = select(Enrolment.user_id).where(
        Enrolment.class_id == class_id, Enrolment.user_id == user_id
    )
    return db.session.execute(stmt).first() is not None


def join_class(user_id: int, code: str) -> tuple[Course, bool]:
    """Enrol a student in the class with this code; return it and whether she was new to it."""
    course = class_by_code(code)
    user = db.session.get(User, user_id)
    if user is None or user.role != "student":
        raise Forbidden("Only student accounts join classes. Register or log in as a student.")
    if is_enrolled(user_id, course.id):
        return course, False
    db.session.add(Enrolment(class_id=course.id, user_id=user_id))
    db.session.commit()
    return course, True


def _find_accounts(entries: list[str]) -> dict[str, User]:
    """Return the accounts the entries name (username or email, any case), by entry."""
    names = [e.lower() for e in entries if not is_email(e)]
    emails = [e.lower() for e in entries if is_email(e)]
    stmt = select(User).where(
        or_(func.lower(User.username).in_(names), func.lower(User.email).in_(emails))
    )
    by_name, by_email = {}, {}
    for user in db.session.execute(stmt).scalars():
        by_name[user.username.lower()] = user
        if user.email:
            by_email[user.email.lower()] = user
    found = {}
    for entry in entries:
        user = by_email.get(entry.lower()) if is_email(entry) else by_name.get(entry.lower())
        if user is None and is_email(entry):
            user = by_name.get(entry.lower())  # a username that looks like an address
        if user is not None:
            found[entry] = user
    return found


def add_roster(user_id: int, class_id: int, data: bytes) -> RosterReport:
    """Enrol the students a CSV names (usernames or emails); report who was added or not found.

    Nothing is created: names without an account are reported, not invented.
    """
    course = class_for(user_id, class_id)
    try:
        roster = parse_roster(decode(data))
    except RosterError as exc:
        raise ServiceError(str(exc)) from None
    if not roster.entries:
        raise ServiceError("The file names nobody: put one username or email on each row.")
    report = RosterReport(skipped=roster.skipped)
    found = _find_accounts(roster.entries)
    enrolled = set(
        db.session.execute(
            select(Enrolment.user_id).where(Enrolment.class_id == course.id)
        ).scalars()
    )
    for entry in roster.entries:
        user = found.get(entry)
        if user is None:
            report.not_found.append(entry)
        elif user.role != "student":
            report.not_students.append(entry)
        elif user.id in enrolled:
            report.already.append(user.username)
        else:
            db.session.add(Enrolment(class_id=course.id, user_id=user.id))
            enrolled.add(user.id)
            report.added.append(user.username)
    db.session.commit()
    return report


def remove_student(user_id: int, class_id: int, student_id: int) -> None:
    """Take a student out of a class (their attempts stay)."""
    class_for(user_id, class_id)
    if not is_enrolled(student_id, class_id):
        raise NotFound("This student is not in the class.")
    db.session.execute(
        delete(Enrolment).where(Enrolment.class_id == class_id, Enrolment.user_id == student_id)
    )
    db.session.commit()


def add_instructor(user_id: int, class_id: int, username: str) -> User:
    """Add another instructor to a class, by username."""
    course = class_for(user_id, class_id)
    stmt = select(User).where(func.lower(User.username) == (username or "").strip().lower())
    other = db.session.execute(stmt).scalar_one_or_none()
    if other is None or other.role != "instructor":
        raise ServiceError(f"No instructor is called {username.strip()!r}.")
    if teaches(other.id, course.id):
        raise Conflict(f"{other.username} already teaches this class.")
    db.session.execute(insert(class_instructors).values(class_id=course.id, user_id=other.id))
    db.session.commit()
    return other


def class_student(user_id: int, class_id: int, student_id: int) -> tuple[Course, User]:
    """Return a class the user teaches and one of its students, else raise NotFound."""
    course = class_for(user_id, class_id)
    student = db.session.get(User, student_id)
    if student is None or not is_enrolled(student_id, class_id):
        raise NotFound("This student is not in the class.")
    return course, student


def student_of_mine(user_id: int, student_id: int) -> bool:
    """Return whether the student is enrolled in a class the user teaches."""
    stmt = (
        select(Enrolment.user_id)
        .join(class_instructors, class_instructors.c.class_id == Enrolment.class_id)
        .where(Enrolment.user_id == student_id, class_instructors.c.user_id == user_id)
    )
    return db.session.execute(stmt).first() is not None
