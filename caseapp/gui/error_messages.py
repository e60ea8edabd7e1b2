"""The common service errors in the interface's language.

A :class:`~caseapp.core.errors.CaseAppError` carries its English message (what the command line
prints) and, for the common ones, a message key and parameters. Here each key has a template
marked for Qt Linguist; the parameters that are words (a field's name, a kind of record, a link's
stance) are translated too, refs and element ids stay as they are. An error without a known key is
shown as its English message.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from caseapp.core.errors import CaseAppError
from caseapp.gui.i18n import enum_text


def tr(text: str) -> str:
    return QCoreApplication.translate("ServiceErrors", text)


def templates() -> dict[str, str]:
    """Message key -> the message in the interface's language, with the error's parameters."""
    return {
        "field.required": tr("{field} is required"),
        "record.not_found": tr("there is no {kind} {ref} in this case"),
        "record.not_found.any": tr("there is no record {ref} in this case"),
        "record.unchanged": tr("{ref} already has these values; nothing was changed"),
        "link.duplicate": tr(
            "{link} already links {source} to {target} ({stance}); edit it instead of adding it twice"
        ),
        "case.locked": tr("the case is locked; unlock it again to continue"),
        "case.read_only": tr("this case is on read-only media; copy it to a writable disk to change it"),
        "unlock.wrong_passphrase": tr("wrong passphrase (nothing was changed)"),
        "unlock.wrong_recovery_code": tr("wrong recovery code (nothing was changed)"),
    }


def field_names() -> dict[str, str]:
    """The fields services name in their messages (``field=`` of caseapp.core.text.clean_text)."""
    return {
        "title": tr("title"),
        "description": tr("description"),
        "reason": tr("reason"),
        "reasoning": tr("reasoning"),
        "note": tr("note"),
        "tag": tr("tag"),
        "name": tr("name"),
        "place name": tr("place name"),
        "source name": tr("source name"),
        "legal analysis": tr("legal analysis"),
        "contact": tr("contact"),
        "alias": tr("alias"),
        "acquisition note": tr("acquisition note"),
        "sender line": tr("sender line"),
        "quoted words": tr("quoted words"),
    }


def kind_words() -> dict[str, str]:
    """Kinds of record (caseapp.core.refs.RefKind values) as words in a message."""
    return {
        "case": tr("case"),
        "exhibit": tr("exhibit"),
        "incident": tr("incident"),
        "source": tr("source"),
        "person": tr("person"),
        "note": tr("note"),
        "link": tr("link"),
        "charge": tr("charge"),
        "element_link": tr("element link"),
    }


def translated(error: CaseAppError) -> str | None:
    """``error``'s message in the interface's language, or None when it has no known key."""
    template = templates().get(error.key or "")
    if template is None:
        return None
    params = dict(error.params)
    if "field" in params:
        params["field"] = field_names().get(params["field"], params["field"])
    if "kind" in params:
        params["kind"] = kind_words().get(params["kind"], params["kind"].replace("_", " "))
    from caseapp.core.entities import LinkStance  # only when a link's message is shown: not at start

    if params.get("stance") in {s.value for s in LinkStance}:
        params["stance"] = enum_text(LinkStance(params["stance"]))
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):  # a translation that names a parameter the error lacks
        return None
