"""Pitch decks: outlines, slides drafted from the canvas, versions, and the PowerPoint and PDF files."""
