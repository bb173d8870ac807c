"""Data in and out: the bundle format (import, export), CSV downloads, backups and restores, the demo cohort."""
