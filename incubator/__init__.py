"""The incubation toolkit: one wing (subpackage) per thing people do, the command line, and `web`.

Only `incubator.web` imports Streamlit; the import contracts in pyproject.toml keep it so.
"""
