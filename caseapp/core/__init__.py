"""The domain: entities, services and rules. Standard library only (enforced by import-linter)."""
