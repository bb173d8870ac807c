"""Progress: milestones and milestone plans, traction metrics and their CSV upload, and the cohort dashboard."""
