"""The dossier and bundle dialogs on the Aleppo sample case, through the widgets: the public dossier
exported holds no protected name, a cancelled export leaves nothing, the bundle validates with
bagit, and the custody entry each export recorded is what the dialog shows. Qt's own file dialog
and the desktop's "open this folder" are replaced (they would wait for a person / start a program)."""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import bagit
import pypdf
import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from caseapp.app.case_folder import OpenCase
from caseapp.core.custody import CustodyAction
from caseapp.core.dossier.selection import MANDATORY, Section
from caseapp.core.ports import CustodyQuery
from caseapp.gui.shell import Shell
from tests.dossier.aleppo_dossier import WITNESS, WITNESS_AR, prepare
from tests.gui.conftest import settle

PROTECTED = (WITNESS, WITNESS_AR, "Haddad", "Samira")


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[QUrl]]:
    """What the dialogs asked the desktop to open (nothing is opened)."""
    urls: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: urls.append(url) or True))
    yield urls


@pytest.fixture
def aleppo(qtbot: QtBot, shell: Shell, make_case: Callable[..., tuple[OpenCase, str]], tmp_path: Path) -> OpenCase:
    case, _ = make_case()
    prepare(case, tmp_path)  # the protected witness's name typed into a note, a title and a reasoning
    case.records.set_dossier_fields(situation="Situation in the Syrian Arab Republic", territory="SY")
    shell.open(case, case.folder)
    settle(qtbot, shell.runner)
    return case


def entries(case: OpenCase, action: str) -> list[object]:
    return list(case.custody.entries(CustodyQuery(action=action)))


def choose_folder(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *_args: str(folder)))


def test_public_dossier_from_the_dialog_holds_no_protected_name(
    qtbot: QtBot,
    shell: Shell,
    aleppo: OpenCase,
    opened: list[QUrl],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out = aleppo.folder.parent / "to-the-office"
    out.mkdir()  # an empty folder, as the file dialog makes one
    dialog = shell.main.exports.export_dossier()
    assert dialog is not None
    settle(qtbot, shell.runner)
    outline = dialog.outline
    titles = [outline.topLevelItem(i).text(0) for i in range(outline.topLevelItemCount())]
    assert len(titles) >= 10 and titles[0].startswith("I.")
    drafts = [outline.topLevelItem(i).text(1) for i in range(outline.topLevelItemCount())]
    assert "draft" in drafts, "the sections caseapp generated are marked as drafts"
    assert not any(name in " ".join(titles) for name in PROTECTED)

    dialog.version.setCurrentIndex(dialog.version.findData(True))  # public only
    dialog.docx.setChecked(False)
    assert not dialog.key_annex.isChecked() and "real names" in dialog.annex_warning.text()
    choose_folder(monkeypatch, out)
    qtbot.mouseClick(dialog.folder.choose, Qt.MouseButton.LeftButton)
    assert dialog.folder.edit.text() == str(out)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    settle(qtbot, shell.runner, timeout=120_000)

    pdf = out / "communication-public.pdf"
    assert sorted(p.name for p in out.iterdir()) == [pdf.name]
    text = "\n".join(page.extract_text() or "" for page in pypdf.PdfReader(pdf).pages)
    assert "W-002" in text, "the protected witness is there, by pseudonym"
    for name in PROTECTED:
        assert name not in text
    digest = hashlib.sha256(pdf.read_bytes()).hexdigest()
    [entry] = entries(aleppo, CustodyAction.DOSSIER_EXPORT)
    assert [f["sha256"] for f in entry.details["files"]] == [digest]  # type: ignore[attr-defined]
    assert digest in dialog.recorded.toPlainText() and pdf.name in dialog.recorded.toPlainText()
    assert dialog.recorded.isVisible()
    assert opened == [QUrl.fromLocalFile(str(out))]
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert len(opened) == 2 and opened[1].isLocalFile()


def test_the_sections_to_include_drive_the_preview_and_the_export(
    qtbot: QtBot,
    shell: Shell,
    aleppo: OpenCase,
    opened: list[QUrl],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dialog = shell.main.exports.export_dossier()
    assert dialog is not None
    settle(qtbot, shell.runner)
    sections = dialog.sections
    assert [Section(sections.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(sections.count())] == list(Section)
    for section in Section:  # every section checked; the mandatory ones cannot be unchecked
        item = sections.item_for(section)
        assert item.checkState() is Qt.CheckState.Checked
        assert bool(item.flags() & Qt.ItemFlag.ItemIsEnabled) is (section not in MANDATORY)
        assert bool(item.flags() & Qt.ItemFlag.ItemIsUserCheckable) is (section not in MANDATORY)
    jurisdiction = sections.item_for(Section.JURISDICTION)
    assert "Always included" in jurisdiction.toolTip()

    def titles() -> list[str]:
        return [dialog.outline.topLevelItem(i).text(0) for i in range(dialog.outline.topLevelItemCount())]

    assert titles()[:3] == ["I. Introduction", "II. Executive summary", "III. Factual background"]
    # a click in the check box of an optional section unchecks it; the preview follows
    for section in (Section.INTRODUCTION, Section.ADMISSIBILITY):
        item = sections.item_for(section)
        rect = sections.visualItemRect(item)
        qtbot.mouseClick(
            sections.viewport(), Qt.MouseButton.LeftButton, pos=rect.topLeft() + QPoint(10, rect.height() // 2)
        )
        assert item.checkState() is Qt.CheckState.Unchecked
    settle(qtbot, shell.runner)
    shown = titles()
    assert shown[:2] == ["I. Executive summary", "II. Factual background"]
    assert not any("Introduction" in t or "Admissibility" in t for t in shown)
    assert "Interests of justice" in " ".join(shown) and "Evidence index" in shown
    # the same click on a mandatory section changes nothing
    rect = sections.visualItemRect(jurisdiction)
    qtbot.mouseClick(
        sections.viewport(), Qt.MouseButton.LeftButton, pos=rect.topLeft() + QPoint(10, rect.height() // 2)
    )
    assert jurisdiction.checkState() is Qt.CheckState.Checked
    assert dialog.sections.omitted() == {Section.INTRODUCTION, Section.ADMISSIBILITY}

    out = aleppo.folder.parent / "short"
    dialog.version.setCurrentIndex(dialog.version.findData(True))
    dialog.docx.setChecked(False)
    dialog.folder.edit.setText(str(out))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    settle(qtbot, shell.runner, timeout=120_000)
    text = "\n".join(page.extract_text() or "" for page in pypdf.PdfReader(out / "communication-public.pdf").pages)
    assert "Admissibility" not in text and "I. Executive summary" in text
    [entry] = entries(aleppo, CustodyAction.DOSSIER_EXPORT)
    assert entry.details["omitted"] == ["introduction", "admissibility"]  # type: ignore[attr-defined]


def test_a_cancelled_dossier_export_leaves_nothing(
    qtbot: QtBot, shell: Shell, aleppo: OpenCase, opened: list[QUrl], tmp_path: Path
) -> None:
    out = tmp_path / "cancelled"
    dialog = shell.main.exports.export_dossier()
    assert dialog is not None
    settle(qtbot, shell.runner)
    dialog.folder.edit.setText(str(out))
    gate = threading.Event()
    blockers = [shell.runner.long(lambda _task: gate.wait(), name="busy") for _ in range(4)]  # every long worker
    handle = dialog.start()
    assert handle is not None and not handle.done
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)  # before the export has begun its work
    assert "Cancelling" in dialog.status.text()
    gate.set()
    settle(qtbot, shell.runner, timeout=60_000)
    assert all(b.done for b in blockers)
    assert "Cancelled" in dialog.status.text() and "Nothing was exported" in dialog.status.text()
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".caseapp-export-")] == []
    assert entries(aleppo, CustodyAction.DOSSIER_EXPORT) == []
    assert opened == [] and dialog.export_button.isEnabled() and not dialog.open_button.isEnabled()
    assert dialog.isVisible()
    shell.main.lock_action.trigger()
    assert not dialog.isVisible() and shell.main.exports.open_dialogs == [], "locking closes the case's dialogs"


def test_the_bundle_dialog_writes_a_bag_that_bagit_validates(
    qtbot: QtBot,
    shell: Shell,
    aleppo: OpenCase,
    opened: list[QUrl],
    tmp_path: Path,
) -> None:
    out = tmp_path / "bundle"
    dialog = shell.main.exports.export_bundle()
    assert dialog is not None
    settle(qtbot, shell.runner)
    assert "will be made" in dialog.key_label.text()  # no key yet
    dialog.version.setCurrentIndex(dialog.version.findData(False))  # the full bundle
    dialog.part_size.setCurrentIndex(dialog.part_size.findData(""))
    assert dialog.custom_size.isEnabled()
    dialog.custom_size.setText("not a size")
    dialog.folder.edit.setText(str(out))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert "is not a size" in dialog.status.text() and not out.exists()
    dialog.part_size.setCurrentIndex(dialog.part_size.findData(None))
    dialog.dossier_language.setCurrentIndex(dialog.dossier_language.findData("fr"))
    progress: list[tuple[int, int, str]] = []
    handle = dialog.start()
    assert handle is not None
    handle.progressed.connect(lambda done, total, name: progress.append((done, total, name)))
    settle(qtbot, shell.runner, timeout=120_000)

    bagit.Bag(str(out)).validate()
    assert sorted(p.name for p in (out / "data" / "dossier").iterdir()) == [
        "communication-full.docx",
        "communication-full.pdf",
        "communication-public.docx",
        "communication-public.pdf",
    ]
    assert any(total > 0 and name.startswith("data/") for _done, total, name in progress)
    [entry] = entries(aleppo, CustodyAction.EXPORT_BUNDLE)
    tagmanifest = hashlib.sha256((out / "tagmanifest-sha256.txt").read_bytes()).hexdigest()
    assert entry.details["parts"][0]["tagmanifest_sha256"] == tagmanifest  # type: ignore[attr-defined]
    shown = dialog.recorded.toPlainText()
    assert f"the bag: {entry.details['parts'][0]['files']} files" in shown and f"\n  {tagmanifest}" in shown
    assert entry.details["signed_by"] and entry.details["signed_by"] in shown  # type: ignore[attr-defined]
    assert opened == [QUrl.fromLocalFile(str(out))]
    again = shell.main.exports.export_bundle()
    assert again is not None
    settle(qtbot, shell.runner)
    fingerprint = entry.details["signed_by"]  # type: ignore[attr-defined]
    assert fingerprint[-8:] in again.key_label.text().replace(" ", ""), "the key made for the bundle is shown"
