"""The incubation toolkit's domain package: models, services, exports and the command line.

It never imports Streamlit, except in `incubator.ui`, the one UI-support module.
"""
