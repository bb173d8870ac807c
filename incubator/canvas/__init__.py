"""From idea to lean canvas: the idea, the canvas template, versions, comparison, hints, mentors' comments, the PDF."""
