"""Mentoring: sessions a mentor logs with a startup, and the action items its founders tick."""
