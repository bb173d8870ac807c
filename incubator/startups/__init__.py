"""Startups and cohorts: profiles, teams, the ask, and who may see or change each startup."""
