"""caseapp: an offline, encrypted case builder for evidence of international crimes."""

__version__ = "0.1.0"
