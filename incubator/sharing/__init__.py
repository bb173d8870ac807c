"""Sharing: a link per investor to a startup's deck or one-pager, the public page it opens, and what was read."""
