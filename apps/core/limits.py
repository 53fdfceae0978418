"""Length limits of free text, in one place.

Every text field that a person with an account can write has a limit, in the model (which
gives the form field its ``max_length`` and the browser its ``maxlength``), in the forms
that do not come from a model, in the broker import and in the API's input schemas. The
limits are far above what anyone writes by hand, and low enough that no request does
unbounded work on what it is sent: matching, search and exports all read these fields.

Django's own message for a too-long value ("Ensure this value has at most … characters")
is translated, so people read it in their language.
"""

from __future__ import annotations

# A name or a title: one line.
TITLE = 200
# One line that may run long: an address, dietary needs, a role.
SHORT_TEXT = 500
# A summary or an intro shown in lists and cards.
SUMMARY = 1_000
# A message, comment, note, log entry or answer to one question.
TEXT = 5_000
# A description: the need, the offer, an event, an organisation.
LONG_TEXT = 10_000
# A document-sized text: a fund application's project description, a project report.
DOCUMENT = 20_000
# A transcript of a recorded meeting, written by editors.
TRANSCRIPT = 200_000


def limit_form_field(field, max_length: int) -> None:
    """Gives a form field that a model form built from an unlimited TextField the limit of
    ``max_length``: the same validator, message and ``maxlength`` as a declared
    ``CharField(max_length=…)`` (for apps whose models keep their TextFields unlimited)."""
    from django.core.validators import MaxLengthValidator

    field.max_length = max_length
    field.validators.append(MaxLengthValidator(max_length))
    field.widget.attrs["maxlength"] = str(max_length)
