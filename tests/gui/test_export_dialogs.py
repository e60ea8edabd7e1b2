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
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from caseapp.app.case_folder import OpenCase
from caseapp.core.custody import CustodyAction
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
