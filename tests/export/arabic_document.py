"""The sample dossier document plus a part with Arabic that wraps over several lines: a paragraph
entirely in Arabic (about four lines) and a Latin paragraph whose Arabic quotation crosses a line
break. What the PDF tests and ``tools/look_at_dossier.py`` use to check line order."""

from __future__ import annotations

import dataclasses

from caseapp.core.dossier.model import Document, Paragraph, Part, Span, Version
from tests.dossier.sample_document import sample_document

ARABIC_TESTIMONY = (
    "قال الشاهد إن القصف بدأ في ساعات الفجر الأولى واستمر حتى الظهر، وإن سيارات الإسعاف لم تتمكن من الوصول "
    "إلى الحي بسبب الركام الذي سد الطرقات. وأضاف أن الطاقم الطبي نقل الجرحى إلى الطابق السفلي من المستشفى، "
    "وأن الكهرباء انقطعت مرات عدة خلال اليوم. وذكر أنه رأى طائرتين تحلقان فوق المنطقة قبل سقوط القذائف "
    "بدقائق، وأن السكان حاولوا الاحتماء في الأقبية والمدارس القريبة من السوق القديم في حلب الشرقية."
)
ARABIC_INSIDE = "رأيت الدخان يتصاعد من المستشفى ثم سمعت صوت انفجار ثان أقوى من الأول وركض الناس نحو الشارع الرئيسي"
LATIN_AROUND = (
    "The witness, interviewed in Gaziantep on 3 May 2016, described the second strike in these words: ",
    " and confirmed the time of the second explosion (EX-2).",
)


def arabic_document(version: Version = Version.PUBLIC) -> Document:
    doc = sample_document(version)
    testimony = Part(
        label="III.",
        title="Testimony excerpts",
        anchor="part-testimony",
        blocks=(
            Paragraph((Span(ARABIC_TESTIMONY),), number=4, anchor="para-4"),
            Paragraph((Span(LATIN_AROUND[0] + ARABIC_INSIDE + LATIN_AROUND[1]),), number=5, anchor="para-5"),
        ),
    )
    parts = (*doc.parts[:-1], testimony, doc.parts[-1])
    return dataclasses.replace(doc, parts=parts)
