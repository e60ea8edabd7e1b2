"""The author's dossier inputs: the cover's facts, the sender block, the jurisdiction facts and the
narrative sections (:mod:`caseapp.core.dossier.inputs`), stored in the case.

Every change is one operation: validated, written with one custody entry (action ``dossier.edit``,
``dossier.section_write`` or ``dossier.section_clear``, target ``DOSSIER``) carrying each field's
old and new value, and undoable (``caseapp undo`` too). Values that may identify someone (the
secure contact, the sender block, a section's text) are carried only as keyed digests, as a
person's name is: the log travels with shared bundles. The values themselves go to the encrypted
``revisions``, where undo reads them.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from caseapp.core.changes import Changes
from caseapp.core.custody import CustodyAction
from caseapp.core.dossier.inputs import DossierInputs, PriorCommunication, SectionKey, SectionText
from caseapp.core.entities import CustodyEntry
from caseapp.core.errors import UserError, ValidationError
from caseapp.core.legal.states import load_jurisdiction_data
from caseapp.core.operations import OpResult, Undo
from caseapp.core.ports import ReadTx, Revision, WriteTx
from caseapp.core.refs import RefKind
from caseapp.core.services.base import ServiceBase, choice, record
from caseapp.core.services.redacted import redacted_one
from caseapp.core.text import LONG_TEXT_MAX, clean_text

DOSSIER_TARGET = "DOSSIER"
UNDO_FIELDS = "dossier_fields"
UNDO_SECTION = "dossier_section"
_NO_ID = uuid.UUID(int=0)
_SHA256 = re.compile(r"[0-9a-f]{64}")
_MAX_LINES = 20


def _line(field: str) -> Callable[[Any], Any]:
    return lambda value: clean_text(str(value or ""), field=field)


def _optional_line(field: str) -> Callable[[Any], Any]:
    return lambda value: clean_text(str(value or ""), field=field) or None


def _lines(value: Any) -> list[str]:
    if isinstance(value, str):
        value = value.split("\n")
    lines = [clean_text(str(line), field="sender line") for line in value or ()]
    lines = [line for line in lines if line]
    if len(lines) > _MAX_LINES:
        raise ValidationError(f"the sender block has {len(lines)} lines; the limit is {_MAX_LINES}")
    return lines


def _country(value: Any) -> str | None:
    if value is None or not str(value).strip():
        return None
    return load_jurisdiction_data().country(str(value)).iso2


def _countries(value: Any) -> list[str]:
    if isinstance(value, str):
        value = [value]
    codes: list[str] = []
    for item in value or ():
        code = _country(item)
        if code is not None and code not in codes:
            codes.append(code)
    return codes


def _flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValidationError(f"undertaking must be yes or no, not {value!r}")
    return value


def _prior(value: Any) -> dict[str, str] | None:
    if value is None:
        return None
    if not isinstance(value, PriorCommunication):
        raise ValidationError("supplement_to must name the earlier communication by its date and bundle hash")
    digest = value.bundle_sha256.strip().lower()
    if not _SHA256.fullmatch(digest):
        raise ValidationError(
            f"the earlier bundle's hash {value.bundle_sha256!r} is not a SHA-256 (64 hexadecimal digits); copy it "
            "from the earlier bundle's tagmanifest-sha256.txt"
        )
    if not isinstance(value.sent_on, date):
        raise ValidationError("the earlier communication's date must be a date (YYYY-MM-DD)")
    title = clean_text(value.title, field="the earlier communication's title")
    return {"sent_on": value.sent_on.isoformat(), "bundle_sha256": digest, "title": title}


@dataclass(frozen=True, slots=True)
class InputField:
    parse: Callable[[Any], Any]  # a typed value as stored (JSON)
    protected: bool = False  # only keyed digests in the custody log


# Every field of DossierInputs but ``sections`` (written one at a time), with how it is checked.
FIELDS: dict[str, InputField] = {
    "situation": InputField(_line("situation")),
    "situation_number": InputField(_optional_line("situation number")),  # only as typed; never generated
    "title": InputField(_line("title")),
    "short_title": InputField(_line("short title")),
    "sender": InputField(_lines, protected=True),
    "secure_contact": InputField(_line("secure contact"), protected=True),
    "undertaking": InputField(_flag),
    "territory": InputField(_country),
    "element_territories": InputField(_countries),
    "nationalities": InputField(_countries),
    "victim_state": InputField(_country),
    "supplement_to": InputField(_prior),
}
_DEFAULTS = DossierInputs()


def _default(name: str) -> Any:
    value = getattr(_DEFAULTS, name)
    return list(value) if isinstance(value, tuple) else value


def stored_fields(tx: ReadTx) -> dict[str, Any]:
    """Every field as stored (JSON form), the default for those never set."""
    stored = tx.dossier_settings()
    return {name: stored.get(name, _default(name)) for name in FIELDS}


def inputs_of(values: Mapping[str, Any], sections: Mapping[str, SectionText]) -> DossierInputs:
    """The stored forms as the builder reads them: sections in the dossier's order (a key this caseapp
    does not know, written by a newer one, left out)."""
    prior = values.get("supplement_to")
    return DossierInputs(
        situation=str(values["situation"]),
        situation_number=values["situation_number"],
        title=str(values["title"]),
        short_title=str(values["short_title"]),
        sender=tuple(values["sender"]),
        secure_contact=str(values["secure_contact"]),
        undertaking=bool(values["undertaking"]),
        territory=values["territory"],
        element_territories=tuple(values["element_territories"]),
        nationalities=tuple(values["nationalities"]),
        victim_state=values["victim_state"],
        sections={key: sections[key.value] for key in SectionKey if key.value in sections},
        supplement_to=(
            PriorCommunication(date.fromisoformat(prior["sent_on"]), prior["bundle_sha256"], prior.get("title", ""))
            if prior
            else None
        ),
    )


def section_text(text: str, key: SectionKey) -> str:
    """A section's text as stored: line ends made ``\\n`` (a file saved on Windows), NFC, no controls."""
    unified = text.replace("\r\n", "\n").replace("\r", "\n")
    if not unified.strip():
        raise ValidationError(
            f"the text for the {key.value} section is empty; write some text, or clear the section to have the "
            "generated draft. Nothing was changed."
        )
    return clean_text(
        unified, field=f"the {key.value} section", max_length=LONG_TEXT_MAX, multiline=True, required=True
    )


def digested_text(value: Any) -> str | None:
    """What a protected value's keyed digest is taken of (lines joined by newlines); None for no value."""
    if value is None:
        return None
    return "\n".join(value) if isinstance(value, list) else str(value)


def _section_state(tx: ReadTx, key: str) -> dict[str, Any]:
    current = tx.dossier_sections().get(key)
    return {
        "section": key,
        "text": current.text if current else None,
        "author": current.author if current else None,
        "updated_at": current.updated_at.isoformat() if current else None,
    }


def _reason(reason: str) -> str:
    return clean_text(reason, field="reason", max_length=LONG_TEXT_MAX, multiline=True)


class DossierOps(ServiceBase):
    __slots__ = ()

    def dossier_inputs(self) -> DossierInputs:
        """What the author gave the dossier, protected names shown as pseudonyms (as every read)."""
        with self.store.read() as tx:
            return redacted_one(tx, inputs_of(stored_fields(tx), tx.dossier_sections()))

    def set_dossier_fields(self, *, reason: str = "", **changes: Any) -> OpResult[DossierInputs]:
        """Set fields of the dossier inputs (named as in :class:`DossierInputs`, ``sections`` aside):
        text as typed, ISO 3166 alpha-2 codes for the jurisdiction facts, a
        :class:`PriorCommunication` or None for ``supplement_to``. Unchanged values are ignored; a
        change that changes nothing is refused."""
        unknown = sorted(set(changes) - set(FIELDS))
        if unknown:
            raise ValidationError(
                f"the dossier has no field {', '.join(unknown)}; fields: {', '.join(FIELDS)} "
                "(sections are written one at a time)"
            )
        if not changes:
            raise ValidationError("give at least one dossier field to set")
        new = {name: FIELDS[name].parse(value) for name, value in changes.items()}
        why = _reason(reason)
        with self.store.write() as tx:
            undo = self._set_fields(tx, new, why)
            result = redacted_one(tx, inputs_of(stored_fields(tx), tx.dossier_sections()))
        return OpResult(result, Changes(case=True, custody=True), undo)

    def write_section(self, key: SectionKey | str, text: str, *, reason: str = "") -> OpResult[SectionText]:
        """Write (or rewrite) the author's text of a narrative section; it replaces the generated draft."""
        section = choice(SectionKey, key, "section")
        cleaned = section_text(text, section)
        why = _reason(reason)
        now = self.clock()
        with self.store.write() as tx:
            current = tx.dossier_sections().get(section.value)
            if current is not None and current.text == cleaned:
                raise ValidationError(f"the {section.value} section already has this text; nothing was changed")
            written = SectionText(cleaned, self.actor, now)
            undo = self._set_section(tx, section.value, written, why, now=now)
            shown = redacted_one(tx, written)  # as every operation answers: names as pseudonyms
        return OpResult(shown, Changes(case=True, custody=True), undo)

    def clear_section(self, key: SectionKey | str, *, reason: str = "") -> OpResult[SectionKey]:
        """Take the author's text of a section away (kept with a tombstone; undo brings it back):
        the dossier falls back to the generated draft."""
        section = choice(SectionKey, key, "section")
        why = _reason(reason)
        now = self.clock()
        with self.store.write() as tx:
            if section.value not in tx.dossier_sections():
                raise UserError(f"the {section.value} section is not written; there is nothing to clear")
            undo = self._set_section(tx, section.value, None, why, now=now)
        return OpResult(section, Changes(case=True, custody=True), undo)

    # -- the one way each is changed (also by undo) -------------------------------------------
    def _set_fields(self, tx: WriteTx, new: Mapping[str, Any], why: str, *, undoes: int | None = None) -> Undo:
        now = self.clock()
        current = stored_fields(tx)
        changed = {name: value for name, value in new.items() if current[name] != value}
        if not changed:
            raise ValidationError("the dossier already has these values; nothing was changed")
        old = {name: current[name] for name in changed}
        log: dict[str, Any] = {}
        for name, value in changed.items():
            tx.set_dossier_setting(name, value, at=now, by=self.actor)
            if FIELDS[name].protected:
                log[name] = {"old_digest": self._digest(old[name]), "new_digest": self._digest(value)}
            else:
                log[name] = {"old": old[name], "new": value}
        details: dict[str, Any] = {"changes": log, "reason": why}
        action: str = CustodyAction.DOSSIER_EDIT
        if undoes is not None:
            details.update(undoes=undoes, inverse=str(CustodyAction.DOSSIER_EDIT))
            action = CustodyAction.UNDO
        seq = record(tx, actor=self.actor, at=now, action=action, target=DOSSIER_TARGET, details=details)
        tx.add_revision(Revision(seq, RefKind.CASE, _NO_ID, old, dict(changed), why))
        return _fields_undo(seq, old, dict(changed))

    def _set_section(
        self, tx: WriteTx, key: str, text: SectionText | None, why: str, *, now: datetime, undoes: int | None = None
    ) -> Undo:
        old = _section_state(tx, key)
        tx.set_dossier_section(key, text, at=now, by=self.actor, reason=why or "cleared")
        new = _section_state(tx, key)
        verb = CustodyAction.DOSSIER_SECTION_WRITE if text is not None else CustodyAction.DOSSIER_SECTION_CLEAR
        change = {"old_digest": self._digest(old["text"]), "new_digest": self._digest(new["text"])}
        details: dict[str, Any] = {"section": key, "changes": {"text": change}, "reason": why}
        action: str = verb
        if undoes is not None:
            details.update(undoes=undoes, inverse=str(verb))
            action = CustodyAction.UNDO
        seq = record(tx, actor=self.actor, at=now, action=action, target=DOSSIER_TARGET, details=details)
        tx.add_revision(Revision(seq, RefKind.CASE, _NO_ID, old, new, why))
        return _section_undo(seq, old, new)

    def _digest(self, value: Any) -> str | None:
        text = digested_text(value)
        return None if text is None else self.store.privacy_digest(text)

    # -- undo -----------------------------------------------------------------------------------
    def _undo_dossier(self, tx: WriteTx, undo: Undo) -> Undo:
        """Apply a dossier undo (the old values it carries), refusing to overwrite a later change."""
        why = f"undo of entry {undo.undoes}"
        if undo.action == UNDO_FIELDS:
            current = stored_fields(tx)
            for name, value in undo.expected.items():
                if current.get(name) != value:
                    raise UserError(
                        f"the dossier's {name.replace('_', ' ')} was changed again after entry {undo.undoes}; "
                        "undoing it would overwrite that later change. Set it by hand instead. Nothing was changed."
                    )
            return self._set_fields(tx, undo.values, why, undoes=undo.undoes)
        key = str(undo.values["section"])
        if _section_state(tx, key)["text"] != undo.expected.get("text"):
            raise UserError(
                f"the {key} section was changed again after entry {undo.undoes}; undoing it would overwrite that "
                "later change. Write it by hand instead. Nothing was changed."
            )
        text = undo.values.get("text")
        restored = (
            SectionText(str(text), str(undo.values["author"]), datetime.fromisoformat(str(undo.values["updated_at"])))
            if text is not None
            else None
        )
        return self._set_section(tx, key, restored, why, now=self.clock(), undoes=undo.undoes)

    def _dossier_undo_of(self, tx: ReadTx, entry: CustodyEntry) -> Undo | None:
        """The undo of a custody entry that changed the dossier inputs (None for any other entry)."""
        action = str(entry.details.get("inverse", "")) if entry.action == CustodyAction.UNDO else entry.action
        if not action.startswith("dossier."):
            return None
        revision = tx.revision(entry.seq)
        if revision is None:
            raise UserError(f"the values replaced by entry {entry.seq} are not in this case; it cannot be undone")
        if action == CustodyAction.DOSSIER_EDIT:
            return _fields_undo(entry.seq, revision.old, revision.new)
        return _section_undo(entry.seq, revision.old, revision.new)


def _fields_undo(seq: int, old: dict[str, Any], new: dict[str, Any]) -> Undo:
    names = ", ".join(name.replace("_", " ") for name in old)
    return Undo(
        UNDO_FIELDS, RefKind.CASE, _NO_ID, DOSSIER_TARGET, seq, f"set the dossier's {names} back", old, expected=new
    )


def _section_undo(seq: int, old: dict[str, Any], new: dict[str, Any]) -> Undo:
    key = old["section"]
    what = f"clear the {key} section again" if old.get("text") is None else f"put the {key} section's text back"
    return Undo(UNDO_SECTION, RefKind.CASE, _NO_ID, DOSSIER_TARGET, seq, what, old, expected={"text": new["text"]})
