"""The interface language: English, French or Arabic, chosen once at start.

Translations are Qt Linguist files: ``.ts`` sources in ``resources/translations/`` and the ``.qm``
files built from them (``make translations``; both are committed, and a test checks that the
``.qm`` files match their ``.ts``). Arabic turns the whole layout right-to-left. The choice is a
setting (empty: the system's language if caseapp has it, else English); a change takes effect at
the next start, since every window is built in one language.

Strings that live in data tables (column headers, form labels, enumeration values) are marked
with :func:`QT_TRANSLATE_NOOP` so the catalogue scan (``caseapp.gui.i18n_catalog``) finds them,
and translated where they are shown.
"""

from __future__ import annotations

import enum
import os

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from caseapp.core.resources import resource_path

LANGUAGES = ("en", "fr", "ar")
LANGUAGE_NAMES = {"en": "English", "fr": "Français", "ar": "العربية"}  # each in its own language
RIGHT_TO_LEFT = frozenset({"ar"})
# The locale that formats numbers and dates. Arabic is written with Western digits throughout caseapp
# (references, hashes, coordinates, ISO dates and counts are), so numbers Qt formats are too: Qt's
# plain "ar" (Egypt) writes ٠١٢…, mixing two sets of digits in one sentence ("٢ أدلة ضمن 160 م").
# The United Arab Emirates' Arabic has the same month names as "ar" and Western digits.
LOCALES = {"ar": "ar_AE"}
ENVIRONMENT = "CASEAPP_LANG"  # overrides the setting (screenshots, tests, a one-off start)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation in ``context`` without translating it here."""
    del context
    return text


def system_language() -> str:
    """The system's language if caseapp has it, else English."""
    name = QLocale.system().name().split("_")[0]
    return name if name in LANGUAGES else "en"


def choose_language(setting: str) -> str:
    """The language to start in: $CASEAPP_LANG, else the setting, else the system's."""
    for wanted in (os.environ.get(ENVIRONMENT, ""), setting):
        if wanted in LANGUAGES:
            return wanted
    return system_language()


def translations_dir() -> str:
    return str(resource_path("translations"))


class Language:
    """The translators installed into the application (kept alive as long as it runs)."""

    def __init__(self, code: str) -> None:
        self.code = code if code in LANGUAGES else "en"
        self.translators: list[QTranslator] = []

    def install(self, app: QApplication) -> bool:
        """Load caseapp's and Qt's own translations; set the layout direction. False if caseapp's is missing."""
        QLocale.setDefault(QLocale(LOCALES.get(self.code, self.code)))
        app.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft if self.code in RIGHT_TO_LEFT else Qt.LayoutDirection.LeftToRight
        )
        if self.code == "en":
            return True
        ours = QTranslator(app)
        found = ours.load(f"caseapp_{self.code}", translations_dir())
        if found:
            app.installTranslator(ours)
            self.translators.append(ours)
        qt_own = QTranslator(app)  # standard buttons (OK, Cancel) and dialogs
        if qt_own.load(f"qtbase_{self.code}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt_own)
            self.translators.append(qt_own)
        return found

    def uninstall(self, app: QApplication) -> None:
        for translator in self.translators:
            app.removeTranslator(translator)
        self.translators.clear()
        QLocale.setDefault(QLocale(QLocale.Language.English))
        app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


# Enumeration values shown in tables, forms and details: translated by value, in the enum's name.
ENUM_LABELS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("PersonRole", "victim"),
    QT_TRANSLATE_NOOP("PersonRole", "witness"),
    QT_TRANSLATE_NOOP("PersonRole", "suspect"),
    QT_TRANSLATE_NOOP("PersonRole", "other"),
    QT_TRANSLATE_NOOP("ProtectionLevel", "none"),
    QT_TRANSLATE_NOOP("ProtectionLevel", "confidential"),
    QT_TRANSLATE_NOOP("ProtectionLevel", "protected"),
    QT_TRANSLATE_NOOP("Sensitivity", "none"),
    QT_TRANSLATE_NOOP("Sensitivity", "personal_data"),
    QT_TRANSLATE_NOOP("Sensitivity", "graphic"),
    QT_TRANSLATE_NOOP("Sensitivity", "protected_person"),
    QT_TRANSLATE_NOOP("ExhibitKind", "document"),
    QT_TRANSLATE_NOOP("ExhibitKind", "image"),
    QT_TRANSLATE_NOOP("ExhibitKind", "video"),
    QT_TRANSLATE_NOOP("ExhibitKind", "audio"),
    QT_TRANSLATE_NOOP("ExhibitKind", "testimony"),
    QT_TRANSLATE_NOOP("ExhibitKind", "physical"),
    QT_TRANSLATE_NOOP("ExhibitKind", "other"),
    QT_TRANSLATE_NOOP("TimePrecision", "exact"),
    QT_TRANSLATE_NOOP("TimePrecision", "day"),
    QT_TRANSLATE_NOOP("TimePrecision", "month"),
    QT_TRANSLATE_NOOP("TimePrecision", "year"),
    QT_TRANSLATE_NOOP("TimePrecision", "estimated"),
    QT_TRANSLATE_NOOP("LinkStance", "supports"),
    QT_TRANSLATE_NOOP("LinkStance", "contradicts"),
    QT_TRANSLATE_NOOP("LinkStance", "context"),
)
# By name, so that the first window does not load the domain's entities (and their imports) to start.
TRANSLATED_ENUMS = ("PersonRole", "ProtectionLevel", "Sensitivity", "ExhibitKind", "TimePrecision", "LinkStance")
ENTITIES = "caseapp.core.entities"


def translated_enums() -> list[type[enum.StrEnum]]:
    """The enumerations whose values are shown translated (those of ``TRANSLATED_ENUMS``)."""
    import importlib

    entities = importlib.import_module(ENTITIES)
    return [getattr(entities, name) for name in TRANSLATED_ENUMS]


def enum_text(value: enum.StrEnum | str) -> str:
    """An enumeration value as the user reads it, e.g. PersonRole.WITNESS -> "witness" / "témoin"."""
    kind = type(value)
    if isinstance(value, enum.StrEnum) and kind.__module__ == ENTITIES and kind.__name__ in TRANSLATED_ENUMS:
        return QCoreApplication.translate(kind.__name__, value.value)
    return str(value)
