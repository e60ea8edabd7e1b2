"""Qt table models over the case's records (rows are core dataclasses, never database rows)."""
