"""Reading evidence files: walking folders, hashing while streaming, type sniffing, metadata, derivatives.

No database here; functions return values (architecture §1).
"""
