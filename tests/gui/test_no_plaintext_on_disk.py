"""Nothing decrypted reaches the disk: after a session that imported marked evidence, found it, showed
it (table thumbnails, details, image previews, extracted text) and locked, no file new or changed under
the home, configuration, cache, data, runtime and temporary folders holds the marker (as UTF-8 or
UTF-16), and the case folder holds only ciphertext.

HOME, the XDG folders and TMPDIR (and ``tempfile.tempdir``) are fresh folders for this test; /tmp,
/var/tmp and /dev/shm are searched too, for anything that ignores TMPDIR. The marker is random, so
nothing written by other programs can match it; the evidence folder the files were taken from is the
one place it may be, and the scan is shown to find it there.
"""

from __future__ import annotations

import os
import secrets
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest
from PIL import Image
from PIL.PngImagePlugin import PngInfo
from PySide6.QtCore import QMimeData, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDropEvent
from pytestqt.qtbot import QtBot

from caseapp.app.case_folder import OpenCase
from caseapp.core.services.import_report import FileStatus
from caseapp.gui.models.exhibits import Column
from caseapp.gui.shell import Shell
from tests.gui.conftest import settle

XDG = ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_RUNTIME_DIR")
SYSTEM_TEMPS = (Path("/tmp"), Path("/var/tmp"), Path("/dev/shm"))  # searched, never written
# The marked files are a few kilobytes: any copy of them, or a cache holding one, is far smaller than this.
LARGEST_SEARCHED = 256 * 2**20
CHUNK = 2**20

Listing = dict[str, tuple[int, int]]


@pytest.fixture
def fresh_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """HOME, XDG_* and TMPDIR as empty folders (asked for before ``shell``, so its settings live here)."""
    roots = {"HOME": tmp_path / "home", "TMPDIR": tmp_path / "tmp"}
    roots.update({name: tmp_path / "home" / name.lower() for name in XDG})
    for name, folder in roots.items():
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        monkeypatch.setenv(name, str(folder))
    monkeypatch.setattr(tempfile, "tempdir", str(roots["TMPDIR"]))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(roots["XDG_CONFIG_HOME"]))
    return roots


def listing(roots: Iterable[Path]) -> Listing:
    """Every regular file under ``roots`` (not following links) with its size and modification time."""
    found: Listing = {}
    for root in roots:
        for folder, _dirs, files in os.walk(root, onerror=lambda _error: None):
            for name in files:
                path = os.path.join(folder, name)
                try:
                    info = os.lstat(path)
                except OSError:
                    continue  # gone meanwhile (another program's temporary file)
                if os.path.isfile(path) and not os.path.islink(path):
                    found[path] = (info.st_size, info.st_mtime_ns)
    return found


def holds(path: str, needles: tuple[bytes, ...]) -> bool:
    """True if the file contains any needle; read in chunks that overlap by the longest needle."""
    overlap = max(len(n) for n in needles) - 1
    try:
        with open(path, "rb") as stream:
            tail = b""
            while chunk := stream.read(CHUNK):
                window = tail + chunk
                if any(n in window for n in needles):
                    return True
                tail = window[-overlap:]
    except OSError:
        return False  # unreadable (another user's file) or gone
    return False


def marked_files(before: Listing, after: Listing, needles: tuple[bytes, ...], skip: Path) -> list[str]:
    """The files new or changed since ``before`` that hold a needle, outside ``skip``."""
    changed = [p for p, seen in after.items() if before.get(p) != seen and not Path(p).is_relative_to(skip)]
    return [p for p in changed if after[p][0] <= LARGEST_SEARCHED and holds(p, needles)]


def marked_evidence(folder: Path, marker: str) -> list[Path]:
    """A statement, a PNG (marker in a text chunk) and a JPEG (marker in its EXIF description)."""
    folder.mkdir()
    statement = folder / "statement.txt"
    statement.write_text(f"The witness saw the strike. {marker}\nشاهد الشاهد الضربة.\n", encoding="utf-8")  # noqa: RUF001
    png = folder / "crater.png"
    info = PngInfo()
    info.add_text("Comment", marker)
    Image.new("RGB", (64, 48), (180, 40, 40)).save(png, pnginfo=info)
    jpeg = folder / "hospital.jpg"
    exif = Image.Exif()
    exif[0x010E] = marker  # ImageDescription
    Image.new("RGB", (64, 48), (40, 40, 180)).save(jpeg, exif=exif)
    for path in (statement, png, jpeg):
        assert marker.encode() in path.read_bytes()
    return [statement, png, jpeg]


def drop(window: object, paths: list[Path]) -> None:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(
        QPointF(10, 10), Qt.DropAction.CopyAction, data, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    )
    window.dropEvent(event)  # type: ignore[attr-defined]


def test_no_plaintext_marker_under_home_and_temp_after_a_session(
    qtbot: QtBot,
    fresh_home: dict[str, Path],
    shell: Shell,
    make_case: Callable[..., tuple[OpenCase, str]],
    tmp_path: Path,
) -> None:
    marker = f"caseappmarker{secrets.token_hex(12)}"
    needles = (marker.encode("utf-8"), marker.encode("utf-16-le"))
    evidence = tmp_path / "usb-stick"
    files = marked_evidence(evidence, marker)
    roots = [*fresh_home.values(), tmp_path, *SYSTEM_TEMPS]
    before = listing(roots)

    case, _ = make_case()
    shell.open(case, case.folder)
    settle(qtbot, shell.runner)
    main = shell.main
    with qtbot.waitSignal(main.importer.finished, timeout=30_000) as finished:
        drop(main, [evidence])
    report = finished.args[0]
    assert report is not None and report.count(FileStatus.IMPORTED) == len(files)
    settle(qtbot, shell.runner)
    assert main.exhibits.rowCount() == len(files)

    search = main.exhibits_page.search  # the statement is found by its text, through the encrypted index
    qtbot.keyClicks(search, marker)
    qtbot.keyClick(search, Qt.Key.Key_Return)
    settle(qtbot, shell.runner)
    assert main.exhibits.rowCount() == 1
    assert main.exhibits.index(0, Column.TITLE).data().startswith("statement")

    search.clear()
    qtbot.keyClick(search, Qt.Key.Key_Return)
    settle(qtbot, shell.runner)
    shown, previewed, texts = [], 0, []
    for row in range(main.exhibits.rowCount()):
        main.side.setCurrentIndex(0)
        main.exhibits_page.table.selectRow(row)
        settle(qtbot, shell.runner)
        shown.append(main.detail.toPlainText())
        main.side.setCurrentIndex(1)  # the preview: the original decrypted (in memory) and drawn
        settle(qtbot, shell.runner)
        main.preview.view.viewport().repaint()
        previewed += main.preview.view.image is not None
        main.side.setCurrentIndex(2)  # the extracted text
        settle(qtbot, shell.runner)
        texts.append(main.side.text.toPlainText())
    assert sorted(text.split(" — ")[0] for text in shown) == ["EX-1", "EX-2", "EX-3"]
    assert previewed == 2, "both pictures were shown in the preview"
    assert sum(marker in text for text in texts) == 1, "the statement's text was shown"
    assert sum("thumbnail SHA-256" in text for text in shown) == 2  # thumbnails were made, and kept encrypted
    main.exhibits_page.table.viewport().repaint()  # the table's thumbnails, decrypted and decoded in memory
    settle(qtbot, shell.runner)
    pictures = [main.exhibits.index(row, Column.TITLE).data(Qt.ItemDataRole.DecorationRole) for row in range(3)]
    assert sum(icon.pixmap(36, 36).toImage().pixelColor(18, 18).alpha() != 0 for icon in pictures) == 2
    assert main.exhibits.thumbnails.nbytes > 0
    qtbot.keyClicks(search, marker)
    qtbot.keyClick(search, Qt.Key.Key_Return)
    settle(qtbot, shell.runner)
    main.exhibits_page.table.viewport().repaint()
    shell.lock()
    assert len(main.exhibits.thumbnails) == 0 and main.exhibits.thumbnails.nbytes == 0, "thumbnails forgotten"
    assert case.locked and main.detail.toPlainText() == ""
    assert main.preview.content is None and main.preview.view.image is None and main.side.text.toPlainText() == ""
    assert search.text() == "" and main.exhibits.query.text is None  # the search is forgotten too
    shell.settings.sync()
    after = listing(roots)

    assert marked_files(before, after, needles, skip=evidence) == []
    assert marked_files({}, listing([case.folder]), needles, skip=evidence) == []  # ciphertext only
    assert sorted(marked_files({}, listing([evidence]), needles, skip=tmp_path / "none")) == sorted(
        str(f) for f in files
    ), "the search finds the marker where it is in plain"
    new_settings = [p for p in after if p not in before and Path(p).is_relative_to(fresh_home["XDG_CONFIG_HOME"])]
    assert new_settings, "the session wrote its settings under the fresh home, so that place was searched"
