"""Judging pitch events: rubrics, events and their pitches and judges, scores, and the leaderboard."""
