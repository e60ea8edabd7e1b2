"""Composition layer: puts secrets, storage and core services together for the CLI and the GUI.

No Qt here; the GUI calls these from its worker threads.
"""
