# ruff: noqa: RUF002, RUF003  (Arabic letters in prose look like Latin ones to ruff)
"""Normalisation of text for full-text search, applied identically to indexed text and to queries.

The full-text index (SQLite FTS5, ``unicode61 remove_diacritics 2``) folds case and Latin accents
itself, so ``temoin`` finds ``témoin``. It knows nothing of Arabic orthography: a word written with
or without hamza on its alef, with or without short vowels, with ``ى`` or ``ي`` at its end, or with
the definite article, is a different token, and short-vowel marks even split a word into letters.
This module folds those spelling variants away. Rules, in order:

1. NFKC: Arabic presentation forms (``ﻻ`` → ``لا``, ``ﺑ`` → ``ب``), Latin ligatures and full-width
   forms fold to ordinary letters.
2. Zero-width joiners and non-joiners, the word joiner and BOM are removed, so they cannot split a
   word; zero-width spaces and bidi marks, embeddings and isolates, which sit between runs of
   text, become spaces so they cannot glue two words together either.
3. Tashkeel (harakat, tanween, shadda, sukun, superscript alef, Quranic marks) and tatweel are
   removed: ``مُسْتَشْفَى`` → ``مستشفى``.
4. Alef with hamza above/below, alef with madda and alef wasla → bare alef (``إفادة`` = ``افادة``);
   people often type the bare alef.
5. Alef maqsura ``ى`` → ``ي`` (``مستشفى`` = ``مستشفي``): final ``ى``/``ي`` are confused in much
   writing, notably in Egypt. The Persian/Urdu yeh ``ی`` and keheh ``ک``, which Persian keyboard
   layouts produce for Arabic text, fold to ``ي`` and ``ك``.
6. Taa marbuta ``ة`` → ``ه``: final ``ة`` is very often written ``ه`` (``مدرسه``), while the reverse
   fold is impossible since ``ه`` is also a letter of its own. The cost is that a word ending in a
   taa marbuta also matches the same word with the pronoun suffix ``ه`` (rare false positives).
7. Hamza on waw ``ؤ`` → ``و`` and on yeh ``ئ`` → ``ي``: what one gets by leaving the hamza out, as
   informal writing (messages, social media) commonly does (``جايزة`` for ``جائزة``). The lone
   hamza ``ء`` is kept. Limit: the two accepted spellings ``مسؤول`` and ``مسئول`` stay distinct.
8. Arabic-Indic and Persian digits → ASCII digits, so ``2016`` finds ``٢٠١٦``.

The definite article is handled apart, because it depends on the side: :func:`index_form` keeps
every Arabic word as written and adds, right after it, the word without a leading article
(``ال``, also with a preceding ``و ف ب ك`` or as ``لل``), when at least two letters remain;
:func:`query_words` drops a leading article from a query word when at least three letters remain.
So ``قدس`` finds ``القدس`` and ``بالقدس``, ``المستشفى`` finds ``مستشفى``, while a query for ``الله``
stays ``الله`` (not ``له``) and a partly typed ``القد`` still prefix-matches ``القدس``.

Latin, Cyrillic and other scripts pass through unchanged apart from NFKC; the index's own
tokenizer keeps doing their case and accent folding.
"""

from __future__ import annotations

import re
import unicodedata

from caseapp.core.errors import ValidationError

MAX_QUERY_CHARS = 1000
"""The longest search text accepted, in characters (before normalisation)."""
MAX_QUERY_WORDS = 64
"""The most words a search may have (each is a prefix term for the full-text index)."""

_REMOVED = (
    "\u0610-\u061a"  # Quranic honorifics and small letters
    "\u064b-\u065f"  # tanween, fatha, damma, kasra, shadda, sukun, and other harakat
    "\u0670"  # superscript (dagger) alef
    "\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed"  # Quranic annotation marks
    "\u0640"  # tatweel
    "\u200c\u200d\u2060\ufeff"  # zero-width (non-)joiners, word joiner, BOM: invisible inside a word
)
_REMOVE = re.compile(f"[{_REMOVED}]")

_FOLD = str.maketrans(
    {
        "\u0623": "\u0627",  # أ → ا
        "\u0625": "\u0627",  # إ → ا
        "\u0622": "\u0627",  # آ → ا
        "\u0671": "\u0627",  # ٱ → ا
        "\u0672": "\u0627",  # ٲ → ا
        "\u0673": "\u0627",  # ٳ → ا
        "\u0649": "\u064a",  # ى → ي
        "\u06cc": "\u064a",  # ی (Persian yeh) → ي
        "\u06a9": "\u0643",  # ک (keheh) → ك
        "\u0629": "\u0647",  # ة → ه
        "\u0624": "\u0648",  # ؤ → و
        "\u0626": "\u064a",  # ئ → ي
        "\u200b": " ",  # zero-width space separates words
        **dict.fromkeys("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069", " "),  # bidi
        **{chr(0x0660 + d): str(d) for d in range(10)},  # Arabic-Indic digits
        **{chr(0x06F0 + d): str(d) for d in range(10)},  # Persian digits
    }
)

# Article prefixes: "and the", "so the", "with the", "like the", "for the", "the".
_ARTICLES = ("وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال")
_INDEX_REMAINDER = 2
_QUERY_REMAINDER = 3
# A whole word that starts with an article and has enough letters after it (group 1). The
# prefixes sharing a first letter differ in the second, so at most one can match: as strip_article.
_ARTICLE_WORD = re.compile(rf"(?<!\w)(?:{'|'.join(_ARTICLES)})(\w{{{_INDEX_REMAINDER},}})")
_WORD = re.compile(r"\w+")


def normalise(text: str) -> str:
    """Fold ``text`` for search: rules 1 to 8 of the module docstring, without the article."""
    return _REMOVE.sub("", unicodedata.normalize("NFKC", text)).translate(_FOLD)


def strip_article(word: str, *, min_remainder: int = _INDEX_REMAINDER) -> str:
    """``word`` (already normalised) without a leading Arabic definite article, if at least
    ``min_remainder`` letters remain; otherwise ``word`` unchanged."""
    for prefix in _ARTICLES:
        if word.startswith(prefix) and len(word) - len(prefix) >= min_remainder:
            return word[len(prefix) :]
    return word


def index_form(text: str) -> str:
    """What to put in the full-text index for ``text``: normalised, each Arabic word with an
    article followed by the same word without it."""
    return _ARTICLE_WORD.sub(r"\g<0> \1", normalise(text))


def query_words(query: str) -> list[str]:
    """The words of a search query, normalised, a leading article dropped when three or more
    letters remain (every indexed word with that article also carries its bare form)."""
    return [strip_article(word, min_remainder=_QUERY_REMAINDER) for word in _WORD.findall(normalise(query))]


def fts_query(query: str) -> str:
    """An FTS5 MATCH expression for ``query``: every word, as a prefix, in its search form.

    Empty when the query has no word. Words are quoted, so FTS5 operators typed by a user
    (``OR``, ``NEAR``, ``*``, ``-``) are searched for as text, never interpreted. A query longer
    than `MAX_QUERY_CHARS` characters or with more than `MAX_QUERY_WORDS` words raises
    `ValidationError` before any work (every word is a prefix term the index must expand: a 1 MB
    query took minutes)."""
    if len(query) > MAX_QUERY_CHARS:
        raise ValidationError(
            f"the search text is {len(query)} characters long; the limit is {MAX_QUERY_CHARS} characters. "
            "Search for a few distinctive words instead."
        )
    words = query_words(query)
    if len(words) > MAX_QUERY_WORDS:
        raise ValidationError(
            f"the search text has {len(words)} words; the limit is {MAX_QUERY_WORDS} words. "
            "Search for a few distinctive words instead."
        )
    return " ".join('"{}"*'.format(word.replace('"', '""')) for word in words)
