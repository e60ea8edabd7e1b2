"""The names of a case folder's files that storage owns, importable without loading SQLAlchemy
(the unlock screen looks at a folder before anything else of the case is needed)."""

DB_NAME = "case.db"
