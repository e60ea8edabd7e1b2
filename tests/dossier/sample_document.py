"""A small hand-built dossier document with every kind of block, Arabic and French in it: what
the renderers are tested on before (and besides) the builder's real output."""

from __future__ import annotations

from caseapp.core.dossier.model import (
    Cover,
    Document,
    Furniture,
    Heading,
    Labels,
    Language,
    Note,
    NoteRef,
    Paragraph,
    ParagraphStyle,
    Part,
    Properties,
    Redaction,
    Span,
    Table,
    Version,
    XRef,
)

ARABIC_NAME = "حلب الشرقية"
ARABIC_QUOTE = "سقطت القذيفة على المستشفى في الصباح"
HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"


def sample_document(version: Version = Version.PUBLIC) -> Document:
    intro = Part(
        label="I.",
        title="Introduction",
        anchor="part-introduction",
        blocks=(
            Paragraph(
                (Span("This communication concerns attacks on civilians in "), Span(ARABIC_NAME), Span(" (Aleppo).")),
                number=1,
                anchor="para-1",
            ),
            Paragraph(
                (
                    Span("The sender submits it under Article 15 of the Rome Statute."),
                    NoteRef(1),
                    Span(" See "),
                    XRef("para. 3", "para-3"),
                    Span("."),
                ),
                number=2,
                anchor="para-2",
                draft=True,
            ),
        ),
        notes=(Note(1, (Span("Rome Statute, art. 15(1)."),)),),
        page_break_before=False,
    )
    facts = Part(
        label="II.",
        title="Factual background",
        anchor="part-facts",
        blocks=(
            Heading(2, "A.", "Strike on al-Quds hospital", "facts-a"),
            Paragraph(
                (
                    Span("On 27 April 2016 the hospital was struck ("),
                    XRef("EX-1", "exhibit-EX-1"),
                    Span("). A witness, "),
                    Redaction("[REDACTED: protected witness W-001]"),
                    Span(", said:"),
                    NoteRef(1),
                ),
                number=3,
                anchor="para-3",
            ),
            Paragraph((Span(ARABIC_QUOTE),), style=ParagraphStyle.QUOTE),
            Heading(3, "1.", "Élément contextuel : conflit armé", "facts-a-1"),
            Table(
                columns=("Element", "Status", "Supporting", "Contradicting"),
                rows=(
                    (
                        (Span("8(2)(e)(iv)-1 The perpetrator directed an attack."),),
                        (Span("weak", bold=True),),
                        (XRef("EX-1", "exhibit-EX-1"), Span(" (para. 3)")),
                        (Span("—"),),
                    ),
                    (
                        (Span("C-NIAC armed conflict not of an international character"),),
                        (Span("unaddressed", bold=True),),
                        (Span("—"),),
                        (Span("—"),),
                    ),
                ),
                widths=(0.4, 0.15, 0.25, 0.2),
                caption="Table 1: elements of 8(2)(e)(iv)",
                anchor="table-1",
            ),
        ),
        notes=(Note(1, (Span("Statement of W-001, "), Span(HASH, mono=True), Span("."))),),
    )
    index = Part(
        label="",
        title="Evidence index",
        anchor="part-index",
        blocks=(
            Table(
                columns=("Exhibit", "Title", "SHA-256"),
                rows=(((Span("EX-1"),), (Span("Crater photo "), Span(ARABIC_NAME)), (Span(HASH, mono=True),)),),
                widths=(0.12, 0.38, 0.5),
                anchor="exhibit-EX-1",
            ),
        ),
    )
    classification = "PUBLIC REDACTED VERSION" if version is Version.PUBLIC else "CONFIDENTIAL"
    return Document(
        version=version,
        language=Language.EN,
        cover=Cover(
            original_language="Original: English",
            date="Date: 27 November 2026",
            situation="Situation in the Syrian Arab Republic",
            situation_number=None,
            classification="PUBLIC with Confidential Annex 1; Public Annexes 2, 3",
            title="Communication under Article 15 of the Rome Statute on attacks in Aleppo, 2016",
            sender=("Source: Aleppo Documentation Clinic", "Faculté de droit, Genève"),
            secure_contact="Secure contact: clinic@example.org (Signal on request)",
            undertaking="The sender undertakes to provide further information on request.",
            signing_fingerprint="Signing key fingerprint (OpenPGP): ABCD 1234 ABCD 1234 ABCD  1234 ABCD 1234 ABCD 1234",
        ),
        furniture=Furniture(
            short_title="Art. 15 communication: Aleppo 2016",
            classification=classification,
            date="27 November 2026",
            page_label="page {page} / {pages}",
        ),
        labels=Labels(
            contents="Contents",
            notes="Notes",
            draft_marker="[DRAFT generated by caseapp: review and edit before sending]",
        ),
        properties=Properties(
            title="Communication under Article 15 of the Rome Statute",
            subject="Situation in the Syrian Arab Republic",
            author="Aleppo Documentation Clinic",
        ),
        parts=(intro, facts, index),
        file_stem="communication-public",
    )
