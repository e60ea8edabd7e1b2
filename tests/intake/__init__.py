"""Tests of caseapp.intake: walking, streaming, type detection, metadata, derivatives, hostile input."""
