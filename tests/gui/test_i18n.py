"""The interface in French and Arabic: every marked string of caseapp/gui is translated in the
.ts files, the shipped .qm files are built from them, and the real windows come up translated,
Arabic right-to-left."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from caseapp.app.case_folder import OpenCase
from caseapp.core.entities import PersonRole
from caseapp.core.refs import RefKind
from caseapp.core.resources import resource_path
from caseapp.gui.i18n import ENVIRONMENT, Language, choose_language, enum_text, translated_enums
from caseapp.gui.i18n_catalog import TRANSLATED, lrelease, read_ts, scan_sources, ts_path
from caseapp.gui.models.exhibits import Column
from caseapp.gui.record_dialogs import RecordDialog
from caseapp.gui.settings import Settings
from caseapp.gui.shell import Shell
from tests.gui.conftest import running_shell, settle

TRANSLATIONS = resource_path("translations")
PLACEHOLDER = re.compile(r"\{[a-z_]*\}")
TAG = re.compile(r"</?[a-z0-9]+>")
# Translation calls whose text is not a literal: each translates data marked with QT_TRANSLATE_NOOP.
MARKED_DATA = {
    "value.value",  # i18n.enum_text: the ENUM_LABELS
    "HEADERS[Column(section)]",  # exhibit column headers, marked by column()
    "self.columns[section][0]",  # record table column headers, marked by column()
    "ADD_TITLES[kind]",  # record dialog titles, marked by label()
    "field.label",  # record dialog field labels, marked by label()
    "STATUS_LABELS[verification.status]",  # catalogue verification statuses, marked in catalogue_detail
    "SECTION_NAMES[key]",  # dossier section names, marked by dossier_inputs_view.mark()
    "field_label",  # dossier inputs field labels, marked by dossier_inputs_view.mark()
    "size_label",  # bundle part sizes, marked by bundle_dialog.mark()
    "ground_status.value",  # jurisdiction ground statuses, marked in jurisdiction_answer.VERDICT_LABELS
    "verdict_value",  # jurisdiction verdicts, marked in jurisdiction_answer.VERDICT_LABELS
    "result.time_precision",  # an incident's time precision, marked in i18n.ENUM_LABELS
    "record.risk.value",  # risk levels, marked in people_panel.PROTECTION_LABELS
    "source",  # people_panel.protection_text: risk, consent state (PROTECTION_LABELS) and scope (SCOPE_LABELS)
}


@pytest.mark.parametrize("code", sorted(TRANSLATED))
def test_every_marked_string_has_a_finished_translation(code: str) -> None:
    messages = scan_sources().messages
    translations = read_ts(ts_path(TRANSLATIONS, code))
    assert len(messages) > 150
    missing = sorted(set(messages) - set(translations))
    assert not missing, f"not in caseapp_{code}.ts (run `make translations`): {missing}"
    stale = sorted(set(translations) - set(messages))
    assert not stale, f"in caseapp_{code}.ts but no longer in the source (run `make translations`): {stale}"
    for (context, source), translation in translations.items():
        where = f"{code}: {context}: {source!r}"
        assert translation.finished and translation.text.strip(), f"untranslated {where}"
        assert sorted(PLACEHOLDER.findall(translation.text)) == sorted(PLACEHOLDER.findall(source)), where
        assert TAG.findall(translation.text) == TAG.findall(source), where
        assert translation.text.count("&") == source.count("&"), f"menu mnemonic lost or added in {where}"


@pytest.mark.parametrize("code", sorted(TRANSLATED))
def test_the_shipped_qm_files_are_built_from_the_ts_files(code: str, tmp_path: Path) -> None:
    built = tmp_path / f"caseapp_{code}.qm"
    lrelease(ts_path(TRANSLATIONS, code), built)
    shipped = ts_path(TRANSLATIONS, code).with_suffix(".qm")
    assert shipped.read_bytes() == built.read_bytes(), f"{shipped.name} is out of date: run `make translations`"


def test_strings_translated_from_a_variable_are_marked_data() -> None:
    expressions = {line.split(": ", 1)[1] for line in scan_sources().dynamic}
    assert expressions <= MARKED_DATA, "mark these strings with QT_TRANSLATE_NOOP and list them here"


def test_every_value_of_a_translated_enum_is_marked() -> None:
    messages = scan_sources().messages
    for kind in translated_enums():
        for member in kind:
            assert (kind.__name__, member.value) in messages, f"{kind.__name__}.{member.name} is not marked"


def test_the_scan_finds_each_kind_of_marker(tmp_path: Path) -> None:
    package = tmp_path / "caseapp" / "gui"
    package.mkdir(parents=True)
    (package / "marks.py").write_text(
        "from PySide6.QtCore import QCoreApplication\n"
        "def tr(text):\n    return QCoreApplication.translate('Here', text)\n"
        "def mark(text):\n    '''Marks.'''\n    return QT_TRANSLATE_NOOP('Marked', text)\n"
        "class Window:\n    def build(self):\n        self.tr('own'); tr('helper'); tr(self.name)\n"
        "QCoreApplication.translate('Ctx', 'direct')\n",
        encoding="utf-8",
    )
    (package / "user.py").write_text("from caseapp.gui.marks import mark\nLABEL = mark('imported')\n", encoding="utf-8")
    scan = scan_sources(package)
    found = set(scan.messages)
    assert found == {("Window", "own"), ("Here", "helper"), ("Ctx", "direct"), ("Marked", "imported")}
    assert scan.dynamic == ["caseapp/gui/marks.py:9: self.name"]


def test_the_language_comes_from_the_environment_then_the_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENVIRONMENT, raising=False)
    assert choose_language("fr") == "fr"
    assert choose_language("xx") in ("en", "fr", "ar")  # the system's, or English
    monkeypatch.setenv(ENVIRONMENT, "ar")
    assert choose_language("fr") == "ar"


@pytest.fixture
def in_language(qtbot: QtBot) -> Iterator[Callable[[str], Shell]]:
    """The whole application started in a language (translators and layout direction undone after)."""
    with contextlib.ExitStack() as stack:
        yield lambda code: stack.enter_context(running_shell(code))


def test_the_arabic_interface_is_right_to_left_and_in_arabic(
    qtbot: QtBot, in_language: Callable[[str], Shell], make_case: Callable[..., tuple[OpenCase, str]]
) -> None:
    shell = in_language("ar")
    welcome, main = shell.welcome, shell.main
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert welcome.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert main.layoutDirection() == Qt.LayoutDirection.RightToLeft
    create = welcome.findChild(QPushButton, "createCase")
    assert create is not None and create.text() == "إنشاء قضية…"
    assert "أدلة الجرائم الدولية" in " ".join(label.text() for label in welcome.findChildren(QLabel))

    case, _ = make_case()
    case.records.add_person(role=PersonRole.WITNESS, full_name="محمد الحلبي")
    shell.open(case, case.folder)
    settle(qtbot, shell.runner)
    assert main.isVisible() and main.layoutDirection() == Qt.LayoutDirection.RightToLeft
    pages = [main.navigator.item(row).text() for row in range(main.navigator.count())]
    assert pages[:5] == ["قطع الإثبات", "الحوادث", "الأشخاص", "المصادر", "سجل سلسلة الحيازة"]
    locale = QLocale()  # numbers and dates in Western digits, as the rest of the Arabic window writes them
    assert locale.toString(160) == "160" and locale.toString(QDate(2016, 5, 3), "d MMMM yyyy") == "3 مايو 2016"
    assert pages[5:7] == ["الخريطة", "الخط الزمني"]
    assert pages[7:] == ["التهم", "الأركان", "الثغرات", "المراجعة", "الاختصاص"]
    assert [action.text() for action in main.menuBar().actions()] == ["&القضية", "&تحرير", "ال&سجلات", "&عرض"]
    assert main.exhibits.headerData(Column.KIND, Qt.Orientation.Horizontal) == "النوع"
    main.navigator.setCurrentRow(2)  # the people, read when their page is shown
    settle(qtbot, shell.runner)
    assert main.persons.index(0, 1).data() == "شاهد"  # the role, translated by value
    assert main.persons.headerData(0, Qt.Orientation.Horizontal) == "الاسم المستعار"
    dialog = RecordDialog(RefKind.PERSON, shell.runner, case.records, main)
    assert dialog.windowTitle() == "إضافة شخص"
    assert dialog.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert dialog.inputs["role"].accessibleName() == "الدور"
    dialog.close()
    shell.lock()
    assert shell.welcome.unlock_page.unlock_button.text() == "فتح القفل"


def test_the_french_interface_loads(
    qtbot: QtBot, in_language: Callable[[str], Shell], make_case: Callable[..., tuple[OpenCase, str]]
) -> None:
    shell = in_language("fr")
    assert shell.welcome.layoutDirection() == Qt.LayoutDirection.LeftToRight
    create = shell.welcome.findChild(QPushButton, "createCase")
    assert create is not None and create.text() == "Créer une affaire…"
    case, _ = make_case()
    shell.open(case, case.folder)
    settle(qtbot, shell.runner)
    assert shell.main.navigator.item(4).text() == "Registre de la chaîne de possession"
    assert enum_text(PersonRole.VICTIM) == "victime"
    assert QCoreApplication.translate("PassphrasePair", "Passphrase") == "Phrase de passe"


def test_the_language_chosen_on_the_welcome_window_is_saved_for_the_next_start(
    qtbot: QtBot, in_language: Callable[[str], Shell]
) -> None:
    shell = in_language("en")
    chooser = shell.welcome.language
    chooser.combo.setCurrentIndex(chooser.combo.findData("ar"))
    assert Settings().language == "ar"
    assert "next start" in chooser.note.text()
    assert shell.welcome.layoutDirection() == Qt.LayoutDirection.LeftToRight  # unchanged until then


def test_english_needs_no_translation_file(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    language = Language("en")
    assert language.install(app) and language.translators == []
    language.uninstall(app)
