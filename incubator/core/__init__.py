"""The vocabulary every wing shares, no database: roles and fields, errors, translation, formatting, clean input."""
