"""The Article 15 communication as a neutral document model, built from the export view."""
