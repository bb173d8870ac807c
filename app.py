"""Entry point: `streamlit run app.py`. The frame (sign-in gate, menu by role) lives in `incubator.web.frame`."""

from incubator.web.frame import run_app

run_app()
