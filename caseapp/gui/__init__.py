"""The Qt (PySide6) desktop interface: the only package allowed to import Qt.

Empty until the GUI work lands; the import contracts already reserve its place in the layers.
"""
