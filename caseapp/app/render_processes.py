"""Rendering the dossier's files side by side, one process each (up to the machine's cores).

reportlab and python-docx hold the interpreter while they lay out a 500-page document, so threads
would not help: separate processes do (``python -m bench dossier`` measures the gain). Processes are
started with ``spawn`` (no fork of a process with Qt or database threads), each renders one file
into the export's private folder and exits; a cancel stops waiting, drops what is queued and lets
the export discard the folder. On one core, or for one file, files are rendered in turn here.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from pathlib import Path

from caseapp.core.dossier.model import Document
from caseapp.core.operations import Task
from caseapp.core.services.dossier_export import CANCELLED, DossierFormat, RenderJob

POLL_SECONDS = 0.2


def render_one(document: Document, fmt: str, path: str) -> None:
    """Render one file (runs in a worker process)."""
    if DossierFormat(fmt) is DossierFormat.PDF:
        from caseapp.export.pdf import render_pdf

        render_pdf(document, Path(path))
    else:
        from caseapp.export.docx_render import render_docx

        render_docx(document, Path(path))


def workers(jobs: int) -> int:
    return max(1, min(jobs, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1))


def render_in_processes(jobs: Sequence[RenderJob], task: Task, steps: int) -> None:
    """Write every job's file, several at once; progress as files finish; cancel between polls."""
    count = workers(len(jobs))
    if count < 2:
        for done, job in enumerate(jobs, 1):
            task.cancel.check(CANCELLED)
            task.progress(done, steps, f"writing {job.path.name}")
            render_one(job.document, job.format.value, str(job.path))
        return
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=count, mp_context=context) as pool:
        pending: set[Future[None]] = {
            pool.submit(render_one, job.document, job.format.value, str(job.path)) for job in jobs
        }
        names = ", ".join(job.path.name for job in jobs)
        task.progress(0, steps, f"writing {names}")
        done = 0
        try:
            while pending:
                task.cancel.check(CANCELLED)
                finished, pending = wait(pending, timeout=POLL_SECONDS, return_when=FIRST_COMPLETED)
                for future in finished:
                    future.result()  # a renderer's error stops the export here
                    done += 1
                    task.progress(done, steps, f"{done} of {len(jobs)} files written")
        except BaseException:
            pool.shutdown(wait=True, cancel_futures=True)
            raise
