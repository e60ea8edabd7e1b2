"""Composition of the dossier export: the case's records service, the PDF and DOCX renderers of
``caseapp.export`` and an output folder on disk (see ``caseapp.core.services.dossier_export``)."""

from __future__ import annotations

import contextlib
import dataclasses
import tempfile
from collections.abc import Iterator
from pathlib import Path

from caseapp.app.bundle_export import BundleExported, BundleOptions, export_bundle
from caseapp.app.case_folder import OpenCase
from caseapp.app.org_key import organisation_key, stored_key
from caseapp.app.output_folder import PARTIAL_PREFIX, PARTIAL_SUFFIX, OutputFolderOnDisk
from caseapp.app.render_processes import render_in_processes
from caseapp.core.dossier.inputs import DossierInputs
from caseapp.core.dossier.model import Document, Language
from caseapp.core.dossier.selection import Section
from caseapp.core.operations import OpResult, Task
from caseapp.core.services.dossier_export import (
    DossierExportService,
    DossierFormat,
    DossierRequest,
    ExportedDossier,
    Renderer,
)


def renderers() -> dict[DossierFormat, Renderer]:
    from caseapp.export.docx_render import render_docx
    from caseapp.export.pdf import render_pdf

    return {DossierFormat.PDF: render_pdf, DossierFormat.DOCX: render_docx}


def export_dossier(
    case: OpenCase,
    request: DossierRequest,
    destination: Path,
    *,
    inputs: DossierInputs | None = None,
    task: Task | None = None,
) -> OpResult[ExportedDossier]:
    """Write the communication into the new folder ``destination`` (which must not exist or be
    empty), recorded in the case's custody log."""
    if request.signing_fingerprint is None:  # the organisation's key, if the case has one, goes on the cover
        key = stored_key(case)
        if key is not None:
            request = dataclasses.replace(request, signing_fingerprint=key.printed_fingerprint)
    output = OutputFolderOnDisk(destination)
    service = DossierExportService(case.records, renderers(), read_only=case.read_only, render_all=render_in_processes)
    return service.export_dossier(request, inputs or case.records.dossier_inputs(), output, task=task)


def public_outline(
    case: OpenCase, language: Language, *, omit: frozenset[Section] = frozenset(), task: Task | None = None
) -> Document:
    """The public version as it would be exported now (nothing rendered, nothing recorded), for a
    preview of its parts and headings, generated drafts marked, without the sections in ``omit``."""
    service = DossierExportService(case.records, renderers(), read_only=case.read_only)
    request = DossierRequest(language=language, public_only=True, omit=omit)
    return service.public_document(request, case.records.dossier_inputs(), task=task)


@contextlib.contextmanager
def dossier_for_bundle(
    case: OpenCase, *, public: bool, language: Language, beside: Path, task: Task | None = None
) -> Iterator[list[Path]]:
    """The communication rendered (PDF and DOCX; the public version only for a public bundle, never
    the key annex) into a private hidden folder beside the bundle's destination, for the bundle to
    take in; the folder is removed afterwards (or by the next export, if this one is killed)."""
    request = DossierRequest(language=language, public_only=public)
    key = stored_key(case)
    if key is not None:
        request = dataclasses.replace(request, signing_fingerprint=key.printed_fingerprint)
    service = DossierExportService(case.records, renderers(), read_only=case.read_only, render_all=render_in_processes)
    with tempfile.TemporaryDirectory(prefix=PARTIAL_PREFIX, suffix=PARTIAL_SUFFIX, dir=beside) as folder:
        produced = service.render_for_bundle(request, case.records.dossier_inputs(), Path(folder), task=task)
        yield [Path(folder) / item.name for item in produced]


def export_bundle_with_dossier(
    case: OpenCase, out_dir: Path, options: BundleOptions, *, dossier: Language | None, task: Task | None = None
) -> BundleExported:
    """The evidence bundle with the communication in it, in ``dossier``'s language (None: without
    it). A signed bundle's key is made first, so that the dossier's cover names it. While the
    dossier is rendered, ``task.progress`` gets (0, 0, what is being written); then the bundle's
    (bytes done, bytes in all, bag path)."""
    task = task or Task()
    key_created = organisation_key(case, options.organisation).created if options.sign else False
    if dossier is None:
        result = export_bundle(case, out_dir, options, task=task)
    else:
        beside = out_dir.expanduser().absolute().parent
        rendering = Task(progress=lambda _done, _total, label: task.progress(0, 0, label), cancel=task.cancel)
        with dossier_for_bundle(case, public=options.public, language=dossier, beside=beside, task=rendering) as files:
            with_files = dataclasses.replace(options, dossier_files=tuple(files))
            result = export_bundle(case, out_dir, with_files, task=task)
    return dataclasses.replace(result, key_created=True) if key_created else result
