"""Command-line front end: argparse over the same services the GUI uses."""
